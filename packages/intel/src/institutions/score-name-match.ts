import type { TokenExpansion } from './token-vocabulary.js'

/** One word of a query with the indexed words it may stand for and its weight (rarer words weigh more). */
export type QueryToken = {
  readonly token: string
  readonly expansions: readonly TokenExpansion[]
  readonly weight: number
  /**
   * A word naming a unit within a school, or its subject, in a query that names a unit (`Harvard Business School`):
   * the list's name leaves such words out.
   */
  readonly isSubUnit: boolean
}

/** How little an unmatched word naming a part of a school counts against a match. */
const subUnitDiscount = 0.15
/** The factor for each word that tells schools apart (`Technical`, `Northern`) found on one side only. */
const distinguishingPenalty = 0.85
/** The factor when the matched words come in another order (`Illinois State University`, `University of Illinois`). */
const reorderPenalty = 0.85

/**
 * How well a query matches one indexed name, in 0..1: 1 when every word matches exactly both ways. Words align
 * one to one, each query word with the name word it fits best. The score rewards most that the query's own words
 * are all found (people leave words out of a school's name, like the campus, far more often than they add words
 * that are not in it) and less that the name's words are all used: `University of Illinois` fits the Urbana-Champaign
 * campus well but not perfectly, and `Columbia State University` (a diploma mill) fits `Columbia University` poorly.
 */
export function scoreNameMatch(
  query: readonly QueryToken[],
  nameTokens: readonly string[],
  weightOf: (token: string) => number,
  isDistinguishing: (token: string) => boolean,
): number {
  const used = new Array<boolean>(nameTokens.length).fill(false)
  let matched = 0
  let similar = 0
  let queryWeight = 0
  let oneSided = 0
  let lastPosition = -1
  let isReordered = false
  for (const word of query) {
    let best = -1
    let bestSimilarity = 0
    for (const expansion of word.expansions) {
      if (expansion.similarity <= bestSimilarity) continue
      const position = nameTokens.findIndex((token, index) => !used[index] && token === expansion.token)
      if (position !== -1) {
        best = position
        bestSimilarity = expansion.similarity
      }
    }
    if (best === -1) {
      queryWeight += word.isSubUnit ? word.weight * subUnitDiscount : word.weight
      if (!word.isSubUnit && isDistinguishing(word.token)) oneSided += 1
      continue
    }
    isReordered ||= best < lastPosition
    lastPosition = best
    used[best] = true
    const weight = weightOf(nameTokens[best] ?? '')
    matched += weight
    similar += weight * bestSimilarity
    queryWeight += weight
  }
  let nameWeight = 0
  nameTokens.forEach((token, position) => {
    nameWeight += weightOf(token)
    if (!used[position] && isDistinguishing(token)) oneSided += 1
  })
  if (matched === 0 || queryWeight === 0 || nameWeight === 0) return 0
  const queryCoverage = matched / queryWeight
  const nameCoverage = matched / nameWeight
  // How exactly the aligned words match (typos, cut words), apart from how many align.
  const closeness = similar / matched
  const penalty = distinguishingPenalty ** Math.min(oneSided, 2) * (isReordered ? reorderPenalty : 1)
  return queryCoverage * queryCoverage * (0.55 + 0.45 * nameCoverage) * closeness * penalty
}
