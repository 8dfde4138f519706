// Reused between calls: names are short, so two small buffers avoid an allocation per comparison.
let leftMatched = new Uint8Array(64)
let rightMatched = new Uint8Array(64)

/**
 * Jaro-Winkler similarity of two strings in [0, 1] (prefix scale 0.1, prefix of at most 4), the measure most
 * open-source screeners use on whole names. Here it compares single normalised tokens.
 */
export function jaroWinkler(left: string, right: string): number {
  if (left === right) return 1
  const leftLength = left.length
  const rightLength = right.length
  if (leftLength === 0 || rightLength === 0) return 0
  if (leftLength > leftMatched.length) leftMatched = new Uint8Array(leftLength * 2)
  if (rightLength > rightMatched.length) rightMatched = new Uint8Array(rightLength * 2)
  leftMatched.fill(0, 0, leftLength)
  rightMatched.fill(0, 0, rightLength)
  const window = Math.max(0, Math.floor(Math.max(leftLength, rightLength) / 2) - 1)
  let matches = 0
  for (let i = 0; i < leftLength; i += 1) {
    const from = Math.max(0, i - window)
    const to = Math.min(rightLength - 1, i + window)
    const code = left.charCodeAt(i)
    for (let j = from; j <= to; j += 1) {
      if (rightMatched[j] === 0 && right.charCodeAt(j) === code) {
        leftMatched[i] = 1
        rightMatched[j] = 1
        matches += 1
        break
      }
    }
  }
  if (matches === 0) return 0
  let transpositions = 0
  let k = 0
  for (let i = 0; i < leftLength; i += 1) {
    if (leftMatched[i] === 0) continue
    while (rightMatched[k] === 0) k += 1
    if (left.charCodeAt(i) !== right.charCodeAt(k)) transpositions += 1
    k += 1
  }
  const jaro = (matches / leftLength + matches / rightLength + (matches - transpositions / 2) / matches) / 3
  let prefix = 0
  const prefixLimit = Math.min(4, leftLength, rightLength)
  while (prefix < prefixLimit && left.charCodeAt(prefix) === right.charCodeAt(prefix)) prefix += 1
  return jaro + prefix * 0.1 * (1 - jaro)
}
