import { treeDepth, type DecisionTree } from './decision-tree.js'

/**
 * The path of one recursion, stored flat: element `i` of a path that starts at `offset` is at `offset + i` of each
 * array. Every level copies its parent's path just after it (as the reference implementation does), so the buffers
 * hold (depth + 2)(depth + 3) / 2 elements and nothing is allocated per node.
 */
type PathBuffers = {
  readonly feature: Int32Array
  readonly zeroFraction: Float64Array
  readonly oneFraction: Float64Array
  readonly weight: Float64Array
}

const buffersByDepth = new Map<number, PathBuffers>()

function buffersFor(depth: number): PathBuffers {
  let buffers = buffersByDepth.get(depth)
  if (!buffers) {
    const size = ((depth + 2) * (depth + 3)) / 2
    buffers = {
      feature: new Int32Array(size),
      zeroFraction: new Float64Array(size),
      oneFraction: new Float64Array(size),
      weight: new Float64Array(size),
    }
    buffersByDepth.set(depth, buffers)
  }
  return buffers
}

const depthCache = new WeakMap<DecisionTree, number>()

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
  let depth = depthCache.get(tree)
  if (depth === undefined) {
    depth = treeDepth(tree)
    depthCache.set(tree, depth)
  }
  recurse(tree, row, phi, positions, buffersFor(depth), 0, 0, 0, 1, 1, -1)
}

function extendPath(
  path: PathBuffers,
  at: number,
  depth: number,
  zeroFraction: number,
  oneFraction: number,
  feature: number,
): void {
  const { weight } = path
  path.feature[at + depth] = feature
  path.zeroFraction[at + depth] = zeroFraction
  path.oneFraction[at + depth] = oneFraction
  weight[at + depth] = depth === 0 ? 1 : 0
  for (let index = depth - 1; index >= 0; index--) {
    weight[at + index + 1] =
      (weight[at + index + 1] as number) + (oneFraction * (weight[at + index] as number) * (index + 1)) / (depth + 1)
    weight[at + index] = (zeroFraction * (weight[at + index] as number) * (depth - index)) / (depth + 1)
  }
}

function unwindPath(path: PathBuffers, at: number, depth: number, pathIndex: number): void {
  const { weight } = path
  const oneFraction = path.oneFraction[at + pathIndex] as number
  const zeroFraction = path.zeroFraction[at + pathIndex] as number
  let nextOnePortion = weight[at + depth] as number
  for (let index = depth - 1; index >= 0; index--) {
    if (oneFraction !== 0) {
      const kept = weight[at + index] as number
      weight[at + index] = (nextOnePortion * (depth + 1)) / ((index + 1) * oneFraction)
      nextOnePortion = kept - ((weight[at + index] as number) * zeroFraction * (depth - index)) / (depth + 1)
    } else {
      weight[at + index] = ((weight[at + index] as number) * (depth + 1)) / (zeroFraction * (depth - index))
    }
  }
  for (let index = pathIndex; index < depth; index++) {
    path.feature[at + index] = path.feature[at + index + 1] as number
    path.zeroFraction[at + index] = path.zeroFraction[at + index + 1] as number
    path.oneFraction[at + index] = path.oneFraction[at + index + 1] as number
  }
}

function unwoundPathSum(path: PathBuffers, at: number, depth: number, pathIndex: number): number {
  const { weight } = path
  const oneFraction = path.oneFraction[at + pathIndex] as number
  const zeroFraction = path.zeroFraction[at + pathIndex] as number
  let nextOnePortion = weight[at + depth] as number
  let total = 0
  for (let index = depth - 1; index >= 0; index--) {
    if (oneFraction !== 0) {
      const share = (nextOnePortion * (depth + 1)) / ((index + 1) * oneFraction)
      total += share
      nextOnePortion = (weight[at + index] as number) - (share * zeroFraction * (depth - index)) / (depth + 1)
    } else if (zeroFraction !== 0) {
      total += (weight[at + index] as number) / zeroFraction / ((depth - index) / (depth + 1))
    }
  }
  return total
}

function recurse(
  tree: DecisionTree,
  row: ArrayLike<number>,
  phi: Float64Array,
  positions: ArrayLike<number> | undefined,
  path: PathBuffers,
  parentAt: number,
  node: number,
  depth: number,
  parentZeroFraction: number,
  parentOneFraction: number,
  parentFeature: number,
): void {
  // This level's path is a copy of the parent's, placed right after it: siblings never see each other's changes.
  const at = parentAt + depth + 1
  // A plain loop: paths are a handful of elements, where copyWithin's call costs more than the copy.
  for (let index = 0; index < depth; index++) {
    path.feature[at + index] = path.feature[parentAt + index] as number
    path.zeroFraction[at + index] = path.zeroFraction[parentAt + index] as number
    path.oneFraction[at + index] = path.oneFraction[parentAt + index] as number
    path.weight[at + index] = path.weight[parentAt + index] as number
  }
  extendPath(path, at, depth, parentZeroFraction, parentOneFraction, parentFeature)

  const feature = tree.feature[node] as number
  if (feature < 0) {
    const leafValue = tree.value[node] as number
    for (let index = 1; index <= depth; index++) {
      const weight = unwoundPathSum(path, at, depth, index)
      const pathFeature = path.feature[at + index] as number
      phi[pathFeature] =
        (phi[pathFeature] as number) +
        weight * ((path.oneFraction[at + index] as number) - (path.zeroFraction[at + index] as number)) * leafValue
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
  let pathIndex = 1
  while (pathIndex <= depth && path.feature[at + pathIndex] !== feature) pathIndex++
  if (pathIndex <= depth) {
    incomingZeroFraction = path.zeroFraction[at + pathIndex] as number
    incomingOneFraction = path.oneFraction[at + pathIndex] as number
    unwindPath(path, at, depth, pathIndex)
    nextDepth -= 1
  }
  recurse(
    tree,
    row,
    phi,
    positions,
    path,
    at,
    hot,
    nextDepth + 1,
    hotZeroFraction * incomingZeroFraction,
    incomingOneFraction,
    feature,
  )
  recurse(tree, row, phi, positions, path, at, cold, nextDepth + 1, coldZeroFraction * incomingZeroFraction, 0, feature)
}
