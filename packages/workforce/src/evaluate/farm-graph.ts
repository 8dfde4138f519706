import { identifierWeights, type GraphEdge, type GraphNode, type IdentityGraph } from '@hirewall/core'
import type { FarmCluster } from './employee-view.js'

/**
 * Farm clusters in the identity graph's shape (the same nodes and edges `hirewall graph` and the console draw): each
 * employee is an application node (its application id when known, else `employee:<id>`) in its farm cluster, each
 * shared IP or ship-to address an identifier node, joined by weighted edges.
 */
export function farmGraph(
  clusters: readonly FarmCluster[],
  applicationIdOf: (employeeId: string) => string | undefined = () => undefined,
): IdentityGraph {
  const nodes: GraphNode[] = []
  const edges: GraphEdge[] = []
  const nodeOf = (employeeId: string): string => applicationIdOf(employeeId) ?? `employee:${employeeId}`
  for (const cluster of clusters) {
    for (const employeeId of cluster.employeeIds)
      nodes.push({ type: 'application', id: nodeOf(employeeId), clusterId: cluster.id })
    for (const link of cluster.links) {
      const kind = link.kind === 'ip' ? 'ip' : 'address'
      const id = `${kind}:${link.value}`
      if (!nodes.some((node) => node.id === id)) nodes.push({ type: 'identifier', id, kind, value: link.value })
      for (const employeeId of link.employeeIds)
        edges.push({ source: nodeOf(employeeId), target: id, kind, weight: identifierWeights[kind] })
    }
  }
  return { nodes, edges }
}
