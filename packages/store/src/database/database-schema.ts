import type { ApplicationRecord, NormalisedApplication } from '@hirewall/core'
import type { ColumnType, Generated } from 'kysely'
import type {
  ApiKeyScope,
  CaseStatus,
  DecisionVerdict,
  DeliveryStatus,
  ImportJobStatus,
  ImportRowStatus,
  ScreeningTrigger,
  SubjectKind,
  UserRole,
  WorkforceRecordKind,
} from '../store-vocabularies.js'
import type { ExportTlpLevel, SharingExportFormat } from '../repositories/sharing-export-repository.js'
import type { PolicyVersionStatus } from '../repositories/policy-version-repository.js'

/** A `timestamptz(3)` column the database fills by default; read as a Date. */
type CreatedAt = ColumnType<Date, Date | undefined, never>
/** A `timestamptz(3)` column that may change; read as a Date. */
type Timestamp = ColumnType<Date, Date, Date>
type NullableTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>
/** A jsonb column: written as JSON text (see `toJson`), so both drivers pass it unchanged; read as parsed JSON. */
type Json<Value> = ColumnType<Value, string, string>
type NullableJson<Value> = ColumnType<Value | null, string | null | undefined, string | null>
/** A uuid primary key the database generates. */
type GeneratedId = ColumnType<string, string | undefined, never>

/** The tables of every migration, as Kysely sees them. docs/store.md explains each table. */
export type Database = {
  applications: ApplicationsTable
  screening_results: ScreeningResultsTable
  application_identifiers: ApplicationIdentifiersTable
  clusters: ClustersTable
  cluster_members: ClusterMembersTable
  cases: CasesTable
  decisions: DecisionsTable
  users: UsersTable
  api_keys: ApiKeysTable
  sessions: SessionsTable
  webhook_subscriptions: WebhookSubscriptionsTable
  outbox_events: OutboxEventsTable
  webhook_deliveries: WebhookDeliveriesTable
  import_jobs: ImportJobsTable
  import_job_rows: ImportJobRowsTable
  import_uploads: ImportUploadsTable
  import_job_inputs: ImportJobInputsTable
  job_progress: JobProgressTable
  intel_sources: IntelSourcesTable
  watchlists: WatchlistsTable
  watchlist_entries: WatchlistEntriesTable
  watchlist_revision: WatchlistRevisionTable
  audit_log: AuditLogTable
  ats_hires: AtsHiresTable
  ats_webhook_receipts: AtsWebhookReceiptsTable
  retention_policies: RetentionPoliciesTable
  workforce_records: WorkforceRecordsTable
  employees: EmployeesTable
  employee_assessments: EmployeeAssessmentsTable
  sharing_exports: SharingExportsTable
  taxii_objects: TaxiiObjectsTable
  policy_versions: PolicyVersionsTable
  risk_models: RiskModelsTable
  model_activations: ModelActivationsTable
  oidc_sign_ins: OidcSignInsTable
}

export type ApplicationsTable = {
  id: ColumnType<string, string, never>
  idempotency_key: ColumnType<string, string, never>
  source_system: string
  external_id: string | null
  requisition_id: string | null
  submitted_at: ColumnType<Date, Date, never>
  received_at: CreatedAt
  /** Null: the payload as received was the record itself (migration 018). */
  raw: NullableJson<unknown>
  record: Json<ApplicationRecord>
  facts: Json<NormalisedApplication>
  latest_result_id: ColumnType<number | null, never, number>
  latest_version: ColumnType<number, never, number>
  /** The order the identity graph linked it in (006); null for an application stored without linking. */
  link_seq: ColumnType<number | null, number | null | undefined, never>
  /** The pool signals its link raised, kept for re-screening (006); null when `link_seq` is. */
  identity_signals: ColumnType<unknown[] | null, string | null | undefined, never>
  /** When retention or an erasure request removed its personal data (015); null while it is whole. */
  anonymised_at: ColumnType<Date | null, Date | null | undefined, Date | null>
}

export type ScreeningResultsTable = {
  id: Generated<number>
  application_id: string
  version: number
  trigger: ScreeningTrigger
  score: number
  outcome: string
  hold_gate: string
  signals: Json<unknown>
  signal_codes: string[]
  cluster_id: string | null
  policy_version: string
  model_version: string | null
  data_versions: Json<Readonly<Record<string, string>>>
  detector_failures: Json<unknown>
  created_at: CreatedAt
  /** The identity graph's facts when the application was linked (014); null before 014 or without linking. */
  link_facts: NullableJson<unknown>
  /** The risk model's prediction and top contributions (014); null while the rules alone decide. */
  model: NullableJson<unknown>
}

export type ApplicationIdentifiersTable = {
  application_id: string
  kind: string
  value: string
  display: string
  created_at: CreatedAt
}

export type ClustersTable = {
  id: string
  claimed_people: number
  is_ring: boolean
  created_at: CreatedAt
  updated_at: Timestamp
}

export type ClusterMembersTable = {
  application_id: string
  cluster_id: string
  joined_at: Timestamp
}

export type CasesTable = {
  id: GeneratedId
  subject_kind: SubjectKind
  subject_id: string
  status: CaseStatus
  opened_by: string
  opened_at: CreatedAt
  closed_by: string | null
  closed_at: NullableTimestamp
  /** Migration 007: the user working the case, kept after it closes. */
  assigned_to: ColumnType<string | null, string | null | undefined, string | null>
  assigned_at: NullableTimestamp
}

export type DecisionsTable = {
  id: Generated<number>
  case_id: string | null
  subject_kind: SubjectKind
  subject_id: string
  verdict: DecisionVerdict
  reason: string
  note: string | null
  actor: string
  decided_at: CreatedAt
}

export type UsersTable = {
  id: GeneratedId
  email: string
  display_name: string | null
  password_hash: string | null
  role: UserRole
  must_change_password: boolean
  created_at: CreatedAt
  updated_at: Timestamp
  last_login_at: NullableTimestamp
  disabled_at: NullableTimestamp
}

export type ApiKeysTable = {
  id: GeneratedId
  name: string
  prefix: string
  key_hash: string
  scopes: ApiKeyScope[]
  created_by: string
  created_at: CreatedAt
  last_used_at: NullableTimestamp
  expires_at: NullableTimestamp
  revoked_at: NullableTimestamp
}

export type SessionsTable = {
  id: GeneratedId
  token_hash: string
  user_id: string
  created_at: CreatedAt
  expires_at: Timestamp
  last_seen_at: Timestamp
  revoked_at: NullableTimestamp
  ip: string | null
  user_agent: string | null
}

/** Migration 017: a single sign-on attempt waiting for the identity provider's answer. */
export type OidcSignInsTable = {
  state_hash: string
  nonce: string
  code_verifier: string
  return_to: string
  created_at: CreatedAt
  expires_at: Timestamp
}

export type WebhookSubscriptionsTable = {
  id: GeneratedId
  url: string
  secret: string
  event_types: string[]
  description: string | null
  created_by: string
  created_at: CreatedAt
  disabled_at: NullableTimestamp
  /** Migration 009: the secret before the last rotation, still signed with until it expires. */
  previous_secret: string | null
  previous_secret_expires_at: NullableTimestamp
}

export type OutboxEventsTable = {
  id: GeneratedId
  type: string
  payload: Json<unknown>
  created_at: CreatedAt
}

export type WebhookDeliveriesTable = {
  id: GeneratedId
  event_id: string
  subscription_id: string
  status: DeliveryStatus
  attempts: Generated<number>
  next_attempt_at: Timestamp
  last_attempt_at: NullableTimestamp
  last_status_code: number | null
  last_error: string | null
  delivered_at: NullableTimestamp
  created_at: CreatedAt
}

export type ImportJobsTable = {
  id: GeneratedId
  format: string
  file_name: string | null
  status: ImportJobStatus
  total_rows: number | null
  processed_rows: Generated<number>
  created_rows: Generated<number>
  existing_rows: Generated<number>
  invalid_rows: Generated<number>
  failed_rows: Generated<number>
  error: string | null
  created_by: string
  created_at: CreatedAt
  started_at: NullableTimestamp
  finished_at: NullableTimestamp
}

export type ImportJobRowsTable = {
  job_id: string
  line: number
  source_line: number | null
  status: ImportRowStatus
  application_id: string | null
  issues: NullableJson<unknown>
  recorded_at: CreatedAt
}

export type ImportUploadsTable = {
  job_id: string
  content_type: string
  size_bytes: number
  sha256: string
  content: ColumnType<Uint8Array | null, Uint8Array, null>
  prepared_at: NullableTimestamp
}

export type ImportJobInputsTable = {
  job_id: string
  line: number
  source_line: number
  record: Json<ApplicationRecord>
  raw: Json<unknown>
}

export type JobProgressTable = {
  job_id: string
  queue: string
  progress: Json<Readonly<Record<string, unknown>>>
  updated_at: ColumnType<Date, Date | undefined, Date>
}

export type IntelSourcesTable = {
  kind: string
  name: string
  version: string
  sha256: string
  entries: number
  fetched_at: Timestamp
  loaded_at: Timestamp
  /** Migration 011. */
  skipped: ColumnType<number, number | undefined, number>
  origin: ColumnType<string, string | undefined, string>
}

/** Migration 011: a watchlist kept in the database; `revision` grows with every change to its entries. */
export type WatchlistsTable = {
  id: GeneratedId
  name: string
  description: string | null
  created_by: string
  created_at: CreatedAt
  revision: ColumnType<number, number | undefined, number>
  updated_at: ColumnType<Date, Date | undefined, Date>
}

/** Migration 011: one indicator of a watchlist, unique per list, kind and normalised value. */
export type WatchlistEntriesTable = {
  id: Generated<number>
  watchlist_id: string
  kind: string
  value: string
  normalised: string
  severity: string | null
  note: string | null
  source: string
  tlp: string
  confidence: number | null
  added_by: string
  added_at: CreatedAt
}

/** Migration 011: the one row every watchlist change bumps, so each process knows when to rebuild its detector. */
export type WatchlistRevisionTable = {
  id: number
  revision: number
}

export type AuditLogTable = {
  id: Generated<number>
  at: CreatedAt
  actor: string
  action: string
  target: string | null
  details: Json<Readonly<Record<string, unknown>>>
}

/** Migration 009: a hire an ATS reported, and the stored application it came from when HireWall has it. */
export type AtsHiresTable = {
  id: GeneratedId
  source_system: string
  external_application_id: string
  external_candidate_id: string | null
  application_id: string | null
  hired_at: Timestamp
  start_date: string | null
  recorded_by: string
  recorded_at: CreatedAt
}

/** Migration 015: how long applications from one source are kept, and what happens to them then. */
export type RetentionPoliciesTable = {
  source_system: string
  max_age_days: number
  action: 'delete' | 'anonymise'
  updated_by: string
  updated_at: ColumnType<Date, Date | undefined, Date>
}

/** Migration 009: one-time tokens of inbound webhooks already accepted (Lever's `token`). */
export type AtsWebhookReceiptsTable = {
  source_system: string
  receipt_key: string
  received_at: CreatedAt
}

/** A trained risk model (014): the model file as JSON and its headline facts. */
export type RiskModelsTable = {
  version: ColumnType<string, string, never>
  created_at: ColumnType<Date, Date, never>
  label_source: string
  labels_description: string
  evaluation_summary: Json<Readonly<Record<string, unknown>>>
  file: Json<unknown>
  stored_by: string
  stored_at: CreatedAt
}

/** One promotion or rollback of the risk model (014); the last row's version is the active model. */
export type ModelActivationsTable = {
  id: Generated<number>
  action: string
  version: string
  stack: string[]
  actor: string
  note: string | null
  at: CreatedAt
}

/** Migration 010: one saved version of the scoring policy; at most one is `published` at a time. */
export type PolicyVersionsTable = {
  version: ColumnType<number, number, never>
  policy_version: ColumnType<string, string, never>
  policy: ColumnType<Readonly<Record<string, unknown>>, string, never>
  status: PolicyVersionStatus
  author: ColumnType<string, string, never>
  note: ColumnType<string | null, string | null | undefined, never>
  created_at: CreatedAt
  published_at: NullableTimestamp
}

/** Migration 012: an admin's export of confirmed-fraud indicators, with the document as it left. */
export type SharingExportsTable = {
  id: GeneratedId
  format: SharingExportFormat
  tlp: ExportTlpLevel
  is_hashed: boolean
  key_fingerprint: string | null
  selection: Json<Readonly<Record<string, unknown>>>
  actor: string
  created_at: CreatedAt
  indicator_count: number
  withheld_count: number
  object_count: number
  document: Json<unknown>
}

/** Migration 012: one version of a STIX object an export published, in the TAXII collection of its TLP level. */
export type TaxiiObjectsTable = {
  seq: Generated<number>
  collection: ExportTlpLevel
  object_id: string
  object_type: string
  /** Written as RFC 3339 text with microseconds; read through `to_char`. */
  version: ColumnType<Date, string, never>
  is_versioned: boolean
  date_added: ColumnType<Date, string, never>
  export_id: string
  object: Json<Readonly<Record<string, unknown>>>
}

/** Migration 013: one post-hire feed record as it arrived, numbered in commit order. */
export type WorkforceRecordsTable = {
  seq: ColumnType<number, never, never>
  kind: WorkforceRecordKind
  natural_key: string
  subject_key: string
  at: Date | null
  record: Json<Readonly<Record<string, unknown>>>
  source: string
  received_by: string
  received_at: CreatedAt
  /** Migration 019: when a data-subject erasure removed the record's personal parts. */
  anonymised_at: ColumnType<Date | null, Date | null | undefined, Date | null>
}

/** Migration 013: an employee the HR feed (or another feed) names, with the application it came from when known. */
export type EmployeesTable = {
  id: string
  application_ref: string | null
  application_id: string | null
  ats_hire_id: string | null
  legal_name: string | null
  home_address: string | null
  home_address_key: string | null
  home_country: string | null
  start_date: string | null
  manager: string | null
  logins: ColumnType<string[], string[] | undefined, string[]>
  latest_assessment_id: ColumnType<number | null, never, number>
  latest_fingerprint: ColumnType<string | null, never, string>
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | undefined, Date>
  /** Migration 019: when a data-subject erasure removed the employee's personal fields. */
  anonymised_at: ColumnType<Date | null, Date | null | undefined, Date | null>
}

/** Migration 013: one version of an employee's assessment; only its signals' details change (migration 019). */
export type EmployeeAssessmentsTable = {
  id: Generated<number>
  employee_id: string
  version: number
  application_id: string | null
  score: number
  outcome: string
  hold_gate: string
  signals: Json<unknown>
  signal_codes: string[]
  cluster_id: string | null
  policy_version: string
  data_versions: Json<unknown>
  detector_failures: Json<unknown>
  fingerprint: string
  assessed_at: CreatedAt
}
