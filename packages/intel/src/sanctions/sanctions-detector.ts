import {
  intelSignalDefinitions,
  type ApplicationRecord,
  type Detector,
  type Signal,
  type SignalDefinition,
} from '@hirewall/core'
import type { LoadedList } from '../source/intel-source.js'
import type { MatchResult, MatchSchema } from './matching/match-types.js'
import { createSanctionsMatcher, defaultMatchOptions, type SanctionsMatcher } from './matching/sanctions-matcher.js'
import type { SanctionedEntity } from './sanctioned-entity.js'

type SanctionsCode = 'sanctions.match'

/** Who in the application a name belongs to. */
export const screenedParties = ['applicant', 'referrer', 'staffing-vendor'] as const
export type ScreenedParty = (typeof screenedParties)[number]

/** A possible match (review) from this score; a strong match (hold) from the matcher's threshold. */
export const defaultReviewThreshold = 0.7

export type SanctionsDetectorOptions = {
  readonly lists: readonly LoadedList<SanctionedEntity>[]
  readonly options?: {
    /** Strong match (`critical`): default `defaultMatchOptions.threshold`. */
    readonly threshold?: number
    /** Possible match (`medium`): default `defaultReviewThreshold`. */
    readonly reviewThreshold?: number
    /** Listed entities reported per screened name at most: default 3. */
    readonly limit?: number
  }
  /** A matcher already built over the same lists (the server keeps one); built from `lists` otherwise. */
  readonly matcher?: SanctionsMatcher
}

const sanctionsSignals = intelSignalDefinitions.filter(
  (definition): definition is SignalDefinition<SanctionsCode> => definition.code === 'sanctions.match',
)

const partyLabels: Readonly<Record<ScreenedParty, string>> = {
  applicant: "The applicant's name",
  referrer: "The referrer's name",
  'staffing-vendor': "The staffing vendor's name",
}

type ScreenedName = {
  readonly party: ScreenedParty
  readonly name: string
  readonly schema: MatchSchema
  readonly birthDate?: string
}

/**
 * The sanctions detector (`name: 'sanctions'`, SIGNALS.md item 25): screens the applicant's name (with the birth date
 * the record states), the referrer's name and the staffing vendor's name (as a person or an organisation) against the
 * loaded sanctions lists. One `sanctions.match` per listed entity that matches: `critical` (hold) at or above the
 * threshold, `medium` (review) at or above the review threshold. The record has no nationality field and none is
 * inferred from where the applicant lives. The lists are indexed once, here; detection does no I/O.
 */
export function createSanctionsDetector(options: SanctionsDetectorOptions): Detector<SanctionsCode> {
  const matcher = options.matcher ?? createSanctionsMatcher(options.lists)
  const threshold = options.options?.threshold ?? defaultMatchOptions.threshold
  const reviewThreshold = Math.min(threshold, options.options?.reviewThreshold ?? defaultReviewThreshold)
  const limit = options.options?.limit ?? 3
  return {
    name: 'sanctions',
    signals: sanctionsSignals,
    detect({ record }) {
      const signals: Signal<SanctionsCode>[] = []
      for (const screened of screenedNames(record)) {
        const properties = {
          name: [screened.name],
          ...(screened.birthDate === undefined ? {} : { birthDate: [screened.birthDate] }),
        }
        const response = matcher.match(
          { schema: screened.schema, properties },
          { threshold, cutoff: reviewThreshold, limit },
        )
        for (const result of response.results) signals.push(signalOf(screened, result))
      }
      return signals
    },
  }
}

function screenedNames(record: ApplicationRecord): readonly ScreenedName[] {
  const names: ScreenedName[] = []
  const applicant = record.cv.basics?.name?.trim()
  if (applicant) {
    const birthDate = record.person?.birthDate
    names.push({ party: 'applicant', name: applicant, schema: 'Person', ...(birthDate ? { birthDate } : {}) })
  }
  const referrer = record.referrer?.name?.trim()
  if (referrer) names.push({ party: 'referrer', name: referrer, schema: 'Person' })
  // A vendor may be a company or a sole trader trading under their own name.
  const vendor = record.staffingVendor?.name?.trim()
  if (vendor) names.push({ party: 'staffing-vendor', name: vendor, schema: 'LegalEntity' })
  return names
}

function signalOf(screened: ScreenedName, result: MatchResult): Signal<SanctionsCode> {
  const isStrong = result.match
  const list = `${result.source.name} (${result.source.version})`
  const programs = result.properties.program
  const listed =
    result.matchedNameKind === 'weak-alias'
      ? `"${result.matchedName}" (a weak alias of "${result.caption}")`
      : result.matchedName === result.caption
        ? `"${result.caption}"`
        : `"${result.matchedName}" (an alias of "${result.caption}")`
  const programText = programs.length > 0 ? `, programme ${programs.join(', ')}` : ''
  const verdict = isStrong
    ? 'a strong match; hold the application and have compliance confirm or clear it before going further'
    : 'a possible match; review it against the listed birth dates and other details'
  return {
    code: 'sanctions.match',
    severity: isStrong ? 'critical' : 'medium',
    message: `${partyLabels[screened.party]} "${screened.name}" matches ${listed} on the ${list} sanctions list${programText}, with score ${result.score}: ${verdict}.`,
    evidence: {
      party: screened.party,
      queriedName: screened.name,
      entityId: result.id,
      caption: result.caption,
      matchedName: result.matchedName,
      matchedNameKind: result.matchedNameKind,
      score: result.score,
      features: result.features,
      programs,
      source: { name: result.source.name, version: result.source.version },
    },
  }
}
