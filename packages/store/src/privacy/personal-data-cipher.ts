import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto'
import { StoreError } from '../database/store-error.js'
import { identifierKeysOf, type DataKeyRing, type IdentifierKey } from './data-keys.js'

/**
 * Encrypts and decrypts personal values for the repositories. An envelope is one string,
 * `hwenc1:<key id>:<iv>:<ciphertext and tag>` (base64url), AES-256-GCM over the value's JSON: the key id lets several
 * keys coexist while rotation runs. Without a key ring the cipher passes values through (`isEncrypting` false).
 */
export type PersonalDataCipher = {
  readonly isEncrypting: boolean
  /** The id new envelopes carry; undefined without a ring. */
  readonly currentKeyId: string | undefined
  /** The value as an envelope string; unchanged when not encrypting or when `undefined`. */
  seal(value: unknown): unknown
  /** The value an envelope holds; any other value unchanged. Throws `invalid-configuration` for an unknown key. */
  open(value: unknown): unknown
  /** The key id of an envelope, else undefined (a plaintext value). */
  keyIdOf(value: unknown): string | undefined
  /** True when rotation has work to do on the value: plaintext while encrypting, or sealed with an older key. */
  needsResealing(value: unknown): boolean
  /**
   * The matching form of an identifier: `h1:`, the current identifier key's id and `:` (none for the key without an
   * id), and its HMAC-SHA256 (base64url) under that key. Without a ring, the value itself.
   */
  hashIdentifier(kind: string, value: string): string
  /**
   * Every form an identifier may be stored under: its hash under each identifier key of the ring, current first (one
   * while no identifier rotation is under way). Look identifiers up by all of them.
   */
  identifierHashes(kind: string, value: string): readonly string[]
  /** The id of the identifier key new hashes are made with; undefined without a ring or for the key without an id. */
  readonly currentIdentifierKeyId: string | undefined
  /** How many identifier keys the ring holds (0 without a ring): above 1, hashes of one value may differ. */
  readonly identifierKeyCount: number
  /** True when identifier rotation has work to do on a stored value: not a hash under the current identifier key. */
  needsRehashing(storedValue: string): boolean
}

export const envelopePrefix = 'hwenc1:'
const hashPrefix = 'h1:'
const additionalData = Buffer.from('hirewall.personal-data.v1')

/** True for a value an identifier hash produced (`h1:`). */
export function isHashedIdentifier(value: string): boolean {
  return value.startsWith(hashPrefix)
}

/** The identifier key id a hash carries: undefined for a hash by the key without an id (`h1:<digest>`). */
function identifierKeyIdOf(hash: string): string | undefined {
  const colon = hash.indexOf(':', hashPrefix.length)
  return colon < 0 ? undefined : hash.slice(hashPrefix.length, colon)
}

function hashUnder(key: IdentifierKey, kind: string, value: string): string {
  const digest = createHmac('sha256', key.key).update(`${kind}\u0000${value}`).digest('base64url')
  return key.id === undefined ? `${hashPrefix}${digest}` : `${hashPrefix}${key.id}:${digest}`
}

/** True for an envelope string. */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(envelopePrefix)
}

/**
 * Fresh random 12-byte IVs, drawn from a buffer the system's generator fills 512 IVs at a time: a call to it costs
 * about 9 µs on a virtual machine, and screening one application seals dozens of values. Every IV is used once.
 */
function randomIvs(): () => Buffer {
  const ivLength = 12
  const pool = Buffer.alloc(ivLength * 512)
  let offset = pool.length
  return () => {
    if (offset === pool.length) {
      randomFillSync(pool)
      offset = 0
    }
    // A view, read at once by the caller (createCipheriv copies it) and never handed out again.
    const iv = pool.subarray(offset, offset + ivLength)
    offset += ivLength
    return iv
  }
}

/** The cipher for a key ring; without one, values pass through unencrypted and identifiers unhashed. */
export function createPersonalDataCipher(ring: DataKeyRing | undefined): PersonalDataCipher {
  if (ring === undefined) return plaintextCipher
  const current = ring.dataKeys[0]
  if (current === undefined) throw new StoreError('invalid-configuration', 'The key ring holds no data key')
  const keys = new Map(ring.dataKeys.map((key) => [key.id, key.key]))
  const identifierKeys = identifierKeysOf(ring)
  const currentIdentifierKey = identifierKeys[0] as IdentifierKey
  const nextIv = randomIvs()
  const keyIdOf = (value: unknown): string | undefined =>
    isSealed(value) ? value.slice(envelopePrefix.length, value.indexOf(':', envelopePrefix.length)) : undefined
  return {
    isEncrypting: true,
    currentKeyId: current.id,
    seal: (value) => {
      if (value === undefined || isSealed(value)) return value
      const iv = nextIv()
      const cipher = createCipheriv('aes-256-gcm', current.key, iv)
      cipher.setAAD(additionalData)
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()])
      return `${envelopePrefix}${current.id}:${iv.toString('base64url')}:${body.toString('base64url')}`
    },
    open: (value) => {
      if (!isSealed(value)) return value
      const [id = '', iv = '', body = ''] = value.slice(envelopePrefix.length).split(':')
      const key = keys.get(id)
      if (key === undefined) {
        throw new StoreError(
          'invalid-configuration',
          `Stored personal data is encrypted with key ${id}, which HIREWALL_DATA_KEYS does not hold`,
          { target: 'HIREWALL_DATA_KEYS' },
        )
      }
      const bytes = Buffer.from(body, 'base64url')
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
        decipher.setAAD(additionalData)
        decipher.setAuthTag(bytes.subarray(bytes.length - 16))
        const text = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()])
        return JSON.parse(text.toString('utf8')) as unknown
      } catch (error) {
        throw new StoreError('invalid-data', `Stored personal data under key ${id} does not decrypt`, {
          cause: error,
          target: 'HIREWALL_DATA_KEYS',
        })
      }
    },
    keyIdOf,
    needsResealing: (value) => value !== undefined && value !== null && keyIdOf(value) !== current.id,
    hashIdentifier: (kind, value) => hashUnder(currentIdentifierKey, kind, value),
    identifierHashes: (kind, value) => identifierKeys.map((key) => hashUnder(key, kind, value)),
    currentIdentifierKeyId: currentIdentifierKey.id,
    identifierKeyCount: identifierKeys.length,
    needsRehashing: (storedValue) =>
      !isHashedIdentifier(storedValue) || identifierKeyIdOf(storedValue) !== currentIdentifierKey.id,
  }
}

const plaintextCipher: PersonalDataCipher = {
  isEncrypting: false,
  currentKeyId: undefined,
  seal: (value) => value,
  open: (value) => {
    if (!isSealed(value)) return value
    throw new StoreError(
      'invalid-configuration',
      'Stored personal data is encrypted and no HIREWALL_DATA_KEYS are configured',
      { target: 'HIREWALL_DATA_KEYS' },
    )
  },
  keyIdOf: () => undefined,
  needsResealing: () => false,
  hashIdentifier: (_kind, value) => value,
  identifierHashes: (_kind, value) => [value],
  currentIdentifierKeyId: undefined,
  identifierKeyCount: 0,
  needsRehashing: () => false,
}

/** The cipher of a store opened without keys: values are stored as given. */
export const unencrypted: PersonalDataCipher = plaintextCipher
