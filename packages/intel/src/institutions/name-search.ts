import type { PreparedQuery } from './institution-query.js'
import { canonicalSpellings } from './institution-name.js'
import { distinguishingWords, relatedWords, typeWords, unitWords } from './institution-words.js'
import { scoreNameMatch, type QueryToken } from './score-name-match.js'
import { createTokenVocabulary, type TokenVocabulary } from './token-vocabulary.js'

/** One indexed name or alias of a merged institution. */
export type IndexedName = {
  /** Position of its institution in the merged list. */
  readonly entry: number
  /** As the list writes it. */
  readonly text: string
  readonly tokens: readonly string[]
  readonly key: string
  readonly bagKey: string
  readonly literalKey: string
  /**
   * The school's name as a list gives it, an alias (list alias or the same name spelt otherwise), a part of it, or a
   * short form derived from it (`insa lyon`).
   */
  readonly kind: 'listed' | 'alias' | 'part' | 'short'
}

export type NameHit = { readonly entry: number; readonly score: number; readonly text: string }

export type NameSearch = {
  readonly byKey: ReadonlyMap<string, readonly number[]>
  readonly vocabulary: TokenVocabulary
  /** Names whose tokens are the query's, in order. */
  readonly exact: (tokens: readonly string[]) => readonly IndexedName[]
  /** Names with the query's tokens in another order (`Michigan State University` for `State University of Michigan`). */
  readonly reordered: (tokens: readonly string[]) => readonly IndexedName[]
  /** Names the query begins, with a distinctive word in the query (`University of Illinois` for its campuses). */
  readonly extending: (tokens: readonly string[]) => readonly IndexedName[]
  /** The best-scoring names, best per institution, found through the postings of the query's rarer words. */
  readonly fuzzy: (query: PreparedQuery) => readonly NameHit[]
  /** How well the query fits the best of one institution's names. */
  readonly fitOf: (query: PreparedQuery, entry: number) => number
}

const isDistinguishing = (token: string): boolean => distinguishingWords.has(token)
/** The least an unmatched kind-of-school word weighs, however common. */
const typeWordWeight = 2.5
/** Words in more than this share of names are too common to find candidates with (they still count in scores). */
const commonWordShare = 0.02
/** A part of a name (`University of Michigan` of its Dearborn campus) is weaker evidence than a full name. */
const kindWeights: Readonly<Record<IndexedName['kind'], number>> = { listed: 1, alias: 0.99, part: 0.9, short: 0.84 }
const relatedSimilarity = 0.85
const scoredCandidates = 40
const hitsKept = 8

/** Indexes names by exact key, by sorted tokens, and by token postings for the scored search. */
export function buildNameSearch(names: readonly IndexedName[]): NameSearch {
  const byKey = new Map<string, number[]>()
  const byBag = new Map<string, number[]>()
  const postings = new Map<string, number[]>()
  const namesOf = new Map<number, number[]>()
  names.forEach((name, id) => {
    push(byKey, name.key, id)
    push(byBag, name.bagKey, id)
    push(namesOf, name.entry, id)
    for (const token of new Set(name.tokens)) push(postings, token, id)
  })
  const vocabulary = createTokenVocabulary(
    new Map([...postings].map(([token, ids]) => [token, ids.length])),
    canonicalSpellings,
  )
  const total = Math.max(1, names.length)
  const weightOf = (token: string): number => Math.log(1 + total / Math.max(1, vocabulary.frequency(token)))
  const commonAbove = Math.max(50, total * commonWordShare)
  const byPrefix = new Map<string, number[]>()
  names.forEach((name, id) => {
    let hasDistinctiveWord = false
    for (let length = 1; length < name.tokens.length; length += 1) {
      hasDistinctiveWord ||= vocabulary.frequency(name.tokens[length - 1] ?? '') <= commonAbove
      if (length >= 2 && hasDistinctiveWord) push(byPrefix, name.tokens.slice(0, length).join(' '), id)
    }
  })
  // Scratch space reused by every query: a running score per name and a stamp of the last query word credited.
  const scores = new Float64Array(names.length)
  const stamps = new Int32Array(names.length)
  let stamp = 0

  function queryTokens(query: PreparedQuery): QueryToken[] {
    const namesUnit = query.tokens.some((token) => unitWords.has(token))
    return query.tokens.map((token) => {
      const direct = vocabulary.expand(token, query.abbreviated.has(token))
      const related = (relatedWords.get(token) ?? [])
        .filter((word) => vocabulary.frequency(word) > 0)
        .map((word) => ({ token: word, similarity: relatedSimilarity, kind: 'related' as const }))
      const expansions = [...direct, ...related].sort((a, b) => b.similarity - a.similarity)
      const known = expansions.map((expansion) => weightOf(expansion.token))
      const weight = known.length > 0 ? Math.max(...known) : weightOf(token)
      return {
        token,
        expansions,
        weight: typeWords.has(token) ? Math.max(weight, typeWordWeight) : weight,
        isSubUnit: namesUnit && (unitWords.has(token) || distinguishingWords.has(token)),
      }
    })
  }

  function fuzzy(query: PreparedQuery): NameHit[] {
    const tokens = queryTokens(query)
    const rarest = Math.min(
      ...tokens.flatMap((token) => token.expansions.map((expansion) => vocabulary.frequency(expansion.token))),
    )
    const limit = Math.max(commonAbove, rarest)
    const touched: number[] = []
    for (const token of tokens) {
      stamp += 1
      for (const expansion of token.expansions) {
        if (vocabulary.frequency(expansion.token) > limit) continue
        const credit = weightOf(expansion.token) * expansion.similarity
        for (const id of postings.get(expansion.token) ?? []) {
          if (stamps[id] === stamp) continue
          stamps[id] = stamp
          if (scores[id] === 0) touched.push(id)
          scores[id] = (scores[id] ?? 0) + credit
        }
      }
    }
    touched.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
    const best = new Map<number, NameHit>()
    for (const id of touched.slice(0, scoredCandidates)) {
      const name = names[id]
      if (!name) continue
      const score = scoreNameMatch(tokens, name.tokens, weightOf, isDistinguishing) * kindWeights[name.kind]
      const current = best.get(name.entry)
      if (score > 0 && (!current || score > current.score))
        best.set(name.entry, { entry: name.entry, score, text: name.text })
    }
    for (const id of touched) scores[id] = 0
    return [...best.values()].sort((a, b) => b.score - a.score || a.entry - b.entry).slice(0, hitsKept)
  }

  return {
    byKey,
    vocabulary,
    exact: (tokens) => (byKey.get(tokens.join(' ')) ?? []).map((id) => names[id] as IndexedName),
    reordered(tokens) {
      const key = tokens.join(' ')
      const bag = [...tokens].sort().join(' ')
      return (byBag.get(bag) ?? []).map((id) => names[id] as IndexedName).filter((name) => name.key !== key)
    },
    extending: (tokens) => (byPrefix.get(tokens.join(' ')) ?? []).map((id) => names[id] as IndexedName),
    fuzzy,
    fitOf(query, entry) {
      const tokens = queryTokens(query)
      let best = 0
      for (const id of namesOf.get(entry) ?? []) {
        best = Math.max(best, scoreNameMatch(tokens, names[id]?.tokens ?? [], weightOf, isDistinguishing))
      }
      return best
    },
  }
}

function push<Key>(map: Map<Key, number[]>, key: Key, value: number): void {
  const values = map.get(key)
  if (values) values.push(value)
  else map.set(key, [value])
}
