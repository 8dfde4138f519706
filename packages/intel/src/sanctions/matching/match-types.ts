import type { ReferenceSource } from '@hirewall/core'
import type { SanctionedNameKind, SanctionedSchema } from '../sanctioned-entity.js'

/** Query schemas (FollowTheMoney): a `Person` meets persons, an `Organization` organisations, a `LegalEntity` both. */
export const matchSchemas = ['Person', 'Organization', 'LegalEntity'] as const
export type MatchSchema = (typeof matchSchemas)[number]

/**
 * One query in yente's shape (`POST /match/{dataset}`): a schema and FollowTheMoney properties. Several names are
 * alternatives (the best one counts); `birthDate` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `nationality` lower-case
 * ISO 3166-1 alpha-2.
 */
export type MatchQuery = {
  readonly schema: MatchSchema
  readonly properties: {
    readonly name: readonly string[]
    readonly birthDate?: readonly string[]
    readonly nationality?: readonly string[]
  }
}

/** yente's query parameters. Defaults: see `defaultMatchOptions`. */
export type MatchOptions = {
  /** A result scoring at least this is a match (`match: true`). */
  readonly threshold?: number
  /** Results scoring below this are not returned. */
  readonly cutoff?: number
  /** At most this many results (1 to 500). */
  readonly limit?: number
}

/**
 * The parts of a score, named as yente names its features; they add up to the score (which is then kept in [0, 1]).
 * `name_match`: how well the best name aligns (the share of each name's weight that found its counterpart, the
 * lesser share counting 0.65 and the greater 0.35, so a name found inside a longer one is a possible match);
 * `weak_alias`: the name matched is one of OFAC's weak aliases; `single_token`: the match rests on one short or common
 * word; `no_sure_word`: every word differs by a slip or a vowel (capped below the match threshold);
 * `dob_day_match`, `dob_year_match`, `dob_year_mismatch`: birth dates agree or are years apart;
 * `nationality_match`, `nationality_mismatch`. Only parts that apply are present.
 */
export const matchFeatures = [
  'name_match',
  'weak_alias',
  'single_token',
  'dob_day_match',
  'dob_year_match',
  'dob_year_mismatch',
  'nationality_match',
  'nationality_mismatch',
  'no_sure_word',
] as const
export type MatchFeature = (typeof matchFeatures)[number]

/** The FollowTheMoney properties of a listed entity as results show them. */
export type MatchedProperties = {
  readonly name: readonly string[]
  readonly alias: readonly string[]
  readonly weakAlias: readonly string[]
  readonly birthDate: readonly string[]
  readonly nationality: readonly string[]
  readonly country: readonly string[]
  /** Sanctions programmes (not a FollowTheMoney property of a person: yente shows them on linked sanctions). */
  readonly program: readonly string[]
  readonly notes: readonly string[]
  readonly topics: readonly string[]
}

/** One result in yente's shape, plus which listed name matched and the list it came from. */
export type MatchResult = {
  readonly id: string
  readonly caption: string
  readonly schema: SanctionedSchema
  readonly properties: MatchedProperties
  /** The list the entity is on, by its source name. */
  readonly datasets: readonly string[]
  readonly referents: readonly string[]
  readonly target: boolean
  /** In [0, 1], rounded to three decimals. */
  readonly score: number
  readonly match: boolean
  readonly features: Readonly<Partial<Record<MatchFeature, number>>>
  /** The listed name that matched best, as listed, and its kind. */
  readonly matchedName: string
  readonly matchedNameKind: SanctionedNameKind
  /** The query name that matched it. */
  readonly queryName: string
  /** The list as loaded: name and version, for citing. */
  readonly source: ReferenceSource
}

export type MatchTotal = { readonly value: number; readonly relation: 'eq' }

export type MatchResponse = { readonly results: readonly MatchResult[]; readonly total: MatchTotal }

/** yente's batch request: queries by the caller's keys. */
export type MatchBatchRequest = { readonly queries: Readonly<Record<string, unknown>> }

/** One response of a batch: `200` with results, or `400` naming what is wrong with that query; others still run. */
export type MatchBatchItem =
  | {
      readonly status: 200
      readonly results: readonly MatchResult[]
      readonly total: MatchTotal
      readonly query: MatchQuery
    }
  | { readonly status: 400; readonly error: { readonly message: string; readonly field: string } }

export type MatchBatchResponse = {
  readonly responses: Readonly<Record<string, MatchBatchItem>>
  readonly limit: number
}
