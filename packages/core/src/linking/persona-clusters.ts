import type { IdentifierKind } from './identifier-kind.js'
import { UnionFind } from './union-find.js'

/** An edge inside the index, by application number. */
export type InternalEdge = {
  readonly kind: IdentifierKind
  readonly value: string
  readonly from: number
  readonly to: number
}

/** What a cluster of two or more applications knows about itself; singletons have none, to save memory. */
export type ClusterSummary = {
  readonly members: number[]
  readonly people: Set<number>
  readonly surnames: Set<number>
  /** Kinds of the edges between applications whose claimed surnames differ. */
  readonly crossKinds: Set<IdentifierKind>
  readonly edges: InternalEdge[]
}

/**
 * Persona clusters over application numbers: union-find for membership, and for each cluster of two or more a
 * summary that merges smaller into larger, so keeping members and evidence costs O(n log n) over a whole run.
 */
export class PersonaClusters {
  private readonly sets = new UnionFind()
  private readonly summaries = new Map<number, ClusterSummary>()

  /** Adds an application as its own cluster. */
  add(): number {
    return this.sets.add()
  }

  /** The cluster's earliest application, its stable name. */
  earliestOf(application: number): number {
    return this.sets.smallestOf(application)
  }

  summaryOf(application: number): ClusterSummary | undefined {
    return this.summaries.get(this.sets.find(application))
  }

  /** All summaries (clusters of two or more), in no particular order. */
  allSummaries(): IterableIterator<ClusterSummary> {
    return this.summaries.values()
  }

  /**
   * Joins the clusters of the edge's two applications and records the edge. `personOf` and `surnameOf` describe
   * each application's claimed person.
   */
  join(
    edge: InternalEdge,
    personOf: (application: number) => number,
    surnameOf: (application: number) => number,
  ): void {
    const { root, absorbed } = this.sets.union(edge.from, edge.to)
    let summary = this.summaries.get(root) ?? singleton(root, personOf, surnameOf)
    if (absorbed !== root) {
      const other = this.summaries.get(absorbed) ?? singleton(absorbed, personOf, surnameOf)
      this.summaries.delete(absorbed)
      const [larger, smaller] = summary.members.length >= other.members.length ? [summary, other] : [other, summary]
      for (const member of smaller.members) larger.members.push(member)
      for (const person of smaller.people) larger.people.add(person)
      for (const surname of smaller.surnames) larger.surnames.add(surname)
      for (const kind of smaller.crossKinds) larger.crossKinds.add(kind)
      for (const kept of smaller.edges) larger.edges.push(kept)
      summary = larger
    }
    summary.edges.push(edge)
    if (surnameOf(edge.from) !== surnameOf(edge.to)) summary.crossKinds.add(edge.kind)
    this.summaries.set(root, summary)
  }
}

function singleton(
  application: number,
  personOf: (application: number) => number,
  surnameOf: (application: number) => number,
): ClusterSummary {
  return {
    members: [application],
    people: new Set([personOf(application)]),
    surnames: new Set([surnameOf(application)]),
    crossKinds: new Set(),
    edges: [],
  }
}

/** Three or more surnames, or two joined by three or more kinds of strong identifier. */
export function isRing(summary: ClusterSummary): boolean {
  return summary.surnames.size >= 3 || (summary.surnames.size >= 2 && summary.crossKinds.size >= 3)
}
