/**
 * How well a score ranks fraud above legitimate applications, whatever the threshold. Tied scores are taken together
 * (no order is invented inside a tie). Ratios are `null` when there is no fraud or no legitimate example.
 */
export type RankingMetrics = {
  /** Area under the precision-recall curve, as average precision: the mean precision at each fraud's rank. */
  readonly prAuc: number | null
  /** Area under the ROC curve: the chance a random fraud scores above a random legitimate application. */
  readonly rocAuc: number | null
  /** Share of fraud scored above the highest threshold that flags at most 1% of legitimate applications. */
  readonly recallAtOnePercentFpr: number | null
}

type Group = { readonly positives: number; readonly negatives: number }

/** Examples grouped by equal score, highest score first. */
function tiedGroups(scores: ArrayLike<number>, labels: ArrayLike<number>): Group[] {
  const order = Array.from({ length: scores.length }, (_, index) => index).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number) || a - b,
  )
  const groups: { positives: number; negatives: number }[] = []
  let previous = Number.NaN
  for (const index of order) {
    const score = scores[index] as number
    if (score !== previous || groups.length === 0) groups.push({ positives: 0, negatives: 0 })
    previous = score
    const group = groups[groups.length - 1] as { positives: number; negatives: number }
    if (labels[index] === 1) group.positives++
    else group.negatives++
  }
  return groups
}

/** One point of a precision-recall curve: flag everything scored at or above `threshold`. */
export type CurvePoint = { readonly threshold: number; readonly precision: number; readonly recall: number }

/**
 * The precision-recall curve at the first threshold reaching each step of recall (every 5% by default), highest
 * score first: the points of a PR plot, small enough to keep in a model file.
 */
export function precisionRecallCurve(scores: ArrayLike<number>, labels: ArrayLike<number>, step = 0.05): CurvePoint[] {
  const order = Array.from({ length: scores.length }, (_, index) => index).sort(
    (a, b) => (scores[b] as number) - (scores[a] as number) || a - b,
  )
  let positives = 0
  for (let index = 0; index < labels.length; index++) positives += labels[index] === 1 ? 1 : 0
  if (positives === 0) return []
  const points: CurvePoint[] = []
  let truePositives = 0
  let flagged = 0
  let nextRecall = step
  for (let position = 0; position < order.length; position++) {
    const index = order[position] as number
    flagged++
    if (labels[index] === 1) truePositives++
    const threshold = scores[index] as number
    // Ties are flagged together: a point is only taken at the end of a tie.
    const next = order[position + 1]
    if (next !== undefined && scores[next] === threshold) continue
    const recall = truePositives / positives
    if (recall + 1e-12 >= nextRecall) {
      points.push({ threshold, precision: truePositives / flagged, recall })
      while (nextRecall <= recall + 1e-12) nextRecall += step
    }
  }
  return points
}

/** The best precision at a recall of at least `recall`, read from a curve; null when the curve never gets there. */
export function precisionAtRecall(curve: readonly CurvePoint[], recall: number): number | null {
  let best: number | null = null
  for (const point of curve) if (point.recall + 1e-12 >= recall) best = Math.max(best ?? 0, point.precision)
  return best
}

export function rankingMetrics(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  falsePositiveRate = 0.01,
): RankingMetrics {
  const groups = tiedGroups(scores, labels)
  let positives = 0
  let negatives = 0
  for (const group of groups) {
    positives += group.positives
    negatives += group.negatives
  }
  if (positives === 0 || negatives === 0) return { prAuc: null, rocAuc: null, recallAtOnePercentFpr: null }

  let truePositives = 0
  let falsePositives = 0
  let averagePrecision = 0
  let area = 0
  let bestRecall = 0
  for (const group of groups) {
    const nextTruePositives = truePositives + group.positives
    const nextFalsePositives = falsePositives + group.negatives
    // Every fraud in a tie gets the precision of the whole tie.
    if (group.positives > 0)
      averagePrecision += group.positives * (nextTruePositives / (nextTruePositives + nextFalsePositives))
    // Trapezoid: a tie counts half for each side.
    area += group.negatives * (truePositives + group.positives / 2)
    truePositives = nextTruePositives
    falsePositives = nextFalsePositives
    if (falsePositives / negatives <= falsePositiveRate) bestRecall = truePositives / positives
  }
  return {
    prAuc: averagePrecision / positives,
    rocAuc: area / (positives * negatives),
    recallAtOnePercentFpr: bestRecall,
  }
}

/** Precision, recall and false-positive rate of a yes/no decision against labels. */
export type ThresholdMetrics = {
  readonly flagged: number
  readonly precision: number | null
  readonly recall: number | null
  readonly falsePositiveRate: number | null
}

export function thresholdMetrics(flagged: ArrayLike<boolean>, labels: ArrayLike<number>): ThresholdMetrics {
  let truePositives = 0
  let falsePositives = 0
  let positives = 0
  let negatives = 0
  for (let index = 0; index < labels.length; index++) {
    const isFraud = labels[index] === 1
    if (isFraud) positives++
    else negatives++
    if (flagged[index] === true) {
      if (isFraud) truePositives++
      else falsePositives++
    }
  }
  const ratio = (numerator: number, denominator: number): number | null =>
    denominator === 0 ? null : numerator / denominator
  return {
    flagged: truePositives + falsePositives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, positives),
    falsePositiveRate: ratio(falsePositives, negatives),
  }
}
