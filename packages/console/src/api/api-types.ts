/**
 * The API's wire shapes as the console reads them (dates are ISO strings). They mirror the OpenAPI document at
 * /docs/openapi.json; only the fields the console shows are listed.
 */
import type { ModelAssessment } from '../model/model-types'

export const roles = ['viewer', 'analyst', 'admin'] as const
export type Role = (typeof roles)[number]

export const outcomes = ['clear', 'review', 'hold'] as const
export type Outcome = (typeof outcomes)[number]

export const verdicts = ['confirmed-fraud', 'cleared', 'needs-verification'] as const
export type Verdict = (typeof verdicts)[number]

export type User = {
  readonly id: string
  readonly email: string
  readonly role: Role
  readonly displayName?: string | null
  readonly disabledAt?: string | null
  readonly createdAt?: string
  readonly lastSignInAt?: string | null
}

/** `GET /v1/me` and `POST /v1/session`. */
export type SessionInfo = {
  readonly user: User
  readonly mustChangePassword: boolean
  /** What this person may do (`cases.decide`, `users.manage`, …); the server checks every request again. */
  readonly permissions: readonly string[]
}

/** One page of a keyset-paged list. */
export type Page<Item> = {
  readonly items: readonly Item[]
  readonly nextCursor?: string | null
}

/** The latest screening result as lists show it. */
export type ResultSummary = {
  readonly version: number
  readonly score: number
  readonly outcome: Outcome
  readonly signalCodes: readonly string[]
  readonly clusterId: string | null
  readonly policyVersion: string
  readonly screenedAt: string
}

/** A row of `GET /v1/applications`. */
export type ApplicationSummary = {
  readonly id: string
  readonly sourceSystem: string
  readonly externalId: string | null
  readonly requisitionId: string | null
  readonly submittedAt: string
  readonly receivedAt: string
  readonly candidateName: string | null
  readonly staffingVendor?: string | null
  readonly latestResult: ResultSummary | null
}

/** Where applications come from (`source` filter of `GET /v1/applications`). */
export const sourceSystems = ['json', 'csv', 'json-resume', 'greenhouse', 'lever', 'ashby', 'api', 'synthetic'] as const

export const severities = ['info', 'low', 'medium', 'high', 'critical'] as const
export type Severity = (typeof severities)[number]

/** A signal with what it added to the score; a result's contributions add up to its score. */
export type ScoredSignal = {
  readonly code: string
  readonly severity: Severity
  readonly message: string
  readonly evidence: Readonly<Record<string, unknown>>
  readonly category?: string
  readonly weight?: number
  readonly contribution: number
}

/** A stored screening result: one version of an application's screening. */
export type ScreeningResult = {
  readonly applicationId: string
  readonly version: number
  readonly trigger?: string
  readonly score: number
  readonly outcome: Outcome
  readonly signals: readonly ScoredSignal[]
  readonly holdGate: 'met' | 'not-met' | 'not-reached'
  readonly clusterId?: string | null
  readonly policyVersion: string
  readonly modelVersion?: string | null
  /** The risk model's estimate and its per-feature contributions, when a model was active. */
  readonly model?: ModelAssessment | null
  readonly dataVersions?: Readonly<Record<string, string>>
  readonly detectorFailures?: readonly { readonly detector: string; readonly message: string }[]
  readonly screenedAt: string
}

/** A node of the identity graph: an application, or an identifier two or more applications carry. */
export type GraphNode =
  | {
      readonly type: 'application'
      readonly id: string
      /** The identity cluster; null in a farm's graph for an application not clustered yet. */
      readonly clusterId: string | null
      readonly score?: number | null
      readonly outcome?: Outcome | null
      readonly verdict?: Verdict | null
    }
  | {
      readonly type: 'identifier'
      readonly id: string
      readonly kind: string
      readonly value: string
      /** On a device in a farm's graph: the remote-access tools found on it. */
      readonly tools?: readonly string[]
    }
  /** A hired employee in a farm's graph (`GET /v1/farms/:id`), `employee:<id>`. */
  | {
      readonly type: 'employee'
      readonly id: string
      readonly employeeId: string
      readonly score: number | null
      readonly outcome: Outcome | null
      /** Remote-access, IP-KVM, mouse-jiggler and VPN tools found on their devices. */
      readonly tools: readonly string[]
    }

export type GraphEdge = {
  readonly source: string
  readonly target: string
  readonly kind: string
  readonly weight: number
}

export type IdentityGraph = { readonly nodes: readonly GraphNode[]; readonly edges: readonly GraphEdge[] }

export type Decision = {
  readonly id: number
  readonly caseId?: string | null
  readonly subject?: Subject
  readonly verdict: Verdict
  readonly reason: string
  readonly note: string | null
  readonly actor: string
  readonly decidedAt: string
}

/** What a case or decision is about. */
export type Subject = { readonly kind: 'application' | 'cluster' | 'employee'; readonly id: string }

export type CaseView = {
  readonly id: string
  readonly subject: Subject
  readonly status: 'open' | 'closed'
  readonly openedBy: string
  readonly openedAt: string
  readonly closedBy: string | null
  readonly closedAt: string | null
  /** The user id of whoever works the case. */
  readonly assignedTo: string | null
  readonly assignedAt: string | null
}

/** A row of `GET /v1/cases`: the case, its subject's latest score, and whose it is. */
export type QueuedCase = {
  readonly case: CaseView
  /** An employee's case: the latest assessment, `applicationId` null. */
  readonly risk: { readonly applicationId: string | null; readonly score: number; readonly outcome: Outcome } | null
  readonly candidateName: string | null
  readonly applicationCount: number
}

/** A linked application as the application page lists it: what it shares with the open one. */
export type LinkedApplication = {
  readonly id: string
  readonly candidateName: string | null
  readonly sourceSystem: string
  readonly submittedAt: string
  readonly latestResult: { readonly score: number; readonly outcome: Outcome } | null
  /** Identifiers both carry; empty when they are linked only through other members. */
  readonly shared: readonly { readonly kind: string; readonly value: string }[]
}

export type ResultVersion = {
  readonly version: number
  readonly score: number
  readonly outcome: Outcome
  readonly trigger: string
  readonly signalCodes: readonly string[]
  readonly policyVersion: string
  readonly screenedAt: string
}

/** A persona cluster as the application page mentions it. */
export type ClusterSummary = {
  readonly id: string
  readonly applicationCount: number
  readonly claimedPeople: number
  readonly isRing: boolean
}

/** `GET /v1/applications/:id`. */
export type ApplicationDetail = {
  readonly application: {
    readonly id: string
    readonly sourceSystem: string
    readonly externalId: string | null
    readonly requisitionId: string | null
    readonly submittedAt: string
    readonly receivedAt: string
    readonly record: unknown
  }
  readonly latestResult: ScreeningResult | null
  readonly history: readonly ResultVersion[]
  readonly cluster: ClusterSummary | null
  readonly linked: { readonly total: number; readonly items: readonly LinkedApplication[] }
  readonly case: CaseView | null
  readonly decisions: readonly Decision[]
}

export type AuditEntry = {
  readonly id: number
  readonly at: string
  readonly actor: string
  readonly action: string
  readonly target: string | null
  readonly details: Readonly<Record<string, unknown>>
}
