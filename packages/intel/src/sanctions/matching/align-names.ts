import { boundedLevenshtein } from './bounded-levenshtein.js'
import type { NameToken } from './normalise-name.js'
import { foldedHalves } from './romanisation-variants.js'
import { compareConsonants, compareTokens, tokenSimilarity } from './token-similarity.js'

/** A normalised name with the weight of each token (rare words weigh more than Muhammad or Kim, particles little). */
export type WeightedName = {
  readonly tokens: readonly NameToken[]
  readonly weights: readonly number[]
  readonly totalWeight: number
}

/** How well two names align: the share of each name's weight that found its counterpart, and what carried it. */
export type NameAlignment = {
  /** Matched weight of the query name over its total weight, in [0, 1]. */
  readonly queryCoverage: number
  /** Matched weight of the candidate name over its total weight, in [0, 1]. */
  readonly candidateCoverage: number
  /** Word tokens (not particles, initials or legal forms) of the query that matched. */
  readonly matchedWords: number
  /** Matched words that agree as written or up to a known spelling variant, not merely a slip or similar consonants. */
  readonly sureWords: number
  /** Initials of either name that matched a word or initial of the other. */
  readonly matchedInitials: number
  /** Whether a matched word is long and uncommon enough to carry a match on its own. */
  readonly hasDistinctiveWord: boolean
  /** Tokens of both names together. */
  readonly tokenCount: number
}

/** Shorter or commoner words than this never carry a match alone ("Ali", "Kim"). */
const distinctiveLength = 5
const distinctiveWeight = 0.6
const distinctiveSimilarity = 0.9
/** Exact, a romanisation variant, words joined, a glued article, Arabic-script consonants: not a slip. */
const sureSimilarity = 0.92

// Scratch space (alignment is synchronous: one at a time).
let similarities = new Float64Array(64)
let queryUsed = new Uint8Array(16)
let candidateUsed = new Uint8Array(16)

const noMatch: NameAlignment = {
  queryCoverage: 0,
  candidateCoverage: 0,
  matchedWords: 0,
  sureWords: 0,
  matchedInitials: 0,
  hasDistinctiveWord: false,
  tokenCount: 0,
}

/**
 * Aligns the tokens of two names, whatever their order: each query token pairs with at most one candidate token
 * (greedily, the most similar pairs first), then tokens still alone may pair with two neighbours of the other name
 * written as one (`Jongun` with `Jong Un`, `SiemensAG` with `Siemens AG`). `comparisons` remembers, for one
 * query, how each listed token compares with its tokens: candidates share words (listed tokens are shared objects).
 */
export function alignNames(
  query: WeightedName,
  candidate: WeightedName,
  comparisons?: Map<NameToken, Float64Array>,
): NameAlignment {
  const queryCount = query.tokens.length
  const candidateCount = candidate.tokens.length
  if (queryCount === 0 || candidateCount === 0) return noMatch
  const pairCount = queryCount * candidateCount
  if (similarities.length < pairCount) similarities = new Float64Array(pairCount * 2)
  if (queryUsed.length < queryCount) queryUsed = new Uint8Array(queryCount * 2)
  if (candidateUsed.length < candidateCount) candidateUsed = new Uint8Array(candidateCount * 2)
  queryUsed.fill(0, 0, queryCount)
  candidateUsed.fill(0, 0, candidateCount)
  for (let j = 0; j < candidateCount; j += 1) {
    const candidateToken = candidate.tokens[j] as NameToken
    let column = comparisons?.get(candidateToken)
    if (column === undefined) {
      column = new Float64Array(queryCount)
      for (let i = 0; i < queryCount; i += 1) column[i] = compareTokens(query.tokens[i] as NameToken, candidateToken)
      comparisons?.set(candidateToken, column)
    }
    for (let i = 0; i < queryCount; i += 1) similarities[i * candidateCount + j] = column[i] ?? 0
  }
  const tally: Tally = {
    queryMatched: 0,
    candidateMatched: 0,
    matchedWords: 0,
    sureWords: 0,
    matchedInitials: 0,
    isDistinctive: false,
  }
  let unmatched = queryCount + candidateCount
  // The most similar pairs first (ties in token order, so the result never depends on the sort).
  const pairs: number[] = []
  for (let index = 0; index < pairCount; index += 1) if ((similarities[index] ?? 0) > 0) pairs.push(index)
  pairs.sort((left, right) => (similarities[right] ?? 0) - (similarities[left] ?? 0) || left - right)
  for (const index of pairs) {
    const i = Math.floor(index / candidateCount)
    const j = index - i * candidateCount
    if (queryUsed[i] === 1 || candidateUsed[j] === 1) continue
    const similarity = similarities[index] ?? 0
    queryUsed[i] = 1
    candidateUsed[j] = 1
    unmatched -= 2
    tally.queryMatched += (query.weights[i] ?? 0) * similarity
    tally.candidateMatched += (candidate.weights[j] ?? 0) * similarity
    const candidateToken = candidate.tokens[j] as NameToken
    const queryKind = (query.tokens[i] as NameToken).kind
    if (candidateToken.kind === 'word' && queryKind === 'word') {
      tally.matchedWords += 1
      if (similarity >= sureSimilarity) tally.sureWords += 1
      if (isDistinctive(candidateToken, candidate.weights[j] ?? 0, similarity)) tally.isDistinctive = true
    } else if (candidateToken.kind === 'initial' || queryKind === 'initial') {
      tally.matchedInitials += 1
    }
  }
  // Neighbours written as one word on the other side need two tokens alone on one side and one on the other.
  if (unmatched >= 3) {
    joinNeighbours(query, candidate, queryUsed, candidateUsed, true, tally)
    joinNeighbours(candidate, query, candidateUsed, queryUsed, false, tally)
  }
  return {
    queryCoverage: Math.min(1, tally.queryMatched / query.totalWeight),
    candidateCoverage: Math.min(1, tally.candidateMatched / candidate.totalWeight),
    matchedWords: tally.matchedWords,
    sureWords: tally.sureWords,
    matchedInitials: tally.matchedInitials,
    hasDistinctiveWord: tally.isDistinctive,
    tokenCount: queryCount + candidateCount,
  }
}

type Tally = {
  queryMatched: number
  candidateMatched: number
  matchedWords: number
  sureWords: number
  matchedInitials: number
  isDistinctive: boolean
}

function joinNeighbours(
  joined: WeightedName,
  whole: WeightedName,
  joinedUsed: Uint8Array,
  wholeUsed: Uint8Array,
  isQueryJoined: boolean,
  tally: Tally,
): void {
  joinThree(joined, whole, joinedUsed, wholeUsed, isQueryJoined, tally)
  for (let i = 0; i + 1 < joined.tokens.length; i += 1) {
    if (joinedUsed[i] === 1 || joinedUsed[i + 1] === 1) continue
    const first = joined.tokens[i] as NameToken
    const second = joined.tokens[i + 1] as NameToken
    if (first.kind !== 'word' || second.kind !== 'word') continue
    for (let j = 0; j < whole.tokens.length; j += 1) {
      if (wholeUsed[j] === 1) continue
      const wholeToken = whole.tokens[j] as NameToken
      if (wholeToken.kind !== 'word' || !canJoin(first, second, wholeToken)) continue
      const similarity = compareJoined(first, second, wholeToken)
      if (similarity === 0) continue
      joinedUsed[i] = 1
      joinedUsed[i + 1] = 1
      wholeUsed[j] = 1
      const joinedWeight = ((joined.weights[i] ?? 0) + (joined.weights[i + 1] ?? 0)) * similarity
      const wholeWeight = (whole.weights[j] ?? 0) * similarity
      tally.queryMatched += isQueryJoined ? joinedWeight : wholeWeight
      tally.candidateMatched += isQueryJoined ? wholeWeight : joinedWeight
      tally.matchedWords += isQueryJoined ? 2 : 1
      if (similarity >= sureSimilarity) tally.sureWords += 1
      if (similarity >= distinctiveSimilarity && (whole.weights[j] ?? 0) >= distinctiveWeight)
        tally.isDistinctive = true
      break
    }
  }
}

function isDistinctive(token: NameToken, weight: number, similarity: number): boolean {
  return token.folded.length >= distinctiveLength && weight >= distinctiveWeight && similarity >= distinctiveSimilarity
}

/** Three neighbours written as one (`Nuraldin` for `Nur al-Din`, `Buzaljuddi` for `Buz-al-Juddi`). */
function joinThree(
  joined: WeightedName,
  whole: WeightedName,
  joinedUsed: Uint8Array,
  wholeUsed: Uint8Array,
  isQueryJoined: boolean,
  tally: Tally,
): void {
  for (let i = 0; i + 2 < joined.tokens.length; i += 1) {
    if (joinedUsed[i] === 1 || joinedUsed[i + 1] === 1 || joinedUsed[i + 2] === 1) continue
    const parts = [joined.tokens[i], joined.tokens[i + 1], joined.tokens[i + 2]] as const
    if (parts.some((part) => part === undefined || part.kind === 'legal-form' || part.isAbjad || part.isSyllable))
      continue
    const text = parts.map((part) => part?.text).join('')
    for (let j = 0; j < whole.tokens.length; j += 1) {
      const wholeToken = whole.tokens[j] as NameToken
      if (wholeUsed[j] === 1 || wholeToken.kind !== 'word' || Math.abs(wholeToken.text.length - text.length) > 1)
        continue
      const similarity =
        text === wholeToken.text
          ? tokenSimilarity.joined
          : text.length >= 6 && boundedLevenshtein(text, wholeToken.text, 1) === 1
            ? tokenSimilarity.joinedOneEdit
            : 0
      if (similarity === 0) continue
      joinedUsed[i] = 1
      joinedUsed[i + 1] = 1
      joinedUsed[i + 2] = 1
      wholeUsed[j] = 1
      const joinedWeight =
        ((joined.weights[i] ?? 0) + (joined.weights[i + 1] ?? 0) + (joined.weights[i + 2] ?? 0)) * similarity
      const wholeWeight = (whole.weights[j] ?? 0) * similarity
      tally.queryMatched += isQueryJoined ? joinedWeight : wholeWeight
      tally.candidateMatched += isQueryJoined ? wholeWeight : joinedWeight
      tally.matchedWords += 2
      if (similarity >= sureSimilarity) tally.sureWords += 1
      if (similarity >= distinctiveSimilarity && (whole.weights[j] ?? 0) >= distinctiveWeight)
        tally.isDistinctive = true
      break
    }
  }
}

/** A cheap test before building the joined spelling: lengths that can add up. */
function canJoin(first: NameToken, second: NameToken, whole: NameToken): boolean {
  if (first.isAbjad || second.isAbjad || whole.isAbjad) return first.skeleton[0] === whole.skeleton[0]
  const folded = first.folded.length + second.folded.length - whole.folded.length
  const text = first.text.length + second.text.length - whole.text.length
  // Folding changes lengths a little (`gwang` → `kwang`, `eun` → `un`).
  return Math.abs(folded) <= 2 || Math.abs(text) <= 2
}

/** Two neighbouring tokens against one token that writes them as one word. */
function compareJoined(first: NameToken, second: NameToken, whole: NameToken): number {
  if (first.isSyllable || second.isSyllable || whole.isSyllable) {
    return first.folded + second.folded === whole.folded ? tokenSimilarity.joined : 0
  }
  if (first.isAbjad || second.isAbjad || whole.isAbjad) {
    return Math.min(compareConsonants(first.skeleton + second.skeleton, whole.skeleton), tokenSimilarity.joined)
  }
  const folded = first.folded + second.folded
  const text = first.text + second.text
  if (folded === whole.folded || text === whole.text) return tokenSimilarity.joined
  if (foldedHalves(whole.text).some(([left, right]) => left === first.folded && right === second.folded)) {
    return tokenSimilarity.joined
  }
  if (folded.length < 6) return 0
  const isSlip = boundedLevenshtein(folded, whole.folded, 1) === 1 || boundedLevenshtein(text, whole.text, 1) === 1
  return isSlip ? tokenSimilarity.joinedOneEdit : 0
}
