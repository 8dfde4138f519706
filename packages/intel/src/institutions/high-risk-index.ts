import type { ReferenceSource } from '@hirewall/core'
import type { LoadedList } from '../source/intel-source.js'
import type { HighRiskInstitution } from './institution.js'
import { domainLadder, hostOf } from './institution-domain.js'
import type { InstitutionQuery } from './institution-index.js'
import { normaliseInstitutionName } from './institution-name.js'
import { distinguishingWords, typeWords } from './institution-words.js'
import { countryGroupOf } from './merge-institution-lists.js'
import { nameVariants } from './name-variants.js'
import { isOneEditApart } from './token-vocabulary.js'

/** How an education entry matched a high-risk list entry. */
export const highRiskMatchKinds = ['domain', 'name', 'similar-name'] as const
export type HighRiskMatchKind = (typeof highRiskMatchKinds)[number]

export type HighRiskMatch = {
  readonly entry: HighRiskInstitution
  readonly source: ReferenceSource
  readonly matchedBy: HighRiskMatchKind
  /** The entry's name or domain that matched, as the list writes it. */
  readonly matched: string
}

export type HighRiskIndex = {
  readonly size: number
  /** The first list entry the school's URL or name matches, domain first; undefined when none does. */
  readonly match: (query: InstitutionQuery) => HighRiskMatch | undefined
}

type IndexedEntry = { readonly entry: HighRiskInstitution; readonly source: ReferenceSource }
type IndexedName = { readonly at: number; readonly text: string; readonly tokens: readonly string[] }

/** The shortest word in which one slip still counts as the same name (`Almeda Universty`). */
const shortestSlippedWord = 5

/**
 * Indexes the organisation's high-risk lists. Matching is strict, because a match raises a high-severity signal:
 * a domain (or a subdomain of it), the same normalised name (`Almeda Univ.` for `Almeda University`, word order
 * kept: `University of Canterbury` is not the mill `Canterbury University`), or the same words with one slip in one
 * long word, where the slip is not itself a word that tells schools apart. A name listed for one country does not
 * match a school the entry places in another.
 */
export function createHighRiskIndex(lists: readonly LoadedList<HighRiskInstitution>[]): HighRiskIndex {
  const entries: IndexedEntry[] = lists.flatMap((list) => list.items.map((entry) => ({ entry, source: list.source })))
  const byDomain = new Map<string, number[]>()
  const byKey = new Map<string, number[]>()
  const names: IndexedName[] = []
  const postings = new Map<string, number[]>()
  entries.forEach(({ entry }, at) => {
    for (const domain of entry.domains) push(byDomain, domain, at)
    const texts = [
      entry.name,
      ...nameVariants(entry.name)
        .filter((variant) => variant.kind !== 'acronym')
        .map((variant) => variant.text),
    ]
    for (const text of texts) {
      const { tokens, key } = normaliseInstitutionName(text)
      if (tokens.length === 0) continue
      push(byKey, key, names.length)
      for (const token of new Set(tokens)) push(postings, token, names.length)
      names.push({ at, text, tokens })
    }
  })

  return {
    size: entries.length,
    match(query) {
      const host = hostOf(query.url) ?? (query.name && !query.name.includes(' ') ? hostOf(query.name) : undefined)
      if (host) {
        for (const domain of domainLadder(host)) {
          const at = byDomain.get(domain)?.[0]
          const found = at === undefined ? undefined : entries[at]
          if (found) return { ...found, matchedBy: 'domain', matched: domain }
        }
      }
      if (!query.name) return undefined
      const { tokens, key } = normaliseInstitutionName(query.name)
      if (tokens.length === 0) return undefined
      const isPlausible = (name: IndexedName): boolean => {
        const country = entries[name.at]?.entry.countryCode
        return !country || !query.countryCode || countryGroupOf(country) === countryGroupOf(query.countryCode)
      }
      const exact = (byKey.get(key) ?? []).map((id) => names[id] as IndexedName).find(isPlausible)
      if (exact) return { ...(entries[exact.at] as IndexedEntry), matchedBy: 'name', matched: exact.text }
      const seen = new Set<number>()
      for (const token of tokens) {
        for (const id of postings.get(token) ?? []) {
          if (seen.has(id)) continue
          seen.add(id)
          const name = names[id] as IndexedName
          if (isPlausible(name) && isOneSlipApart(tokens, name.tokens)) {
            return { ...(entries[name.at] as IndexedEntry), matchedBy: 'similar-name', matched: name.text }
          }
        }
      }
      return undefined
    },
  }
}

/** The same words in the same order but for one slip in one long, ordinary word. */
function isOneSlipApart(query: readonly string[], listed: readonly string[]): boolean {
  if (query.length !== listed.length || query.length < 2) return false
  let slips = 0
  for (let position = 0; position < query.length; position += 1) {
    const word = query[position] ?? ''
    const other = listed[position] ?? ''
    if (word === other) continue
    // A slip, not another real word: `Technical` for `Technology` names another school.
    const isWord = typeWords.has(word) || distinguishingWords.has(word)
    if (isWord || other.length < shortestSlippedWord || !isOneEditApart(word, other)) return false
    slips += 1
  }
  return slips === 1
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const values = map.get(key)
  if (values) values.push(value)
  else map.set(key, [value])
}
