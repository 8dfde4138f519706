import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto'
import { StoreError } from '../database/store-error.js'
import type { DataKeyRing } from './data-keys.js'

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
  /** The matching form of an identifier: `h1:` and its HMAC-SHA256 (base64url) under the identifier key. */
  hashIdentifier(kind: string, value: string): string
}

export const envelopePrefix = 'hwenc1:'
const hashPrefix = 'h1:'
const additionalData = Buffer.from('hirewall.personal-data.v1')

/** True for a value an identifier hash produced (`h1:`). */
export function isHashedIdentifier(value: string): boolean {
  return value.startsWith(hashPrefix)
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
    hashIdentifier: (kind, value) =>
      `${hashPrefix}${createHmac('sha256', ring.identifierKey).update(`${kind}\u0000${value}`).digest('base64url')}`,
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
}

/** The cipher of a store opened without keys: values are stored as given. */
export const unencrypted: PersonalDataCipher = plaintextCipher
