/** One `object:property = 'value'` comparison of a pattern; the property path without quotes, lower case. */
export type StixComparison = { readonly objectType: string; readonly property: string; readonly value: string }

export type StixPatternReading =
  | { readonly status: 'ok'; readonly objectType: string; readonly comparisons: readonly StixComparison[] }
  | { readonly status: 'unsupported'; readonly message: string }

const comparisonPattern =
  /\s*([a-z0-9-]+):((?:[a-z0-9_]+|'[^']*')(?:\.(?:[a-z0-9_]+|'[^']*'))*)\s*=\s*'((?:[^'\\]|\\.)*)'\s*/iy
const andPattern = /AND\b/y

/**
 * Reads the patterns indicators of identifiers are written in: one observation expression of equality comparisons
 * on one object type joined by AND (`[user-account:account_type = 'github' AND user-account:account_login = 'x']`).
 * Anything richer (OR, other operators, several observations, qualifiers) is `unsupported`, with the reason.
 */
export function readStixPattern(pattern: string): StixPatternReading {
  const text = pattern.trim()
  if (!text.startsWith('[') || !text.endsWith(']')) {
    return { status: 'unsupported', message: 'is not one observation expression [ … ]' }
  }
  const inner = text.slice(1, -1)
  const comparisons: StixComparison[] = []
  let at = 0
  for (;;) {
    comparisonPattern.lastIndex = at
    const match = comparisonPattern.exec(inner)
    if (match === null) {
      return { status: 'unsupported', message: "has a comparison other than object:property = 'value'" }
    }
    comparisons.push({
      objectType: (match[1] ?? '').toLowerCase(),
      property: (match[2] ?? '').replace(/'/g, '').toLowerCase(),
      value: (match[3] ?? '').replace(/\\(.)/g, '$1'),
    })
    at = comparisonPattern.lastIndex
    if (at === inner.length) break
    andPattern.lastIndex = at
    if (andPattern.exec(inner) === null)
      return { status: 'unsupported', message: 'joins comparisons other than with AND' }
    at = andPattern.lastIndex
  }
  const objectType = comparisons[0]?.objectType ?? ''
  if (comparisons.some((comparison) => comparison.objectType !== objectType)) {
    return { status: 'unsupported', message: 'compares properties of more than one object type' }
  }
  return { status: 'ok', objectType, comparisons }
}
