import type { Store } from '@hirewall/store'
import type { ScreeningService } from '../screening/screening-service.js'
import { importQueueDefinitions, type ImportQueueOptions } from './import/import-queues.js'
import { workOnImports, type ImportWorkOptions } from './import/work-on-imports.js'
import type { JobQueue, QueueDefinition } from './job-queue.js'
import { modelBacktestQueueDefinitions, workOnModelBacktests } from './model-backtest/model-backtest-jobs.js'
import { policyBacktestQueueDefinitions, workOnPolicyBacktests } from './policy-backtest/policy-backtest-jobs.js'
import { rescreenQueueDefinitions, workOnRescreens, type RescreenQueueOptions } from './rescreen/rescreen-jobs.js'
import { retentionQueueDefinitions, workOnRetention } from './retention/retention-jobs.js'

/** Settings of the server's background jobs; every one has a default. */
export type ServerJobOptions = {
  readonly imports?: ImportQueueOptions &
    ImportWorkOptions & {
      /** Valid rows per batch job, screened with one `submitMany` (default 100). */
      readonly batchSize?: number
    }
  readonly rescreen?: RescreenQueueOptions
}

/** Every queue the server uses: pass them to `createJobQueue`. */
export function serverJobQueues(options: ServerJobOptions = {}): readonly QueueDefinition[] {
  return [
    ...importQueueDefinitions(options.imports),
    ...rescreenQueueDefinitions(options.rescreen),
    ...policyBacktestQueueDefinitions(),
    ...modelBacktestQueueDefinitions(),
    ...retentionQueueDefinitions(),
  ]
}

/**
 * Starts this process's workers for every background job: bulk imports, re-screenings and retention runs (queued by
 * `scheduleRetention`). Call after
 * `queue.start()`; `queue.stop()` stops them (before closing the screening service and the store).
 */
export function startJobWorkers(
  queue: JobQueue,
  context: { readonly store: Store; readonly screening: ScreeningService },
  options: ServerJobOptions = {},
): void {
  workOnImports(
    queue,
    {
      store: context.store,
      screening: context.screening,
      queue,
      ...(options.imports?.batchSize === undefined ? {} : { batchSize: options.imports.batchSize }),
    },
    options.imports ?? {},
  )
  workOnRescreens(queue, context, options.rescreen ?? {})
  workOnPolicyBacktests(queue, context)
  workOnModelBacktests(queue, context)
  workOnRetention(queue, context)
}
