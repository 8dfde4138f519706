/**
 * @hirewall/store: HireWall's system of record on PostgreSQL. `openStore()` runs embedded PGlite by default and a
 * PostgreSQL server when `DATABASE_URL` is set, applies the migrations, and returns the repositories. See docs/store.md.
 */
export { openStore, type Store } from './database/open-store.js'
export {
  resolveStoreTarget,
  describeStoreTarget,
  type StoreOptions,
  type StoreTarget,
} from './database/resolve-store-target.js'
export { StoreError, storeErrorCodes, toStoreError, type StoreErrorCode } from './database/store-error.js'
export { grantApplicationRole } from './database/grant-application-role.js'
export { PGliteDialect, type PGliteDialectConfig } from './database/pglite-dialect.js'
export type { Database } from './database/database-schema.js'
export { migrateToLatest, type MigrationReport } from './migrations/migrate-to-latest.js'
export { storeMigrations } from './migrations/store-migrations.js'
export * from './store-vocabularies.js'
export { createRepositories, type Repositories } from './repositories/repositories.js'
export type { Page, PageRequest } from './repositories/page.js'
export {
  defaultIdempotencyKey,
  externalIdOf,
  type ApplicationRepository,
  type StoredApplication,
  type SubmitApplication,
  type SubmitOutcome,
} from './repositories/application-repository.js'
export {
  applicationOrders,
  type ApplicationFilter,
  type ApplicationListRequest,
  type ApplicationOrder,
  type ApplicationSummary,
  type ResultSummary,
} from './repositories/list-applications.js'
export type {
  AppendedResult,
  ScreeningResultRepository,
  StoredScreeningResult,
} from './repositories/screening-result-repository.js'
export type { ClusterAssignment, IdentityRepository, StoredCluster } from './repositories/identity-repository.js'
export type { Case, CaseRepository, Subject } from './repositories/case-repository.js'
export {
  caseQueueOrders,
  type CaseQueueFilter,
  type CaseQueueOrder,
  type CaseQueueRequest,
  type QueuedCase,
} from './repositories/list-case-queue.js'
export type { Decision, DecisionRepository, NewDecision } from './repositories/decision-repository.js'
export type { NewUser, User, UserRepository } from './repositories/user-repository.js'
export {
  isApiKeyUsable,
  type ApiKey,
  type ApiKeyRepository,
  type NewApiKey,
} from './repositories/api-key-repository.js'
export type { NewSession, Session, SessionRepository } from './repositories/session-repository.js'
export type { OidcSignInRepository, PendingOidcSignIn } from './repositories/oidc-sign-in-repository.js'
export {
  defaultPreviousSecretLifetimeMs,
  type NewWebhookSubscription,
  type WebhookSubscription,
  type WebhookSubscriptionRepository,
} from './repositories/webhook-subscription-repository.js'
export type {
  ClaimedDelivery,
  DeliveryFailure,
  DeliveryFilter,
  NewOutboxEvent,
  WebhookDelivery,
  WebhookOutbox,
} from './repositories/webhook-outbox.js'
export type {
  ImportJob,
  ImportJobRepository,
  ImportRowResult,
  RecordedImportRows,
  StoredImportRow,
} from './repositories/import-job-repository.js'
export type { ImportUpload, ImportUploadRepository, StagedImportRow } from './repositories/import-upload-repository.js'
export type { JobProgress, JobProgressRepository } from './repositories/job-progress-repository.js'
export type {
  IntelSourceRecord,
  IntelSourceRepository,
  NewIntelSource,
} from './repositories/intel-source-repository.js'
export type {
  AddedWatchlistEntries,
  NewWatchlistEntry,
  StoredWatchlistEntry,
  Watchlist,
  WatchlistRepository,
  WatchlistWithEntries,
} from './repositories/watchlist-repository.js'
export type { AuditEntry, AuditFilter, AuditLogRepository, NewAuditEntry } from './repositories/audit-log-repository.js'
export {
  linkingLockKey,
  type LinkedApplication,
  type LinkingRepository,
  type TakenApplication,
} from './repositories/linking-repository.js'
export type {
  NewScreenedApplication,
  RescreenCandidate,
  RescreenPageRequest,
  ScreenedApplication,
  ScreeningBatchRepository,
} from './repositories/screening-batch-repository.js'
export type { Hire, HireFilter, HireRepository, NewHire, RecordHireOutcome } from './repositories/hire-repository.js'
export type { AtsWebhookReceiptRepository } from './repositories/ats-webhook-receipt-repository.js'
export {
  workforceLockKey,
  type AppendedWorkforceRecord,
  type NewWorkforceRecord,
  type ReplayPosition,
  type SignInDay,
  type StoredWorkforceRecord,
  type WorkforceRecordRepository,
} from './repositories/workforce-record-repository.js'
export type {
  Employee,
  EmployeeFacts,
  EmployeeFilter,
  EmployeeRepository,
  NewEmployeeAssessment,
  RaisedCase,
  StoredEmployeeAssessment,
} from './repositories/employee-repository.js'
export {
  exportTlpLevels,
  sharingExportFormats,
  sharingExportLockKey,
  type ConfirmedFraudApplication,
  type ConfirmedFraudSelection,
  type ExportTlpLevel,
  type NewSharingExport,
  type PublishedObject,
  type SharingExport,
  type SharingExportFormat,
  type SharingExportRepository,
  type SharingExportSummary,
} from './repositories/sharing-export-repository.js'
export type {
  TaxiiCollectionSummary,
  TaxiiObjectPage,
  TaxiiObjectQuery,
  TaxiiObjectRepository,
  TaxiiObjectVersion,
  TaxiiVersionMatch,
} from './repositories/taxii-object-repository.js'
export type {
  ModelAssessment,
  ScreenedResult,
  StoredContribution,
  StoredLinkFacts,
} from './repositories/model-assessment.js'
export {
  modelActivationActions,
  modelActivationLockKey,
  type ActiveModelState,
  type LabelDecision,
  type ModelActivation,
  type ModelActivationAction,
  type ModelBacktestEntry,
  type ModelRepository,
  type ModelTrainingRow,
  type NewStoredModel,
  type StoredModel,
} from './repositories/model-repository.js'
export {
  openTimeoutMs,
  storeTestTargets,
  type StoreTestTarget,
  type TestDatabase,
} from './testing/store-test-targets.js'
export {
  policyVersionStatuses,
  policyVersionsLockKey,
  type BacktestEntry,
  type NewPolicyVersion,
  type PolicyVersionRepository,
  type PolicyVersionStatus,
  type PublishedPolicy,
  type StoredPolicyVersion,
} from './repositories/policy-version-repository.js'
export {
  createPersonalDataCipher,
  isSealed,
  unencrypted,
  type PersonalDataCipher,
} from './privacy/personal-data-cipher.js'
export {
  formatDataKeyRing,
  generateDataKey,
  generateDataKeyRing,
  generateIdentifierKey,
  identifierKeysOf,
  identifierRing,
  parseDataKeys,
  parseIdentifierKeys,
  readDataKeyRing,
  type DataKey,
  type DataKeyRing,
  type IdentifierKey,
} from './privacy/data-keys.js'
export { personalRecordKeys } from './privacy/personal-fields.js'
export {
  personalDataTables,
  unclassifiedTableMessage,
  type TableClassification,
} from './privacy/personal-data-tables.js'
export {
  eraseSubject,
  exportSubject,
  findSubjectApplications,
  subjectQueryKinds,
  type PersonalDataContext,
  type SubjectErasure,
  type SubjectExport,
  type SubjectQuery,
} from './privacy/subject-requests.js'
export {
  listRetentionPolicies,
  removeRetentionPolicy,
  retentionActions,
  runRetention,
  setRetentionPolicy,
  type RetentionAction,
  type RetentionPolicy,
  type RetentionPolicyReport,
  type RetentionReport,
} from './privacy/retention.js'
export { rotateDataKeys, type RotationProgress } from './privacy/rotate-data-keys.js'
