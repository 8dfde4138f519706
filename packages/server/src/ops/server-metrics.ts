import { outcomes, type Outcome } from '@hirewall/core'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

/** Why one webhook delivery attempt failed: a non-2xx answer, no connection, or no answer in time. */
export const webhookFailureReasons = ['http-status', 'network', 'timeout'] as const
/** One of {@link webhookFailureReasons}. */
export type WebhookFailureReason = (typeof webhookFailureReasons)[number]

/** Reads the depth of each job queue at scrape time, e.g. from the job table: `{ 'bulk-import': 3 }`. */
export type QueueDepthProbe = () => Promise<Readonly<Record<string, number>>>

/**
 * The server's Prometheus metrics, on a registry of its own (two apps in one process never share series).
 * The request histogram is fed by the app; the counters are for the screening and webhook code to increment.
 */
export type ServerMetrics = {
  readonly registry: Registry
  /** Records one finished HTTP request. `route` is the route pattern, never the URL. */
  observeRequest(labels: { method: string; route: string; status: number }, seconds: number): void
  /** Counts one finished screening by its outcome. */
  countScreening(outcome: Outcome): void
  /** Counts one failed webhook delivery attempt. */
  countWebhookFailure(reason: WebhookFailureReason): void
  /** The Prometheus text exposition of every metric. */
  render(): Promise<string>
}

/** Options of {@link createServerMetrics}. */
export type ServerMetricsOptions = {
  readonly queueDepth?: QueueDepthProbe | undefined
  /** Process metrics (CPU, memory, event-loop lag, GC) under the `hirewall_` prefix; on by default. */
  readonly processMetrics?: boolean | undefined
}

// Latency buckets in seconds around the API's goal (p99 under 50 ms) with room for slow bulk uploads.
const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/** Creates the metrics and their registry. */
export function createServerMetrics(options: ServerMetricsOptions = {}): ServerMetrics {
  const registry = new Registry()
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'hirewall_' })
  const requestDuration = new Histogram({
    name: 'hirewall_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: latencyBuckets,
    registers: [registry],
  })
  const screenings = new Counter({
    name: 'hirewall_screenings_total',
    help: 'Screenings completed, by outcome.',
    labelNames: ['outcome'] as const,
    registers: [registry],
  })
  const webhookFailures = new Counter({
    name: 'hirewall_webhook_delivery_failures_total',
    help: 'Outbound webhook delivery attempts that failed, by reason.',
    labelNames: ['reason'] as const,
    registers: [registry],
  })
  // Every series exists from the start at 0, so rates and alerts work before the first event.
  for (const outcome of outcomes) screenings.inc({ outcome }, 0)
  for (const reason of webhookFailureReasons) webhookFailures.inc({ reason }, 0)
  const probe = options.queueDepth
  if (probe !== undefined) {
    new Gauge({
      name: 'hirewall_queue_depth',
      help: 'Jobs waiting in each queue, read at scrape time.',
      labelNames: ['queue'] as const,
      registers: [registry],
      async collect() {
        const depths = await probe()
        this.reset()
        for (const [queue, depth] of Object.entries(depths)) this.set({ queue }, depth)
      },
    })
  }
  return {
    registry,
    observeRequest: (labels, seconds) => {
      requestDuration.observe({ method: labels.method, route: labels.route, status: String(labels.status) }, seconds)
    },
    countScreening: (outcome) => screenings.inc({ outcome }),
    countWebhookFailure: (reason) => webhookFailures.inc({ reason }),
    render: () => registry.metrics(),
  }
}
