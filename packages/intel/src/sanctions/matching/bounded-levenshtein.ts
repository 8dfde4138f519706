let rowBeforePrevious = new Int32Array(64)
let previousRow = new Int32Array(64)
let currentRow = new Int32Array(64)

/**
 * Edit distance of two strings counting a swap of two neighbouring letters as one edit (optimal string alignment),
 * or `limit + 1` as soon as it must exceed `limit`: token comparisons only care whether two spellings are one or two
 * typing slips apart, so most rows are cut short.
 */
export function boundedLevenshtein(left: string, right: string, limit: number): number {
  if (left === right) return 0
  const leftLength = left.length
  const rightLength = right.length
  if (Math.abs(leftLength - rightLength) > limit) return limit + 1
  if (leftLength === 0 || rightLength === 0) return Math.min(limit + 1, leftLength + rightLength)
  if (rightLength + 1 > previousRow.length) {
    rowBeforePrevious = new Int32Array((rightLength + 1) * 2)
    previousRow = new Int32Array((rightLength + 1) * 2)
    currentRow = new Int32Array((rightLength + 1) * 2)
  }
  for (let j = 0; j <= rightLength; j += 1) previousRow[j] = j
  for (let i = 1; i <= leftLength; i += 1) {
    currentRow[0] = i
    let rowMinimum = i
    const code = left.charCodeAt(i - 1)
    for (let j = 1; j <= rightLength; j += 1) {
      let cell = Math.min(
        (previousRow[j - 1] ?? 0) + (right.charCodeAt(j - 1) === code ? 0 : 1),
        (previousRow[j] ?? 0) + 1,
        (currentRow[j - 1] ?? 0) + 1,
      )
      if (i > 1 && j > 1 && code === right.charCodeAt(j - 2) && left.charCodeAt(i - 2) === right.charCodeAt(j - 1)) {
        cell = Math.min(cell, (rowBeforePrevious[j - 2] ?? 0) + 1)
      }
      currentRow[j] = cell
      if (cell < rowMinimum) rowMinimum = cell
    }
    if (rowMinimum > limit) return limit + 1
    const oldest = rowBeforePrevious
    rowBeforePrevious = previousRow
    previousRow = currentRow
    currentRow = oldest
  }
  const distance = previousRow[rightLength] ?? limit + 1
  return distance > limit ? limit + 1 : distance
}
