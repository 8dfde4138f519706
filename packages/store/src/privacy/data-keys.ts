import { randomBytes } from 'node:crypto'
import { StoreError } from '../database/store-error.js'

/** One AES-256 key of the ring, named by an id that each envelope it seals carries. */
export type DataKey = {
  readonly id: string
  readonly key: Buffer
}

/**
 * The keys for personal data: `dataKeys` encrypt (the first is current: new writes and rotation use it; the others
 * only decrypt until rotation has moved every row off them), `identifierKey` keys the HMAC of matching identifiers.
 */
export type DataKeyRing = {
  readonly dataKeys: readonly DataKey[]
  readonly identifierKey: Buffer
}

const keyIdPattern = /^[A-Za-z0-9._-]{1,40}$/

/**
 * Reads the ring from its environment form: `HIREWALL_DATA_KEYS` is `id:base64,id:base64` (first current; each key
 * 32 random bytes in base64), `HIREWALL_IDENTIFIER_KEY` is 32 random bytes in base64. Returns undefined when neither
 * is set; a StoreError `invalid-configuration` naming the variable when one is set and malformed or missing.
 */
export function readDataKeyRing(env: Readonly<Record<string, string | undefined>>): DataKeyRing | undefined {
  const dataKeys = env.HIREWALL_DATA_KEYS?.trim() ?? ''
  const identifierKey = env.HIREWALL_IDENTIFIER_KEY?.trim() ?? ''
  if (dataKeys === '' && identifierKey === '') return undefined
  if (dataKeys === '') throw invalid('HIREWALL_DATA_KEYS', 'is required when HIREWALL_IDENTIFIER_KEY is set')
  if (identifierKey === '') throw invalid('HIREWALL_IDENTIFIER_KEY', 'is required when HIREWALL_DATA_KEYS is set')
  return { dataKeys: parseDataKeys(dataKeys), identifierKey: parseKey(identifierKey, 'HIREWALL_IDENTIFIER_KEY') }
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
    HIREWALL_IDENTIFIER_KEY: ring.identifierKey.toString('base64'),
  }
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
