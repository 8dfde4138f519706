/**
 * One regression tree of the ensemble, as parallel arrays indexed by node (the root is node 0). A node with
 * `feature[i] === -1` is a leaf; otherwise a row goes to `left[i]` when its value of `feature[i]` is at or below
 * `threshold[i]`, else to `right[i]`. `cover` counts the training rows that reached the node (tree SHAP weighs the
 * branches a row did not take by it); `value` is a leaf's contribution to the log-odds margin.
 */
export type DecisionTree = {
  readonly feature: readonly number[]
  readonly threshold: readonly number[]
  readonly left: readonly number[]
  readonly right: readonly number[]
  readonly value: readonly number[]
  readonly cover: readonly number[]
}

/** The leaf value a row of features reaches; `positions` maps the tree's feature numbers into `row`. */
export function predictTree(tree: DecisionTree, row: ArrayLike<number>, positions?: ArrayLike<number>): number {
  let node = 0
  for (;;) {
    const feature = tree.feature[node] as number
    if (feature < 0) return tree.value[node] as number
    const value = row[positions ? (positions[feature] as number) : feature] as number
    node = value <= (tree.threshold[node] as number) ? (tree.left[node] as number) : (tree.right[node] as number)
  }
}

/** The average leaf value over the training rows (by cover): what the tree adds when nothing is known. */
export function expectedTreeValue(tree: DecisionTree): number {
  const visit = (node: number): number => {
    if ((tree.feature[node] as number) < 0) return tree.value[node] as number
    const left = tree.left[node] as number
    const right = tree.right[node] as number
    const total = tree.cover[node] as number
    if (total <= 0) return 0
    return ((tree.cover[left] as number) * visit(left) + (tree.cover[right] as number) * visit(right)) / total
  }
  return visit(0)
}

export function treeDepth(tree: DecisionTree, node = 0): number {
  if ((tree.feature[node] as number) < 0) return 0
  return 1 + Math.max(treeDepth(tree, tree.left[node]), treeDepth(tree, tree.right[node]))
}
