import type { Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import { buildApp, type BuildAppOptions } from '../app/build-app.js'
import { storeAccessControl } from '../auth/store-access-control.js'
import { registerConsole } from '../console/register-console.js'
import { registerApiKeyRoutes } from '../routes/api-keys/register-api-key-routes.js'
import { registerPersonalDataRoutes } from '../routes/personal-data/register-personal-data-routes.js'
import { registerModelRoutes } from '../routes/models/model-routes.js'
import { registerAtsWebhookRoutes } from '../routes/ats-webhooks/ats-webhook-routes.js'
import { registerIntelSourceRoutes } from '../routes/intel-sources/intel-source-routes.js'
import type { ModelBacktestJobs } from '../jobs/model-backtest/model-backtest-jobs.js'
import type { PolicyBacktestJobs } from '../jobs/policy-backtest/policy-backtest-jobs.js'
import { registerPolicyRoutes } from '../routes/policy/policy-routes.js'
import { registerReadRoutes } from '../routes/register-read-routes.js'
import { registerReviewRoutes } from '../routes/register-review-routes.js'
import { registerSessionRoutes } from '../routes/session/register-session-routes.js'
import { registerSharingExportRoutes } from '../routes/sharing/sharing-export-routes.js'
import type { SharingSettings } from '../routes/sharing/sharing-settings.js'
import type { RescreenJobStarter } from '../routes/submission/rescreen-route.js'
import { registerSubmissionRoutes } from '../routes/submission/register-submission-routes.js'
import { registerTaxiiRoutes } from '../routes/taxii/register-taxii-routes.js'
import { registerUserRoutes } from '../routes/users/register-user-routes.js'
import { registerWebhookDeliveryRoutes } from '../routes/webhook-deliveries/webhook-delivery-routes.js'
import { registerWebhookSubscriptionRoutes } from '../routes/webhook-subscriptions/webhook-subscription-routes.js'
import { registerWatchlistRoutes } from '../routes/watchlists/watchlist-routes.js'
import type { ScreeningService } from '../screening/screening-service.js'
import type { OidcSettings } from '../auth/oidc/oidc-settings.js'
import { registerEmployeeRoutes } from '../routes/workforce/employee-routes.js'
import { registerWorkforceIngestRoute } from '../routes/workforce/workforce-ingest-route.js'
import type { WorkforceService } from '../workforce/workforce-service.js'
import { registerCsrfCheck } from '../security/csrf-check.js'
import { defaultSubmissionRateLimit, registerPermissionRateLimit } from '../security/permission-rate-limit.js'
import type { RateLimit } from '../security/rate-limiter.js'
import { registerSecurityHeaders } from '../security/security-headers.js'

/** What the whole service app is built from; see {@link buildServiceApp}. */
export type ServiceAppOptions = {
  readonly store: Store
  readonly screening: ScreeningService
  /** The origins the console is served from; cookie-authenticated writes must come from one of them. */
  readonly publicOrigins: readonly string[]
  /** Submissions per API key or person (default {@link defaultSubmissionRateLimit}). */
  readonly submissionRateLimit?: RateLimit | undefined
  /** Starts background re-screenings of the whole pool (the job queue). */
  readonly rescreenJobs?: RescreenJobStarter | undefined
  /** Runs large policy backtests in the background (the job queue); without it every backtest runs inline. */
  readonly policyBacktests?: PolicyBacktestJobs | undefined
  /** Runs large model backtests in the background (the job queue); without it every backtest runs inline. */
  readonly modelBacktests?: ModelBacktestJobs | undefined
  /** Adds routes that live elsewhere (bulk imports) before the console's catch-all. */
  readonly extraRoutes?: ((app: FastifyInstance) => Promise<void> | void) | undefined
  /** Wakes the webhook delivery worker when an admin retries a delivery. */
  readonly wakeDeliveries?: (() => void) | undefined
  /** Serve the console's build at `/` (default true); off for API-only processes and tests. */
  readonly console?: boolean | undefined
  /** Environment for the ATS webhook secrets (`HIREWALL_GREENHOUSE_SECRET`...); default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined
  /** The producer name, consortium key and mail lists of admin exports and the TAXII server. */
  readonly sharing?: SharingSettings | undefined
  /** Applications in the generated world a model promotion is measured on (default 20,000). */
  readonly promotionWorldCount?: number | undefined
  /** The after-hire pipeline: `POST /v1/workforce/{feed}`, `GET /v1/employees`, `/v1/employees/:id`, `/v1/farms`. */
  readonly workforce?:
    | {
        readonly service: WorkforceService
        /** The organisation's secret for payroll account hashes (`HIREWALL_ACCOUNT_KEY`). */
        readonly accountKey?: string | undefined
        readonly feedLimitBytes?: number | undefined
      }
    | undefined
  /** Single sign-on through an OpenID Provider, next to passwords; its redirect URI is on the first public origin. */
  readonly oidc?: OidcSettings | undefined
  /** Logging, body limit, readiness checks, metrics probes. */
  readonly app?: Omit<BuildAppOptions, 'accessControl'> | undefined
}

/**
 * Builds the complete HTTP service: security headers, the CSRF check, sign-in, users and keys, submission and
 * re-screening, reads and review, ATS webhooks in, webhook subscriptions and deliveries out, and the console. The
 * one place that lists every route group; `hirewall serve` and the end-to-end tests both build the app with it.
 */
export async function buildServiceApp(options: ServiceAppOptions): Promise<FastifyInstance> {
  const { store, screening } = options
  const app = await buildApp({ ...options.app, accessControl: storeAccessControl(store) })
  registerSecurityHeaders(app)
  registerCsrfCheck(app, { origins: options.publicOrigins })
  registerPermissionRateLimit(app, 'applications.submit', options.submissionRateLimit ?? defaultSubmissionRateLimit)
  registerSessionRoutes(app, {
    store,
    oidc: options.oidc === undefined ? undefined : { settings: options.oidc, publicOrigins: options.publicOrigins },
  })
  registerUserRoutes(app, { store })
  registerApiKeyRoutes(app, { store })
  registerPersonalDataRoutes(app, { store })
  registerSubmissionRoutes(app, { screening, rescreenJobs: options.rescreenJobs })
  registerPolicyRoutes(app, {
    store,
    screening,
    rescreenJobs: options.rescreenJobs,
    backtestJobs: options.policyBacktests,
  })
  registerReadRoutes(app, { store })
  registerReviewRoutes(app, { store })
  await registerAtsWebhookRoutes(app, { store, screening, env: options.env })
  registerWebhookSubscriptionRoutes(app, { store })
  registerWebhookDeliveryRoutes(app, { store, onRetry: options.wakeDeliveries })
  registerIntelSourceRoutes(app, { store })
  await registerWatchlistRoutes(app, { store, screening, rescreenJobs: options.rescreenJobs })
  registerSharingExportRoutes(app, { store, settings: options.sharing ?? {} })
  await registerTaxiiRoutes(app, { store, settings: options.sharing ?? {} })
  registerModelRoutes(app, {
    store,
    screening,
    backtestJobs: options.modelBacktests,
    ...(options.promotionWorldCount === undefined ? {} : { promotionWorldCount: options.promotionWorldCount }),
  })
  if (options.workforce !== undefined) {
    const { service, accountKey, feedLimitBytes } = options.workforce
    await registerWorkforceIngestRoute(app, { workforce: service, accountKey, feedLimitBytes })
    registerEmployeeRoutes(app, { store, workforce: service })
  }
  await options.extraRoutes?.(app)
  if (options.console ?? true) await registerConsole(app)
  return app
}
