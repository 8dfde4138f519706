import type { DecisionTree } from './decision-tree.js'
import { binFeatures, type FeatureMatrix } from './feature-matrix.js'
import { growTree, type TreeParameters } from './grow-tree.js'
import { SeededRandom } from './seeded-random.js'

export type BoostingParameters = TreeParameters & {
  /** Most trees; early stopping usually ends sooner. */
  readonly rounds: number
  /** Share of training rows each tree sees (drawn with the seeded generator). */
  readonly subsample: number
  /** Share of features each tree may split on. */
  readonly columnSample: number
  /** Bins per feature for the split histograms (at most 256). */
  readonly maxBins: number
  /** Stop when the validation log loss has not improved for this many rounds; the best round's trees are kept. */
  readonly earlyStoppingRounds: number
}

export const defaultBoostingParameters: BoostingParameters = {
  rounds: 400,
  learningRate: 0.08,
  maxDepth: 4,
  minChildWeight: 1,
  minLeafRows: 10,
  l2: 1,
  minSplitGain: 0,
  subsample: 0.8,
  columnSample: 0.8,
  maxBins: 64,
  earlyStoppingRounds: 40,
}

export type LabelledMatrix = { readonly matrix: FeatureMatrix; readonly labels: Uint8Array }

export type BoostedTrees = {
  /** Log-odds of the training base rate: the margin before any tree. */
  readonly baseMargin: number
  readonly trees: readonly DecisionTree[]
  /** Validation log loss after each round grown (empty without validation rows). */
  readonly validationLoss: readonly number[]
}

/** The leaf value reached by the row that starts at `offset` in a row-major value array. */
function treeValueAt(tree: DecisionTree, values: Float64Array, offset: number): number {
  let node = 0
  for (;;) {
    const feature = tree.feature[node] as number
    if (feature < 0) return tree.value[node] as number
    node =
      (values[offset + feature] as number) <= (tree.threshold[node] as number)
        ? (tree.left[node] as number)
        : (tree.right[node] as number)
  }
}

const sigmoid = (margin: number): number => 1 / (1 + Math.exp(-margin))

function logLoss(margins: Float64Array, labels: Uint8Array): number {
  let total = 0
  for (let row = 0; row < labels.length; row++) {
    const probability = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(margins[row] as number)))
    total -= labels[row] === 1 ? Math.log(probability) : Math.log(1 - probability)
  }
  return labels.length === 0 ? 0 : total / labels.length
}

/**
 * Gradient-boosted trees for a binary label under log loss. Deterministic: the same matrices, parameters and seed
 * give the same trees, bit for bit (subsampling draws from a seeded generator, sums run in row order).
 */
export function boostTrees(
  train: LabelledMatrix,
  validation: LabelledMatrix | undefined,
  parameters: BoostingParameters,
  seed: number | string,
): BoostedTrees {
  const { matrix, labels } = train
  const rows = matrix.rows
  if (rows === 0) throw new Error('boostTrees needs at least one training row')
  let positives = 0
  for (const label of labels) positives += label
  const baseRate = Math.min(1 - 1e-6, Math.max(1e-6, positives / rows))
  const baseMargin = Math.log(baseRate / (1 - baseRate))

  const binned = binFeatures(matrix, parameters.maxBins)
  const random = new SeededRandom(seed)
  const margins = new Float64Array(rows).fill(baseMargin)
  const gradients = new Float64Array(rows)
  const hessians = new Float64Array(rows)
  const validationMargins = new Float64Array(validation?.matrix.rows ?? 0).fill(baseMargin)
  const sampled = new Int32Array(rows)
  const allowed = new Uint8Array(matrix.columns)

  const trees: DecisionTree[] = []
  const validationLoss: number[] = []
  let bestLoss = Infinity
  let bestRounds = 0
  for (let round = 0; round < parameters.rounds; round++) {
    for (let row = 0; row < rows; row++) {
      const probability = sigmoid(margins[row] as number)
      gradients[row] = probability - (labels[row] as number)
      hessians[row] = Math.max(probability * (1 - probability), 1e-16)
    }
    let sampledCount = 0
    for (let row = 0; row < rows; row++) if (random.next() < parameters.subsample) sampled[sampledCount++] = row
    let allowedCount = 0
    for (let feature = 0; feature < matrix.columns; feature++) {
      allowed[feature] = random.next() < parameters.columnSample ? 1 : 0
      allowedCount += allowed[feature] as number
    }
    if (allowedCount === 0) allowed.fill(1)

    const tree = growTree(binned, gradients, hessians, sampled.subarray(0, sampledCount), allowed, parameters)
    trees.push(tree)
    for (let row = 0; row < rows; row++)
      margins[row] = (margins[row] as number) + treeValueAt(tree, matrix.values, row * matrix.columns)

    if (!validation) continue
    const { matrix: validationMatrix, labels: validationLabels } = validation
    for (let row = 0; row < validationMatrix.rows; row++)
      validationMargins[row] =
        (validationMargins[row] as number) + treeValueAt(tree, validationMatrix.values, row * validationMatrix.columns)
    const loss = logLoss(validationMargins, validationLabels)
    validationLoss.push(loss)
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss
      bestRounds = round + 1
    } else if (round + 1 - bestRounds >= parameters.earlyStoppingRounds) {
      break
    }
  }
  return { baseMargin, trees: validation ? trees.slice(0, Math.max(1, bestRounds)) : trees, validationLoss }
}

/** The raw log-odds margin of a row of features: the base margin plus every tree's leaf value. */
export function ensembleMargin(
  baseMargin: number,
  trees: readonly DecisionTree[],
  row: Float64Array,
  positions?: ArrayLike<number>,
): number {
  let margin = baseMargin
  for (const tree of trees) {
    let node = 0
    for (;;) {
      const feature = tree.feature[node] as number
      if (feature < 0) break
      const value = row[positions ? (positions[feature] as number) : feature] as number
      node = value <= (tree.threshold[node] as number) ? (tree.left[node] as number) : (tree.right[node] as number)
    }
    margin += tree.value[node] as number
  }
  return margin
}
