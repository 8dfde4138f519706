import { createHash, createHmac } from 'node:crypto'
import type { WatchlistIndicatorKind } from './watchlist-entry.js'

/** How a hashed value is written in a watchlist: `hmac-sha256:` and 64 lower-case hexadecimal digits. */
export const keyedHashPrefix = 'hmac-sha256:'

const keyedHashPattern = /^hmac-sha256:([0-9a-f]{64})$/i

/**
 * The keyed hash (HMAC-SHA256 with the consortium key) of an indicator's comparison key, as `readListedIndicator`
 * gives it for the kind: partners holding the same key get the same hash for the same phone, email or address,
 * whichever way each wrote it. The kind is part of the message so that one value hashed as two kinds never collides.
 */
export function keyedIndicatorHash(key: Uint8Array, kind: WatchlistIndicatorKind, comparisonKey: string): string {
  return `${keyedHashPrefix}${createHmac('sha256', key).update(`hirewall/1\u0000${kind}\u0000${comparisonKey}`).digest('hex')}`
}

/** The hash in a listed `hmac-sha256:…` value, lower case; undefined for any other value. */
export function readKeyedHash(value: string): string | undefined {
  const match = keyedHashPattern.exec(value.trim())
  return match?.[1] === undefined ? undefined : `${keyedHashPrefix}${match[1].toLowerCase()}`
}

/**
 * A short public name of a key (the first 16 hex digits of the SHA-256 of an HMAC of a fixed text): partners compare
 * it to see that they hold the same key, and exports carry it so that hashes made with a retired key are recognised.
 */
export function keyFingerprint(key: Uint8Array): string {
  const tag = createHmac('sha256', key).update('hirewall/1 key fingerprint').digest()
  return createHash('sha256').update(tag).digest('hex').slice(0, 16)
}
