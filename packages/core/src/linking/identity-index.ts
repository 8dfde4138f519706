import type { NormalisedApplication } from '../normalise/normalise-application.js'
import type { ApplicationRecord } from '../record/application-record.js'
import type { Signal } from '../signals/signal.js'
import type { Identifier, IdentifierKind } from './identifier-kind.js'
import type { IdentitySignalCode } from './identity-signals.js'

/** How one new application connects to earlier ones through one identifier. */
export type IdentityLink =
  | {
      readonly match: 'exact'
      readonly kind: IdentifierKind
      /** The normalised identifier: E.164 phone, canonical mailbox, address key, `network:username`... */
      readonly value: string
      /** Earlier applications with it (other claimed people first; capped), by application id. */
      readonly applicationIds: readonly string[]
      /** How many earlier applications carry it (exact). */
      readonly applicationCount: number
      /** How many distinct other claimed people used it before (exact). */
      readonly otherPeople: number
    }
  | {
      readonly match: 'near'
      readonly kind: 'cv-text' | 'photo'
      readonly applicationIds: readonly string[]
      readonly otherPeople: number
      /** CV text: the estimated Jaccard similarity of the closest; photo: 1 - bits differing / 64. */
      readonly similarity: number
    }

export type LinkResult = {
  readonly applicationId: string
  /** `cluster:<id of the earliest application in the persona cluster>` as of this link. */
  readonly clusterId: string
  readonly links: readonly IdentityLink[]
  readonly signals: readonly Signal<IdentitySignalCode>[]
}

/** Why two applications of a cluster are joined: which identifier kind and value, between which two applications. */
export type ClusterEdge = {
  readonly kind: IdentifierKind
  readonly value: string
  readonly from: string
  readonly to: string
}

/** Applications joined by strong identifiers; a cluster spanning several claimed people is a ring. */
export type PersonaCluster = {
  readonly id: string
  /** In linking order, earliest first. */
  readonly applicationIds: readonly string[]
  readonly claimedPeople: number
  readonly surnames: number
  readonly isRing: boolean
  readonly edges: readonly ClusterEdge[]
}

export type GraphNode =
  | { readonly type: 'application'; readonly id: string; readonly clusterId: string }
  | { readonly type: 'identifier'; readonly id: string; readonly kind: IdentifierKind; readonly value: string }

/** Application to identifier (exact kinds), or application to application (near matches of CV text and photo). */
export type GraphEdge = {
  readonly source: string
  readonly target: string
  readonly kind: IdentifierKind
  readonly weight: number
}

export type IdentityGraph = { readonly nodes: readonly GraphNode[]; readonly edges: readonly GraphEdge[] }

/**
 * The pool's memory: links each application to every earlier one over normalised identifiers, keeps persona
 * clusters, and raises the pool signals. In memory for a CLI run; a PostgreSQL-backed implementation keeps the same
 * operations (asynchronously) for the service.
 */
export type IdentityIndex = {
  /** How many applications have been linked. */
  readonly size: number
  /**
   * Adds the application and returns its links to earlier applications, its cluster and its pool signals. Only
   * earlier applications are seen. `extra` feeds identifiers the record has no field for yet (`payee`).
   */
  link(record: ApplicationRecord, facts: NormalisedApplication, extra?: readonly Identifier[]): LinkResult
  cluster(clusterId: string): PersonaCluster | undefined
  /** Clusters of two or more applications, by id of their earliest application. */
  clusters(): readonly PersonaCluster[]
  /** Applications and the identifiers they share (identifiers used once are left out), for export. */
  graph(options?: { readonly clusterId?: string }): IdentityGraph
}
