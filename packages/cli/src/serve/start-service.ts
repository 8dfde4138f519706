import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { ApplicationRecord, ScoringPolicy } from '@hirewall/core'
import {
  buildServiceApp,
  createJobQueue,
  createScreeningService,
  createWorkforceService,
  ensureFirstAdmin,
  registerImportRoutes,
  recordIntelSources,
  modelBacktestJobs,
  policyBacktestJobs,
  rescreenJobStarter,
  scheduleRetention,
  scoringPolicyOf,
  serverJobQueues,
  startDeliveryWorker,
  startJobWorkers,
  startServer,
  storedWatchlists,
  type FirstAdmin,
  type RunningServer,
  type OidcSettings,
  type ScreeningService,
  type WorkforceService,
  type SharingSettings,
} from '@hirewall/server'
import { describeStoreTarget, openStore, type DataKeyRing, type Store } from '@hirewall/store'
import { createWorkforceEvaluator, type WorkforceEvaluatorOptions } from '@hirewall/workforce'
import type { ScreeningIntel } from '../intel/screening-intel.js'

/** Everything `hirewall serve` needs, already resolved from flags and environment. */
export type ServiceSettings = {
  readonly port: number
  readonly host: string
  /** PGlite's data directory when `databaseUrl` is unset. */
  readonly dataDir: string
  readonly databaseUrl: string | undefined
  readonly publicOrigins: readonly string[]
  readonly adminEmail: string
  readonly policy: ScoringPolicy
  readonly intel: ScreeningIntel
  /** Applications to load when the store has none (the demo world); empty loads nothing. */
  readonly seed: () => AsyncIterable<ApplicationRecord> | Iterable<ApplicationRecord>
  readonly submissionsPerMinute: number | undefined
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent'
  readonly serveConsole: boolean
  /** Proxies whose `X-Forwarded-For` is believed (Fastify's `trustProxy`); unset trusts none. */
  readonly trustProxy?: boolean | string | undefined
  /** Where the startup banner goes. */
  readonly say: (line: string) => void
  /** The keys that encrypt personal data (docs/security.md, "Personal data"); null or omitted: unencrypted. */
  readonly dataKeys?: DataKeyRing | null | undefined
  /** Single sign-on through an OpenID Provider (--oidc-issuer); unset: passwords only. */
  readonly oidc?: OidcSettings | undefined
  /** The after-hire evaluator's lists, network data, organisation and policy; unset serves no workforce routes. */
  readonly workforce?: WorkforceEvaluatorOptions | undefined
  /** The organisation's secret for payroll account hashes (`HIREWALL_ACCOUNT_KEY`). */
  readonly accountKey?: string | undefined
  /** The producer and consortium key of admin exports; the mail lists come from `intel`. */
  readonly sharing?: Omit<SharingSettings, 'reference'> | undefined
  /** Called with the exit code after a shutdown; `process.exit` by default (tests keep their process). */
  readonly exit?: ((code: number) => void) | undefined
  /** The signals that shut down; SIGTERM and SIGINT by default, none in tests. */
  readonly signals?: readonly NodeJS.Signals[] | undefined
}

/** The running service; `server.shutdown` (or SIGTERM/SIGINT) stops it gracefully. */
export type RunningService = {
  readonly server: RunningServer
  readonly store: Store
  readonly screening: ScreeningService
  /** The after-hire pipeline, when `settings.workforce` is given. */
  readonly workforce: WorkforceService | undefined
  readonly firstAdmin: FirstAdmin
  readonly seeded: number
}

/**
 * Opens the store (migrating it), starts the screening pipeline (rebuilding the identity graph's memory from the
 * stored pool), builds the app, creates the first admin on first start, loads the seed applications into an empty
 * store, starts the webhook delivery worker and listens. Shutdown drains requests, then stops the worker, the
 * pipeline and the store, in that order.
 */
export async function startService(settings: ServiceSettings): Promise<RunningService> {
  // PGlite creates its own directory but not the parents (a fresh machine has no ~/.hirewall yet).
  if (settings.databaseUrl === undefined && settings.dataDir !== 'memory://')
    await mkdir(dirname(settings.dataDir), { recursive: true })
  const store = await openStore({
    dataDir: settings.dataDir,
    ...(settings.databaseUrl === undefined ? { env: {} } : { databaseUrl: settings.databaseUrl }),
    maxConnections: 20,
    dataKeys: settings.dataKeys ?? null,
  })
  settings.say(`Store: ${describeStoreTarget(store.target)}`)
  settings.say(
    store.cipher.isEncrypting
      ? `Personal data: encrypted (key ${store.cipher.currentKeyId ?? '?'})`
      : 'Personal data: NOT encrypted',
  )
  // The sources loaded are recorded so the API and the console can show what screening uses.
  await recordIntelSources(store, settings.intel.sourceStatuses?.() ?? [])
  // The store's published policy wins; a new store's history starts with the one this process was given.
  const startPolicy = await store.policyVersions.publishInitial({
    policy: settings.policy,
    author: 'system:serve',
    note: 'The policy hirewall serve first started with.',
  })
  const policy = scoringPolicyOf(startPolicy.stored)
  settings.say(
    `Policy: version ${startPolicy.stored.version} (${policy.version}), ${startPolicy.isNew ? 'recorded as the first version' : 'as published in the store'}`,
  )
  if (policy.version !== settings.policy.version) {
    settings.say(
      `  The policy given (${settings.policy.version}) is not the published one: save and publish it in the console or with POST /v1/policy/versions.`,
    )
  }
  // Until the app (and its logger) exists, the pipeline's own errors go to the banner's stream.
  let logScreeningError = (error: unknown): void =>
    settings.say(`Screening error: ${error instanceof Error ? error.message : String(error)}`)
  // Opening the pipeline replays the stored pool into the identity graph's memory.
  const screening = await createScreeningService({
    store,
    policy,
    followPublishedPolicy: true,
    reference: settings.intel.reference,
    detectors: settings.intel.detectors,
    onError: (error) => logScreeningError(error),
    // Watchlists kept in the database: read now, and again whenever any process changes one.
    refreshConfig: storedWatchlists(store, { consortiumKey: settings.intel.consortiumKey }).refresh,
  })
  // The after-hire evaluator is rebuilt from the stored feed records, in time order. It scores with the store's
  // published policy, as screening does; a version published while it runs applies from the next start.
  const workforceOptions = settings.workforce
  const workforce =
    workforceOptions === undefined
      ? undefined
      : await createWorkforceService({
          store,
          createEvaluator: () => createWorkforceEvaluator({ ...workforceOptions, policy }),
        })
  if (workforce !== undefined && workforce.lastReplay.records > 0)
    settings.say(
      `Workforce: replayed ${workforce.lastReplay.records} stored records in ${(workforce.lastReplay.ms / 1000).toFixed(1)} s`,
    )
  // Bulk imports and re-screenings run on a job queue in the database, shared by every process on it.
  let logJobError = (error: Error, _where: object): void => settings.say(`Background job error: ${error.message}`)
  const queue = createJobQueue(store, {
    queues: serverJobQueues(),
    onError: (error, where) => logJobError(error, where),
  })
  await queue.start()
  // The worker starts after the app; until then there is nothing to wake.
  let wakeDeliveries = (): void => undefined
  const app = await buildServiceApp({
    ...(workforce === undefined ? {} : { workforce: { service: workforce, accountKey: settings.accountKey } }),
    store,
    screening,
    publicOrigins: settings.publicOrigins,
    console: settings.serveConsole,
    oidc: settings.oidc,
    wakeDeliveries: () => wakeDeliveries(),
    rescreenJobs: rescreenJobStarter(queue, store),
    policyBacktests: policyBacktestJobs(queue),
    modelBacktests: modelBacktestJobs(queue),
    sharing: { ...settings.sharing, reference: settings.intel.reference },
    extraRoutes: (routes) => registerImportRoutes(routes, { store, queue }),
    ...(settings.submissionsPerMinute === undefined
      ? {}
      : { submissionRateLimit: { requests: settings.submissionsPerMinute, windowMs: 60_000 } }),
    app: {
      logLevel: settings.logLevel,
      ...(settings.trustProxy === undefined ? {} : { trustProxy: settings.trustProxy }),
      readinessChecks: [{ name: 'database', check: async () => void (await store.users.count()) }],
      queueDepth: () => queue.depth(),
    },
  })
  logJobError = (error, where) => app.log.error({ err: error, ...where }, 'background job error')
  logScreeningError = (error) =>
    app.log.error({ err: error }, 'screening error: a batch could not be written or a listener failed')
  const firstAdmin = await ensureFirstAdmin(store, { email: settings.adminEmail })
  const seeded = await seedEmptyStore(store, screening, settings)
  startJobWorkers(queue, { store, screening })
  const worker = startDeliveryWorker({ outbox: store.outbox, metrics: app.metrics, log: app.log })
  wakeDeliveries = () => worker.wake()
  const server = await startServer(app, {
    port: settings.port,
    host: settings.host,
    ...(settings.exit === undefined ? {} : { exit: settings.exit }),
    ...(settings.signals === undefined ? {} : { signals: settings.signals }),
  })
  // Hooks run last registered first: the store closes after everything that uses it.
  server.onShutdown('store', () => store.close())
  server.onShutdown('screening', () => screening.close())
  if (workforce !== undefined) server.onShutdown('workforce', () => workforce.close())
  server.onShutdown('webhook deliveries', () => worker.stop())
  // Running import batches and re-screening pages finish, or go back to the queue for another process, within the
  // shutdown's own 10 s and before the pipeline closes.
  server.onShutdown('background jobs', () => queue.stop({ timeoutMs: 5000 }))
  // Retention runs daily as a job; every process schedules, the queue keeps one run per day (docs/security.md).
  const retention = scheduleRetention(queue, { onError: (error) => logJobError(error, { queue: 'retention' }) })
  server.onShutdown('retention schedule', () => retention.stop())
  return { server, store, screening, workforce, firstAdmin, seeded }
}

async function seedEmptyStore(store: Store, screening: ScreeningService, settings: ServiceSettings): Promise<number> {
  const existing = await store.applications.list({}, { limit: 1 })
  if (existing.items.length > 0) return 0
  let batch: ApplicationRecord[] = []
  let count = 0
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return
    await screening.submitMany(batch.map((record) => ({ record, raw: record, actor: 'system:demo' })))
    count += batch.length
    batch = []
  }
  for await (const record of settings.seed()) {
    batch.push(record)
    if (batch.length === 100) await flush()
  }
  await flush()
  return count
}
