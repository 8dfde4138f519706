import { createHash, randomBytes } from 'node:crypto'

/** A freshly generated API key. Show `token` to its owner once; store only `prefix` and `tokenHash`. */
export type GeneratedApiKey = {
  readonly token: string
  readonly prefix: string
  readonly tokenHash: string
}

/** The parts of a well-formed token. */
export type ApiKeyParts = {
  readonly prefix: string
  readonly secret: string
}

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const prefixBytes = 6
const prefixLength = 9 // 62^9 > 2^48
const secretBytes = 32
const secretLength = 43 // 62^43 > 2^256
// Base62 has no `_` or `-`, so the token splits unambiguously and selects with a double click.
const tokenPattern = new RegExp(`^hw_([0-9A-Za-z]{${prefixLength}})_([0-9A-Za-z]{${secretLength}})$`)

/** Generates `hw_<prefix>_<secret>`: a 48-bit random public prefix and a 256-bit random secret, both base62. */
export function generateApiKey(): GeneratedApiKey {
  const prefix = base62(randomBytes(prefixBytes), prefixLength)
  const token = `hw_${prefix}_${base62(randomBytes(secretBytes), secretLength)}`
  return { token, prefix, tokenHash: hashApiKeyToken(token) }
}

/** Splits a token into prefix and secret, or `undefined` when it is not a HireWall API key. */
export function parseApiKey(token: string): ApiKeyParts | undefined {
  const match = tokenPattern.exec(token)
  if (match === null) return undefined
  return { prefix: match[1] ?? '', secret: match[2] ?? '' }
}

/**
 * Hex SHA-256 of the whole token. A fast hash is right here, unlike for passwords: the secret is 256 random bits,
 * so guessing it from a stolen hash is infeasible however fast the hash, and a slow one would cost ~20 ms of CPU on
 * every API request.
 */
export function hashApiKeyToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

function base62(bytes: Buffer, length: number): string {
  let value = BigInt(`0x${bytes.toString('hex')}`)
  let out = ''
  while (value > 0n) {
    out = alphabet.charAt(Number(value % 62n)) + out
    value /= 62n
  }
  return out.padStart(length, '0')
}
