import type { DecisionTree } from './decision-tree.js'
import type { BinnedMatrix } from './feature-matrix.js'

export type TreeParameters = {
  /** Deepest split level; a tree has at most 2^maxDepth leaves. */
  readonly maxDepth: number
  /** Least sum of second derivatives (about p(1-p) per row) on each side of a split. */
  readonly minChildWeight: number
  /** Least training rows on each side of a split. */
  readonly minLeafRows: number
  /** L2 penalty on leaf values (XGBoost's lambda). */
  readonly l2: number
  /** Least loss reduction for a split to be kept (XGBoost's gamma). */
  readonly minSplitGain: number
  /** Shrinkage applied to every leaf value. */
  readonly learningRate: number
}

type Pending = {
  readonly node: number
  readonly start: number
  readonly end: number
  readonly depth: number
  readonly gradient: number
  readonly hessian: number
}

type Split = { feature: number; bin: number; gain: number }

/**
 * Grows one regression tree on first and second derivatives of the loss (XGBoost's exact gain and leaf weights),
 * level by level, over histograms of binned features. `rows` are the rows sampled for this round; `allowed` marks the
 * features it may split on. Ties go to the lower feature and bin, so the same inputs always give the same tree.
 */
export function growTree(
  binned: BinnedMatrix,
  gradients: Float64Array,
  hessians: Float64Array,
  rows: Int32Array,
  allowed: Uint8Array,
  parameters: TreeParameters,
): DecisionTree {
  const { columns, binCounts, bins, rowStart, entryFeature, entryBin, bounds } = binned
  let maxBins = 0
  for (const count of binCounts) maxBins = Math.max(maxBins, count)
  const histogramGradient = new Float64Array(columns * maxBins)
  const histogramHessian = new Float64Array(columns * maxBins)
  const histogramRows = new Int32Array(columns * maxBins)
  const order = Int32Array.from(rows)
  const scratch = new Int32Array(rows.length)

  const feature: number[] = []
  const threshold: number[] = []
  const left: number[] = []
  const right: number[] = []
  const value: number[] = []
  const cover: number[] = []
  const addNode = (rowsIn: number, gradient: number, hessian: number): number => {
    feature.push(-1)
    threshold.push(0)
    left.push(-1)
    right.push(-1)
    value.push((-gradient / (hessian + parameters.l2)) * parameters.learningRate)
    cover.push(rowsIn)
    return feature.length - 1
  }

  let rootGradient = 0
  let rootHessian = 0
  for (const row of order) {
    rootGradient += gradients[row] as number
    rootHessian += hessians[row] as number
  }
  const queue: Pending[] = [
    {
      node: addNode(order.length, rootGradient, rootHessian),
      start: 0,
      end: order.length,
      depth: 0,
      gradient: rootGradient,
      hessian: rootHessian,
    },
  ]

  for (let next = 0; next < queue.length; next++) {
    const pending = queue[next] as Pending
    const { start, end, depth, gradient, hessian } = pending
    const count = end - start
    if (depth >= parameters.maxDepth || count < 2 * parameters.minLeafRows) continue

    histogramGradient.fill(0)
    histogramHessian.fill(0)
    histogramRows.fill(0)
    for (let position = start; position < end; position++) {
      const row = order[position] as number
      const g = gradients[row] as number
      const h = hessians[row] as number
      for (let entry = rowStart[row] as number; entry < (rowStart[row + 1] as number); entry++) {
        const slot = (entryFeature[entry] as number) * maxBins + (entryBin[entry] as number)
        histogramGradient[slot] = (histogramGradient[slot] as number) + g
        histogramHessian[slot] = (histogramHessian[slot] as number) + h
        histogramRows[slot] = (histogramRows[slot] as number) + 1
      }
    }

    const parentScore = (gradient * gradient) / (hessian + parameters.l2)
    let best: Split | undefined
    for (let candidate = 0; candidate < columns; candidate++) {
      const binsHere = binCounts[candidate] as number
      if (allowed[candidate] === 0 || binsHere < 2) continue
      const base = candidate * maxBins
      // Bin 0 ("nothing found") was never accumulated: it is the node's total less the other bins.
      let otherGradient = 0
      let otherHessian = 0
      let otherRows = 0
      for (let bin = 1; bin < binsHere; bin++) {
        otherGradient += histogramGradient[base + bin] as number
        otherHessian += histogramHessian[base + bin] as number
        otherRows += histogramRows[base + bin] as number
      }
      histogramGradient[base] = gradient - otherGradient
      histogramHessian[base] = hessian - otherHessian
      histogramRows[base] = count - otherRows

      let leftGradient = 0
      let leftHessian = 0
      let leftRows = 0
      for (let bin = 0; bin < binsHere - 1; bin++) {
        leftGradient += histogramGradient[base + bin] as number
        leftHessian += histogramHessian[base + bin] as number
        leftRows += histogramRows[base + bin] as number
        if (leftRows < parameters.minLeafRows || leftHessian < parameters.minChildWeight) continue
        const rightRows = count - leftRows
        const rightHessian = hessian - leftHessian
        if (rightRows < parameters.minLeafRows || rightHessian < parameters.minChildWeight) break
        const rightGradient = gradient - leftGradient
        const gain =
          0.5 *
          ((leftGradient * leftGradient) / (leftHessian + parameters.l2) +
            (rightGradient * rightGradient) / (rightHessian + parameters.l2) -
            parentScore)
        if (gain > (best?.gain ?? parameters.minSplitGain)) best = { feature: candidate, bin, gain }
      }
    }
    if (!best) continue

    // Stable partition: rows at or below the split bin first, in their current order.
    let leftEnd = start
    let spilled = 0
    let leftGradient = 0
    let leftHessian = 0
    for (let position = start; position < end; position++) {
      const row = order[position] as number
      if ((bins[row * columns + best.feature] as number) <= best.bin) {
        order[leftEnd++] = row
        leftGradient += gradients[row] as number
        leftHessian += hessians[row] as number
      } else {
        scratch[spilled++] = row
      }
    }
    order.set(scratch.subarray(0, spilled), leftEnd)

    const node = pending.node
    feature[node] = best.feature
    threshold[node] = (bounds[best.feature] as Float64Array)[best.bin] as number
    const leftNode = addNode(leftEnd - start, leftGradient, leftHessian)
    const rightNode = addNode(end - leftEnd, gradient - leftGradient, hessian - leftHessian)
    left[node] = leftNode
    right[node] = rightNode
    queue.push(
      { node: leftNode, start, end: leftEnd, depth: depth + 1, gradient: leftGradient, hessian: leftHessian },
      {
        node: rightNode,
        start: leftEnd,
        end,
        depth: depth + 1,
        gradient: gradient - leftGradient,
        hessian: hessian - leftHessian,
      },
    )
  }
  return { feature, threshold, left, right, value, cover }
}
