import type { ReferenceSource } from '@hirewall/core'
import type { LoadedList } from '../source/intel-source.js'
import type { Institution } from './institution.js'
import { resolveCuratedShortNames } from './famous-acronyms.js'
import { domainLadder, hostOf, registrableDomain } from './institution-domain.js'
import { acronymWithPlace, joinShortRuns, normaliseInstitutionName, type InstitutionName } from './institution-name.js'
import { prepareQuery, type PreparedQuery } from './institution-query.js'
import { distinguishingWords, typeWords } from './institution-words.js'
import { countryGroupOf, mergeInstitutionLists, type MergedInstitution } from './merge-institution-lists.js'
import { isAcronym, nameVariants } from './name-variants.js'
import { buildNameSearch, type IndexedName } from './name-search.js'
import type {
  InstitutionCandidate,
  InstitutionQuery,
  InstitutionResolution,
  ResolutionMethod,
} from './institution-resolution.js'

export {
  resolutionMethods,
  type InstitutionCandidate,
  type InstitutionQuery,
  type InstitutionResolution,
  type ResolutionMethod,
} from './institution-resolution.js'

export type InstitutionIndex = {
  /** Institutions after merging the lists. */
  readonly size: number
  /** Names and aliases indexed. */
  readonly names: number
  /** Country codes the lists cover (a world list covers about 200). */
  readonly countries: ReadonlySet<string>
  readonly sources: readonly ReferenceSource[]
  /** Curated short names whose school is in none of the loaded lists. */
  readonly unresolvedShortNames: readonly string[]
  readonly resolve: (query: InstitutionQuery) => InstitutionResolution
}

const confidences = {
  domain: 0.97,
  domainAgainstName: 0.9,
  listedName: 1,
  /** The list's name, reached only through respelling (`University of Lagos` for `Universidad de Los Lagos`). */
  translatedName: 0.98,
  alias: 0.97,
  curatedShortName: 0.95,
  listedAcronym: 0.95,
  part: 0.9,
  /** A short form derived from a long name (`INSA Lyon`): found, not sure enough to judge the school by. */
  short: 0.84,
  /** The query begins a name whose rest is a place (`University of Illinois` of its Urbana-Champaign campus). */
  campusPrefix: 0.87,
  /** The query begins a name whose rest tells another school (`Toyama University` of `... of International Studies`). */
  otherSchoolPrefix: 0.75,
  /** Initials of a name nobody else's initials give: found, but too weak to judge the school by. */
  derivedAcronym: 0.8,
  sharedListedAcronym: 0.7,
  sharedDerivedAcronym: 0.6,
  wordOrder: 0.85,
  fuzzyCeiling: 0.95,
} as const
/**
 * A name resolved from the part before its last comma (`Birla Institute of Technology and Science, Pilani`) is found
 * but not sure: the part after the comma may be the campus that tells the school from its siblings.
 */
const withoutPlaceCeiling = 0.84
/** Candidates this close to the best make a resolution ambiguous. */
export const ambiguityMargin = 0.05
/** A candidate in the query's country wins over a better one elsewhere when it is at most this much worse. */
const countryPreferenceMargin = 0.1
const candidatesKept = 5

/**
 * Builds the resolver over institution lists: merges them (`mergeInstitutionLists`), indexes every name, alias,
 * acronym and domain, and answers `resolve` with a few hash lookups and, when no name matches exactly, a scored
 * search over the postings of the query's rarer words (never a scan of all names).
 */
export function createInstitutionIndex(lists: readonly LoadedList<Institution>[]): InstitutionIndex {
  // Each listed name is normalised once, for merging and for indexing.
  const normalised = new Map<string, InstitutionName>()
  const normalise = (text: string): InstitutionName => {
    let name = normalised.get(text)
    if (!name) normalised.set(text, (name = normaliseInstitutionName(text)))
    return name
  }
  const entries = mergeInstitutionLists(lists, normalise)
  const names: IndexedName[] = []
  const byDomain = new Map<string, number[]>()
  const byAcronym = new Map<string, { readonly entry: number; readonly isListed: boolean }[]>()
  entries.forEach((merged, entry) => {
    const seenKeys = new Set<string>()
    const addTokens = (
      text: string,
      tokens: readonly string[],
      literalKey: string,
      kind: IndexedName['kind'],
    ): void => {
      const key = tokens.join(' ')
      if (tokens.length === 0 || seenKeys.has(key)) return
      seenKeys.add(key)
      names.push({ entry, text, tokens, key, bagKey: [...tokens].sort().join(' '), literalKey, kind })
    }
    const addName = (text: string, kind: IndexedName['kind']): void => {
      const name = normalise(text)
      if (seenKeys.has(name.key)) return
      addTokens(text, name.tokens, name.literalKey, kind)
      for (const acronym of name.acronyms) addAcronym(acronym, false)
      const joined = joinShortRuns(name.tokens)
      if (joined) addTokens(text, joined, joined.join(' '), kind === 'listed' ? 'alias' : kind)
      const short = acronymWithPlace(name.tokens)
      if (short) addTokens(text, short, short.join(' '), 'short')
    }
    const addAcronym = (text: string, isListed: boolean): void => {
      const acronym = text.toLowerCase().replace(/[^a-z0-9]/g, '')
      const found = byAcronym.get(acronym)
      if (found?.some((hit) => hit.entry === entry && (hit.isListed || !isListed))) return
      if (found) found.push({ entry, isListed })
      else byAcronym.set(acronym, [{ entry, isListed }])
    }
    for (const { institution } of merged.members) {
      addName(institution.name, 'listed')
      for (const variant of nameVariants(institution.name)) {
        if (variant.kind === 'acronym') addAcronym(variant.text, true)
        else addName(variant.text, variant.kind === 'part' ? 'part' : 'alias')
      }
      for (const alias of institution.alternateNames) {
        if (isAcronym(alias, 2)) addAcronym(alias, true)
        else addName(alias, 'alias')
      }
      for (const domain of institution.domains) {
        for (const key of new Set([domain, registrableDomain(domain)])) push(byDomain, key, entry)
      }
    }
  })
  const search = buildNameSearch(names)
  const isKnownWord = (word: string): boolean => search.vocabulary.frequency(word) > 0
  const curated = resolveCuratedShortNames(entries, search.byKey, names)
  const countries = new Set(entries.flatMap((merged) => merged.members.map((member) => member.institution.countryCode)))
  const entryGroups = entries.map((merged) => countryGroupOf(merged.institution.countryCode))

  return {
    size: entries.length,
    names: names.length,
    countries,
    sources: lists.map((list) => list.source),
    unresolvedShortNames: curated.unresolved,
    resolve(query) {
      const found = new Map<number, Omit<InstitutionCandidate, 'institution' | 'source' | 'sameAs'>>()
      const offer = (entry: number, confidence: number, method: ResolutionMethod, matchedName: string): void => {
        const current = found.get(entry)
        if (!current || confidence > current.confidence) found.set(entry, { confidence, method, matchedName })
      }
      const text = query.name?.trim() ?? ''
      const prepared = text === '' ? undefined : prepareQuery(text, isKnownWord)
      const host = hostOf(query.url) ?? (text !== '' && !text.includes(' ') ? hostOf(text) : undefined)
      if (host) matchDomain(host, prepared, offer)
      if (prepared) {
        matchShortForms(prepared, query.countryCode, offer)
        matchNames(prepared, 1, offer)
        const bestOf = (): number => Math.max(0, ...[...found.values()].map((hit) => hit.confidence))
        // Other readings of the name only when it is not already known as written.
        if (bestOf() < confidences.alias) {
          const forms: (readonly [form: PreparedQuery, ceiling: number])[] = [[prepared, 1]]
          const joined = joinShortRuns(prepared.tokens)
          if (joined) forms.push([{ ...prepared, tokens: joined, literalKey: joined.join(' ') }, 1])
          // `Birla Institute of Technology and Science, Pilani`: the part before the last comma.
          const head = /^(.+),[^,]+$/.exec(text)?.[1]
          if (head) forms.push([prepareQuery(head, isKnownWord), withoutPlaceCeiling])
          for (const [form, ceiling] of forms.slice(1)) matchNames(form, ceiling, offer)
          if (bestOf() < confidences.alias) {
            for (const [form, ceiling] of forms) {
              for (const hit of search.fuzzy(form)) {
                offer(hit.entry, Math.min(confidences.fuzzyCeiling, hit.score, ceiling), 'fuzzy', hit.text)
              }
            }
          }
        }
      }
      return rank(found, query.countryCode)
    },
  }

  function matchNames(
    prepared: PreparedQuery,
    ceiling: number,
    offer: (entry: number, confidence: number, method: ResolutionMethod, matchedName: string) => void,
  ): void {
    for (const hit of search.exact(prepared.tokens)) {
      const isLiteral = hit.literalKey === prepared.literalKey
      const confidence =
        hit.kind === 'listed'
          ? isLiteral
            ? confidences.listedName
            : confidences.translatedName
          : confidences[hit.kind]
      offer(hit.entry, Math.min(confidence, ceiling), hit.kind === 'listed' ? 'exact' : 'alias', hit.text)
    }
    for (const hit of search.extending(prepared.tokens)) {
      const rest = hit.tokens.slice(prepared.tokens.length)
      const isCampus = !rest.some((token) => distinguishingWords.has(token) || typeWords.has(token))
      const confidence = isCampus ? confidences.campusPrefix : confidences.otherSchoolPrefix
      offer(hit.entry, Math.min(confidence, ceiling), 'prefix', hit.text)
    }
    for (const hit of search.reordered(prepared.tokens)) {
      offer(hit.entry, Math.min(confidences.wordOrder, ceiling), 'word-order', hit.text)
    }
  }

  function matchDomain(
    host: string,
    prepared: PreparedQuery | undefined,
    offer: (entry: number, confidence: number, method: ResolutionMethod, matchedName: string) => void,
  ): void {
    for (const domain of domainLadder(host)) {
      const hits = byDomain.get(domain)
      if (!hits) continue
      const unique = [...new Set(hits)]
      for (const entry of unique) {
        const nameFit = prepared ? search.fitOf(prepared, entry) : 1
        const confidence =
          unique.length === 1
            ? nameFit < 0.3
              ? confidences.domainAgainstName
              : confidences.domain
            : // A chain's campuses share one domain: the written name picks the campus.
              0.6 + 0.37 * nameFit
        offer(entry, confidence, 'domain', domain)
      }
      return
    }
  }

  function matchShortForms(
    prepared: PreparedQuery,
    countryCode: string | undefined,
    offer: (entry: number, confidence: number, method: ResolutionMethod, matchedName: string) => void,
  ): void {
    for (const shortName of new Set([prepared.words.join(' '), prepared.acronym ?? ''])) {
      for (const entry of curated.byShortName.get(shortName) ?? []) {
        offer(entry, confidences.curatedShortName, 'acronym', shortName)
      }
    }
    if (!prepared.acronym) return
    const hits = byAcronym.get(prepared.acronym) ?? []
    const group = countryCode ? countryGroupOf(countryCode) : undefined
    const isLocal = (entry: number): boolean =>
      group === undefined || countryGroupOf(entries[entry]?.institution.countryCode ?? '') === group
    // An acronym many schools share names none of them; one in the query's country may still be unique there.
    const localCount = new Set(hits.filter((hit) => isLocal(hit.entry)).map((hit) => hit.entry)).size
    for (const hit of hits) {
      const isUnique = isLocal(hit.entry) && localCount === 1
      const confidence = hit.isListed
        ? isUnique
          ? confidences.listedAcronym
          : confidences.sharedListedAcronym
        : isUnique
          ? confidences.derivedAcronym
          : confidences.sharedDerivedAcronym
      offer(hit.entry, confidence, 'acronym', prepared.acronym.toUpperCase())
    }
  }

  function rank(
    found: ReadonlyMap<number, Omit<InstitutionCandidate, 'institution' | 'source' | 'sameAs'>>,
    countryCode: string | undefined,
  ): InstitutionResolution {
    const group = countryCode ? countryGroupOf(countryCode) : undefined
    const local = new Set<number>()
    if (group !== undefined) {
      for (const entry of found.keys()) if (entryGroups[entry] === group) local.add(entry)
    }
    const inCountry = (entry: number): boolean => local.has(entry)
    const ranked = [...found.entries()].sort(
      ([entryA, a], [entryB, b]) =>
        b.confidence - a.confidence || Number(inCountry(entryB)) - Number(inCountry(entryA)) || entryA - entryB,
    )
    const [top] = ranked
    if (!top) return { candidates: [], isAmbiguous: false }
    const bestLocal = ranked.find(([entry]) => inCountry(entry))
    const chosen = bestLocal && bestLocal[1].confidence >= top[1].confidence - countryPreferenceMargin ? bestLocal : top
    const ordered = [chosen, ...ranked.filter((hit) => hit !== chosen)].slice(0, candidatesKept)
    const candidates = ordered.map(([entry, hit]) => toCandidate(entries[entry] as MergedInstitution, hit))
    const isAmbiguous = ranked.some(
      ([entry, hit]) => entry !== chosen[0] && hit.confidence >= chosen[1].confidence - ambiguityMargin,
    )
    const bestInCountry = bestLocal ? toCandidate(entries[bestLocal[0]] as MergedInstitution, bestLocal[1]) : undefined
    return {
      ...(candidates[0] ? { best: candidates[0] } : {}),
      candidates,
      isAmbiguous,
      ...(bestInCountry ? { bestInCountry } : {}),
    }
  }
}

function toCandidate(
  merged: MergedInstitution,
  hit: Omit<InstitutionCandidate, 'institution' | 'source' | 'sameAs'>,
): InstitutionCandidate {
  return {
    institution: merged.institution,
    source: merged.source,
    confidence: Math.round(hit.confidence * 1000) / 1000,
    method: hit.method,
    matchedName: hit.matchedName,
    sameAs: merged.members.slice(1).map((member) => member.institution.id),
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const values = map.get(key)
  if (values) values.push(value)
  else map.set(key, [value])
}
