import { createEmailDomainReference, normaliseApplication, type ApplicationRecord, type Signal } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import type { LoadedList } from '../source/intel-source.js'
import { keyedIndicatorHash, keyFingerprint, readKeyedHash } from './keyed-indicator-hash.js'
import { readListedIndicator } from './listed-indicator.js'
import { parseWatchlistCsv } from './parse-watchlist-csv.js'
import { createWatchlistDetector } from './watchlist-detector.js'
import type { WatchlistEntry, WatchlistIndicatorKind } from './watchlist-entry.js'

const consortiumKey = new TextEncoder().encode('consortium key 2026-Q4, 32 bytes!')
const otherKey = new TextEncoder().encode('another consortium key, 32 bytes')

/** What a partner shares in privacy-preserving mode: the hash of the value's comparison key. */
function hashed(kind: WatchlistIndicatorKind, value: string, key = consortiumKey): string {
  const listed = readListedIndicator(kind, value)
  if (listed.status !== 'ok') throw new Error(`fixture ${value} does not read as ${kind}`)
  return keyedIndicatorHash(key, kind, listed.key)
}

function hashedList(rows: readonly (readonly [WatchlistIndicatorKind, string])[]): LoadedList<WatchlistEntry> {
  const csv = ['kind,value,note', ...rows.map(([kind, value]) => `${kind},${hashed(kind, value)},shared by a peer`)]
  const result = parseWatchlistCsv([{ name: 'peer-hashed.csv', text: csv.join('\n') }])
  if (result.status !== 'ok' || result.data.area !== 'watchlist') throw new Error('fixture does not parse')
  return { source: { name: 'peer-hashed', version: '1', entries: result.entries }, items: result.data.entries }
}

const list = hashedList([
  ['phone', '+1 415 555 0100'],
  ['email', 'jdoe@gmail.com'],
  ['domain', 'front-co.com'],
  ['address', '9 Elm Road, Apt 2, Dover, DE 19901'],
  ['handle', 'github:jdoe'],
  ['ip', '203.0.113.7'],
])

const record: ApplicationRecord = {
  schemaVersion: 1,
  id: 'app-1',
  submittedAt: '2026-03-02T15:04:05Z',
  source: { system: 'json' },
  cv: {
    basics: { name: 'Jordan Doe', profiles: [{ network: 'GitHub', url: 'https://github.com/JDoe' }] },
    work: [{ name: 'Front Co', url: 'https://careers.front-co.com/' }],
  },
  claimed: { location: { countryCode: 'US' } },
  contacts: {
    phones: [{ value: '(415) 555-0100' }],
    emails: [{ value: 'J.Doe+jobs@GMail.com' }],
    addresses: [{ type: 'shipping', value: '9 ELM RD #2, DOVER DE 19901-0001' }],
  },
  submission: { ip: '203.0.113.7' },
}

function detect(key: Uint8Array | undefined): readonly Signal[] {
  return createWatchlistDetector({ lists: [list], ...(key === undefined ? {} : { consortiumKey: key }) }).detect({
    record,
    facts: normaliseApplication(record),
    reference: createEmailDomainReference({ disposable: [], free: [], sources: [] }),
  })
}

describe('keyed hashes of watchlist indicators', () => {
  it('hash the comparison key, so two ways of writing a value give one hash', () => {
    expect(hashed('phone', '+1 (415) 555-0100')).toBe(hashed('phone', '14155550100'))
    expect(hashed('email', 'J.Doe+x@GMail.com')).toBe(hashed('email', 'jdoe@gmail.com'))
    expect(hashed('email', 'jdoe@gmail.com')).toMatch(/^hmac-sha256:[0-9a-f]{64}$/)
  })

  it('differ by key and by kind', () => {
    expect(hashed('email', 'jdoe@gmail.com', otherKey)).not.toBe(hashed('email', 'jdoe@gmail.com'))
    expect(keyedIndicatorHash(consortiumKey, 'domain', 'x.com')).not.toBe(
      keyedIndicatorHash(consortiumKey, 'email', 'x.com'),
    )
    expect(keyFingerprint(consortiumKey)).toMatch(/^[0-9a-f]{16}$/)
    expect(keyFingerprint(consortiumKey)).not.toBe(keyFingerprint(otherKey))
  })

  it('are read back from a list in either case, and nothing else is', () => {
    const hash = hashed('email', 'jdoe@gmail.com')
    expect(readKeyedHash(hash.toUpperCase().replace('HMAC-SHA256', 'hmac-sha256'))).toBe(hash)
    expect(readKeyedHash('hmac-sha256:abc')).toBeUndefined()
    expect(readListedIndicator('phone', hash)).toEqual({ status: 'ok', key: hash, isHashed: true })
  })
})

describe('createWatchlistDetector with hashed entries', () => {
  it('matches every kind of the application when given the consortium key', () => {
    const signals = detect(consortiumKey)
    expect(signals.map((signal) => signal.evidence['field']).sort()).toEqual(
      [
        'cv.basics.profiles[0].url',
        'cv.work[0].url',
        'contacts.addresses[0].value',
        'contacts.emails[0].value',
        'contacts.phones[0].value',
        'submission.ip',
      ].sort(),
    )
    expect(signals.every((signal) => signal.evidence['isHashed'] === true)).toBe(true)
    expect(signals[0]?.message).toMatch(/shared as a keyed hash on the watchlist "peer-hashed": shared by a peer\.$/)
  })

  it('matches nothing without the key or with another key', () => {
    expect(detect(undefined)).toEqual([])
    expect(detect(otherKey)).toEqual([])
  })
})
