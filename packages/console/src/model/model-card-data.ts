import type { ModelCard, ModelContribution, PromotionCheck } from './model-types'

/** A point of a plot on the unit square. */
export type PlotPoint = { readonly x: number; readonly y: number }
export type PlotSeries = { readonly name: string; readonly points: readonly PlotPoint[] }

const scorers = [
  ['rules', 'Rules alone'],
  ['model', 'Model alone'],
  ['combined', 'Both'],
] as const

/** The precision-recall curves of rules, model and both: recall on x, precision on y, by increasing recall. */
export function precisionRecallSeries(card: ModelCard): PlotSeries[] {
  return scorers.map(([key, name]) => ({
    name,
    points: card.metrics[key].curve
      .map((point) => ({ x: point.recall, y: point.precision }))
      .sort((a, b) => a.x - b.x || b.y - a.y),
  }))
}

/** The reliability plot: mean predicted against observed rate, for each bin that holds applications. */
export function calibrationSeries(card: ModelCard): PlotSeries {
  const points: PlotPoint[] = []
  for (const bin of card.calibration.bins) {
    if (bin.count === 0 || bin.meanPredicted === null || bin.observedRate === null) continue
    points.push({ x: bin.meanPredicted, y: bin.observedRate })
  }
  return { name: 'Model', points }
}

/** A share as a percentage with one decimal, or a dash when it could not be measured. */
export function percentText(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '–' : `${(share * 100).toFixed(1)}%`
}

/** A ranking metric with three decimals, or a dash. */
export function metricText(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(3)
}

/** The rows of the metrics table: rules, model, both. */
export function metricRows(card: ModelCard) {
  return scorers.map(([key, name]) => {
    const metrics = card.metrics[key]
    return {
      name,
      prAuc: metricText(metrics.prAuc),
      rocAuc: metricText(metrics.rocAuc),
      recallAtOnePercentFpr: percentText(metrics.recallAtOnePercentFpr),
      reviewPrecision: percentText(metrics.review.precision),
      reviewRecall: percentText(metrics.review.recall),
      reviewFalsePositiveRate: percentText(metrics.review.falsePositiveRate),
    }
  })
}

/** Where the labels came from, in a sentence a newcomer reads first. */
export function labelsText(card: ModelCard): string {
  const description = typeof card.labels.description === 'string' ? card.labels.description : ''
  const source = card.labels.source === 'analyst-decisions' ? 'Analyst decisions' : 'A generated world'
  return description === '' ? source : `${source}: ${description}`
}

/** A contribution in log-odds with its sign: "+1.20" raises the estimate, "−0.45" lowers it. */
export function contributionText(contribution: Pick<ModelContribution, 'contribution'>): string {
  const value = contribution.contribution
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`
}

/** The failed checks of a blocked promotion (409 `details.checks`), each with its messages. */
export function failedChecks(details: Readonly<Record<string, unknown>>): PromotionCheck[] {
  const checks = details.checks
  if (!Array.isArray(checks)) return []
  return checks.filter(
    (check): check is PromotionCheck =>
      typeof check === 'object' &&
      check !== null &&
      (check as { status?: unknown }).status === 'failed' &&
      Array.isArray((check as { messages?: unknown }).messages),
  )
}
