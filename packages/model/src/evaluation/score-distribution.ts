/**
 * The model's scores over a set of applications, in fixed probability bins (finer at the low end, where most honest
 * applicants sit). A model file keeps the distribution over its held-out applications; a drift report compares live
 * scores with it.
 */
export type ScoreDistribution = {
  /** Bin edges from 0 to 1; bin `i` holds probabilities in [edges[i], edges[i + 1]) (the last includes 1). */
  readonly edges: readonly number[]
  readonly counts: readonly number[]
  readonly meanProbability: number | null
}

export const scoreBinEdges: readonly number[] = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1]

export function scoreDistribution(probabilities: ArrayLike<number>, edges = scoreBinEdges): ScoreDistribution {
  const counts = new Array<number>(edges.length - 1).fill(0)
  let total = 0
  for (let index = 0; index < probabilities.length; index++) {
    const probability = probabilities[index] as number
    total += probability
    let bin = counts.length - 1
    for (let edge = 1; edge < edges.length - 1; edge++) {
      if (probability < (edges[edge] as number)) {
        bin = edge - 1
        break
      }
    }
    counts[bin] = (counts[bin] as number) + 1
  }
  return { edges, counts, meanProbability: probabilities.length === 0 ? null : total / probabilities.length }
}

export const driftLevels = ['stable', 'moderate', 'significant'] as const
export type DriftLevel = (typeof driftLevels)[number]

/** How far a live score distribution moved from a reference one. */
export type ScoreDrift = {
  /** Population stability index: sum over bins of (live - reference) * ln(live / reference), shares floored at 0.0001. */
  readonly populationStabilityIndex: number
  /** Below 0.1 stable, below 0.25 moderate, else significant (the usual reading of the index). */
  readonly level: DriftLevel
  readonly reference: ScoreDistribution
  readonly live: ScoreDistribution
}

export function scoreDrift(reference: ScoreDistribution, live: ScoreDistribution): ScoreDrift {
  if (reference.counts.length !== live.counts.length) throw new Error('score distributions have different bins')
  const share = (counts: readonly number[], index: number): number => {
    const total = counts.reduce((sum, count) => sum + count, 0)
    return Math.max(total === 0 ? 0 : (counts[index] as number) / total, 1e-4)
  }
  let index = 0
  for (let bin = 0; bin < reference.counts.length; bin++) {
    const expected = share(reference.counts, bin)
    const actual = share(live.counts, bin)
    index += (actual - expected) * Math.log(actual / expected)
  }
  const level: DriftLevel = index < 0.1 ? 'stable' : index < 0.25 ? 'moderate' : 'significant'
  return { populationStabilityIndex: index, level, reference, live }
}
