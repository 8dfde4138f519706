import type { Store } from '@hirewall/store'
import type { RescreenJobStarter } from '../../routes/submission/rescreen-route.js'
import { runRescreen, type RescreenJobData } from '../../screening/run-rescreen.js'
import type { RescreenReport, ScreeningService } from '../../screening/screening-service.js'
import type { JobQueue, JobStatus, QueueDefinition, QueuedJob } from '../job-queue.js'

/** The queue of background re-screenings. */
export const rescreenQueue = 'rescreen'

/** The most changed applications a finished job keeps in its output; each one also got its own event. */
export const maxReportedChanges = 1000

export type RescreenQueueOptions = {
  /** How long one attempt may run before it stops after its page and is retried from there (default 1 h). */
  readonly expireInSeconds?: number
}

/** The re-screening queue's rules: long attempts, retried with backoff from their saved progress. */
export function rescreenQueueDefinitions(options: RescreenQueueOptions = {}): readonly QueueDefinition[] {
  return [
    {
      name: rescreenQueue,
      retryLimit: 10,
      retryDelaySeconds: 30,
      retryBackoff: true,
      expireInSeconds: options.expireInSeconds ?? 3600,
    },
  ]
}

/** Queues a re-screening (every application, or those listed) and returns its job id. */
export async function enqueueRescreen(queue: JobQueue, data: RescreenJobData = {}): Promise<string> {
  const id = await queue.send(rescreenQueue, { ...data })
  if (id === null) throw new Error('the job queue did not queue the re-screening')
  return id
}

/**
 * What `POST /v1/rescreen` uses to start a re-screening of the whole pool in the background, and `GET
 * /v1/rescreen/:jobId` to report one: the queue's state, and the progress each page saved while it runs.
 */
export function rescreenJobStarter(queue: JobQueue, store?: Pick<Store, 'jobProgress'>): RescreenJobStarter {
  return {
    start: async (data) => ({ jobId: await enqueueRescreen(queue, data) }),
    find: async (jobId) => {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(jobId)) return undefined
      const job = await findRescreen(queue, jobId)
      if (job === undefined) return undefined
      const output = job.state === 'completed' ? (job.output as RescreenJobOutput | null) : null
      const saved = output === null ? (await store?.jobProgress.find(jobId))?.progress : undefined
      const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)
      return {
        jobId: job.id,
        state: job.state,
        screened: output?.screened ?? count(saved?.['screened']),
        changedCount: output?.changedCount ?? count(saved?.['changed']),
        changed: output?.changed ?? [],
        notFound: output?.notFound ?? [],
        attempts: job.retryCount + (job.startedAt === null ? 0 : 1),
        createdAt: job.createdAt,
        startedAt: job.startedAt,
        completedAt: job.completedAt,
      }
    },
  }
}

/** A re-screening job's state; its output is a {@link RescreenJobOutput} once completed. */
export function findRescreen(queue: JobQueue, jobId: string): Promise<JobStatus | undefined> {
  return queue.find(rescreenQueue, jobId)
}

/** What a completed re-screening job reports (the first {@link maxReportedChanges} changes). */
export type RescreenJobOutput = {
  readonly screened: number
  readonly changedCount: number
  readonly changed: RescreenReport['changed']
  readonly notFound: readonly string[]
  /** Where this attempt started: an earlier attempt had re-screened up to here. */
  readonly resumedAfter: string | null
}

/**
 * Runs this process's re-screening jobs (start the queue first). Each committed page saves the job's progress, so a
 * retried attempt (the worker was killed, or the process stopped) resumes after the last application done. An
 * attempt stops after its page when the process stops or its time is nearly up, and is retried from there.
 */
export function workOnRescreens(
  queue: JobQueue,
  context: { readonly store: Pick<Store, 'jobProgress'>; readonly screening: Pick<ScreeningService, 'rescreen'> },
  options: RescreenQueueOptions = {},
): void {
  const budgetMs = Math.max(1, (options.expireInSeconds ?? 3600) - 60) * 1000
  queue.work<RescreenJobData>(rescreenQueue, (job) => runRescreenJob(job, context, budgetMs))
}

async function runRescreenJob(
  job: QueuedJob<RescreenJobData>,
  context: { readonly store: Pick<Store, 'jobProgress'>; readonly screening: Pick<ScreeningService, 'rescreen'> },
  budgetMs: number,
): Promise<RescreenJobOutput> {
  const saved = await context.store.jobProgress.find(job.id)
  const savedAfter = saved?.progress['lastApplicationId']
  const after = typeof savedAfter === 'string' ? savedAfter : job.data.after
  const stop = AbortSignal.any([job.signal, AbortSignal.timeout(budgetMs)])
  const report = await runRescreen(
    context.screening,
    { ...job.data, ...(after === undefined ? {} : { after }) },
    {
      signal: stop,
      onProgress: (progress) =>
        context.store.jobProgress.save(job.id, rescreenQueue, {
          screened: progress.screened,
          changed: progress.changed,
          ...(progress.lastApplicationId === undefined ? {} : { lastApplicationId: progress.lastApplicationId }),
        }),
    },
  )
  if (!report.completed) {
    throw new Error(
      `the re-screening stopped after ${report.screened} applications (the process is stopping or its time ran out); it resumes after ${report.lastApplicationId ?? 'the start'}`,
    )
  }
  return {
    screened: report.screened,
    changedCount: report.changed.length,
    changed: report.changed.slice(0, maxReportedChanges),
    notFound: report.notFound,
    resumedAfter: after ?? null,
  }
}
