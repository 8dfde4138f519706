/**
 * Binary searches over sorted address bounds kept in typed arrays: IPv4 as one 32-bit word per value, IPv6 as four
 * words per value (most significant first), so comparisons stay in small integers and nothing is allocated.
 */

/** Index of the last entry of a sorted array at or below the value, or -1. */
export function lastAtOrBelow4(sorted: Uint32Array, value: number): number {
  let low = 0
  let high = sorted.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    if ((sorted[middle] ?? 0) <= value) low = middle + 1
    else high = middle - 1
  }
  return high
}

/** Compares the 128-bit value at `index` of a four-words-per-value array with an address's words. */
export function compareWords(array: Uint32Array, index: number, words: readonly number[]): number {
  const base = index * 4
  for (let word = 0; word < 4; word++) {
    const difference = (array[base + word] ?? 0) - (words[word] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}

/** Like `lastAtOrBelow4` over 128-bit values stored as four words each. */
export function lastAtOrBelow6(sorted: Uint32Array, words: readonly number[]): number {
  let low = 0
  let high = sorted.length / 4 - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    if (compareWords(sorted, middle, words) <= 0) low = middle + 1
    else high = middle - 1
  }
  return high
}
