import { describe, expect, it } from 'vitest'
import { rankingMetrics } from '../evaluation/ranking-metrics.js'
import { boostTrees, defaultBoostingParameters, ensembleMargin, type LabelledMatrix } from './boost-trees.js'
import { toFeatureMatrix } from './feature-matrix.js'
import { SeededRandom } from './seeded-random.js'

/** Rows of five features; fraud is likelier with features 0 and 1 together, feature 4 is pure noise. */
function dataset(seed: string, rows: number): LabelledMatrix {
  const random = new SeededRandom(seed)
  const vectors: Float64Array[] = []
  const labels: number[] = []
  for (let row = 0; row < rows; row++) {
    const vector = Float64Array.from([0, 1, 2, 3, 4], (feature) =>
      feature < 2
        ? random.next() < 0.3
          ? 1 + Math.floor(random.next() * 3)
          : 0
        : random.next() < 0.5
          ? random.next() * 10
          : 0,
    )
    const logit = -3 + 1.2 * Number(vector[0]! > 0) * Number(vector[1]! > 0) * 3 + 0.3 * vector[2]! - 0.1 * vector[3]!
    labels.push(random.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0)
    vectors.push(vector)
  }
  return { matrix: toFeatureMatrix(vectors, 5), labels: Uint8Array.from(labels) }
}

const parameters = { ...defaultBoostingParameters, rounds: 60, earlyStoppingRounds: 20 }

describe('boostTrees', () => {
  it('grows the same trees for the same data and seed, and other trees for another seed', () => {
    const train = dataset('train', 1500)
    const validation = dataset('validation', 500)
    const first = boostTrees(train, validation, parameters, 7)
    const second = boostTrees(train, validation, parameters, 7)
    const other = boostTrees(train, validation, parameters, 8)
    expect(JSON.stringify(second)).toBe(JSON.stringify(first))
    expect(JSON.stringify(other.trees)).not.toBe(JSON.stringify(first.trees))
  })

  it('learns an interaction the features only show together, and stops early on the validation loss', () => {
    const train = dataset('train', 3000)
    const validation = dataset('validation', 1000)
    const test = dataset('test', 2000)
    const boosted = boostTrees(train, validation, { ...parameters, rounds: 300 }, 1)
    const margins = Array.from({ length: test.matrix.rows }, (_, row) =>
      ensembleMargin(boosted.baseMargin, boosted.trees, test.matrix.values.subarray(row * 5, row * 5 + 5)),
    )
    expect(rankingMetrics(margins, test.labels).rocAuc).toBeGreaterThan(0.75)
    expect(boosted.trees.length).toBeLessThan(300)
    expect(boosted.validationLoss.length).toBeGreaterThanOrEqual(boosted.trees.length)
  })
})
