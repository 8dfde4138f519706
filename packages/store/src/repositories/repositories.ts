import type { Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { createApiKeyRepository, type ApiKeyRepository } from './api-key-repository.js'
import { createApplicationRepository, type ApplicationRepository } from './application-repository.js'
import {
  createAtsWebhookReceiptRepository,
  type AtsWebhookReceiptRepository,
} from './ats-webhook-receipt-repository.js'
import { createSharingExportRepository, type SharingExportRepository } from './sharing-export-repository.js'
import { createTaxiiObjectRepository, type TaxiiObjectRepository } from './taxii-object-repository.js'
import { createAuditLogRepository, type AuditLogRepository } from './audit-log-repository.js'
import { createCaseRepository, type CaseRepository } from './case-repository.js'
import { createDecisionRepository, type DecisionRepository } from './decision-repository.js'
import { createEmployeeRepository, type EmployeeRepository } from './employee-repository.js'
import { createHireRepository, type HireRepository } from './hire-repository.js'
import { createIdentityRepository, type IdentityRepository } from './identity-repository.js'
import { createImportJobRepository, type ImportJobRepository } from './import-job-repository.js'
import { createImportUploadRepository, type ImportUploadRepository } from './import-upload-repository.js'
import { createJobProgressRepository, type JobProgressRepository } from './job-progress-repository.js'
import { createIntelSourceRepository, type IntelSourceRepository } from './intel-source-repository.js'
import { createLinkingRepository, type LinkingRepository } from './linking-repository.js'
import { createPolicyVersionRepository, type PolicyVersionRepository } from './policy-version-repository.js'
import { createModelRepository, type ModelRepository } from './model-repository.js'
import { createScreeningBatchRepository, type ScreeningBatchRepository } from './screening-batch-repository.js'
import { createScreeningResultRepository, type ScreeningResultRepository } from './screening-result-repository.js'
import { createSessionRepository, type SessionRepository } from './session-repository.js'
import { createOidcSignInRepository, type OidcSignInRepository } from './oidc-sign-in-repository.js'
import { createUserRepository, type UserRepository } from './user-repository.js'
import { createWatchlistRepository, type WatchlistRepository } from './watchlist-repository.js'
import { createWebhookOutbox, type WebhookOutbox } from './webhook-outbox.js'
import { createWorkforceRecordRepository, type WorkforceRecordRepository } from './workforce-record-repository.js'
import {
  createWebhookSubscriptionRepository,
  type WebhookSubscriptionRepository,
} from './webhook-subscription-repository.js'

/** Every repository, bound to one database handle: the store's pool, or one transaction. */
export type Repositories = {
  readonly applications: ApplicationRepository
  readonly results: ScreeningResultRepository
  readonly identity: IdentityRepository
  readonly cases: CaseRepository
  readonly decisions: DecisionRepository
  readonly users: UserRepository
  readonly apiKeys: ApiKeyRepository
  readonly sessions: SessionRepository
  readonly oidcSignIns: OidcSignInRepository
  readonly webhookSubscriptions: WebhookSubscriptionRepository
  readonly outbox: WebhookOutbox
  readonly importJobs: ImportJobRepository
  readonly importUploads: ImportUploadRepository
  readonly jobProgress: JobProgressRepository
  readonly intelSources: IntelSourceRepository
  readonly watchlists: WatchlistRepository
  readonly audit: AuditLogRepository
  readonly linking: LinkingRepository
  readonly screeningBatches: ScreeningBatchRepository
  readonly hires: HireRepository
  readonly atsWebhookReceipts: AtsWebhookReceiptRepository
  readonly workforceRecords: WorkforceRecordRepository
  readonly employees: EmployeeRepository
  readonly sharingExports: SharingExportRepository
  readonly taxiiObjects: TaxiiObjectRepository
  readonly policyVersions: PolicyVersionRepository
  readonly models: ModelRepository
}

/**
 * The repositories over `db`: the store's Kysely instance or a transaction of it (what `store.transaction` does).
 * `cipher` encrypts personal data on the way in and decrypts it on the way out (docs/security.md, "Personal data").
 */
export function createRepositories(db: Kysely<Database>, cipher: PersonalDataCipher = unencrypted): Repositories {
  return {
    applications: createApplicationRepository(db, cipher),
    results: createScreeningResultRepository(db, cipher),
    identity: createIdentityRepository(db, cipher),
    cases: createCaseRepository(db, cipher),
    decisions: createDecisionRepository(db),
    users: createUserRepository(db),
    apiKeys: createApiKeyRepository(db),
    sessions: createSessionRepository(db),
    oidcSignIns: createOidcSignInRepository(db),
    webhookSubscriptions: createWebhookSubscriptionRepository(db),
    outbox: createWebhookOutbox(db),
    importJobs: createImportJobRepository(db),
    importUploads: createImportUploadRepository(db, cipher),
    jobProgress: createJobProgressRepository(db),
    intelSources: createIntelSourceRepository(db),
    watchlists: createWatchlistRepository(db),
    audit: createAuditLogRepository(db),
    linking: createLinkingRepository(db, cipher),
    screeningBatches: createScreeningBatchRepository(db, cipher),
    hires: createHireRepository(db),
    atsWebhookReceipts: createAtsWebhookReceiptRepository(db),
    workforceRecords: createWorkforceRecordRepository(db, cipher),
    employees: createEmployeeRepository(db, cipher),
    sharingExports: createSharingExportRepository(db),
    taxiiObjects: createTaxiiObjectRepository(db),
    policyVersions: createPolicyVersionRepository(db),
    models: createModelRepository(db, cipher),
  }
}
