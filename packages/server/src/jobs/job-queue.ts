import type { Store } from '@hirewall/store'

/** A job's payload: plain JSON, because it is stored in the database until a worker takes it. */
export type JobData = Readonly<Record<string, unknown>>

/**
 * One queue's rules. Several server processes share each queue through the database; a job is taken by one worker at
 * a time (`FOR UPDATE SKIP LOCKED`).
 */
export type QueueDefinition = {
  readonly name: string
  /** Attempts after the first; a failed attempt is retried after `retryDelaySeconds` (doubling when `retryBackoff`). */
  readonly retryLimit: number
  readonly retryDelaySeconds: number
  readonly retryBackoff: boolean
  /**
   * How long an attempt may run. A job still active after this (its worker was killed, or hangs) is failed by the
   * queue's maintenance and retried by another worker; a handler running past it in this process is given up on.
   */
  readonly expireInSeconds: number
  /** The queue that receives a job whose last attempt failed. */
  readonly deadLetter?: string
}

/** A job as a handler sees it. */
export type QueuedJob<Data extends JobData = JobData> = {
  readonly id: string
  readonly queue: string
  readonly data: Data
  /** 0 on the first attempt. */
  readonly retryCount: number
  readonly retryLimit: number
  /** Aborted when this process's queue starts stopping: a long job saves its progress and ends early. */
  readonly signal: AbortSignal
}

/** Where a job is: waiting (`created`, `retry`), running (`active`) or ended. */
export const jobStates = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const
export type JobState = (typeof jobStates)[number]

/** A job's state and what its handler returned (or why it failed). */
export type JobStatus = {
  readonly id: string
  readonly queue: string
  readonly state: JobState
  readonly data: JobData
  readonly output: unknown
  readonly retryCount: number
  readonly createdAt: Date
  readonly startedAt: Date | null
  readonly completedAt: Date | null
}

export type SendOptions = {
  /** A stable id makes sending idempotent: a job with this id already queued is not queued again. */
  readonly id?: string
  /**
   * Queue the job inside this transaction of the store (`store.db.transaction()`): it becomes visible when the
   * transaction commits and disappears if it rolls back.
   */
  readonly transaction?: Store['db']
}

/** Runs one job; resolving completes it (the value is kept as its output), throwing fails this attempt. */
export type JobHandler<Data extends JobData = JobData> = (job: QueuedJob<Data>) => Promise<unknown>

export type WorkOptions = {
  /** Jobs of this queue this process runs at once (default 1). */
  readonly concurrency?: number
}

/**
 * The job queue the server's background work runs on, backed by PostgreSQL tables so several processes on several
 * machines share the work through one database (`createJobQueue`). The rest of the server sees only this interface.
 */
export type JobQueue = {
  /** Creates the queue's tables and queues when missing and starts maintenance (expiring jobs of dead workers). */
  start(): Promise<void>
  /** Queues one job; returns its id, or null when `id` names a job already queued. */
  send(queue: string, data: JobData, options?: SendOptions): Promise<string | null>
  /** Queues several jobs in one statement (ids make it idempotent as for `send`). */
  sendMany(
    queue: string,
    jobs: readonly { readonly data: JobData; readonly id?: string }[],
    options?: Pick<SendOptions, 'transaction'>,
  ): Promise<void>
  /** Starts taking jobs of `queue` in this process until `stop`. */
  work<Data extends JobData>(queue: string, handler: JobHandler<Data>, options?: WorkOptions): void
  /** A job's state and output; undefined when there is no such job (or it was archived and deleted). */
  find(queue: string, id: string): Promise<JobStatus | undefined>
  /** Jobs waiting (not yet active) in each queue, for the `hirewall_queue_depth` gauge. */
  depth(): Promise<Readonly<Record<string, number>>>
  /**
   * Stops taking jobs, waits for the running ones (up to `timeoutMs`, default 30 s), hands back those still running
   * after it for another worker to retry, and issues no statement afterwards: close the store after this.
   */
  stop(options?: { readonly timeoutMs?: number }): Promise<void>
}
