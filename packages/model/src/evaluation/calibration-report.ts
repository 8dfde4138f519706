/** One bin of a reliability diagram: what the model said on average against what happened. */
export type ReliabilityBin = {
  readonly from: number
  readonly to: number
  readonly count: number
  readonly meanPredicted: number | null
  readonly observedRate: number | null
}

/** How far predicted probabilities are from observed frequencies. */
export type CalibrationReport = {
  /** Expected calibration error: the count-weighted mean |mean predicted - observed rate| over the bins. */
  readonly expectedCalibrationError: number | null
  /** The same, the worst bin with at least 20 examples. */
  readonly maximumCalibrationError: number | null
  /** Mean squared error of the probabilities against the 0/1 labels. */
  readonly brierScore: number | null
  readonly logLoss: number | null
  /** Ten equal-width bins from 0 to 1: the points of a reliability (calibration) plot. */
  readonly bins: readonly ReliabilityBin[]
}

export function calibrationReport(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  binCount = 10,
): CalibrationReport {
  const count = probabilities.length
  const sums = Array.from({ length: binCount }, () => ({ count: 0, predicted: 0, observed: 0 }))
  let brier = 0
  let logLoss = 0
  for (let index = 0; index < count; index++) {
    const probability = probabilities[index] as number
    const label = labels[index] as number
    const bin = sums[Math.min(binCount - 1, Math.floor(probability * binCount))] as (typeof sums)[number]
    bin.count++
    bin.predicted += probability
    bin.observed += label
    brier += (probability - label) ** 2
    const clamped = Math.min(1 - 1e-12, Math.max(1e-12, probability))
    logLoss -= label === 1 ? Math.log(clamped) : Math.log(1 - clamped)
  }
  let weighted = 0
  let worst: number | null = null
  const bins = sums.map((bin, index): ReliabilityBin => {
    const meanPredicted = bin.count === 0 ? null : bin.predicted / bin.count
    const observedRate = bin.count === 0 ? null : bin.observed / bin.count
    if (meanPredicted !== null && observedRate !== null) {
      const gap = Math.abs(meanPredicted - observedRate)
      weighted += bin.count * gap
      if (bin.count >= 20) worst = Math.max(worst ?? 0, gap)
    }
    return { from: index / binCount, to: (index + 1) / binCount, count: bin.count, meanPredicted, observedRate }
  })
  return {
    expectedCalibrationError: count === 0 ? null : weighted / count,
    maximumCalibrationError: worst,
    brierScore: count === 0 ? null : brier / count,
    logLoss: count === 0 ? null : logLoss / count,
    bins,
  }
}
