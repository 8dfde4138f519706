import type { Store } from '@hirewall/store'
import type { ModelBacktestReport } from '../../models/backtest-model.js'
import { backtestStoredModel } from '../../models/backtest-stored-model.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import type { JobQueue, JobState, QueueDefinition, QueuedJob } from '../job-queue.js'

/** The queue of model backtests too large to run while the caller waits. */
export const modelBacktestQueue = 'model-backtest'

/** What a queued model backtest carries: plain JSON, stored with the job. */
export type ModelBacktestJobData = {
  /** A stored model's version, or `none` for the rules alone. */
  readonly version: string
  /** Who asked, for the audit log. */
  readonly actor: string
  readonly sampleSize?: number
}

/** A model backtest job as `GET /v1/models/backtests/:jobId` reports it. */
export type ModelBacktestJobView = {
  readonly jobId: string
  readonly state: JobState
  /** Once completed. */
  readonly report: ModelBacktestReport | null
  readonly createdAt: Date
  readonly completedAt: Date | null
}

/** Starts and finds background model backtests (what the model routes use above their synchronous limit). */
export type ModelBacktestJobs = {
  start(data: ModelBacktestJobData): Promise<{ readonly jobId: string }>
  find(jobId: string): Promise<ModelBacktestJobView | undefined>
}

/** The queue's rules: a backtest only reads, so a failed one is simply tried again. */
export function modelBacktestQueueDefinitions(): readonly QueueDefinition[] {
  return [{ name: modelBacktestQueue, retryLimit: 2, retryDelaySeconds: 10, retryBackoff: true, expireInSeconds: 1800 }]
}

/** Model backtests on `queue`: started by the model routes, run by {@link workOnModelBacktests} in any process. */
export function modelBacktestJobs(queue: JobQueue): ModelBacktestJobs {
  return {
    start: async (data) => {
      const id = await queue.send(modelBacktestQueue, { ...data })
      if (id === null) throw new Error('the job queue did not queue the model backtest')
      return { jobId: id }
    },
    find: async (jobId) => {
      const job = await queue.find(modelBacktestQueue, jobId)
      if (job === undefined) return undefined
      return {
        jobId: job.id,
        state: job.state,
        report: job.state === 'completed' ? (job.output as ModelBacktestReport) : null,
        createdAt: job.createdAt,
        completedAt: job.completedAt,
      }
    },
  }
}

/** Runs this process's model backtest jobs (start the queue first); each writes `model.backtested` to the audit log. */
export function workOnModelBacktests(
  queue: JobQueue,
  context: { readonly store: Store; readonly screening: Pick<ScreeningService, 'configuration'> },
): void {
  queue.work<ModelBacktestJobData>(modelBacktestQueue, (job) => runBacktestJob(job, context))
}

async function runBacktestJob(
  job: QueuedJob<ModelBacktestJobData>,
  context: { readonly store: Store; readonly screening: Pick<ScreeningService, 'configuration'> },
): Promise<ModelBacktestReport> {
  const { store } = context
  const outcome = await backtestStoredModel(store, job.data.version, {
    fallbackPolicy: context.screening.configuration().policy,
    sampleSize: job.data.sampleSize,
  })
  // The route checked the model; one deleted or broken since fails the job, which says why.
  if (outcome.status === 'not-found') throw new Error(`model ${job.data.version} is no longer stored`)
  if (outcome.status === 'invalid') throw new Error(outcome.message)
  const { report } = outcome
  await store.audit.append({
    actor: job.data.actor,
    action: 'model.backtested',
    target: `model:${job.data.version}`,
    details: modelBacktestAuditDetails(report, job.id),
  })
  return report
}

/** What the audit log keeps of a model backtest: the counts, never the listed applications. */
export function modelBacktestAuditDetails(report: ModelBacktestReport, jobId?: string): Record<string, unknown> {
  return {
    modelVersion: report.modelVersion,
    activeModelVersion: report.activeModelVersion,
    policyVersion: report.policyVersion,
    applications: report.applications,
    changed: report.changed,
    listed: report.sample.length,
    ...(jobId === undefined ? {} : { jobId }),
  }
}
