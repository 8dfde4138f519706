import type { ReferenceSource } from '@hirewall/core'
import type { Institution } from './institution.js'

/** How a school name was resolved, strongest evidence first. */
export const resolutionMethods = ['domain', 'exact', 'alias', 'acronym', 'prefix', 'word-order', 'fuzzy'] as const
export type ResolutionMethod = (typeof resolutionMethods)[number]

/** What an education entry says about its school. */
export type InstitutionQuery = {
  readonly name?: string
  /** ISO 3166-1 alpha-2 the entry or application gives; prefers schools there among equally good matches. */
  readonly countryCode?: string
  /** The school's website or any URL on it (`education.url`): the strongest evidence when it is a known domain. */
  readonly url?: string
}

export type InstitutionCandidate = {
  readonly institution: Institution
  readonly source: ReferenceSource
  /** How well the written name (or URL) fits this institution, in 0..1. */
  readonly confidence: number
  readonly method: ResolutionMethod
  /** The name, alias or domain that matched, as the list writes it. */
  readonly matchedName: string
  /** Ids of the same school in other lists, merged into this one. */
  readonly sameAs: readonly string[]
}

export type InstitutionResolution = {
  /** The best candidate, preferring the query's country among near-equal ones; absent when nothing fits at all. */
  readonly best?: InstitutionCandidate
  /** The best few, best first. */
  readonly candidates: readonly InstitutionCandidate[]
  /** Another institution fits nearly as well as the best (`University of Illinois`, `USC` with no country). */
  readonly isAmbiguous: boolean
  /** With a country in the query: the best candidate there, however it ranks overall. */
  readonly bestInCountry?: InstitutionCandidate
}
