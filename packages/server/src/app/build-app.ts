import Fastify, { type FastifyInstance, type FastifyServerOptions, type LogLevel } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { AccessControl } from '../auth/auth-ports.js'
import type { Principal } from '../auth/principal.js'
import { answerFrameworkError, maxPathParamLength } from '../errors/framework-errors.js'
import { rejectUnstorableText } from './reject-unstorable-text.js'
import { registerErrorHandling } from '../errors/error-handling.js'
import { ApiError } from '../errors/api-error.js'
import { registerHealthRoutes } from '../ops/health-routes.js'
import { registerMetricsRoute } from '../ops/metrics-route.js'
import type { ReadinessCheck } from '../ops/readiness.js'
import { createServerMetrics, type QueueDepthProbe, type ServerMetrics } from '../ops/server-metrics.js'
import type { Lifecycle } from './lifecycle.js'
import { loggerOptions, type LogStream } from './logger-options.js'
import { registerOpenApiDocs } from './openapi-docs.js'
import { registerRequestIdHeader, RequestLogController, requestIdFor } from './request-logging.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The Prometheus metrics; increment `countScreening` and `countWebhookFailure` from the routes and jobs. */
    metrics: ServerMetrics
    /** Set by `startServer` while shutting down. */
    lifecycle: Lifecycle
    /** The ports `requirePermission` checks credentials against; `null` when the app was built without them. */
    accessControl: AccessControl | null
  }
  interface FastifyRequest {
    /** Who is calling, once `requirePermission` has run; `null` before. */
    principal: Principal | null
    /** The exact body bytes, on routes inside a `keepRawJsonBody` scope (for webhook signatures); `null` elsewhere. */
    rawBody: Buffer | null
  }
}

/** Options of {@link buildApp}; every one has a default. */
export type BuildAppOptions = {
  /** Log level of the JSON logs; `info` by default, `silent` to turn them off. */
  readonly logLevel?: LogLevel | undefined
  /** Where log lines go; stdout by default. */
  readonly logStream?: LogStream | undefined
  /** The largest request body accepted, in bytes (routes may set their own); 1 MiB by default. */
  readonly bodyLimitBytes?: number | undefined
  /** What `/readyz` checks, e.g. the database; none by default. */
  readonly readinessChecks?: readonly ReadinessCheck[] | undefined
  /** How long one readiness check may take, in ms; 2000 by default. */
  readonly readinessTimeoutMs?: number | undefined
  /** Reads job queue depths for the `hirewall_queue_depth` gauge. */
  readonly queueDepth?: QueueDepthProbe | undefined
  /** Process metrics (CPU, memory, event loop, GC) in `/metrics`; on by default. */
  readonly processMetrics?: boolean | undefined
  /** API keys and sessions for `requirePermission`; without them guarded routes fail as a wiring error. */
  readonly accessControl?: Omit<AccessControl, 'now'> & { readonly now?: () => Date }
  /** The version shown in the OpenAPI document. */
  readonly version?: string | undefined
  /**
   * Which proxies to believe about the client (Fastify's `trustProxy`: `true`, or proxy addresses/CIDRs), so
   * `request.ip` (sign-in limits, audit) and `request.protocol` (HSTS, Secure cookies) read `X-Forwarded-*`. Off by
   * default: behind no proxy those headers are the client's to forge.
   */
  readonly trustProxy?: boolean | string | readonly string[] | undefined
}

/** The default request body limit: one application record is a few KiB; bulk uploads set their own limit. */
export const defaultBodyLimitBytes = 1024 * 1024

/**
 * Builds the HTTP app: JSON logs without personal data, the house error shape for every failure, body size limit,
 * zod schemas validated and published as OpenAPI 3.1 (`/docs`, `/docs/openapi.json`), `/healthz`, `/readyz` and
 * `/metrics`. Add routes to the returned app (they join the OpenAPI document), then `listen` or `inject`.
 */
export async function buildApp(options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions({ level: options.logLevel ?? 'info', stream: options.logStream }),
    bodyLimit: options.bodyLimitBytes ?? defaultBodyLimitBytes,
    genReqId: requestIdFor,
    trustProxy: trustProxyOf(options.trustProxy),
    // One line per request, without the URL, headers or body Fastify's own lines would carry.
    logController: new RequestLogController(),
    // startServer answers requests that arrive while draining with the house 503 (Fastify's own has another shape).
    return503OnClosing: false,
    routerOptions: { maxParamLength: maxPathParamLength },
    frameworkErrors: answerFrameworkError,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  const lifecycle: Lifecycle = { isDraining: false }
  const metrics = createServerMetrics({ queueDepth: options.queueDepth, processMetrics: options.processMetrics })
  app.decorate('metrics', metrics)
  app.decorate('lifecycle', lifecycle)
  app.decorate('accessControl', accessControlOf(options.accessControl))
  app.decorateRequest('principal', null)
  app.decorateRequest('rawBody', null)
  registerErrorHandling(app)
  rejectUnstorableText(app)
  registerRequestIdHeader(app)
  app.addHook('onRequest', (_request, _reply, done) => {
    done(
      lifecycle.isDraining ? new ApiError('UNAVAILABLE', 'The server is shutting down; retry elsewhere.') : undefined,
    )
  })
  // Responses sent while draining close their keep-alive connection, or it would hold the shutdown open.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (lifecycle.isDraining) reply.header('connection', 'close')
    done(null, payload)
  })
  await registerOpenApiDocs(app, { title: 'HireWall API', version: options.version ?? '0.1.0' })
  registerMetricsRoute(app, metrics)
  registerHealthRoutes(app, {
    checks: options.readinessChecks ?? [],
    timeoutMs: options.readinessTimeoutMs ?? 2000,
  })
  return app
}

function accessControlOf(given: BuildAppOptions['accessControl']): AccessControl | null {
  if (given === undefined) return null
  return { apiKeys: given.apiKeys, sessions: given.sessions, now: given.now ?? (() => new Date()) }
}

function trustProxyOf(given: BuildAppOptions['trustProxy']): NonNullable<FastifyServerOptions['trustProxy']> {
  if (given === undefined) return false
  return typeof given === 'object' ? [...given] : given
}
