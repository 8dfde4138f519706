import { identifierWeights, type IdentifierKind } from './identifier-kind.js'
import type { GraphEdge, GraphNode, IdentityGraph } from './identity-index.js'

/** One identifier one application carries, as a store keeps it (`application_identifiers`). */
export type ApplicationIdentifier = {
  readonly applicationId: string
  readonly kind: IdentifierKind
  readonly value: string
}

/**
 * The identity graph of a set of applications built from their stored identifiers, in the shape of
 * `IdentityIndex.graph`: a node per application (every one given, also one that shares nothing, so a cluster shows all
 * its members), a node per identifier two or more of them carry (`<kind>:<value>`), and an edge from each application
 * to each shared identifier it carries, weighted by `identifierWeights`. Identifiers only one of them carries, and
 * empty values (a CV text's key is its MinHash, not a value), are left out. Order follows the input.
 */
export function sharedIdentifierGraph(
  applications: readonly { readonly id: string; readonly clusterId: string }[],
  identifiers: readonly ApplicationIdentifier[],
): IdentityGraph {
  const included = new Set(applications.map((application) => application.id))
  const carriers = new Map<string, { kind: IdentifierKind; value: string; applicationIds: Set<string> }>()
  for (const { applicationId, kind, value } of identifiers) {
    if (value === '' || !included.has(applicationId)) continue
    const id = `${kind}:${value}`
    const entry = carriers.get(id) ?? { kind, value, applicationIds: new Set<string>() }
    entry.applicationIds.add(applicationId)
    carriers.set(id, entry)
  }
  const nodes: GraphNode[] = applications.map(({ id, clusterId }) => ({ type: 'application', id, clusterId }))
  const edges: GraphEdge[] = []
  for (const [id, { kind, value, applicationIds }] of carriers) {
    if (applicationIds.size < 2) continue
    nodes.push({ type: 'identifier', id, kind, value })
    for (const applicationId of applicationIds) {
      edges.push({ source: applicationId, target: id, kind, weight: identifierWeights[kind] })
    }
  }
  return { nodes, edges }
}
