import type { Outcome } from '@hirewall/core'
import {
  fairnessDimensions,
  gatedFairnessDimensions,
  type FairnessDimension,
  type MeasurementGroups,
} from './measurement-groups.js'

/** The bounds a fairness report is judged against; `hirewall model promote` takes them as flags. */
export type FairnessBounds = {
  /** Largest allowed gap, in share points (0.02 = 2 points), between the highest and lowest false-positive rates. */
  readonly maxFalsePositiveGap: number
  /** Groups with fewer legitimate applicants are listed but left out of the gap (their rates are mostly noise). */
  readonly minGroupSize: number
}

export const defaultFairnessBounds: FairnessBounds = { maxFalsePositiveGap: 0.02, minGroupSize: 200 }

/** Outcomes of the legitimate applicants of one group. */
export type GroupRates = {
  readonly group: string
  readonly legitimate: number
  readonly reviewRate: number
  readonly holdRate: number
  /** Share flagged (review or hold): every flag of a legitimate applicant is a false positive. */
  readonly falsePositiveRate: number
  readonly isMeasured: boolean
}

export type DimensionFairness = {
  readonly dimension: FairnessDimension
  /** Whether a gap above the bound blocks a promotion. */
  readonly isGated: boolean
  /** Largest groups first. */
  readonly groups: readonly GroupRates[]
  /** Highest minus lowest false-positive rate among measured groups; null with fewer than two. */
  readonly falsePositiveGap: number | null
  readonly highest: string | null
  readonly lowest: string | null
  readonly status: 'within' | 'exceeds' | 'too-few-groups'
}

export type FairnessReport = FairnessBounds & {
  readonly status: 'within' | 'exceeds'
  readonly dimensions: readonly DimensionFairness[]
}

export type FairnessRow = {
  readonly label: 0 | 1 | null
  readonly outcome: Outcome
  readonly groups: MeasurementGroups
}

/**
 * Outcome rates and false-positive rates of legitimate applicants (label 0) per group of each dimension, and the
 * gap between the best and worst treated groups. `status` is `exceeds` when a gated dimension's gap is above the
 * bound.
 */
export function fairnessReport(rows: readonly FairnessRow[], bounds: FairnessBounds): FairnessReport {
  const dimensions = fairnessDimensions.map((dimension): DimensionFairness => {
    const tallies = new Map<string, { legitimate: number; review: number; hold: number }>()
    for (const row of rows) {
      if (row.label !== 0) continue
      const group = row.groups[dimension]
      if (group === undefined) continue
      const tally = tallies.get(group) ?? { legitimate: 0, review: 0, hold: 0 }
      tally.legitimate++
      if (row.outcome === 'review') tally.review++
      if (row.outcome === 'hold') tally.hold++
      tallies.set(group, tally)
    }
    const groups = [...tallies]
      .map(([group, tally]): GroupRates => ({
        group,
        legitimate: tally.legitimate,
        reviewRate: tally.review / tally.legitimate,
        holdRate: tally.hold / tally.legitimate,
        falsePositiveRate: (tally.review + tally.hold) / tally.legitimate,
        isMeasured: tally.legitimate >= bounds.minGroupSize,
      }))
      .sort((a, b) => b.legitimate - a.legitimate || a.group.localeCompare(b.group))
    const measured = groups.filter((group) => group.isMeasured)
    const isGated = gatedFairnessDimensions.includes(dimension)
    if (measured.length < 2)
      return {
        dimension,
        isGated,
        groups,
        falsePositiveGap: null,
        highest: null,
        lowest: null,
        status: 'too-few-groups',
      }
    let highest = measured[0] as GroupRates
    let lowest = measured[0] as GroupRates
    for (const group of measured) {
      if (group.falsePositiveRate > highest.falsePositiveRate) highest = group
      if (group.falsePositiveRate < lowest.falsePositiveRate) lowest = group
    }
    const falsePositiveGap = highest.falsePositiveRate - lowest.falsePositiveRate
    return {
      dimension,
      isGated,
      groups,
      falsePositiveGap,
      highest: highest.group,
      lowest: lowest.group,
      // A hair of tolerance: rates are ratios of counts and the bound is typed as a decimal.
      status: falsePositiveGap > bounds.maxFalsePositiveGap + 1e-12 ? 'exceeds' : 'within',
    }
  })
  const exceeds = dimensions.some((dimension) => dimension.isGated && dimension.status === 'exceeds')
  return { ...bounds, status: exceeds ? 'exceeds' : 'within', dimensions }
}
