import { ipNumber, type IpNumber } from '@hirewall/core'
import type { IntelFileIssue } from '../source/intel-source.js'
import { compareWords, lastAtOrBelow4, lastAtOrBelow6 } from './sorted-ip-search.js'

/** The autonomous system that announces an address, and the organisation that holds it. */
export type AsnRecord = { readonly asn: number; readonly organisation?: string }

/** An IP → ASN table of one IP version: disjoint ranges sorted by first address, each with its ASN. */
export type AsnRanges = {
  readonly version: 4 | 6
  readonly rows: number
  /** The ASN of the range holding the address; undefined when no range does or the version differs. */
  readonly lookup: (address: IpNumber) => AsnRecord | undefined
}

export type AsnRangesParse = { readonly ranges: AsnRanges; readonly skipped: readonly IntelFileIssue[] }

const maxReportedIssues = 20

/**
 * Reads an IP → ASN CSV as the ip-location-db packages ship it: `first,last,asn,organisation` per line, no header,
 * the organisation quoted when it holds a comma (`"Cloudflare, Inc."`). Addresses are text (`1.0.0.0`, `2001:200::`)
 * or numbers (`16777216`, the `-num` files). Rows are expected in order; an out-of-order file is sorted, and a row that
 * overlaps the one before it keeps only its part past the earlier row. Bad rows are skipped and reported by line.
 */
export function parseAsnRanges(
  text: string,
  options: { readonly version: 4 | 6; readonly file: string },
): AsnRangesParse {
  const { version, file } = options
  const skipped: IntelFileIssue[] = []
  const skip = (line: number, field: string, message: string): void => {
    if (skipped.length < maxReportedIssues) skipped.push({ file, line, field, message })
  }
  const capacity = countLines(text)
  const stride = version === 4 ? 1 : 4
  let firsts: Uint32Array = new Uint32Array(capacity * stride)
  let lasts: Uint32Array = new Uint32Array(capacity * stride)
  let asns: Uint32Array = new Uint32Array(capacity)
  const organisations = new Map<number, string>()
  let rows = 0
  let isSorted = true

  let lineNumber = 0
  for (let position = 0; position < text.length;) {
    let lineEnd = text.indexOf('\n', position)
    if (lineEnd === -1) lineEnd = text.length
    const lineStart = position
    position = lineEnd + 1
    lineNumber++
    if (text.charCodeAt(lineEnd - 1) === 13) lineEnd--
    if (lineEnd <= lineStart || text.charCodeAt(lineStart) === 35) continue
    const firstComma = text.indexOf(',', lineStart)
    const secondComma = firstComma === -1 ? -1 : text.indexOf(',', firstComma + 1)
    if (secondComma === -1 || secondComma > lineEnd) {
      skip(lineNumber, 'line', 'expected first,last,asn,organisation')
      continue
    }
    let thirdComma = text.indexOf(',', secondComma + 1)
    if (thirdComma === -1 || thirdComma > lineEnd) thirdComma = lineEnd
    const offset = rows * stride
    if (!readAddress(text, lineStart, firstComma, version, firsts, offset)) {
      skip(lineNumber, 'first', `not an IPv${version} address`)
      continue
    }
    if (!readAddress(text, firstComma + 1, secondComma, version, lasts, offset)) {
      skip(lineNumber, 'last', `not an IPv${version} address`)
      continue
    }
    if (!readDecimal(text, secondComma + 1, thirdComma, asns, rows, 1)) {
      skip(lineNumber, 'asn', `"${text.slice(secondComma + 1, thirdComma)}" is not an AS number`)
      continue
    }
    if (compareAt(firsts, offset, lasts, offset, stride) > 0) {
      skip(lineNumber, 'last', 'the range ends before it starts')
      continue
    }
    const asn = asns[rows] ?? 0
    // ip-location-db names one organisation per AS (checked on the 2026-06 data); the first row's name stands.
    if (!organisations.has(asn)) {
      const name = thirdComma === lineEnd ? '' : unquote(text.slice(thirdComma + 1, lineEnd))
      // A slice would keep the whole file text alive (~29 MB for both tables): the JSON round trip copies the name.
      organisations.set(asn, JSON.parse(JSON.stringify(name)) as string)
    }
    if (rows > 0 && compareAt(firsts, offset, firsts, offset - stride, stride) < 0) isSorted = false
    rows++
  }

  if (!isSorted) {
    const order = Array.from({ length: rows }, (_, index) => index).sort((left, right) =>
      compareAt(firsts, left * stride, firsts, right * stride, stride),
    )
    ;[firsts, lasts, asns] = [permute(firsts, order, stride), permute(lasts, order, stride), permute(asns, order, 1)]
  }
  rows = clipOverlaps(firsts, lasts, asns, rows, stride)
  firsts = firsts.slice(0, rows * stride)
  lasts = lasts.slice(0, rows * stride)

  const recordAt = (index: number): AsnRecord => {
    const asn = asns[index] ?? 0
    const organisation = organisations.get(asn)
    return organisation ? { asn, organisation } : { asn }
  }
  const lookup =
    version === 4
      ? (address: IpNumber): AsnRecord | undefined => {
          if (address.version !== 4) return undefined
          const index = lastAtOrBelow4(firsts, address.value)
          return index >= 0 && (lasts[index] ?? 0) >= address.value ? recordAt(index) : undefined
        }
      : (address: IpNumber): AsnRecord | undefined => {
          if (address.version !== 6) return undefined
          const index = lastAtOrBelow6(firsts, address.words)
          return index >= 0 && compareWords(lasts, index, address.words) >= 0 ? recordAt(index) : undefined
        }
  return { ranges: { version, rows, lookup }, skipped }
}

/**
 * Writes an address's 32-bit words (one for IPv4, four for IPv6) at `offset`, read from text (core's parser) or from
 * a decimal number (the `-num` files, parsed here without building strings). False when the field is neither.
 */
function readAddress(
  text: string,
  from: number,
  to: number,
  version: 4 | 6,
  target: Uint32Array,
  offset: number,
): boolean {
  if (to > from && isDigits(text, from, to)) return readDecimal(text, from, to, target, offset, version === 4 ? 1 : 4)
  const address = ipNumber(text.slice(from, to))
  if (!address || address.version !== version) return false
  if (address.version === 4) target[offset] = address.value
  else target.set(address.words, offset)
  return true
}

function isDigits(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code < 48 || code > 57) return false
  }
  return true
}

/** Reads a decimal number into `count` (1 or 4) 32-bit words at `offset`, most significant first; false on overflow. */
function readDecimal(
  text: string,
  from: number,
  to: number,
  target: Uint32Array,
  offset: number,
  count: number,
): boolean {
  if (to <= from) return false
  if (count === 1) {
    if (to - from > 10) return false
    let value = 0
    for (let index = from; index < to; index++) {
      const digit = text.charCodeAt(index) - 48
      if (digit < 0 || digit > 9) return false
      value = value * 10 + digit
    }
    if (value > 0xffffffff) return false
    target[offset] = value
    return true
  }
  // 128-bit values as eight 16-bit limbs, fed four digits at a time: every step stays in small-integer arithmetic.
  limbs.fill(0)
  for (let index = from; index < to;) {
    const chunkEnd = Math.min(index + 4, to)
    let chunk = 0
    let multiplier = 1
    for (; index < chunkEnd; index++) {
      const digit = text.charCodeAt(index) - 48
      if (digit < 0 || digit > 9) return false
      chunk = chunk * 10 + digit
      multiplier *= 10
    }
    let carry = chunk
    for (let limb = 7; limb >= 0; limb--) {
      const value = (limbs[limb] ?? 0) * multiplier + carry
      limbs[limb] = value & 0xffff
      carry = value >>> 16
    }
    if (carry !== 0) return false
  }
  for (let word = 0; word < 4; word++) {
    target[offset + word] = (limbs[word * 2] ?? 0) * 0x10000 + (limbs[word * 2 + 1] ?? 0)
  }
  return true
}

const limbs = new Int32Array(8)

function compareAt(
  left: Uint32Array,
  leftOffset: number,
  right: Uint32Array,
  rightOffset: number,
  stride: number,
): number {
  for (let word = 0; word < stride; word++) {
    const difference = (left[leftOffset + word] ?? 0) - (right[rightOffset + word] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}

function permute(array: Uint32Array, order: readonly number[], stride: number): Uint32Array {
  const result = new Uint32Array(array.length)
  order.forEach((from, to) => result.set(array.subarray(from * stride, from * stride + stride), to * stride))
  return result
}

/** Makes ranges disjoint in place: a row starting inside the one before starts after it (or goes when nothing is left). */
function clipOverlaps(
  firsts: Uint32Array,
  lasts: Uint32Array,
  asns: Uint32Array,
  rows: number,
  stride: number,
): number {
  let kept = 0
  for (let index = 0; index < rows; index++) {
    if (kept > 0) {
      const previousLast = (kept - 1) * stride
      if (compareAt(firsts, index * stride, lasts, previousLast, stride) <= 0) {
        if (compareAt(lasts, index * stride, lasts, previousLast, stride) <= 0) continue
        firsts.set(increment(lasts.subarray(previousLast, previousLast + stride)), index * stride)
      }
    }
    if (kept !== index) {
      firsts.copyWithin(kept * stride, index * stride, index * stride + stride)
      lasts.copyWithin(kept * stride, index * stride, index * stride + stride)
      asns[kept] = asns[index] ?? 0
    }
    kept++
  }
  return kept
}

/** The next value of a multi-word unsigned number (never called on the maximum: a later row cannot start past it). */
function increment(words: Uint32Array): number[] {
  const result = [...words]
  for (let index = result.length - 1; index >= 0; index--) {
    const word = (result[index] ?? 0) + 1
    result[index] = word >>> 0
    if (word <= 0xffffffff) break
  }
  return result
}

function unquote(field: string): string {
  const trimmed = field.trim()
  if (!trimmed.startsWith('"')) return trimmed
  return trimmed.slice(1, trimmed.endsWith('"') ? -1 : undefined).replaceAll('""', '"')
}

function countLines(text: string): number {
  let count = 1
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++
  return count
}
