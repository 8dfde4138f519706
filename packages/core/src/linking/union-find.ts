/**
 * Disjoint sets over 0..n-1 with path compression (halving) and union by size; each set also knows its smallest
 * member, which is its earliest application and so its stable name.
 */
export class UnionFind {
  private parent = new Int32Array(1024)
  private sizes = new Int32Array(1024)
  private smallest = new Int32Array(1024)
  private count = 0

  get size(): number {
    return this.count
  }

  /** Adds a singleton set and returns its member number. */
  add(): number {
    const member = this.count++
    if (member >= this.parent.length) this.grow()
    this.parent[member] = member
    this.sizes[member] = 1
    this.smallest[member] = member
    return member
  }

  find(member: number): number {
    let current = member
    while (this.parent[current] !== current) {
      const grandparent = this.parent[this.parent[current] ?? current] ?? current
      this.parent[current] = grandparent
      current = grandparent
    }
    return current
  }

  /** Joins the two sets; returns the new root and the absorbed root (equal when they were already one set). */
  union(first: number, second: number): { readonly root: number; readonly absorbed: number } {
    let root = this.find(first)
    let absorbed = this.find(second)
    if (root === absorbed) return { root, absorbed }
    if ((this.sizes[root] ?? 0) < (this.sizes[absorbed] ?? 0)) [root, absorbed] = [absorbed, root]
    this.parent[absorbed] = root
    this.sizes[root] = (this.sizes[root] ?? 0) + (this.sizes[absorbed] ?? 0)
    this.smallest[root] = Math.min(this.smallest[root] ?? root, this.smallest[absorbed] ?? absorbed)
    return { root, absorbed }
  }

  setSize(member: number): number {
    return this.sizes[this.find(member)] ?? 1
  }

  /** The smallest member of the set holding `member`. */
  smallestOf(member: number): number {
    return this.smallest[this.find(member)] ?? member
  }

  private grow(): void {
    const capacity = this.parent.length * 2
    for (const field of ['parent', 'sizes', 'smallest'] as const) {
      const grown = new Int32Array(capacity)
      grown.set(this[field])
      this[field] = grown
    }
  }
}
