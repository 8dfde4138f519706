import { randomBytes } from 'node:crypto'
import { StoreError } from '../database/store-error.js'

/** One AES-256 key of the ring, named by an id that each envelope it seals carries. */
export type DataKey = {
  readonly id: string
  readonly key: Buffer
}

/**
 * One HMAC key of matching identifiers. A key with an id marks each hash it makes (`h1:<id>:<digest>`); the key
 * without one is the key of a bare `HIREWALL_IDENTIFIER_KEY`, whose hashes carry no id (`h1:<digest>`).
 */
export type IdentifierKey = {
  readonly id: string | undefined
  readonly key: Buffer
}

/**
 * The keys for personal data: `dataKeys` encrypt (the first is current: new writes and rotation use it; the others
 * only decrypt until rotation has moved every row off them), `identifierKey` keys the HMAC of matching identifiers.
 * `identifierKeys` is the whole identifier ring when it holds more than that key or names it: the first is current
 * (its key is `identifierKey`), the others are still looked up under until rotation has re-hashed every identifier.
 */
export type DataKeyRing = {
  readonly dataKeys: readonly DataKey[]
  readonly identifierKey: Buffer
  readonly identifierKeys?: readonly IdentifierKey[]
}

const keyIdPattern = /^[A-Za-z0-9._-]{1,40}$/

/**
 * Reads the ring from its environment form: `HIREWALL_DATA_KEYS` is `id:base64,id:base64` (first current; each key
 * 32 random bytes in base64), `HIREWALL_IDENTIFIER_KEY` is `id:base64,id:base64` too, or one bare base64 key (and a
 * list may hold one bare entry: that key, whose hashes carry no id). Returns undefined when neither is set; a
 * StoreError `invalid-configuration` naming the variable when one is set and malformed or missing.
 */
export function readDataKeyRing(env: Readonly<Record<string, string | undefined>>): DataKeyRing | undefined {
  const dataKeys = env.HIREWALL_DATA_KEYS?.trim() ?? ''
  const identifierKey = env.HIREWALL_IDENTIFIER_KEY?.trim() ?? ''
  if (dataKeys === '' && identifierKey === '') return undefined
  if (dataKeys === '') throw invalid('HIREWALL_DATA_KEYS', 'is required when HIREWALL_IDENTIFIER_KEY is set')
  if (identifierKey === '') throw invalid('HIREWALL_IDENTIFIER_KEY', 'is required when HIREWALL_DATA_KEYS is set')
  return { dataKeys: parseDataKeys(dataKeys), ...identifierRing(parseIdentifierKeys(identifierKey)) }
}

/** The ring's identifier keys, current first: `identifierKeys`, else the one key without an id. */
export function identifierKeysOf(ring: DataKeyRing): readonly IdentifierKey[] {
  return ring.identifierKeys ?? [{ id: undefined, key: ring.identifierKey }]
}

/** The identifier part of a ring for these keys (current first). */
export function identifierRing(keys: readonly IdentifierKey[]): Pick<DataKeyRing, 'identifierKey' | 'identifierKeys'> {
  const [current] = keys
  if (current === undefined) throw invalid('HIREWALL_IDENTIFIER_KEY', 'holds no key')
  return keys.length === 1 && current.id === undefined
    ? { identifierKey: current.key }
    : { identifierKey: current.key, identifierKeys: keys }
}

/** Parses `id:base64,id:base64` with at most one bare `base64` entry (the key whose hashes carry no id). */
export function parseIdentifierKeys(text: string, setting = 'HIREWALL_IDENTIFIER_KEY'): readonly IdentifierKey[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  if (entries.length === 0) throw invalid(setting, 'holds no key')
  const keys = entries.map((entry, index): IdentifierKey => {
    const colon = entry.indexOf(':')
    if (colon < 0)
      return { id: undefined, key: parseKey(entry, entries.length === 1 ? setting : `${setting} entry ${index + 1}`) }
    const id = entry.slice(0, colon)
    if (!keyIdPattern.test(id)) throw invalid(setting, `entry ${index + 1}: the id must be 1-40 of A-Z a-z 0-9 . _ -`)
    return { id, key: parseKey(entry.slice(colon + 1), `${setting} entry ${index + 1} (${id})`) }
  })
  const ids = new Set(keys.map((key) => key.id ?? ''))
  if (ids.size !== keys.length) throw invalid(setting, 'names a key id twice, or holds two keys without an id')
  return keys
}

/** Parses `id:base64,id:base64`; the first key is the current one. */
export function parseDataKeys(text: string, setting = 'HIREWALL_DATA_KEYS'): readonly DataKey[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  if (entries.length === 0) throw invalid(setting, 'holds no key')
  const keys = entries.map((entry, index): DataKey => {
    const colon = entry.indexOf(':')
    if (colon < 0) throw invalid(setting, `entry ${index + 1} must be id:base64-key`)
    const id = entry.slice(0, colon)
    if (!keyIdPattern.test(id)) throw invalid(setting, `entry ${index + 1}: the id must be 1-40 of A-Z a-z 0-9 . _ -`)
    return { id, key: parseKey(entry.slice(colon + 1), `${setting} entry ${index + 1} (${id})`) }
  })
  const ids = new Set(keys.map((key) => key.id))
  if (ids.size !== keys.length) throw invalid(setting, 'names a key id twice')
  return keys
}

/** The ring in its environment form (what a key file holds). */
export function formatDataKeyRing(ring: DataKeyRing): { HIREWALL_DATA_KEYS: string; HIREWALL_IDENTIFIER_KEY: string } {
  return {
    HIREWALL_DATA_KEYS: ring.dataKeys.map((key) => `${key.id}:${key.key.toString('base64')}`).join(','),
    HIREWALL_IDENTIFIER_KEY: identifierKeysOf(ring)
      .map((key) => (key.id === undefined ? '' : `${key.id}:`) + key.key.toString('base64'))
      .join(','),
  }
}

/** A fresh identifier key with the given id (32 random bytes). */
export function generateIdentifierKey(id: string): IdentifierKey {
  if (!keyIdPattern.test(id)) throw invalid('key id', 'must be 1-40 of A-Z a-z 0-9 . _ -')
  return { id, key: randomBytes(32) }
}

/** A fresh data key with the given id (32 random bytes). */
export function generateDataKey(id: string): DataKey {
  if (!keyIdPattern.test(id)) throw invalid('key id', 'must be 1-40 of A-Z a-z 0-9 . _ -')
  return { id, key: randomBytes(32) }
}

/** A fresh ring: one data key named after today (`k20261123`) and an identifier key. */
export function generateDataKeyRing(now = new Date()): DataKeyRing {
  const id = `k${now.toISOString().slice(0, 10).replaceAll('-', '')}`
  return { dataKeys: [generateDataKey(id)], identifierKey: randomBytes(32) }
}

function parseKey(text: string, setting: string): Buffer {
  const trimmed = text.trim()
  const key = Buffer.from(trimmed, 'base64')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== 32) {
    throw invalid(setting, 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)')
  }
  return key
}

function invalid(setting: string, problem: string): StoreError {
  return new StoreError('invalid-configuration', `${setting} ${problem}`, { target: setting })
}
