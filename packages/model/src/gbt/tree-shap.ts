import type { DecisionTree } from './decision-tree.js'

type PathElement = { feature: number; zeroFraction: number; oneFraction: number; weight: number }

/**
 * Adds one row's exact SHAP values for one tree to `phi` (per feature of the tree), by the polynomial-time
 * path-dependent tree SHAP algorithm (Lundberg, Erion and Lee, "Consistent individualized feature attribution for tree
 * ensembles", 2018, algorithm 2). The values of all features add up to the row's leaf value less the tree's expected
 * value over its training rows (by cover). `positions` maps the tree's feature numbers into `row`.
 */
export function addTreeShap(
  tree: DecisionTree,
  row: ArrayLike<number>,
  phi: Float64Array,
  positions?: ArrayLike<number>,
): void {
  recurse(tree, row, phi, positions, 0, [], 0, 1, 1, -1)
}

function extendPath(
  path: PathElement[],
  depth: number,
  zeroFraction: number,
  oneFraction: number,
  feature: number,
): void {
  path[depth] = { feature, zeroFraction, oneFraction, weight: depth === 0 ? 1 : 0 }
  for (let index = depth - 1; index >= 0; index--) {
    const element = path[index] as PathElement
    const above = path[index + 1] as PathElement
    above.weight += (oneFraction * element.weight * (index + 1)) / (depth + 1)
    element.weight = (zeroFraction * element.weight * (depth - index)) / (depth + 1)
  }
}

function unwindPath(path: PathElement[], depth: number, pathIndex: number): void {
  const { oneFraction, zeroFraction } = path[pathIndex] as PathElement
  let nextOnePortion = (path[depth] as PathElement).weight
  for (let index = depth - 1; index >= 0; index--) {
    const element = path[index] as PathElement
    if (oneFraction !== 0) {
      const kept = element.weight
      element.weight = (nextOnePortion * (depth + 1)) / ((index + 1) * oneFraction)
      nextOnePortion = kept - (element.weight * zeroFraction * (depth - index)) / (depth + 1)
    } else {
      element.weight = (element.weight * (depth + 1)) / (zeroFraction * (depth - index))
    }
  }
  for (let index = pathIndex; index < depth; index++) {
    const element = path[index] as PathElement
    const next = path[index + 1] as PathElement
    element.feature = next.feature
    element.zeroFraction = next.zeroFraction
    element.oneFraction = next.oneFraction
  }
}

function unwoundPathSum(path: readonly PathElement[], depth: number, pathIndex: number): number {
  const { oneFraction, zeroFraction } = path[pathIndex] as PathElement
  let nextOnePortion = (path[depth] as PathElement).weight
  let total = 0
  for (let index = depth - 1; index >= 0; index--) {
    const element = path[index] as PathElement
    if (oneFraction !== 0) {
      const share = (nextOnePortion * (depth + 1)) / ((index + 1) * oneFraction)
      total += share
      nextOnePortion = element.weight - (share * zeroFraction * (depth - index)) / (depth + 1)
    } else if (zeroFraction !== 0) {
      total += element.weight / zeroFraction / ((depth - index) / (depth + 1))
    }
  }
  return total
}

function recurse(
  tree: DecisionTree,
  row: ArrayLike<number>,
  phi: Float64Array,
  positions: ArrayLike<number> | undefined,
  node: number,
  parentPath: readonly PathElement[],
  depth: number,
  parentZeroFraction: number,
  parentOneFraction: number,
  parentFeature: number,
): void {
  // Each level works on its own copy of the path: siblings must not see each other's changes.
  const path: PathElement[] = parentPath.slice(0, depth).map((element) => ({ ...element }))
  extendPath(path, depth, parentZeroFraction, parentOneFraction, parentFeature)

  const feature = tree.feature[node] as number
  if (feature < 0) {
    const leafValue = tree.value[node] as number
    for (let index = 1; index <= depth; index++) {
      const element = path[index] as PathElement
      const weight = unwoundPathSum(path, depth, index)
      phi[element.feature] =
        (phi[element.feature] as number) + weight * (element.oneFraction - element.zeroFraction) * leafValue
    }
    return
  }

  const value = row[positions ? (positions[feature] as number) : feature] as number
  const left = tree.left[node] as number
  const right = tree.right[node] as number
  const hot = value <= (tree.threshold[node] as number) ? left : right
  const cold = hot === left ? right : left
  const cover = tree.cover[node] as number
  const hotZeroFraction = cover > 0 ? (tree.cover[hot] as number) / cover : 0
  const coldZeroFraction = cover > 0 ? (tree.cover[cold] as number) / cover : 0
  let incomingZeroFraction = 1
  let incomingOneFraction = 1
  let nextDepth = depth

  // A feature split on again further down: undo its earlier split, then redo it here.
  const pathIndex = path.findIndex((element, index) => index <= depth && element.feature === feature)
  if (pathIndex > 0) {
    const earlier = path[pathIndex] as PathElement
    incomingZeroFraction = earlier.zeroFraction
    incomingOneFraction = earlier.oneFraction
    unwindPath(path, depth, pathIndex)
    nextDepth -= 1
  }
  recurse(
    tree,
    row,
    phi,
    positions,
    hot,
    path,
    nextDepth + 1,
    hotZeroFraction * incomingZeroFraction,
    incomingOneFraction,
    feature,
  )
  recurse(tree, row, phi, positions, cold, path, nextDepth + 1, coldZeroFraction * incomingZeroFraction, 0, feature)
}
