import { describe, expect, it } from 'vitest'
import { expectedTreeValue, predictTree, type DecisionTree } from './decision-tree.js'
import { SeededRandom } from './seeded-random.js'
import { addTreeShap } from './tree-shap.js'

/** A random full tree of the given depth over `features` features, with random covers that add up. */
function randomTree(random: SeededRandom, depth: number, features: number): DecisionTree {
  const tree = {
    feature: [] as number[],
    threshold: [] as number[],
    left: [] as number[],
    right: [] as number[],
    value: [] as number[],
    cover: [] as number[],
  }
  const grow = (level: number, cover: number): number => {
    const node = tree.feature.length
    tree.feature.push(-1)
    tree.threshold.push(0)
    tree.left.push(-1)
    tree.right.push(-1)
    tree.value.push(random.next() * 4 - 2)
    tree.cover.push(cover)
    if (level < depth) {
      tree.feature[node] = Math.floor(random.next() * features)
      tree.threshold[node] = Math.floor(random.next() * 3)
      const leftCover = Math.max(1, Math.round(cover * (0.2 + 0.6 * random.next())))
      tree.left[node] = grow(level + 1, leftCover)
      tree.right[node] = grow(level + 1, Math.max(1, cover - leftCover))
    }
    return node
  }
  grow(0, 1000)
  return tree
}

/** E[f(x) | features in `known` fixed to x], the others averaged over the branches by cover (path-dependent). */
function conditionalExpectation(
  tree: DecisionTree,
  row: readonly number[],
  known: ReadonlySet<number>,
  node = 0,
): number {
  const feature = tree.feature[node] as number
  if (feature < 0) return tree.value[node] as number
  const left = tree.left[node] as number
  const right = tree.right[node] as number
  if (known.has(feature))
    return conditionalExpectation(
      tree,
      row,
      known,
      (row[feature] as number) <= (tree.threshold[node] as number) ? left : right,
    )
  const cover = tree.cover[left]! + tree.cover[right]!
  return (
    (tree.cover[left]! * conditionalExpectation(tree, row, known, left) +
      tree.cover[right]! * conditionalExpectation(tree, row, known, right)) /
    cover
  )
}

/** Shapley values by enumerating every coalition: exponential, fine for four features. */
function bruteForceShapley(tree: DecisionTree, row: readonly number[], features: number): number[] {
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1))
  const values = new Array<number>(features).fill(0)
  for (let feature = 0; feature < features; feature++) {
    const others = [...Array(features).keys()].filter((other) => other !== feature)
    for (let mask = 0; mask < 1 << others.length; mask++) {
      const coalition = new Set(others.filter((_, index) => (mask >> index) & 1))
      const weight = (factorial(coalition.size) * factorial(features - coalition.size - 1)) / factorial(features)
      const without = conditionalExpectation(tree, row, coalition)
      const withFeature = conditionalExpectation(tree, row, new Set([...coalition, feature]))
      values[feature] = (values[feature] as number) + weight * (withFeature - without)
    }
  }
  return values
}

describe('tree SHAP', () => {
  it('equals the Shapley values computed by brute force, including features split on twice in a path', () => {
    const random = new SeededRandom('shap')
    for (let trial = 0; trial < 25; trial++) {
      const tree = randomTree(random, 4, 4)
      const row = [0, 1, 2, 3].map(() => Math.floor(random.next() * 4))
      const phi = new Float64Array(4)
      addTreeShap(tree, row, phi)
      const expected = bruteForceShapley(tree, row, 4)
      expected.forEach((value, feature) => expect(phi[feature]).toBeCloseTo(value, 9))
    }
  })

  it('adds up to the prediction less the expected value', () => {
    const random = new SeededRandom('additivity')
    for (let trial = 0; trial < 25; trial++) {
      const tree = randomTree(random, 5, 6)
      const row = [0, 1, 2, 3, 4, 5].map(() => Math.floor(random.next() * 4))
      const phi = new Float64Array(6)
      addTreeShap(tree, row, phi)
      const total = phi.reduce((sum, value) => sum + value, 0)
      expect(total).toBeCloseTo(predictTree(tree, row) - expectedTreeValue(tree), 9)
    }
  })

  it('gives nothing to a feature the tree never splits on', () => {
    const tree: DecisionTree = {
      feature: [1, -1, -1],
      threshold: [0.5, 0, 0],
      left: [1, -1, -1],
      right: [2, -1, -1],
      value: [0, -1, 2],
      cover: [10, 6, 4],
    }
    const phi = new Float64Array(3)
    addTreeShap(tree, [5, 1, 9], phi)
    expect(phi[0]).toBe(0)
    expect(phi[2]).toBe(0)
    // Expected value 0.6 * -1 + 0.4 * 2 = 0.2; the row goes right (2): feature 1 gets 1.8.
    expect(phi[1]).toBeCloseTo(1.8, 12)
  })
})
