import type { LoadedList } from '../source/intel-source.js'
import type { Institution } from './institution.js'
import { registrableDomain } from './institution-domain.js'
import type { InstitutionIndex, InstitutionQuery } from './institution-index.js'
import { normaliseInstitutionName } from './institution-name.js'
import {
  namePerturbations,
  perturbInstitutionName,
  seededRandom,
  type NamePerturbation,
} from './perturb-institution-name.js'

/** One query of the measurement and the institution it must resolve to (none for a school absent from the lists). */
export type ResolutionCase = {
  readonly query: InstitutionQuery
  readonly perturbation: NamePerturbation
  readonly expected?: Institution
}

export type ResolutionCases = {
  /** Names of listed schools written in each applicable perturbed way. */
  readonly listed: readonly ResolutionCase[]
  /** The lists without a sample of schools, and those schools' names: any confident answer is a false resolution. */
  readonly heldOut: { readonly lists: readonly LoadedList<Institution>[]; readonly cases: readonly ResolutionCase[] }
}

export type ResolutionCaseOptions = {
  /** Schools drawn for the listed cases (each gives up to one case per perturbation). Default 2000. */
  readonly sampleSize?: number
  /** Schools held out of the lists. Default 1000. */
  readonly heldOutSize?: number
  readonly seed?: number
  /** Give each query the school's country, as an education entry with `countryCode` does. Default false. */
  readonly withCountry?: boolean
}

/**
 * Builds a measurement set from the real lists: a seeded sample of schools, each name written every way that applies
 * (`namePerturbations`), and a held-out sample removed from the lists (with every entry sharing its name or domain)
 * whose names must not resolve. Held-out names that another school also bears are left out: they would rightly match.
 */
export function buildResolutionCases(
  lists: readonly LoadedList<Institution>[],
  options: ResolutionCaseOptions = {},
): ResolutionCases {
  const random = seededRandom(options.seed ?? 2026)
  const all = lists.flatMap((list) => list.items)
  const keyCounts = new Map<string, number>()
  for (const institution of all) {
    for (const name of [institution.name, ...institution.alternateNames]) {
      const key = normaliseInstitutionName(name).key
      keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1)
    }
  }
  const shuffled = shuffle(all, random)
  const queryOf = (institution: Institution, name: string): InstitutionQuery =>
    options.withCountry ? { name, countryCode: institution.countryCode } : { name }
  const listed: ResolutionCase[] = []
  for (const institution of shuffled.slice(0, options.sampleSize ?? 2000)) {
    for (const perturbation of namePerturbations) {
      const name = perturbInstitutionName(institution.name, perturbation, random)
      if (name) listed.push({ query: queryOf(institution, name), perturbation, expected: institution })
    }
  }
  const heldOutSchools = shuffled
    .slice(options.sampleSize ?? 2000)
    .filter((institution) => keyCounts.get(normaliseInstitutionName(institution.name).key) === 1)
    .slice(0, options.heldOutSize ?? 1000)
  const removedKeys = new Set(heldOutSchools.map((institution) => normaliseInstitutionName(institution.name).key))
  const removedDomains = new Set(heldOutSchools.flatMap((institution) => institution.domains.map(registrableDomain)))
  const isRemoved = (institution: Institution): boolean =>
    removedKeys.has(normaliseInstitutionName(institution.name).key) ||
    institution.domains.some((domain) => removedDomains.has(registrableDomain(domain)))
  return {
    listed,
    heldOut: {
      lists: lists.map((list) => ({ source: list.source, items: list.items.filter((item) => !isRemoved(item)) })),
      cases: heldOutSchools.map((institution) => ({
        query: queryOf(institution, institution.name),
        perturbation: 'as-listed' as const,
      })),
    },
  }
}

/** How one group of cases fared. Rates are shares of `cases`. */
export type ResolutionFigures = {
  readonly cases: number
  /** The best candidate is the expected school (or a school of the same name) at or above `confidentAt`. */
  readonly resolved: number
  /** The best candidate is at or above `confidentAt` but another school: a false resolution. */
  readonly wrong: number
  /** Something fits at or above `foundAt`: the school would not be called not found. */
  readonly found: number
  /** The best candidate is the expected school but another fits nearly as well. */
  readonly ambiguous: number
}

export type ResolutionMeasureOptions = { readonly confidentAt?: number; readonly foundAt?: number }

/** Scores resolutions against expectations, per perturbation and overall. */
export function measureResolution(
  index: InstitutionIndex,
  cases: readonly ResolutionCase[],
  options: ResolutionMeasureOptions = {},
): { readonly overall: ResolutionFigures; readonly byPerturbation: Readonly<Record<string, ResolutionFigures>> } {
  const confidentAt = options.confidentAt ?? 0.85
  const foundAt = options.foundAt ?? 0.5
  const tallies = new Map<
    string,
    { cases: number; resolved: number; wrong: number; found: number; ambiguous: number }
  >()
  const overall = { cases: 0, resolved: 0, wrong: 0, found: 0, ambiguous: 0 }
  for (const testCase of cases) {
    const resolution = index.resolve(testCase.query)
    const { best } = resolution
    const tally = tallies.get(testCase.perturbation) ?? { cases: 0, resolved: 0, wrong: 0, found: 0, ambiguous: 0 }
    tallies.set(testCase.perturbation, tally)
    const isRight = best !== undefined && testCase.expected !== undefined && isSameSchool(best, testCase.expected)
    const isConfident = best !== undefined && best.confidence >= confidentAt
    for (const figures of [tally, overall]) {
      figures.cases += 1
      if (isConfident && isRight) figures.resolved += 1
      if (isConfident && !isRight) figures.wrong += 1
      if (best !== undefined && best.confidence >= foundAt) figures.found += 1
      if (isRight && resolution.isAmbiguous) figures.ambiguous += 1
    }
  }
  return { overall, byPerturbation: Object.fromEntries(tallies) }
}

function isSameSchool(
  best: { readonly institution: Institution; readonly sameAs: readonly string[] },
  expected: Institution,
): boolean {
  if (best.institution.id === expected.id || best.sameAs.includes(expected.id)) return true
  return normaliseInstitutionName(best.institution.name).key === normaliseInstitutionName(expected.name).key
}

function shuffle<Item>(items: readonly Item[], random: () => number): Item[] {
  const copy = [...items]
  for (let position = copy.length - 1; position > 0; position -= 1) {
    const other = Math.floor(random() * (position + 1))
    const held = copy[position] as Item
    copy[position] = copy[other] as Item
    copy[other] = held
  }
  return copy
}
