import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  createEmailDomainReference,
  defaultScoringPolicy,
  perRecordDetectors,
  screenApplication,
  type ApplicationRecord,
} from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import { importIntel } from './import-intel.js'
import { IntelCache } from './intel-cache.js'
import { loadIntel } from './load-intel.js'

const frontDomains = fileURLToPath(
  new URL('../../../../../shared/data/dprk/dprk_it_front_domains_public_reporting.csv', import.meta.url),
)

const application: ApplicationRecord = {
  schemaVersion: 1,
  id: 'front-1',
  submittedAt: '2026-03-02T15:04:05Z',
  source: { system: 'json' },
  cv: { basics: { name: 'Alex Kim', email: 'alex.kim@tonywangtech.com' } },
}

async function cacheWithWatchlist(): Promise<IntelCache> {
  const cache = new IntelCache(mkdtempSync(join(tmpdir(), 'hirewall-load-')))
  const result = await importIntel(cache, { kind: 'watchlist', name: 'dprk-fronts', files: [frontDomains] })
  expect(result.status).toBe('stored')
  return cache
}

describe('loadIntel', () => {
  it('builds the detectors over the cached lists and cites each list as a source', async () => {
    const cache = await cacheWithWatchlist()
    const intel = await loadIntel({ directory: cache.directory, includePackaged: false })
    expect(intel.detectors.map((detector) => detector.name)).toEqual(['watchlists'])
    const version = intel.statuses[0]?.version ?? ''
    expect(intel.sources).toEqual([{ name: 'watchlist:dprk-fronts', version, entries: 8 }])
    expect(intel.statuses).toEqual([
      expect.objectContaining({ kind: 'watchlist', name: 'watchlist:dprk-fronts', entries: 8, origin: 'import' }),
    ])
    const reference = createEmailDomainReference({ disposable: [], free: [], sources: intel.sources })
    const result = screenApplication(application, {
      policy: defaultScoringPolicy,
      reference,
      detectors: [...perRecordDetectors, ...intel.detectors],
    })
    const match = result.signals.find((signal) => signal.code === 'watchlist.match')
    expect(match?.evidence).toMatchObject({ source: { name: 'watchlist:dprk-fronts', version } })
    expect(result.dataVersions).toEqual({ 'watchlist:dprk-fronts': version })
  })

  it('adds the network data shipped in npm packages: the network detector and the sources it cites', async () => {
    const intel = await loadIntel({ directory: mkdtempSync(join(tmpdir(), 'hirewall-empty-')) })
    expect(intel.detectors.map((detector) => detector.name)).toEqual(['network'])
    expect(intel.sources.map((source) => source.name)).toEqual([
      'hirewall network classification',
      '@ip-location-db/asn',
      '@ip-location-db/geo-whois-asn-country-mmdb',
    ])
    expect(intel.statuses).toEqual([])
  })

  it('flags a school on an imported high-risk list', async () => {
    const cache = new IntelCache(mkdtempSync(join(tmpdir(), 'hirewall-load-')))
    const list = join(cache.directory, '..', `mills-${process.pid}.csv`)
    writeFileSync(list, 'name,country,domains,reason\nAshwood University,US,ashwood.edu,unaccredited degree supplier\n')
    expect((await importIntel(cache, { kind: 'high-risk-institutions', name: 'mills', files: [list] })).status).toBe(
      'stored',
    )
    const intel = await loadIntel({ directory: cache.directory, includePackaged: false })
    expect(intel.detectors.map((detector) => detector.name)).toEqual(['institutions'])
    const milled: ApplicationRecord = {
      ...application,
      cv: { ...application.cv, education: [{ institution: 'Ashwood University', studyType: 'Master' }] },
    }
    const reference = createEmailDomainReference({ disposable: [], free: [], sources: intel.sources })
    const result = screenApplication(milled, {
      policy: defaultScoringPolicy,
      reference,
      detectors: [...intel.detectors],
    })
    expect(result.signals.find((signal) => signal.code === 'institution.high-risk')?.evidence).toMatchObject({
      source: { name: 'high-risk-institutions:mills' },
    })
  })

  it('says when no sanctions list is cached', async () => {
    const intel = await loadIntel({ directory: mkdtempSync(join(tmpdir(), 'hirewall-empty-')), includePackaged: false })
    expect(intel.detectors).toEqual([])
    expect(intel.warnings).toEqual([expect.objectContaining({ code: 'no-sanctions-list' })])
  })

  it('leaves out a source whose files changed on disk, with a warning naming it', async () => {
    const cache = await cacheWithWatchlist()
    const [id] = await cache.versionIds({ kind: 'watchlist', name: 'dprk-fronts' })
    const file = join(
      cache.directory,
      'watchlist',
      'dprk-fronts',
      'versions',
      id ?? '',
      'files',
      'dprk_it_front_domains_public_reporting.csv',
    )
    writeFileSync(file, `${readFileSync(file, 'utf8')}email,someone@example.com,,\n`)
    const intel = await loadIntel({ directory: cache.directory, includePackaged: false })
    expect(intel.detectors).toEqual([])
    expect(intel.warnings).toContainEqual({
      code: 'source-damaged',
      source: 'watchlist:dprk-fronts',
      message: expect.stringMatching(/^watchlist:dprk-fronts left out: .* does not match the SHA-256/) as string,
    })
  })
})
