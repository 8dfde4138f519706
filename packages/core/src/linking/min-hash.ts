/**
 * MinHash over word-trigram shingles, written for speed: words are hashed once (FNV-1a over UTF-16 code units),
 * trigrams combine three word hashes and are mixed with murmur3's finaliser, and each of the `minHashSize`
 * permutations is `a*x + b mod 2^32` with odd `a` (a bijection), done with Math.imul on 32-bit integers.
 */
export const minHashSize = 100
/** Texts with fewer shingles than this are not compared: two short blurbs share trigrams by chance. */
export const minimumShingles = 20

const multipliers = new Uint32Array(minHashSize)
const increments = new Uint32Array(minHashSize)
{
  // A fixed seed: signatures must be comparable across processes and releases.
  let state = 0x2545f491
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return (value ^ (value >>> 14)) >>> 0
  }
  for (let index = 0; index < minHashSize; index++) {
    multipliers[index] = (next() | 1) >>> 0
    increments[index] = next()
  }
}

/** The words of a text (lower case letters and digits) with where each one starts and ends, and their hashes. */
export type WordList = {
  readonly text: string
  readonly hashes: Uint32Array
  readonly starts: Uint32Array
  readonly ends: Uint32Array
  readonly count: number
}

export function splitWords(text: string): WordList {
  const lower = text.toLowerCase()
  const capacity = (lower.length >>> 1) + 1
  const hashes = new Uint32Array(capacity)
  const starts = new Uint32Array(capacity)
  const ends = new Uint32Array(capacity)
  let count = 0
  let hash = 0x811c9dc5
  let start = -1
  for (let index = 0; index <= lower.length; index++) {
    const code = index < lower.length ? lower.charCodeAt(index) : 32
    const isWordChar = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code > 127 && isLetter(code))
    if (isWordChar) {
      if (start < 0) {
        start = index
        hash = 0x811c9dc5
      }
      hash = Math.imul(hash ^ code, 0x01000193)
    } else if (start >= 0) {
      hashes[count] = hash >>> 0
      starts[count] = start
      ends[count] = index
      count++
      start = -1
    }
  }
  return { text: lower, hashes, starts, ends, count }
}

function isLetter(code: number): boolean {
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code))
}

function fmix32(value: number): number {
  let mixed = value ^ (value >>> 16)
  mixed = Math.imul(mixed, 0x85ebca6b)
  mixed ^= mixed >>> 13
  mixed = Math.imul(mixed, 0xc2b2ae35)
  return (mixed ^ (mixed >>> 16)) >>> 0
}

/** The 32-bit hash of the trigram starting at word `index`. */
function shingleHash(hashes: Uint32Array, index: number): number {
  const first = hashes[index] ?? 0
  const second = hashes[index + 1] ?? 0
  const third = hashes[index + 2] ?? 0
  return fmix32(
    Math.imul(first, 0x9e3779b1) ^
      Math.imul((second << 11) | (second >>> 21), 0x85ebca77) ^
      Math.imul((third << 21) | (third >>> 11), 0x27d4eb2f),
  )
}

/** A text's MinHash: the minimum of each permutation, and which shingle (its first word's index) reached it. */
export type MinHashSignature = {
  readonly values: Uint32Array
  readonly witnesses: Uint32Array
  readonly shingleCount: number
}

export function shingleCount(words: WordList): number {
  return Math.max(0, words.count - 2)
}

export function minHash(words: WordList): MinHashSignature {
  const values = new Uint32Array(minHashSize)
  const witnesses = new Uint32Array(minHashSize)
  const shingles = shingleCount(words)
  const hashes = new Uint32Array(shingles)
  for (let shingle = 0; shingle < shingles; shingle++) hashes[shingle] = shingleHash(words.hashes, shingle)
  // Permutation outside, shingles inside: the running minimum stays in a register.
  for (let index = 0; index < minHashSize; index++) {
    const multiplier = multipliers[index] ?? 1
    const increment = (increments[index] ?? 0) | 0
    // Flipping the sign bit makes signed order equal unsigned order, so the loop stays in 32-bit integers.
    let minimum = 0x7fffffff
    let witness = 0
    for (let shingle = 0; shingle < shingles; shingle++) {
      const value = ((Math.imul(multiplier, hashes[shingle] ?? 0) + increment) | 0) ^ 0x80000000
      if (value < minimum) {
        minimum = value
        witness = shingle
      }
    }
    values[index] = (minimum ^ 0x80000000) >>> 0
    witnesses[index] = witness
  }
  return { values, witnesses, shingleCount: shingles }
}

/** The set of trigram hashes of a text: exact Jaccard, for tests and calibration. */
export function shingleSet(words: WordList): Set<number> {
  const set = new Set<number>()
  for (let shingle = 0; shingle < shingleCount(words); shingle++) set.add(shingleHash(words.hashes, shingle))
  return set
}

/**
 * The stored form of a signature: the top 16 bits of each minimum (b-bit minwise hashing). Agreement of two
 * 16-bit values by chance is 1/65,536, so the Jaccard estimate is unchanged for our purpose at half the memory.
 */
export function compactSignature(values: Uint32Array, into: Uint16Array, offset: number): void {
  for (let index = 0; index < minHashSize; index++) into[offset + index] = (values[index] ?? 0) >>> 16
}

/** The fraction of agreeing minima: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function estimateSimilarity(values: Uint32Array, stored: Uint16Array, offset: number): number {
  let agreeing = 0
  for (let index = 0; index < minHashSize; index++)
    if ((values[index] ?? 0) >>> 16 === stored[offset + index]) agreeing++
  return agreeing / minHashSize
}

/**
 * Shared passages between the new text and a matched one, rebuilt from the new text alone: where the two minima
 * agree, the shingle that reached the minimum is (all but surely) in both texts. Overlapping shingles merge.
 */
export function sharedPassages(
  words: WordList,
  signature: MinHashSignature,
  stored: Uint16Array,
  offset: number,
  limit: number,
): readonly string[] {
  const starts = new Set<number>()
  for (let index = 0; index < minHashSize; index++) {
    if ((signature.values[index] ?? 0) >>> 16 === stored[offset + index]) starts.add(signature.witnesses[index] ?? 0)
  }
  const sorted = [...starts].sort((a, b) => a - b)
  const passages: string[] = []
  let index = 0
  while (index < sorted.length && passages.length < limit) {
    const first = sorted[index] ?? 0
    let last = first
    while (index + 1 < sorted.length && (sorted[index + 1] ?? 0) <= last + 3) last = sorted[++index] ?? last
    index++
    const from = words.starts[first] ?? 0
    const to = words.ends[Math.min(last + 2, words.count - 1)] ?? from
    passages.push(words.text.slice(from, to).replace(/\s+/g, ' '))
  }
  return passages
}
