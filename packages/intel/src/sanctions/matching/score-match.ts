import type { SanctionedNameKind } from '../sanctioned-entity.js'
import type { NameAlignment } from './align-names.js'
import type { MatchFeature } from './match-types.js'

/**
 * How much each part moves a score. A weak alias (OFAC: "a relatively broad or generic alias") keeps four fifths of
 * its name score, so even an exact one stays below the default match threshold; a match resting on one short or
 * common word is capped below the review threshold; a match where every word differs by a slip or a vowel ("Kevin
 * King", "KONG, Kelvin") is capped below the match threshold, a possible match for review; birth dates and nationality move a score a little either way.
 */
export const scoreAdjustments = {
  weakAliasShare: 0.8,
  singleTokenCeiling: 0.5,
  noSureWordCeiling: 0.8,
  birthDayMatch: 0.1,
  birthYearMatch: 0.05,
  birthYearMismatch: -0.2,
  nationalityMatch: 0.05,
  nationalityMismatch: -0.05,
} as const

/** Birth years this far apart or more say two people differ (lists give approximate years: "circa 1965"). */
const birthYearTolerance = 2

export type MatchEvidence = {
  readonly alignment: NameAlignment
  /** The query or the listed entity is an organisation, whose one-word names are whole names. */
  readonly isOrganisation: boolean
  readonly nameKind: SanctionedNameKind
  readonly queryBirthDates: readonly string[]
  readonly listedBirthDates: readonly string[]
  readonly queryNationalities: readonly string[]
  readonly listedNationalities: readonly string[]
}

export type ScoredMatch = {
  readonly score: number
  readonly features: Readonly<Partial<Record<MatchFeature, number>>>
}

/** The score of one query name against one listed name of an entity, as named parts that add up to it. */
export function scoreMatch(evidence: MatchEvidence): ScoredMatch {
  const { alignment } = evidence
  const features: Partial<Record<MatchFeature, number>> = {}
  // The lesser coverage counts more: a name found inside a longer one (a first and last name in a full Arabic or
  // Spanish name) is a possible match, not the same name.
  const lesser = Math.min(alignment.queryCoverage, alignment.candidateCoverage)
  const greater = Math.max(alignment.queryCoverage, alignment.candidateCoverage)
  const nameMatch = lesserCoverageShare * lesser + (1 - lesserCoverageShare) * greater
  features.name_match = nameMatch
  let score = nameMatch
  if (evidence.nameKind === 'weak-alias') {
    features.weak_alias = -(1 - scoreAdjustments.weakAliasShare) * nameMatch
    score += features.weak_alias
  }
  if (restsOnOneWord(evidence) && score > scoreAdjustments.singleTokenCeiling) {
    features.single_token = scoreAdjustments.singleTokenCeiling - score
    score = scoreAdjustments.singleTokenCeiling
  }
  if (alignment.matchedWords > 1 && alignment.sureWords === 0 && score > scoreAdjustments.noSureWordCeiling) {
    features.no_sure_word = scoreAdjustments.noSureWordCeiling - score
    score = scoreAdjustments.noSureWordCeiling
  }
  const birth = compareBirthDates(evidence.queryBirthDates, evidence.listedBirthDates)
  if (birth !== undefined) {
    features[birth.feature] = birth.adjustment
    score += birth.adjustment
  }
  const nationality = compareNationalities(evidence.queryNationalities, evidence.listedNationalities)
  if (nationality !== undefined) {
    features[nationality.feature] = nationality.adjustment
    score += nationality.adjustment
  }
  return { score: Math.max(0, Math.min(1, score)), features }
}

/**
 * Whether the match rests on one short or common word: one word (or initial) matched, not a distinctive one, and the
 * names are not simply the same name (an organisation's whole name, or a person's name of several tokens).
 */
function restsOnOneWord({ alignment, isOrganisation }: MatchEvidence): boolean {
  if (alignment.matchedWords + alignment.matchedInitials > 1 || alignment.hasDistinctiveWord) return false
  const isSameName = alignment.queryCoverage >= sameNameCoverage && alignment.candidateCoverage >= sameNameCoverage
  return !(isSameName && (isOrganisation || alignment.tokenCount >= 3))
}

const sameNameCoverage = 0.9
const lesserCoverageShare = 0.65

type Adjustment = { readonly feature: MatchFeature; readonly adjustment: number }

function compareBirthDates(query: readonly string[], listed: readonly string[]): Adjustment | undefined {
  if (query.length === 0 || listed.length === 0) return undefined
  const queryDates = query.map(readDate).filter((date) => date !== undefined)
  const listedDates = listed.map(readDate).filter((date) => date !== undefined)
  if (queryDates.length === 0 || listedDates.length === 0) return undefined
  let isSameYear = false
  let isCloseYear = false
  for (const queryDate of queryDates) {
    for (const listedDate of listedDates) {
      if (queryDate.day !== undefined && queryDate.day === listedDate.day) {
        return { feature: 'dob_day_match', adjustment: scoreAdjustments.birthDayMatch }
      }
      const apart = Math.abs(queryDate.year - listedDate.year)
      if (apart === 0) isSameYear = true
      if (apart < birthYearTolerance) isCloseYear = true
    }
  }
  if (isSameYear) return { feature: 'dob_year_match', adjustment: scoreAdjustments.birthYearMatch }
  if (isCloseYear) return undefined
  return { feature: 'dob_year_mismatch', adjustment: scoreAdjustments.birthYearMismatch }
}

function compareNationalities(query: readonly string[], listed: readonly string[]): Adjustment | undefined {
  if (query.length === 0 || listed.length === 0) return undefined
  const wanted = new Set(query.map((code) => code.trim().toLowerCase()))
  return listed.some((code) => wanted.has(code))
    ? { feature: 'nationality_match', adjustment: scoreAdjustments.nationalityMatch }
    : { feature: 'nationality_mismatch', adjustment: scoreAdjustments.nationalityMismatch }
}

type ReadDate = { readonly year: number; readonly day?: string }

/** `1969`, `1969-07`, `1969-7-16`, `1969-07-16T00:00:00Z`: the year, and the full day when there is one. */
function readDate(text: string): ReadDate | undefined {
  const parts = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(text)
  if (parts === null) return undefined
  const year = Number(parts[1])
  const month = parts[2]
  const day = parts[3]
  if (month === undefined || day === undefined) return { year }
  return { year, day: `${parts[1]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` }
}
