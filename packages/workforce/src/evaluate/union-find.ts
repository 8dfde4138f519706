/** Disjoint sets over string keys (path halving, union by size): farm clusters. */
export class UnionFind {
  readonly #parent = new Map<string, string>()
  readonly #size = new Map<string, number>()

  find(key: string): string {
    let node = key
    if (!this.#parent.has(node)) {
      this.#parent.set(node, node)
      this.#size.set(node, 1)
      return node
    }
    for (;;) {
      const parent = this.#parent.get(node) as string
      if (parent === node) return node
      const grand = this.#parent.get(parent) as string
      this.#parent.set(node, grand)
      node = grand
    }
  }

  union(left: string, right: string): void {
    const a = this.find(left)
    const b = this.find(right)
    if (a === b) return
    const [big, small] = (this.#size.get(a) ?? 1) >= (this.#size.get(b) ?? 1) ? [a, b] : [b, a]
    this.#parent.set(small, big)
    this.#size.set(big, (this.#size.get(big) ?? 1) + (this.#size.get(small) ?? 1))
  }

  /** Every set of two or more keys, each sorted, by root. */
  groups(): Map<string, string[]> {
    const groups = new Map<string, string[]>()
    for (const key of this.#parent.keys()) {
      const root = this.find(key)
      groups.set(root, [...(groups.get(root) ?? []), key])
    }
    for (const [root, keys] of groups) {
      if (keys.length < 2) groups.delete(root)
      else keys.sort()
    }
    return groups
  }
}
