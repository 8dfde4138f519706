import type { LoadedList } from '../../source/intel-source.js'
import type { SanctionedEntity, SanctionedNameKind, SanctionedSchema } from '../sanctioned-entity.js'
import { alignNames, type WeightedName } from './align-names.js'
import type {
  MatchBatchItem,
  MatchBatchRequest,
  MatchBatchResponse,
  MatchOptions,
  MatchQuery,
  MatchResponse,
  MatchResult,
  MatchSchema,
  MatchedProperties,
} from './match-types.js'
import { NameIndex } from './name-index.js'
import { normaliseName, type NameReading, type NameToken } from './normalise-name.js'
import { readMatchQuery } from './read-match-query.js'
import { scoreMatch, type ScoredMatch } from './score-match.js'

/**
 * Defaults chosen from the evaluation on the real lists (bench/sanctions-eval.mjs): `threshold` is where a match is
 * strong enough to hold an application, `cutoff` where results stop being worth showing, `limit` yente's page size.
 */
export const defaultMatchOptions = { threshold: 0.85, cutoff: 0.5, limit: 5 } as const satisfies Required<MatchOptions>
/** yente's maximum page size. */
export const maximumMatchLimit = 500

/** Listed names scored per query name at most, best blocking scores first, and the least blocking score to be one. */
const candidatesPerName = 16
const minimumBlockingScore = 0.3

export type SanctionsMatcherStatistics = {
  readonly entities: number
  readonly names: number
  readonly blockingKeys: number
}

/** Screens names against loaded sanctions lists; build it once per set of lists (see `createSanctionsMatcher`). */
export type SanctionsMatcher = {
  /** One query in yente's shape: results above the cutoff, best first, at most `limit`. */
  readonly match: (query: MatchQuery, options?: MatchOptions) => MatchResponse
  /** yente's batch: each query answered by its key; an invalid query gets its own 400 and the others still run. */
  readonly matchBatch: (request: MatchBatchRequest, options?: MatchOptions) => MatchBatchResponse
  readonly defaults: Required<MatchOptions>
  readonly statistics: SanctionsMatcherStatistics
}

type ListedName = { readonly entity: number; readonly kind: SanctionedNameKind; readonly value: string }

const matchableSchemas: ReadonlySet<SanctionedSchema> = new Set(['Person', 'Organization', 'LegalEntity'])
const kindRank: Readonly<Record<SanctionedNameKind, number>> = { primary: 0, alias: 1, 'weak-alias': 2 }

/**
 * Builds the matcher over every person, organisation and legal entity of the lists (vessels and aircraft are not
 * screened): each name is normalised and indexed once, so a query reads a few dozen candidates, never the lists.
 * `defaults` overrides `defaultMatchOptions` for every query that does not set its own.
 */
export function createSanctionsMatcher(
  lists: readonly LoadedList<SanctionedEntity>[],
  defaults: MatchOptions = {},
): SanctionsMatcher {
  // One object per distinct token: the lists repeat their words (Muhammad, Trading, Kim) tens of thousands of times.
  const internedTokens = new Map<string, NameToken>()
  const intern = (token: NameToken): NameToken => {
    const key = `${token.kind} ${token.isAbjad} ${token.isSyllable} ${token.text} ${token.folded}`
    const known = internedTokens.get(key)
    if (known !== undefined) return known
    internedTokens.set(key, token)
    return token
  }
  const entities: SanctionedEntity[] = []
  const entityList: number[] = []
  const names: ListedName[] = []
  const tokenLists: ReturnType<typeof normaliseName>['tokens'][] = []
  lists.forEach((list, listIndex) => {
    for (const entity of list.items) {
      if (!matchableSchemas.has(entity.schema)) continue
      const entityIndex = entities.length
      entities.push(entity)
      entityList.push(listIndex)
      const reading = readingOf(entity.schema)
      const seen = new Set<string>()
      const ordered = [...entity.names].sort((left, right) => kindRank[left.kind] - kindRank[right.kind])
      for (const name of ordered) {
        const tokens = normaliseName(name.value, reading).tokens.map(intern)
        const key = tokens.map((token) => token.folded).join(' ')
        if (tokens.length === 0 || seen.has(key)) continue
        seen.add(key)
        names.push({ entity: entityIndex, kind: name.kind, value: name.value })
        tokenLists.push(tokens)
      }
    }
  })
  const index = new NameIndex(tokenLists)
  const nameSchemaBits = Uint8Array.from(names, (name) => schemaBit[(entities[name.entity] as SanctionedEntity).schema])
  const weighted: WeightedName[] = tokenLists.map((tokens) => index.weigh(tokens))
  const settings = { ...defaultMatchOptions, ...defaults }

  function match(query: MatchQuery, options: MatchOptions = {}): MatchResponse {
    const threshold = options.threshold ?? settings.threshold
    const cutoff = options.cutoff ?? settings.cutoff
    const limit = Math.max(1, Math.min(maximumMatchLimit, Math.floor(options.limit ?? settings.limit)))
    const accepted = acceptedSchemaBits[query.schema]
    const isWanted = (nameId: number): boolean => ((nameSchemaBits[nameId] ?? 0) & accepted) !== 0
    const best = new Map<
      number,
      { readonly scored: ScoredMatch; readonly nameId: number; readonly queryName: string }
    >()
    const birthDates = query.properties.birthDate ?? []
    const nationalities = query.properties.nationality ?? []
    for (const queryName of query.properties.name) {
      const tokens = normaliseName(queryName, readingOf(query.schema)).tokens
      if (tokens.length === 0) continue
      const queryWeighted = index.weigh(tokens)
      const comparisons = new Map<NameToken, Float64Array>()
      for (const nameId of index.candidates(queryWeighted, candidatesPerName, minimumBlockingScore, isWanted)) {
        const listed = names[nameId] as ListedName
        const entity = entities[listed.entity] as SanctionedEntity
        const scored = scoreMatch({
          alignment: alignNames(queryWeighted, weighted[nameId] as WeightedName, comparisons),
          isOrganisation: query.schema === 'Organization' || entity.schema === 'Organization',
          nameKind: listed.kind,
          queryBirthDates: birthDates,
          listedBirthDates: entity.birthDates,
          queryNationalities: nationalities,
          listedNationalities: entity.nationalities,
        })
        const previous = best.get(listed.entity)
        if (previous === undefined || scored.score > previous.scored.score) {
          best.set(listed.entity, { scored, nameId, queryName })
        }
      }
    }
    const ranked = [...best.entries()]
      .filter(([, found]) => found.scored.score >= cutoff)
      .sort(([leftEntity, left], [rightEntity, right]) => {
        const difference = right.scored.score - left.scored.score
        if (difference !== 0) return difference
        const leftId = (entities[leftEntity] as SanctionedEntity).id
        const rightId = (entities[rightEntity] as SanctionedEntity).id
        return leftId < rightId ? -1 : leftId > rightId ? 1 : 0
      })
    const results = ranked.slice(0, limit).map(([entityIndex, found]): MatchResult => {
      const entity = entities[entityIndex] as SanctionedEntity
      const listed = names[found.nameId] as ListedName
      const source = (lists[entityList[entityIndex] ?? 0] as LoadedList<SanctionedEntity>).source
      const score = round(found.scored.score)
      return {
        id: entity.id,
        caption: entity.caption,
        schema: entity.schema,
        properties: propertiesOf(entity),
        datasets: [source.name],
        referents: [],
        target: true,
        score,
        match: score >= threshold,
        features: roundFeatures(found.scored.features),
        matchedName: listed.value,
        matchedNameKind: listed.kind,
        queryName: found.queryName,
        source,
      }
    })
    return { results, total: { value: ranked.length, relation: 'eq' } }
  }

  function matchBatch(request: MatchBatchRequest, options: MatchOptions = {}): MatchBatchResponse {
    const responses: Record<string, MatchBatchItem> = {}
    for (const [key, value] of Object.entries(request.queries)) {
      const reading = readMatchQuery(value)
      responses[key] =
        reading.status === 'ok'
          ? { status: 200, ...match(reading.query, options), query: reading.query }
          : { status: 400, error: { message: reading.message, field: reading.field } }
    }
    return { responses, limit: Math.max(1, Math.min(maximumMatchLimit, options.limit ?? settings.limit)) }
  }

  return {
    match,
    matchBatch,
    defaults: settings,
    statistics: { entities: entities.length, names: names.length, blockingKeys: index.keyCount },
  }
}

// Which listed schemas each query schema meets, as bit masks tested per candidate name.
const schemaBit: Readonly<Record<SanctionedSchema, number>> = {
  Person: 1,
  Organization: 2,
  LegalEntity: 4,
  Vessel: 8,
  Airplane: 16,
}
const acceptedSchemaBits: Readonly<Record<MatchSchema, number>> = {
  Person: schemaBit.Person | schemaBit.LegalEntity,
  Organization: schemaBit.Organization | schemaBit.LegalEntity,
  LegalEntity: schemaBit.Person | schemaBit.Organization | schemaBit.LegalEntity,
}

function readingOf(schema: SanctionedSchema | MatchSchema): NameReading {
  switch (schema) {
    case 'Person':
      return 'person'
    case 'Organization':
    case 'Vessel':
    case 'Airplane':
      return 'organisation'
    case 'LegalEntity':
      return 'any'
  }
}

function propertiesOf(entity: SanctionedEntity): MatchedProperties {
  const namesOfKind = (kind: SanctionedNameKind): string[] =>
    entity.names.filter((name) => name.kind === kind).map((name) => name.value)
  return {
    name: namesOfKind('primary'),
    alias: namesOfKind('alias'),
    weakAlias: namesOfKind('weak-alias'),
    birthDate: entity.birthDates,
    nationality: entity.nationalities,
    country: entity.countries,
    program: entity.programs,
    notes: entity.remarks === undefined ? [] : [entity.remarks],
    topics: ['sanction'],
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

function roundFeatures(features: ScoredMatch['features']): ScoredMatch['features'] {
  return Object.fromEntries(Object.entries(features).map(([feature, value]) => [feature, round(value)]))
}
