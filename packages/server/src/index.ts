/**
 * @hirewall/server: the HTTP service. `buildApp` makes the Fastify app (logs, errors, OpenAPI, health, metrics);
 * routes are added on top; `startServer` listens and shuts down gracefully. Access control and webhook signatures
 * are plain functions and Fastify hooks over small ports the store implements.
 */

// ── app ──
export { buildApp, defaultBodyLimitBytes, type BuildAppOptions } from './app/build-app.js'
export type { Lifecycle } from './app/lifecycle.js'
export { redactedLogPaths, type LogStream } from './app/logger-options.js'
export { routeLabel } from './app/route-label.js'

// ── errors ──
export { ApiError, type ErrorDetails, type ErrorResponse } from './errors/api-error.js'
export { errorCodes, errorStatus, isErrorCode, type ErrorCode } from './errors/error-codes.js'
export { errorResponseSchema } from './errors/error-response-schema.js'
export { sendApiError } from './errors/error-handling.js'
export { toApiError, type ValidationIssueDetail } from './errors/to-api-error.js'

// ── operations ──
export type { ReadinessCheck, CheckResult } from './ops/readiness.js'
export {
  createServerMetrics,
  webhookFailureReasons,
  type QueueDepthProbe,
  type ServerMetrics,
  type ServerMetricsOptions,
  type WebhookFailureReason,
} from './ops/server-metrics.js'
export {
  startServer,
  type RunningServer,
  type ShutdownReport,
  type SignalSource,
  type StartServerOptions,
} from './ops/start-server.js'

// ── access control ──
export { roles, hasRoleAtLeast, isRole, type Role } from './auth/role.js'
export { apiKeyScopes, isApiKeyScope, type ApiKeyScope } from './auth/api-key-scope.js'
export {
  permissions,
  permissionTable,
  isPermitted,
  type Permission,
  type PermissionRule,
} from './auth/permission-table.js'
export { describePrincipal, type Principal } from './auth/principal.js'
export type { AccessControl, ApiKeyLookup, SessionLookup, StoredApiKey, StoredSession } from './auth/auth-ports.js'
export { generateApiKey, hashApiKeyToken, parseApiKey, type ApiKeyParts, type GeneratedApiKey } from './auth/api-key.js'
export { verifyApiKey, apiKeyRejections, type ApiKeyRejection, type ApiKeyVerification } from './auth/verify-api-key.js'
export {
  generateSessionToken,
  hashSessionToken,
  readSessionCookie,
  sessionCookie,
  sessionCookieName,
} from './auth/session-token.js'
export {
  checkNewPassword,
  hashPassword,
  needsRehash,
  passwordHashParameters,
  passwordLength,
  verifyPassword,
} from './auth/password-hash.js'
export { authenticateRequest, type Authentication } from './auth/authenticate-request.js'
export { requirePermission } from './auth/require-permission.js'
export { storeAccessControl, type StoreAccessControlOptions } from './auth/store-access-control.js'
export {
  activityWriteIntervalMs,
  defaultSessionLifetime,
  slidingExpiry,
  type SessionLifetime,
} from './auth/session-lifetime.js'
export { ensureFirstAdmin, type FirstAdmin } from './auth/ensure-first-admin.js'
export { generateOneTimePassword } from './auth/one-time-password.js'
export { withUserAdministrationLock } from './auth/user-administration-lock.js'

// ── sign-in, users and API keys ──
export {
  defaultSignInLimits,
  registerSessionRoutes,
  type SessionRoutesOptions,
  type SignInLimits,
} from './routes/session/register-session-routes.js'
export { readOidcSettings, type OidcSettings, type OidcSettingsInput } from './auth/oidc/oidc-settings.js'
export { type OidcSignIn } from './routes/session/register-oidc-routes.js'
export { ssoFailureCodes, type SsoFailureCode } from './routes/session/sso-failures.js'
export { registerUserRoutes, type UserRoutesOptions } from './routes/users/register-user-routes.js'
export { toUserView, userViewSchema, type UserView } from './routes/users/user-view.js'
export { registerApiKeyRoutes, type ApiKeyRoutesOptions } from './routes/api-keys/register-api-key-routes.js'

// ── request security ──
export {
  defaultContentSecurityPolicy,
  registerSecurityHeaders,
  type SecurityHeadersOptions,
} from './security/security-headers.js'
export { registerCsrfCheck, type CsrfCheckOptions } from './security/csrf-check.js'
export {
  RateLimiter,
  rateLimitedError,
  type RateLimit,
  type RateLimitDecision,
  type RateLimiterOptions,
} from './security/rate-limiter.js'
export { defaultSubmissionRateLimit, registerPermissionRateLimit } from './security/permission-rate-limit.js'

// ── webhooks ──
export {
  inboundWebhookVendors,
  signatureRejections,
  verifyInboundSignature,
  type InboundSignatureCheck,
  type InboundSignatureVerification,
  type InboundWebhookVendor,
  type SignatureRejection,
} from './webhooks/inbound-signature.js'
export { keepRawJsonBody } from './webhooks/keep-raw-json-body.js'
export { webhookSignatureHook, type WebhookSignatureHookOptions } from './webhooks/webhook-signature-hook.js'
export {
  generateWebhookSecret,
  signStandardWebhook,
  standardWebhookSignature,
  webhookSecretKey,
  type StandardWebhookHeaders,
  type StandardWebhookMessage,
} from './webhooks/standard-webhook-signer.js'
export {
  verifyStandardWebhook,
  type StandardWebhookRejection,
  type StandardWebhookVerification,
  type StandardWebhookVerifyOptions,
} from './webhooks/standard-webhook-verifier.js'
export {
  nextDeliveryStep,
  retryDelaysMs,
  retryJitter,
  type DeliveryAttemptOutcome,
  type DeliveryStep,
} from './webhooks/delivery-schedule.js'
export {
  outboundEventTypes,
  subscribableEventTypes,
  type OutboundEventType,
  type SubscribableEventType,
} from './webhooks/outbound-event-types.js'
export {
  startDeliveryWorker,
  type DeliveryWorker,
  type DeliveryWorkerLog,
  type DeliveryWorkerOptions,
} from './webhooks/delivery-worker.js'
export type { OutboundWebhookBody } from './webhooks/delivery-worker-attempt.js'
export {
  registerWebhookSubscriptionRoutes,
  type WebhookSubscriptionRoutesOptions,
} from './routes/webhook-subscriptions/webhook-subscription-routes.js'
export {
  registerWebhookDeliveryRoutes,
  type WebhookDeliveryRoutesOptions,
} from './routes/webhook-deliveries/webhook-delivery-routes.js'
export { registerAtsWebhookRoutes, type AtsWebhookRoutesOptions } from './routes/ats-webhooks/ats-webhook-routes.js'
export {
  atsWebhookSecretVariables,
  atsWebhookSecretsFromEnv,
  leverApiFromEnv,
  leverApiVariables,
  type AtsWebhookSecrets,
} from './routes/ats-webhooks/ats-webhook-config.js'
export {
  createLeverApi,
  LeverApiError,
  leverApiUrl,
  type LeverApi,
  type LeverApiOptions,
} from './routes/ats-webhooks/lever-api.js'
export type { InboundEvent, ReportedHire } from './routes/ats-webhooks/inbound-event.js'

// ── screening ──
export {
  rescreenReasons,
  type RescreenOptions,
  type RescreenProgress,
  type RescreenReason,
  type RescreenReport,
  type ScreeningOutcome,
  type ScreeningService,
  type ScreeningSubmission,
  type SubmissionFailure,
  type SubmissionResult,
} from './screening/screening-service.js'
export { createScreeningService, type ScreeningServiceOptions } from './screening/create-screening-service.js'
export { ScreeningError, screeningFailureCodes, type ScreeningFailureCode } from './screening/screening-error.js'
export type { ScreeningConfig } from './screening/screening-config.js'
export type {
  OutcomeChangedPayload,
  ScreeningCompletedPayload,
  ScreeningEventType,
} from './screening/screening-events.js'
export { runRescreen, type RescreenJobData, type RescreenJobHooks } from './screening/run-rescreen.js'
export {
  registerSubmissionRoutes,
  type SubmissionRoutesOptions,
} from './routes/submission/register-submission-routes.js'
export { maxSynchronousRescreen, type RescreenJobStarter } from './routes/submission/rescreen-route.js'

// ── reads and review ──
export { registerReadRoutes } from './routes/register-read-routes.js'
export { registerTrendsRoute, maxTrendBuckets } from './routes/trends/trends-route.js'
export { trendPeriods, type TrendPeriod } from './routes/trends/trend-periods.js'
export { registerReviewRoutes } from './routes/register-review-routes.js'
export type { CaseDecidedPayload } from './routes/decisions/case-decided-event.js'

// ── console ──
export {
  consoleBuildDirectory,
  registerConsole,
  serverPathPrefixes,
  type ConsoleOptions,
} from './console/register-console.js'

// ── background jobs and bulk imports ──
export {
  jobStates,
  type JobData,
  type JobHandler,
  type JobQueue,
  type JobState,
  type JobStatus,
  type QueueDefinition,
  type QueuedJob,
  type SendOptions,
  type WorkOptions,
} from './jobs/job-queue.js'
export { createJobQueue, type JobQueueOptions } from './jobs/create-job-queue.js'
export { serverJobQueues, startJobWorkers, type ServerJobOptions } from './jobs/server-jobs.js'
export {
  enqueueImport,
  importQueueDefinitions,
  importQueues,
  type ImportBatchData,
  type ImportPrepareData,
  type ImportQueueOptions,
} from './jobs/import/import-queues.js'
export { workOnImports, type ImportWorkOptions } from './jobs/import/work-on-imports.js'
export type { ImportWorkerContext } from './jobs/import/import-worker-context.js'
export {
  enqueueRescreen,
  findRescreen,
  maxReportedChanges,
  rescreenJobStarter,
  rescreenQueue,
  rescreenQueueDefinitions,
  workOnRescreens,
  type RescreenJobOutput,
  type RescreenQueueOptions,
} from './jobs/rescreen/rescreen-jobs.js'
export { registerImportRoutes, type ImportRoutesOptions } from './routes/imports/register-import-routes.js'
export { defaultUploadLimitBytes, uploadContentTypes } from './routes/imports/upload-import-route.js'

// ── the whole service ──
export { buildServiceApp, type ServiceAppOptions } from './service/build-service-app.js'

// ── intelligence: sources in use and stored watchlists ──
export { recordIntelSources } from './intel/record-intel-sources.js'
export { registerIntelSourceRoutes } from './routes/intel-sources/intel-source-routes.js'
export { registerWatchlistRoutes, type WatchlistRoutesOptions } from './routes/watchlists/watchlist-routes.js'
export {
  storedWatchlists,
  type StoredWatchlists,
  type StoredWatchlistsOptions,
} from './watchlists/stored-watchlists.js'
export {
  affectedApplications,
  maxLookedUpIdentifiers,
  maxTargetedRescreen,
  type AffectedApplications,
} from './watchlists/affected-applications.js'
export {
  readWatchlistFile,
  watchlistFileFormats,
  type WatchlistFileFormat,
  type WatchlistFileReading,
} from './watchlists/read-watchlist-file.js'

// ── the risk model: scoring next to the rules, stored models, promotion ──
export { ActiveRiskModel } from './screening/active-risk-model.js'
export {
  combinedWithModel,
  contributionsKept,
  scoreWithModel,
  toModelAssessment,
} from './screening/score-with-model.js'
export { evaluationSummaryOf, storeModelFile, toNewStoredModel } from './models/model-records.js'
export {
  checkPromotion,
  defaultPromotionTolerance,
  defaultPromotionWorldCount,
  evaluationWorldSeed,
  generatedWorldForGate,
  type PromotionCheck,
  type PromotionCheckOptions,
} from './models/promotion-check.js'
export { registerModelRoutes, type ModelRoutesOptions } from './routes/models/model-routes.js'

// ── after the hire: the workforce pipeline ──
export {
  createWorkforceService,
  workforceActor,
  type IngestReport,
  type IngestedRow,
  type ReplayReport,
  type WorkforceService,
  type WorkforceServiceOptions,
} from './workforce/workforce-service.js'
export {
  feedContentTypes,
  feedFormats,
  importFeed,
  workforceFeeds,
  type WorkforceFeed,
} from './workforce/workforce-feeds.js'
export { defaultFeedLimitBytes, registerWorkforceIngestRoute } from './routes/workforce/workforce-ingest-route.js'
export { registerEmployeeRoutes } from './routes/workforce/employee-routes.js'

// ── the scoring policy's versions and backtests ──
export {
  maxSynchronousBacktest,
  registerPolicyRoutes,
  type PolicyRoutesOptions,
} from './routes/policy/policy-routes.js'
export {
  policyBacktestJobs,
  policyBacktestQueue,
  policyBacktestQueueDefinitions,
  workOnPolicyBacktests,
  type PolicyBacktestJobData,
  type PolicyBacktestJobs,
  type PolicyBacktestJobView,
  type PolicyBacktestOutput,
} from './jobs/policy-backtest/policy-backtest-jobs.js'
export {
  backtestPolicy,
  backtestPageSize,
  defaultBacktestSample,
  maxBacktestSample,
  type BacktestChange,
  type BacktestOptions,
  type BacktestReport,
} from './policy/backtest-policy.js'
export { replayStoredOutcomes, type ReplayedApplication, type StoredReplay } from './backtest/replay-stored-outcomes.js'
export {
  backtestModel,
  backtestLabels,
  type BacktestLabel,
  type ModelBacktestChange,
  type ModelBacktestOptions,
  type ModelBacktestReport,
  type ModelBacktestSide,
} from './models/backtest-model.js'
export {
  backtestStoredModel,
  loadBacktestCandidate,
  rulesOnlyVersion,
  type StoredModelBacktest,
  type StoredModelBacktestOptions,
} from './models/backtest-stored-model.js'
export {
  modelBacktestAuditDetails,
  modelBacktestJobs,
  modelBacktestQueue,
  modelBacktestQueueDefinitions,
  workOnModelBacktests,
  type ModelBacktestJobData,
  type ModelBacktestJobs,
  type ModelBacktestJobView,
} from './jobs/model-backtest/model-backtest-jobs.js'
export { PublishedPolicy, scoringPolicyOf } from './screening/published-policy.js'

// ── sharing: admin exports and the TAXII 2.1 server ──
export { registerSharingExportRoutes, type SharingExportRoutesOptions } from './routes/sharing/sharing-export-routes.js'
export { producerOf, type SharingSettings } from './routes/sharing/sharing-settings.js'
export { registerTaxiiRoutes, taxiiApiRootPath, type TaxiiRoutesOptions } from './routes/taxii/register-taxii-routes.js'
export { taxiiMediaType, stixMediaType, acceptsTaxii } from './routes/taxii/taxii-media-types.js'
export { taxiiCollectionOf, findTaxiiCollection, type TaxiiCollection } from './routes/taxii/taxii-collections.js'
export {
  retentionActor,
  retentionQueue,
  retentionQueueDefinitions,
  scheduleRetention,
  workOnRetention,
  type RetentionScheduleOptions,
} from './jobs/retention/retention-jobs.js'
