import { runRetention, type RetentionReport, type Store } from '@hirewall/store'
import { derivedUuid } from '../derived-uuid.js'
import type { JobQueue, QueueDefinition } from '../job-queue.js'

/** The queue of retention runs (docs/security.md, "Personal data"). */
export const retentionQueue = 'retention'

/** The actor retention runs write in the audit log. */
export const retentionActor = 'system:retention'

const dayMs = 86_400_000

export type RetentionScheduleOptions = {
  /** How often a run is queued (default daily). */
  readonly intervalMs?: number
  /** The clock (tests). */
  readonly now?: () => Date
  /** A run that could not be queued (the database was down): the next period queues one again. */
  readonly onError?: (error: Error) => void
}

/** The retention queue's rules: one attempt per period, retried with backoff, an hour at most. */
export function retentionQueueDefinitions(): readonly QueueDefinition[] {
  return [{ name: retentionQueue, retryLimit: 5, retryDelaySeconds: 60, retryBackoff: true, expireInSeconds: 3600 }]
}

/** Runs this process's share of retention jobs: each applies every policy (pages commit one by one). */
export function workOnRetention(queue: JobQueue, context: { readonly store: Store }): void {
  queue.work(retentionQueue, async (): Promise<RetentionReport> =>
    runRetention(context.store, { actor: retentionActor }),
  )
}

/**
 * Queues one retention run per period now and then every `intervalMs`. The job id is derived from the period, so
 * however many server processes schedule, each period's run is queued once and taken by one worker. Returns `stop`.
 */
export function scheduleRetention(queue: JobQueue, options: RetentionScheduleOptions = {}): { stop(): void } {
  const intervalMs = options.intervalMs ?? dayMs
  const now = options.now ?? (() => new Date())
  const queueThisPeriod = (): void => {
    const period = Math.floor(now().getTime() / intervalMs)
    queue
      .send(retentionQueue, { period }, { id: derivedUuid(retentionQueue, intervalMs, period) })
      .catch((error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error))))
  }
  queueThisPeriod()
  const timer = setInterval(queueThisPeriod, intervalMs)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
