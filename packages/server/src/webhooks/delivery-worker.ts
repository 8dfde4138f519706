import type { ClaimedDelivery, WebhookOutbox } from '@hirewall/store'
import type { ServerMetrics, WebhookFailureReason } from '../ops/server-metrics.js'
import { nextDeliveryStep, retryDelaysMs, type DeliveryAttemptOutcome } from './delivery-schedule.js'
import { sendDelivery } from './delivery-worker-attempt.js'

/** Where the worker reports problems: `app.log` fits. Never given URLs, payloads or secrets. */
export type DeliveryWorkerLog = {
  warn(details: Readonly<Record<string, unknown>>, message: string): void
  error(details: Readonly<Record<string, unknown>>, message: string): void
}

/** Options of {@link startDeliveryWorker}; all but `outbox` have defaults. */
export type DeliveryWorkerOptions = {
  /** The store's outbox (`store.outbox`): deliveries are claimed with SKIP LOCKED, so workers in many processes share it. */
  readonly outbox: WebhookOutbox
  /** Counts each failed attempt by reason (`app.metrics`). */
  readonly metrics?: Pick<ServerMetrics, 'countWebhookFailure'> | undefined
  readonly log?: DeliveryWorkerLog | undefined
  /** How often to look for due deliveries when there was nothing to do, in ms; 1000 by default. */
  readonly pollIntervalMs?: number | undefined
  /** Deliveries claimed and sent at once; 10 by default. */
  readonly batchSize?: number | undefined
  /** How long a receiver has to answer, in ms; 10 000 by default. */
  readonly timeoutMs?: number | undefined
  /** How long a claim holds a delivery before another worker may retry it (its worker died); 60 s by default. */
  readonly leaseMs?: number | undefined
  /** The wait before each retry; the production schedule (5 s ... 24 h) by default, a short one in tests. */
  readonly retryDelaysMs?: readonly number[] | undefined
  /** [0, 1) for the retry jitter; `Math.random` by default. */
  readonly random?: (() => number) | undefined
  readonly userAgent?: string | undefined
}

/** A running delivery worker. */
export type DeliveryWorker = {
  /** Looks for due deliveries now instead of at the next poll (after an event was enqueued or a retry requested). */
  wake(): void
  /** Stops claiming, lets the attempts in flight finish (each within the timeout), and resolves when it is idle. */
  stop(): Promise<void>
}

const defaults = { pollIntervalMs: 1000, batchSize: 10, timeoutMs: 10_000, leaseMs: 60_000 } as const
/** The longest wait between claims while the database is failing. */
const maxBackoffMs = 30_000

/**
 * Starts delivering the outbox: claims due deliveries, signs and POSTs each, and records the outcome. A 2xx is
 * delivered; anything else is retried on the schedule with jitter and becomes dead after the last attempt (410 Gone
 * at once). Every failed attempt is counted in `hirewall_webhook_delivery_failures_total`. Polls while idle, claims
 * again at once while there is a backlog, and backs off while the database is unreachable.
 */
export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const pollIntervalMs = options.pollIntervalMs ?? defaults.pollIntervalMs
  const batchSize = options.batchSize ?? defaults.batchSize
  const timeoutMs = options.timeoutMs ?? defaults.timeoutMs
  // A lease shorter than the timeout would let a second worker send while the first still waits for an answer.
  const leaseMs = Math.max(options.leaseMs ?? defaults.leaseMs, timeoutMs + 5_000)
  const delays = options.retryDelaysMs ?? retryDelaysMs
  const random = options.random ?? Math.random
  const userAgent = options.userAgent ?? 'HireWall-Webhooks/1'
  const { outbox, metrics, log } = options

  let isStopping = false
  let pendingWake = false
  let interruptSleep: (() => void) | undefined

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (pendingWake || isStopping) {
        pendingWake = false
        resolve()
        return
      }
      const finish = (): void => {
        clearTimeout(timer)
        interruptSleep = undefined
        resolve()
      }
      const timer = setTimeout(finish, ms)
      interruptSleep = finish
    })

  const wake = (): void => {
    if (interruptSleep === undefined) pendingWake = true
    else interruptSleep()
  }

  const deliver = async (delivery: ClaimedDelivery): Promise<void> => {
    const where = {
      deliveryId: delivery.deliveryId,
      subscriptionId: delivery.subscriptionId,
      attempt: delivery.attempt,
    }
    try {
      const sent = await sendDelivery(delivery, { timeoutMs, now: new Date(), userAgent })
      const step = nextDeliveryStep(delivery.attempt, sent.outcome, random, delays)
      const failure = {
        error: sent.error ?? 'failed',
        ...(sent.statusCode === undefined ? {} : { statusCode: sent.statusCode }),
      }
      switch (step.status) {
        case 'delivered':
          await outbox.markDelivered(delivery.deliveryId, sent.statusCode)
          return
        case 'retry':
          metrics?.countWebhookFailure(failureReason(sent.outcome))
          await outbox.markFailed(delivery.deliveryId, { ...failure, retryAfterMs: step.delayMs })
          log?.warn({ ...where, error: failure.error, retryInMs: step.delayMs }, 'webhook delivery failed; will retry')
          return
        case 'dead':
          metrics?.countWebhookFailure(failureReason(sent.outcome))
          await outbox.markDead(delivery.deliveryId, failure)
          log?.warn({ ...where, error: failure.error, reason: step.reason }, 'webhook delivery is dead')
          return
      }
    } catch (error) {
      // The outcome could not be recorded: the lease runs out and the delivery is offered again.
      log?.error({ ...where, err: error }, 'webhook delivery attempt could not be recorded')
    }
  }

  const run = async (): Promise<void> => {
    let failedClaims = 0
    while (!isStopping) {
      let claimed: readonly ClaimedDelivery[]
      try {
        claimed = await outbox.claimDue({ limit: batchSize, leaseMs })
        failedClaims = 0
      } catch (error) {
        failedClaims += 1
        log?.error({ err: error, failedClaims }, 'webhook delivery worker could not claim deliveries')
        await sleep(Math.min(pollIntervalMs * 2 ** failedClaims, maxBackoffMs))
        continue
      }
      await Promise.all(claimed.map(deliver))
      // A full batch means more may be due: claim again at once.
      if (claimed.length < batchSize) await sleep(pollIntervalMs)
    }
  }

  const running = run()
  return {
    wake,
    stop: async () => {
      isStopping = true
      interruptSleep?.()
      await running
    },
  }
}

function failureReason(outcome: DeliveryAttemptOutcome): WebhookFailureReason {
  switch (outcome.kind) {
    case 'response':
      return 'http-status'
    case 'network-error':
      return 'network'
    case 'timeout':
      return 'timeout'
  }
}
