import type { Store } from '@hirewall/store'
import PgBoss from 'pg-boss'
import type { JobData, JobHandler, JobQueue, JobStatus, QueueDefinition, QueuedJob, WorkOptions } from './job-queue.js'
import { storeSqlExecutor, type SqlExecutor } from './store-sql-executor.js'

export type JobQueueOptions = {
  /** The queues this process sends to or works on; dead-letter queues must be listed too. */
  readonly queues: readonly QueueDefinition[]
  /** The PostgreSQL schema of the queue's tables (default `pgboss`). */
  readonly schema?: string
  /** How often an idle worker looks for a job, in ms (default 1000). */
  readonly pollIntervalMs?: number
  /** How often maintenance runs (expiring jobs of dead workers, archiving), in seconds (default 30). */
  readonly maintenanceIntervalSeconds?: number
  /** Errors of the queue itself (a lost connection while polling, a handler that failed); logged by the caller. */
  readonly onError?: (error: Error, context: { readonly queue?: string; readonly jobId?: string }) => void
}

type PgBossJob = PgBoss.JobWithMetadata<JobData>

/**
 * The job queue on pg-boss 10 (the last major version that runs on Node 20), in the store's database through the
 * store's own connections (see `storeSqlExecutor`), so it runs on PGlite and on a PostgreSQL server alike. pg-boss
 * keeps the jobs (states, retries, dead letters, expiry of jobs whose worker died); the worker loop is ours, so every
 * statement is awaited, errors reach `onError`, and `stop` knows when nothing is running.
 */
export function createJobQueue(store: Pick<Store, 'db'>, options: JobQueueOptions): JobQueue {
  const executor = trackedExecutor(storeSqlExecutor(store.db))
  const onError = options.onError ?? (() => undefined)
  const pollIntervalMs = options.pollIntervalMs ?? 1000
  const boss = new PgBoss({
    db: executor,
    schema: options.schema ?? 'pgboss',
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  })
  boss.on('error', (error: Error) => onError(error, {}))
  const definitions = new Map(options.queues.map((queue) => [queue.name, queue]))
  const running = new Set<Promise<void>>()
  // Jobs whose handler is running here, by queue: those still running when `stop` gives up are handed back.
  const active = new Map<string, { readonly queue: string }>()
  const sleepers = new Set<() => void>()
  const stopping = new AbortController()
  let state: 'new' | 'started' | 'stopping' | 'stopped' = 'new'

  const definitionOf = (queue: string): QueueDefinition => {
    const definition = definitions.get(queue)
    if (!definition) throw new Error(`Unknown job queue ${queue}; list it in the job queue's options`)
    return definition
  }

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer)
        sleepers.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      sleepers.add(wake)
    })

  async function runJob<Data extends JobData>(queue: string, handler: JobHandler<Data>, job: PgBossJob): Promise<void> {
    const queued: QueuedJob<Data> = {
      id: job.id,
      queue,
      data: job.data as Data,
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
      signal: stopping.signal,
    }
    active.set(job.id, { queue })
    try {
      const output = await withinSeconds(handler(queued), Number(job.expireInSeconds))
      if (!active.has(job.id)) return
      await boss.complete(queue, job.id, isJsonObject(output) ? output : { value: output ?? null })
    } catch (error) {
      onError(toError(error), { queue, jobId: job.id })
      if (!active.has(job.id)) return
      await boss.fail(queue, job.id, { message: toError(error).message }).catch((failure: unknown) => {
        // The job stays active; maintenance expires it and another worker retries it.
        onError(toError(failure), { queue, jobId: job.id })
      })
    } finally {
      active.delete(job.id)
    }
  }

  async function workLoop<Data extends JobData>(queue: string, handler: JobHandler<Data>): Promise<void> {
    while (state === 'started') {
      let jobs: PgBossJob[] = []
      try {
        jobs = (await boss.fetch<JobData>(queue, { batchSize: 1, includeMetadata: true })) ?? []
      } catch (error) {
        onError(toError(error), { queue })
      }
      const job = jobs[0]
      if (job === undefined) {
        await sleep(pollIntervalMs)
        continue
      }
      await runJob(queue, handler, job)
    }
  }

  return {
    async start() {
      if (state !== 'new') return
      await boss.start()
      // Dead-letter queues first: a queue refers to its dead letter.
      const ordered = [...definitions.values()].sort(
        (a, b) => Number(a.deadLetter !== undefined) - Number(b.deadLetter !== undefined),
      )
      for (const definition of ordered) {
        const settings = {
          retryLimit: definition.retryLimit,
          retryDelay: definition.retryDelaySeconds,
          retryBackoff: definition.retryBackoff,
          expireInSeconds: definition.expireInSeconds,
          ...(definition.deadLetter === undefined ? {} : { deadLetter: definition.deadLetter }),
        }
        await boss.createQueue(definition.name, { name: definition.name, ...settings })
        // A queue made by an older version keeps its settings until told the new ones.
        await boss.updateQueue(definition.name, { name: definition.name, ...settings })
      }
      state = 'started'
    },

    async send(queue, data, sendOptions = {}) {
      definitionOf(queue)
      const id = await boss.send(
        queue,
        { ...data },
        {
          ...(sendOptions.id === undefined ? {} : { id: sendOptions.id }),
          ...(sendOptions.transaction === undefined ? {} : { db: storeSqlExecutor(sendOptions.transaction) }),
        },
      )
      if (sendOptions.transaction === undefined) for (const wake of [...sleepers]) wake()
      return id
    },

    async sendMany(queue, jobs, sendOptions = {}) {
      definitionOf(queue)
      if (jobs.length === 0) return
      await boss.insert(
        jobs.map((job) => ({ name: queue, data: { ...job.data }, ...(job.id === undefined ? {} : { id: job.id }) })),
        sendOptions.transaction === undefined ? {} : { db: storeSqlExecutor(sendOptions.transaction) },
      )
      if (sendOptions.transaction === undefined) for (const wake of [...sleepers]) wake()
    },

    work(queue, handler, workOptions: WorkOptions = {}) {
      definitionOf(queue)
      if (state !== 'started') throw new Error(`Start the job queue before working on ${queue}`)
      for (let slot = 0; slot < (workOptions.concurrency ?? 1); slot += 1) {
        const loop = workLoop(queue, handler).catch((error: unknown) => onError(toError(error), { queue }))
        running.add(loop)
        void loop.finally(() => running.delete(loop))
      }
    },

    async find(queue, id) {
      definitionOf(queue)
      if (!isUuid(id)) return undefined
      const job = await boss.getJobById<JobData>(queue, id, { includeArchive: true })
      return job === null ? undefined : toJobStatus(queue, job)
    },

    async depth() {
      const depths: Record<string, number> = {}
      for (const name of definitions.keys()) depths[name] = await boss.getQueueSize(name)
      return depths
    },

    async stop(stopOptions = {}) {
      if (state === 'stopped' || state === 'stopping') return
      const wasStarted = state !== 'new'
      state = 'stopping'
      stopping.abort()
      for (const wake of [...sleepers]) wake()
      const timeoutMs = stopOptions.timeoutMs ?? 30_000
      let timer: NodeJS.Timeout | undefined
      const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))
      await Promise.race([Promise.allSettled([...running]), timedOut])
      clearTimeout(timer)
      // Jobs still running past the timeout go back to the queue now rather than when they expire.
      const unfinished = [...active.entries()]
      active.clear()
      for (const [jobId, { queue }] of unfinished) {
        await boss
          .fail(queue, jobId, { message: 'the worker stopped before the job finished' })
          .catch((error: unknown) => onError(toError(error), { queue, jobId }))
      }
      if (wasStarted) await boss.stop({ graceful: false, close: false, wait: true })
      // Statements pg-boss would still send (none of ours) do nothing from here on.
      executor.close()
      await executor.settled()
      state = 'stopped'
    },
  }
}

/** Resolves with `work`, or rejects when it takes longer than the job may run (the job is then retried). */
async function withinSeconds<Result>(work: Promise<Result>, seconds: number): Promise<Result> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the job ran longer than its ${seconds} s`)), Math.max(1, seconds) * 1000)
  })
  try {
    return await Promise.race([work, limit])
  } finally {
    clearTimeout(timer)
  }
}

type TrackedExecutor = SqlExecutor & { close(): void; settled(): Promise<void> }

// Counts statements in flight so `stop` can wait for them; after close, pg-boss's late statements do nothing.
function trackedExecutor(executor: SqlExecutor): TrackedExecutor {
  const inFlight = new Set<Promise<unknown>>()
  let isClosed = false
  return {
    executeSql(text, values) {
      if (isClosed) return Promise.resolve({ rows: [] })
      const pending = executor.executeSql(text, values)
      inFlight.add(pending)
      void pending.then(
        () => inFlight.delete(pending),
        () => inFlight.delete(pending),
      )
      return pending
    },
    close() {
      isClosed = true
    },
    async settled() {
      await Promise.allSettled([...inFlight])
    },
  }
}

function toJobStatus(queue: string, job: PgBossJob): JobStatus {
  return {
    id: job.id,
    queue,
    state: job.state,
    data: job.data,
    output: job.output ?? null,
    retryCount: job.retryCount,
    createdAt: new Date(job.createdOn),
    startedAt: job.startedOn ? new Date(job.startedOn) : null,
    completedAt: job.completedOn ? new Date(job.completedOn) : null,
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
}

function isJsonObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}
