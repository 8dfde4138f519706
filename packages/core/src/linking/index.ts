/** The identity graph: links every application to earlier ones, keeps persona clusters, raises pool signals. */
export {
  identifierKinds,
  strongIdentifierKinds,
  identifierWeights,
  isIdentifierKind,
  type Identifier,
  type IdentifierKind,
} from './identifier-kind.js'
export { identitySignals, type IdentitySignalCode } from './identity-signals.js'
export type {
  ClusterEdge,
  GraphEdge,
  GraphNode,
  IdentityGraph,
  IdentityIndex,
  IdentityLink,
  LinkResult,
  PersonaCluster,
} from './identity-index.js'
export { InMemoryIdentityIndex, type IdentityIndexOptions } from './in-memory-identity-index.js'
export { linkApplications } from './link-applications.js'
export { normaliseAddress, normaliseAddressText } from './normalise-address.js'
export { extractIdentifiers } from './extract-identifiers.js'
export { profileHandle, profileHandles, type ProfileHandle } from './profile-handle.js'
export { sharedIdentifierGraph, type ApplicationIdentifier } from './shared-identifier-graph.js'
export { toGraphMl } from './to-graphml.js'
