import {
  intelSignalDefinitions,
  type DegreeLevel,
  type Detector,
  type IntelSignalCode,
  type NormalisedApplication,
  type ReferenceSource,
  type Severity,
  type Signal,
  type SignalDefinition,
} from '@hirewall/core'
import type { LoadedList } from '../source/intel-source.js'
import { createHighRiskIndex, type HighRiskMatch } from './high-risk-index.js'
import type { HighRiskInstitution, Institution } from './institution.js'
import {
  ambiguityMargin,
  createInstitutionIndex,
  type InstitutionCandidate,
  type InstitutionResolution,
} from './institution-index.js'
import { countryGroupOf } from './merge-institution-lists.js'
import { splitCountrySuffix } from './split-country-suffix.js'

type NormalisedEducation = NormalisedApplication['education'][number]

export type InstitutionSignalCode = Extract<IntelSignalCode, `institution.${string}`>

export type InstitutionDetectorOptions = {
  /** A tertiary school whose best match is below this is not found. Default 0.5. */
  readonly foundAt?: number
  /** A match at or above this is sure enough to judge the school's country and degrees by. Default 0.85. */
  readonly confidentAt?: number
}

export type InstitutionDetectorInput = {
  readonly institutions: readonly LoadedList<Institution>[]
  readonly highRisk: readonly LoadedList<HighRiskInstitution>[]
  readonly options?: InstitutionDetectorOptions
}

const institutionSignals = intelSignalDefinitions.filter(
  (definition): definition is SignalDefinition<InstitutionSignalCode> => definition.code.startsWith('institution.'),
)
const degreeRank: Readonly<Record<DegreeLevel, number>> = {
  unknown: 0,
  secondary: 1,
  certificate: 2,
  associate: 3,
  bachelor: 4,
  master: 5,
  doctorate: 6,
}
/** Lists covering at least this many countries are world lists: a school with no stated country should be in them. */
const worldCoverage = 50
const universityLikeName = /\b(universit|univ\b|college|institut|polytechn|school of|academy of|hochschule|seminary)/i

/**
 * The institution detector (SIGNALS.md item 7) over `cv.education[]`: a school on an imported high-risk list, a
 * tertiary school no loaded list knows, a school that resolves to another country than the entry states, and a
 * degree above the highest the school awards. Builds its indexes once; `detect` does no I/O.
 */
export function createInstitutionDetector(input: InstitutionDetectorInput): Detector<InstitutionSignalCode> {
  const foundAt = input.options?.foundAt ?? 0.5
  const confidentAt = input.options?.confidentAt ?? 0.85
  const index = input.institutions.some((list) => list.items.length > 0)
    ? createInstitutionIndex(input.institutions)
    : undefined
  const highRisk = createHighRiskIndex(input.highRisk)
  const coveredCountries = new Set([...(index?.countries ?? [])].map(countryGroupOf))
  const sources = (index?.sources ?? []).map(citation)

  return {
    name: 'institutions',
    signals: institutionSignals,
    detect({ facts }) {
      const found: Signal<InstitutionSignalCode>[] = []
      for (const education of facts.education) {
        const written = education.entry.institution?.trim() ?? ''
        const url = education.entry.url?.trim()
        if (written === '' && !url) continue
        const split = splitCountrySuffix(written)
        const statedCountry = education.entry.countryCode?.toUpperCase() ?? split.countryCode
        const query = {
          ...(split.name !== '' ? { name: split.name } : {}),
          ...(url ? { url } : {}),
          ...(statedCountry ? { countryCode: statedCountry } : {}),
        }
        const base = { educationIndex: education.index, institutionAsWritten: written, ...(url ? { url } : {}) }
        const listed = highRisk.match(query)
        if (listed) {
          found.push(highRiskSignal(listed, base))
          continue
        }
        if (!index) continue
        const resolution = index.resolve(query)
        const best = resolution.best
        if (written !== '' && (!best || best.confidence < foundAt) && isTertiary(education, written)) {
          const isCovered = statedCountry
            ? coveredCountries.has(countryGroupOf(statedCountry))
            : index.countries.size >= worldCoverage
          if (isCovered) found.push(notFoundSignal(education, base, best, sources))
        }
        if (!best || best.confidence < confidentAt) continue
        const mismatch = statedCountry ? countryMismatch(resolution, best, statedCountry, foundAt) : undefined
        if (mismatch)
          found.push(mismatchSignal(best, base, statedCountry ?? '', education.entry.countryCode ? 'entry' : 'name'))
        const notOffered = degreeNotOffered(resolution, best, education.level)
        if (notOffered) found.push(notOfferedSignal(education, best, base, notOffered))
      }
      return found
    },
  }
}

function isTertiary(education: NormalisedEducation, written: string): boolean {
  if (degreeRank[education.level] >= degreeRank.associate) return true
  return education.level === 'unknown' && universityLikeName.test(written)
}

/** The school the entry resolves to, surely and alone, is in another country, and none in the stated one fits. */
function countryMismatch(
  resolution: InstitutionResolution,
  best: InstitutionCandidate,
  statedCountry: string,
  foundAt: number,
): boolean {
  const stated = countryGroupOf(statedCountry)
  if ((resolution.bestInCountry?.confidence ?? 0) >= foundAt) return false
  const close = resolution.candidates.filter((candidate) => candidate.confidence >= best.confidence - ambiguityMargin)
  const countries = new Set(close.map((candidate) => countryGroupOf(candidate.institution.countryCode)))
  return countries.size === 1 && !countries.has(stated)
}

/** The highest degree of every school that fits about as well as the best, when all are known and below the claim. */
function degreeNotOffered(
  resolution: InstitutionResolution,
  best: InstitutionCandidate,
  claimed: DegreeLevel,
): DegreeLevel | undefined {
  if (degreeRank[claimed] < degreeRank.associate) return undefined
  const close = resolution.candidates.filter((candidate) => candidate.confidence >= best.confidence - ambiguityMargin)
  const highest = close.map((candidate) => candidate.institution.highestDegree)
  if (highest.some((level) => level === undefined || degreeRank[level] >= degreeRank[claimed])) return undefined
  return best.institution.highestDegree
}

type BaseEvidence = { readonly educationIndex: number; readonly institutionAsWritten: string; readonly url?: string }

function highRiskSignal(listed: HighRiskMatch, base: BaseEvidence): Signal<InstitutionSignalCode> {
  const { entry } = listed
  return raise(
    'institution.high-risk',
    `The school "${base.institutionAsWritten || base.url}" (education ${base.educationIndex + 1}) matches "${entry.name}" on the high-risk list "${listed.source.name}" by ${listed.matchedBy === 'domain' ? 'its website' : 'name'}: ${entry.reason}.`,
    {
      ...base,
      listEntry: {
        name: entry.name,
        ...(entry.countryCode ? { countryCode: entry.countryCode } : {}),
        domains: entry.domains,
      },
      reason: entry.reason,
      list: listed.source.name,
      matchedBy: listed.matchedBy,
      matched: listed.matched,
      source: citation(listed.source),
    },
    listed.matchedBy === 'similar-name' ? 'medium' : undefined,
  )
}

function notFoundSignal(
  education: NormalisedEducation,
  base: BaseEvidence,
  best: InstitutionCandidate | undefined,
  sources: readonly { readonly name: string; readonly version: string }[],
): Signal<InstitutionSignalCode> {
  const closest = best ? ` (closest: "${best.institution.name}", confidence ${best.confidence})` : ''
  return raise(
    'institution.not-found',
    `The school "${base.institutionAsWritten}" (education ${base.educationIndex + 1}) matches no institution of the loaded lists${closest}.`,
    {
      ...base,
      level: education.level,
      ...(best ? { bestCandidate: resolved(best), confidence: best.confidence, method: best.method } : {}),
      sources,
    },
  )
}

function mismatchSignal(
  best: InstitutionCandidate,
  base: BaseEvidence,
  statedCountry: string,
  statedIn: 'entry' | 'name',
): Signal<InstitutionSignalCode> {
  return raise(
    'institution.country.mismatch',
    `The school "${base.institutionAsWritten || base.url}" (education ${base.educationIndex + 1}) is ${best.institution.name} in ${best.institution.countryCode} (confidence ${best.confidence}), but the entry says ${statedCountry}.`,
    { ...base, ...resolvedEvidence(best), statedCountry, statedIn },
  )
}

function notOfferedSignal(
  education: NormalisedEducation,
  best: InstitutionCandidate,
  base: BaseEvidence,
  highestDegree: DegreeLevel | undefined,
): Signal<InstitutionSignalCode> {
  const studyType = education.entry.studyType ?? education.level
  return raise(
    'institution.degree.not-offered',
    `The ${studyType} (${education.level}) at "${base.institutionAsWritten || base.url}" (education ${base.educationIndex + 1}) is above the highest award of ${best.institution.name} (${highestDegree ?? 'unknown'}).`,
    {
      ...base,
      ...resolvedEvidence(best),
      claimedDegree: education.level,
      studyType,
      highestDegree,
    },
  )
}

function resolvedEvidence(best: InstitutionCandidate): Readonly<Record<string, unknown>> {
  return { resolved: resolved(best), confidence: best.confidence, method: best.method, source: citation(best.source) }
}

function resolved(candidate: InstitutionCandidate): Readonly<Record<string, unknown>> {
  const { institution } = candidate
  return { id: institution.id, name: institution.name, countryCode: institution.countryCode, list: institution.list }
}

function citation(source: ReferenceSource): { readonly name: string; readonly version: string } {
  return { name: source.name, version: source.version }
}

function raise(
  code: InstitutionSignalCode,
  message: string,
  evidence: Readonly<Record<string, unknown>>,
  severity?: Severity,
): Signal<InstitutionSignalCode> {
  const definition = institutionSignals.find((signal) => signal.code === code)
  return { code, severity: severity ?? definition?.severity ?? 'low', message, evidence }
}
