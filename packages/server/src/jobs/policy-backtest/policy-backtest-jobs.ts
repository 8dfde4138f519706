import { validateScoringPolicy } from '@hirewall/core'
import type { Store } from '@hirewall/store'
import { backtestPolicy, type BacktestReport } from '../../policy/backtest-policy.js'
import type { JobQueue, JobState, QueueDefinition, QueuedJob } from '../job-queue.js'

/** The queue of backtests too large to run while the caller waits. */
export const policyBacktestQueue = 'policy-backtest'

/** What a queued backtest carries: plain JSON, stored with the job. */
export type PolicyBacktestJobData = {
  /** The candidate, validated by the route that queued it (and again by the worker). */
  readonly policy: Readonly<Record<string, unknown>>
  /** Who asked, for the audit log. */
  readonly actor: string
  readonly sampleSize?: number
}

/** What a completed backtest job holds: the report, and the published policy it was compared with. */
export type PolicyBacktestOutput = BacktestReport & { readonly publishedPolicyVersion: string | null }

/** A backtest job as `GET /v1/policy/backtests/:jobId` reports it. */
export type PolicyBacktestJobView = {
  readonly jobId: string
  readonly state: JobState
  /** Once completed. */
  readonly report: PolicyBacktestOutput | null
  readonly createdAt: Date
  readonly completedAt: Date | null
}

/** Starts and finds background backtests (what the policy routes use above their synchronous limit). */
export type PolicyBacktestJobs = {
  start(data: PolicyBacktestJobData): Promise<{ readonly jobId: string }>
  find(jobId: string): Promise<PolicyBacktestJobView | undefined>
}

/** The queue's rules: a backtest only reads, so a failed one is simply tried again. */
export function policyBacktestQueueDefinitions(): readonly QueueDefinition[] {
  return [
    { name: policyBacktestQueue, retryLimit: 2, retryDelaySeconds: 10, retryBackoff: true, expireInSeconds: 1800 },
  ]
}

/** Backtests on `queue`: started by the policy routes, run by {@link workOnPolicyBacktests} in any process. */
export function policyBacktestJobs(queue: JobQueue): PolicyBacktestJobs {
  return {
    start: async (data) => {
      const id = await queue.send(policyBacktestQueue, { ...data })
      if (id === null) throw new Error('the job queue did not queue the backtest')
      return { jobId: id }
    },
    find: async (jobId) => {
      const job = await queue.find(policyBacktestQueue, jobId)
      if (job === undefined) return undefined
      return {
        jobId: job.id,
        state: job.state,
        report: job.state === 'completed' ? (job.output as PolicyBacktestOutput) : null,
        createdAt: job.createdAt,
        completedAt: job.completedAt,
      }
    },
  }
}

/** Runs this process's backtest jobs (start the queue first); each writes `policy.backtested` to the audit log. */
export function workOnPolicyBacktests(queue: JobQueue, context: { readonly store: Store }): void {
  queue.work<PolicyBacktestJobData>(policyBacktestQueue, (job) => runBacktestJob(job, context.store))
}

async function runBacktestJob(job: QueuedJob<PolicyBacktestJobData>, store: Store): Promise<PolicyBacktestOutput> {
  const validation = validateScoringPolicy(job.data.policy)
  if (validation.status === 'invalid') {
    throw new Error(`the queued policy is not valid: ${validation.issues.map((issue) => issue.path).join(', ')}`)
  }
  const published = await store.policyVersions.published()
  const report = await backtestPolicy(store.policyVersions, validation.policy, {
    publishedPolicyVersion: published?.policyVersion,
    ...(job.data.sampleSize === undefined ? {} : { sampleSize: job.data.sampleSize }),
  })
  await store.audit.append({
    actor: job.data.actor,
    action: 'policy.backtested',
    details: {
      policyVersion: report.policyVersion,
      applications: report.applications,
      changed: report.changed,
      listed: report.sample.length,
      jobId: job.id,
    },
  })
  return { ...report, publishedPolicyVersion: published?.policyVersion ?? null }
}
