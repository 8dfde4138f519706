import { outcomes, type ApplicationRecord, type Outcome, type ScreeningResult } from '@hirewall/core'

export type ConfusionCounts = {
  /** Fraud, flagged (review or hold). */
  readonly truePositives: number
  /** Legitimate, flagged. */
  readonly falsePositives: number
  /** Legitimate, cleared. */
  readonly trueNegatives: number
  /** Fraud, cleared. */
  readonly falseNegatives: number
}

export type PatternRecall = { readonly total: number; readonly flagged: number; readonly recall: number | null }

export type HardNegativeRate = {
  readonly total: number
  readonly flagged: number
  readonly falsePositiveRate: number | null
}

/**
 * Screening measured against the synthetic labels. "Flagged" means `review` or `hold`. Ratios are `null` when
 * their denominator is zero (no fraud, nothing flagged...), never NaN, so the object serialises as JSON.
 */
export type EvaluationMetrics = {
  /** Records given. */
  readonly records: number
  /** Records with a label and a screening result: everything below counts only these. */
  readonly evaluated: number
  /** Records without a label: excluded. */
  readonly unlabelled: number
  /** Labelled records no screening result refers to: excluded. */
  readonly unscreened: number
  readonly fraud: number
  readonly legitimate: number
  readonly confusion: ConfusionCounts
  readonly precision: number | null
  readonly recall: number | null
  readonly f1: number | null
  /** Share of all legitimate applicants flagged. */
  readonly falsePositiveRate: number | null
  readonly outcomes: Readonly<Record<Outcome, number>>
  readonly outcomesByTruth: {
    readonly fraud: Readonly<Record<Outcome, number>>
    readonly legitimate: Readonly<Record<Outcome, number>>
  }
  /** Recall per fraud pattern (`label.pattern` of fraudulent records), patterns in alphabetical order. */
  readonly recallByPattern: Readonly<Record<string, PatternRecall>>
  /** False-positive rate per hard-negative kind (`label.hardNegative` of legitimate records). */
  readonly falsePositiveRateByHardNegative: Readonly<Record<string, HardNegativeRate>>
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator

const emptyOutcomes = (): Record<Outcome, number> =>
  Object.fromEntries(outcomes.map((outcome) => [outcome, 0])) as Record<Outcome, number>

function sortedKeys<T>(map: Map<string, T>): Record<string, T> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => a.localeCompare(b)))
}

/**
 * Compares screening results with the records' labels (matched by `result.applicationId === record.id`). Records
 * without a label, or without a result, are counted and left out of every metric.
 */
export function evaluateScreening(
  records: Iterable<ApplicationRecord>,
  results: Iterable<ScreeningResult>,
): EvaluationMetrics {
  const outcomeById = new Map<string, Outcome>()
  for (const result of results) outcomeById.set(result.applicationId, result.outcome)

  let recordCount = 0
  let unlabelled = 0
  let unscreened = 0
  let truePositives = 0
  let falsePositives = 0
  let trueNegatives = 0
  let falseNegatives = 0
  const outcomeCounts = emptyOutcomes()
  const fraudOutcomes = emptyOutcomes()
  const legitimateOutcomes = emptyOutcomes()
  const patterns = new Map<string, { total: number; flagged: number }>()
  const hardNegatives = new Map<string, { total: number; flagged: number }>()
  const tally = (map: Map<string, { total: number; flagged: number }>, key: string, isFlagged: boolean): void => {
    const entry = map.get(key) ?? { total: 0, flagged: 0 }
    entry.total++
    if (isFlagged) entry.flagged++
    map.set(key, entry)
  }

  for (const record of records) {
    recordCount++
    const label = record.label
    if (!label) {
      unlabelled++
      continue
    }
    const outcome = outcomeById.get(record.id)
    if (outcome === undefined) {
      unscreened++
      continue
    }
    const isFlagged = outcome !== 'clear'
    outcomeCounts[outcome]++
    if (label.isFraud) {
      fraudOutcomes[outcome]++
      if (isFlagged) truePositives++
      else falseNegatives++
      tally(patterns, label.pattern, isFlagged)
    } else {
      legitimateOutcomes[outcome]++
      if (isFlagged) falsePositives++
      else trueNegatives++
      if (label.hardNegative) tally(hardNegatives, label.hardNegative, isFlagged)
    }
  }

  const precision = ratio(truePositives, truePositives + falsePositives)
  const recall = ratio(truePositives, truePositives + falseNegatives)
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall)
  return {
    records: recordCount,
    evaluated: truePositives + falsePositives + trueNegatives + falseNegatives,
    unlabelled,
    unscreened,
    fraud: truePositives + falseNegatives,
    legitimate: falsePositives + trueNegatives,
    confusion: { truePositives, falsePositives, trueNegatives, falseNegatives },
    precision,
    recall,
    f1,
    falsePositiveRate: ratio(falsePositives, falsePositives + trueNegatives),
    outcomes: outcomeCounts,
    outcomesByTruth: { fraud: fraudOutcomes, legitimate: legitimateOutcomes },
    recallByPattern: sortedKeys(
      new Map(
        [...patterns].map(([key, { total, flagged }]) => [key, { total, flagged, recall: ratio(flagged, total) }]),
      ),
    ),
    falsePositiveRateByHardNegative: sortedKeys(
      new Map(
        [...hardNegatives].map(([key, { total, flagged }]) => [
          key,
          { total, flagged, falsePositiveRate: ratio(flagged, total) },
        ]),
      ),
    ),
  }
}
