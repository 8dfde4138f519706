import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import {
  createEmailDomainReference,
  defaultScoringPolicy,
  normaliseApplication,
  perRecordDetectors,
  screenApplication,
  type ApplicationRecord,
  type Signal,
} from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import type { LoadedList } from '../source/intel-source.js'
import { parseWatchlistCsv } from './parse-watchlist-csv.js'
import { createWatchlistDetector } from './watchlist-detector.js'
import type { WatchlistEntry } from './watchlist-entry.js'

const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/** A watchlist as the loader hands it over: parsed from CSV, named, versioned. */
function loadedList(name: string, version: string, csv: string): LoadedList<WatchlistEntry> {
  const result = parseWatchlistCsv([{ name: `${name}.csv`, text: csv }])
  if (result.status !== 'ok' || result.data.area !== 'watchlist') throw new Error(`fixture ${name} does not parse`)
  return { source: { name, version, entries: result.entries }, items: result.data.entries }
}

const ringList = loadedList(
  'fraud-ring-2025',
  '2026-01-15',
  [
    'kind,value,severity,note',
    'phone,14155550100,,',
    'email,jdoe@gmail.com,critical,Ring A operator',
    'domain,front-co.com,,front company',
    'address,"9 Elm Road, Apt 2, Dover, DE 19901",,laptop farm',
    'handle,https://github.com/jdoe,,',
    'ip,203.0.113.0/24,,',
    'ip,2001:db8:5::/48,,',
    `cv-sha256,${sha.toUpperCase()},medium,`,
  ].join('\n'),
)
const peerList = loadedList(
  'peer-share',
  '3',
  'type,indicator,severity\nip,203.0.113.7,medium\nemail,jdoe@gmail.com,high',
)

function anApplication(parts: Partial<ApplicationRecord>): ApplicationRecord {
  return {
    schemaVersion: 1,
    id: 'app-1',
    submittedAt: '2026-03-02T15:04:05Z',
    source: { system: 'json' },
    cv: { basics: { name: 'Jordan Doe' } },
    claimed: { location: { countryCode: 'US' } },
    ...parts,
  }
}

function detect(record: ApplicationRecord, lists = [ringList]): readonly Signal[] {
  return createWatchlistDetector({ lists }).detect({
    record,
    facts: normaliseApplication(record),
    reference: createEmailDomainReference({ disposable: [], free: [], sources: [] }),
  })
}

describe('createWatchlistDetector: each kind, normalised on both sides', () => {
  it.each<[string, Partial<ApplicationRecord>, string, string, string, string]>([
    // [case, record part, listed value, matched value, field, severity]
    [
      'a phone as typed',
      { contacts: { phones: [{ value: '+1 (415) 555-0100' }] } },
      '14155550100',
      '+1 (415) 555-0100',
      'contacts.phones[0].value',
      'high',
    ],
    [
      'a national phone read in the claimed country',
      { cv: { basics: { phone: '(415) 555-0100' } } },
      '14155550100',
      '(415) 555-0100',
      'cv.basics.phone',
      'high',
    ],
    [
      'an email with case, dots and a +tag',
      { contacts: { emails: [{ value: 'J.Doe+jobs@GMail.com' }] } },
      'jdoe@gmail.com',
      'J.Doe+jobs@GMail.com',
      'contacts.emails[0].value',
      'critical',
    ],
    [
      'an email at a sub-domain of a listed domain',
      { cv: { basics: { email: 'hr@mail.front-co.com' } } },
      'front-co.com',
      'hr@mail.front-co.com',
      'cv.basics.email',
      'high',
    ],
    [
      'an employer website',
      { cv: { work: [{ name: 'Front Co', url: 'https://www.front-co.com/' }] } },
      'front-co.com',
      'https://www.front-co.com/',
      'cv.work[0].url',
      'high',
    ],
    [
      'an address written another way',
      { contacts: { addresses: [{ type: 'shipping', value: '9 ELM RD #2, DOVER DE 19901-0001' }] } },
      '9 Elm Road, Apt 2, Dover, DE 19901',
      '9 ELM RD #2, DOVER DE 19901-0001',
      'contacts.addresses[0].value',
      'high',
    ],
    [
      'a profile handle',
      { profiles: [{ network: 'github', username: 'JDoe' }] },
      'https://github.com/jdoe',
      'github JDoe',
      'profiles[0].username',
      'high',
    ],
    [
      'a profile URL',
      { cv: { basics: { profiles: [{ network: 'GitHub', url: 'github.com/JDoe/' }] } } },
      'https://github.com/jdoe',
      'github.com/JDoe/',
      'cv.basics.profiles[0].url',
      'high',
    ],
    [
      'an IPv4 address in a listed range',
      { submission: { ip: '203.0.113.99' } },
      '203.0.113.0/24',
      '203.0.113.99',
      'submission.ip',
      'high',
    ],
    [
      'an IPv6 address in a listed range',
      { submission: { ip: '2001:DB8:5:0::1' } },
      '2001:db8:5::/48',
      '2001:DB8:5:0::1',
      'submission.ip',
      'high',
    ],
    [
      'an IPv4-mapped IPv6 address',
      { submission: { ip: '::ffff:203.0.113.99' } },
      '203.0.113.0/24',
      '::ffff:203.0.113.99',
      'submission.ip',
      'high',
    ],
    ['a CV file hash', { document: { fileSha256: sha } }, sha.toUpperCase(), sha, 'document.fileSha256', 'medium'],
  ])('%s', (_, part, listedValue, matchedValue, field, severity) => {
    const signals = detect(anApplication(part))
    expect(signals).toHaveLength(1)
    expect(signals[0]).toMatchObject({
      code: 'watchlist.match',
      severity,
      evidence: {
        list: 'fraud-ring-2025',
        listedValue,
        matchedValue,
        field,
        source: { name: 'fraud-ring-2025', version: '2026-01-15' },
      },
    })
  })

  it.each<[string, Partial<ApplicationRecord>]>([
    ['another phone', { contacts: { phones: [{ value: '+1 415 555 0199' }] } }],
    ['the same mailbox at another domain', { contacts: { emails: [{ value: 'jdoe@outlook.com' }] } }],
    ['a domain that only ends like a listed one', { contacts: { emails: [{ value: 'a@notfront-co.com' }] } }],
    [
      'another unit at the listed address',
      { contacts: { addresses: [{ type: 'home', value: '9 Elm Road, Apt 3, Dover, DE 19901' }] } },
    ],
    ['the same username on another network', { profiles: [{ network: 'gitlab', username: 'jdoe' }] }],
    ['an IP next to the listed range', { submission: { ip: '203.0.114.1' } }],
    ['an IPv6 address outside the range', { submission: { ip: '2001:db8:6::1' } }],
    ['an invalid IP', { submission: { ip: 'unknown' } }],
    ['another CV file', { document: { fileSha256: 'f'.repeat(64) } }],
  ])('does not match %s', (_, part) => {
    expect(detect(anApplication(part))).toEqual([])
  })
})

describe('createWatchlistDetector: lists, entries and evidence', () => {
  it('cites the right list and version when two lists match', () => {
    const signals = detect(
      anApplication({ cv: { basics: { email: 'jdoe@gmail.com' } }, submission: { ip: '203.0.113.7' } }),
      [ringList, peerList],
    )
    expect(
      signals.map((signal) => [
        signal.evidence.list,
        signal.evidence.kind,
        signal.evidence.listedValue,
        signal.evidence.source,
        signal.severity,
      ]),
    ).toEqual([
      ['fraud-ring-2025', 'email', 'jdoe@gmail.com', { name: 'fraud-ring-2025', version: '2026-01-15' }, 'critical'],
      ['peer-share', 'email', 'jdoe@gmail.com', { name: 'peer-share', version: '3' }, 'high'],
      ['peer-share', 'ip', '203.0.113.7', { name: 'peer-share', version: '3' }, 'medium'],
      ['fraud-ring-2025', 'ip', '203.0.113.0/24', { name: 'fraud-ring-2025', version: '2026-01-15' }, 'high'],
    ])
  })

  it('raises one signal per entry, naming the other fields that matched it', () => {
    const record = anApplication({
      cv: { basics: { email: 'hr@front-co.com' }, work: [{ name: 'Front Co', url: 'front-co.com' }] },
      referrer: { email: 'boss@front-co.com' },
    })
    const signals = detect(record)
    expect(signals).toHaveLength(1)
    expect(signals[0]?.evidence).toEqual({
      list: 'fraud-ring-2025',
      kind: 'domain',
      listedValue: 'front-co.com',
      matchedValue: 'hr@front-co.com',
      field: 'cv.basics.email',
      note: 'front company',
      source: { name: 'fraud-ring-2025', version: '2026-01-15' },
      alsoMatched: [
        { field: 'referrer.email', matchedValue: 'boss@front-co.com' },
        { field: 'cv.work[0].url', matchedValue: 'front-co.com' },
      ],
    })
    expect(signals[0]?.message).toBe(
      'hr@front-co.com (cv.basics.email) matches the domain front-co.com on the watchlist "fraud-ring-2025": front company.',
    )
  })

  it('matches nested listed domains each', () => {
    const nested = loadedList('nested', '1', 'kind,value\ndomain,front-co.com\ndomain,mail.front-co.com')
    const signals = detect(anApplication({ contacts: { emails: [{ value: 'a@mail.front-co.com' }] } }), [nested])
    expect(signals.map((signal) => signal.evidence.listedValue)).toEqual(['mail.front-co.com', 'front-co.com'])
  })

  it('is a detector named watchlists that raises only watchlist.match, the same way every time', () => {
    const detector = createWatchlistDetector({ lists: [ringList] })
    expect(detector.name).toBe('watchlists')
    expect(detector.signals.map((definition) => [definition.code, definition.severity])).toEqual([
      ['watchlist.match', 'high'],
    ])
    const record = anApplication({ contacts: { phones: [{ value: '+14155550100' }] } })
    expect(detect(record)).toEqual(detect(record))
  })

  it('finds nothing with no lists, and skips entries whose value cannot be read', () => {
    const record = anApplication({ contacts: { phones: [{ value: '+14155550100' }] } })
    expect(detect(record, [])).toEqual([])
    const handWritten: LoadedList<WatchlistEntry> = {
      source: { name: 'hand', version: '1', entries: 2 },
      items: [
        { kind: 'phone', value: 'not a phone', list: 'hand' },
        { kind: 'phone', value: '+1 415 555 0100', list: 'hand' },
      ],
    }
    expect(detect(record, [handWritten]).map((signal) => signal.evidence.listedValue)).toEqual(['+1 415 555 0100'])
  })
})

describe('createWatchlistDetector: the real front-company indicators of public reporting', () => {
  // SentinelLabs' DPRK IT-worker front companies (../shared/data/dprk), converted here to the watchlist format.
  const url = new URL('../../../../../shared/data/dprk/dprk_it_front_domains_public_reporting.csv', import.meta.url)
  const rows = parse<Record<string, string>>(readFileSync(url, 'utf8'), { columns: true })
  const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`
  const csv = [
    'kind,value,note',
    ...rows.map((row) => [row.type, row.indicator, quote(`${row.entity}: ${row.status_as_reported}`)].join(',')),
  ].join('\n')
  const fronts = loadedList('dprk-it-fronts', '2024-11', csv)

  it('loads every reported indicator', () => {
    expect(fronts.items).toHaveLength(rows.length)
    expect(rows.length).toBeGreaterThanOrEqual(8)
  })

  it.each(rows.filter((row) => row.type === 'domain').map((row) => row.indicator ?? ''))(
    'flags an application with an email at %s',
    (domain) => {
      const record = anApplication({ contacts: { emails: [{ value: `careers@${domain}` }] } })
      const signals = detect(record, [fronts])
      expect(signals).toHaveLength(1)
      expect(signals[0]).toMatchObject({
        severity: 'high',
        evidence: { list: 'dprk-it-fronts', kind: 'domain', listedValue: domain, field: 'contacts.emails[0].value' },
      })
    },
  )

  it('screens such an application with the signal among the per-record ones', () => {
    const record = anApplication({
      cv: {
        basics: { name: 'Jordan Doe', email: 'jordan@hopanatech.com' },
        work: [{ name: 'HopanaTech', url: 'https://hopanatech.com' }],
      },
      submission: { ip: '174.138.181.198' },
    })
    const result = screenApplication(record, {
      policy: defaultScoringPolicy,
      reference: createEmailDomainReference({ disposable: [], free: [], sources: [] }),
      detectors: [...perRecordDetectors, createWatchlistDetector({ lists: [fronts] })],
    })
    const matches = result.signals.filter((signal) => signal.code === 'watchlist.match')
    expect(matches.map((signal) => [signal.evidence.kind, signal.evidence.listedValue])).toEqual([
      ['domain', 'hopanatech.com'],
      ['ip', '174.138.181.198'],
    ])
    expect(result.outcome).not.toBe('clear')
  })
})
