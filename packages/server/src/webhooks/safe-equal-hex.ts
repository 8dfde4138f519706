import { timingSafeEqual } from 'node:crypto'

/** Compares two hex digests in constant time; false when either is not hex or their lengths differ. */
export function safeEqualHex(expected: string, given: string): boolean {
  if (!/^[0-9a-fA-F]*$/.test(given) || given.length !== expected.length || given.length % 2 !== 0) return false
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(given, 'hex'))
}
