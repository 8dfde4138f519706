import type {
  ApplicationRecord,
  Identifier,
  IdentityGraph,
  IdentityIndex,
  LinkResult,
  NormalisedApplication,
  PersonaCluster,
} from '@hirewall/core'
import { linkFactsFrom, type LinkFacts } from './link-facts.js'

/**
 * An identity index that passes every call to another and keeps the link facts of each application it links, as the
 * graph stood right then (a later application may still grow the cluster; the model must not see that future).
 */
export class LinkFactsRecorder implements IdentityIndex {
  private readonly facts = new Map<string, LinkFacts>()

  constructor(private readonly inner: IdentityIndex) {}

  get size(): number {
    return this.inner.size
  }

  link(record: ApplicationRecord, facts: NormalisedApplication, extra?: readonly Identifier[]): LinkResult {
    const result = this.inner.link(record, facts, extra)
    this.facts.set(record.id, linkFactsFrom(result, this.inner.cluster(result.clusterId)))
    return result
  }

  /** The facts recorded when the application was linked, handed over once (the recorder then forgets them). */
  take(applicationId: string): LinkFacts | undefined {
    const found = this.facts.get(applicationId)
    this.facts.delete(applicationId)
    return found
  }

  cluster(clusterId: string): PersonaCluster | undefined {
    return this.inner.cluster(clusterId)
  }

  clusters(): readonly PersonaCluster[] {
    return this.inner.clusters()
  }

  graph(options?: { readonly clusterId?: string }): IdentityGraph {
    return this.inner.graph(options)
  }
}
