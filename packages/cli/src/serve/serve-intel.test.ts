import { Writable } from 'node:stream'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultScoringPolicy, type ApplicationRecord } from '@hirewall/core'
import { IntelCache, importIntel } from '@hirewall/intel'
import { openTimeoutMs } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadScreeningIntel } from '../intel/screening-intel.js'
import { startService, type RunningService } from './start-service.js'

const applicant = (id: string, phone: string, email: string): ApplicationRecord => ({
  schemaVersion: 1,
  id,
  submittedAt: '2026-11-02T15:04:05Z',
  source: { system: 'api', applicationId: id },
  cv: { basics: { name: 'Noor Haddad', email, phone } },
  claimed: { location: { city: 'Oakland', region: 'CA', countryCode: 'US' } },
})

/** `hirewall serve` with an intel cache: the sources it loaded are recorded, and stored watchlists reach screening. */
describe('hirewall serve: intelligence', () => {
  let intelDir: string
  let service: RunningService | undefined

  beforeAll(async () => {
    intelDir = await mkdtemp(join(tmpdir(), 'hirewall-serve-intel-'))
    const csv = join(intelDir, 'ring.csv')
    await writeFile(
      csv,
      'kind,value,severity,note\nemail,cached.persona@outlook.com,critical,From the cache\nfax,1,,\n',
    )
    const imported = await importIntel(new IntelCache(intelDir), {
      kind: 'watchlist',
      name: 'cached-ring',
      files: [csv],
    })
    expect(imported.status).toBe('stored')
  })
  afterAll(async () => {
    await service?.server.shutdown('test')
    await rm(intelDir, { recursive: true, force: true })
  })

  it(
    'records the cached and packaged sources at start and screens against the stored watchlists',
    async () => {
      const quiet = new Writable({ write: (_chunk, _encoding, done) => done() })
      const intel = await loadScreeningIntel(
        { intel: true, intelDir },
        { stdout: quiet, stderr: quiet, stdin: process.stdin },
      )
      service = await startService({
        port: 0,
        host: '127.0.0.1',
        dataDir: 'memory://',
        databaseUrl: undefined,
        publicOrigins: ['http://localhost'],
        adminEmail: 'admin@example.com',
        policy: defaultScoringPolicy,
        intel,
        seed: () => [],
        submissionsPerMinute: undefined,
        logLevel: 'silent',
        serveConsole: false,
        say: () => undefined,
        exit: () => undefined,
        signals: [],
      })
      const sources = await service.store.intelSources.list()
      expect(sources).toContainEqual(
        expect.objectContaining({
          kind: 'watchlist',
          name: 'watchlist:cached-ring',
          entries: 1,
          skipped: 1,
          origin: 'import',
        }),
      )
      expect(sources.filter((source) => source.origin === 'package').length).toBeGreaterThan(0)

      // A list stored in the database after the service started is read at the next screening.
      const list = await service.store.watchlists.create({ name: 'stored-ring', createdBy: 'user:test' })
      await service.store.watchlists.addEntries(list.id, [
        {
          kind: 'phone',
          value: '+1 415 555 0166',
          normalised: '+14155550166',
          severity: 'critical',
          note: null,
          source: 'test',
          tlp: 'amber',
          confidence: null,
          addedBy: 'user:test',
        },
      ])
      const stored = await service.screening.submit({
        record: applicant('serve-intel-1', '(415) 555-0166', 'noor.haddad@gmail.com'),
        raw: {},
        actor: 'test',
      })
      const cached = await service.screening.submit({
        record: applicant('serve-intel-2', '(415) 555-0123', 'cached.persona@outlook.com'),
        raw: {},
        actor: 'test',
      })
      const lists = (outcome: typeof stored) =>
        outcome.result.signals
          .filter((signal) => signal.code === 'watchlist.match')
          .map((signal) => (signal.evidence as { list?: string }).list)
      expect(lists(stored)).toEqual(['watchlist:stored-ring'])
      expect(lists(cached)).toEqual(['watchlist:cached-ring'])
      expect(stored.result.dataVersions).toMatchObject({
        'watchlist:stored-ring': '2',
        'watchlist:cached-ring': expect.any(String) as string,
      })
    },
    openTimeoutMs * 2,
  )
})
