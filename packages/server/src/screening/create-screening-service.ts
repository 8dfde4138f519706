import {
  normaliseApplication,
  perRecordDetectors,
  type Detector,
  type IdentityIndexOptions,
  type ReferenceData,
  type ScoringPolicy,
} from '@hirewall/core'
import { defaultIdempotencyKey, type Store, type StoredScreeningResult } from '@hirewall/store'
import { ActiveRiskModel } from './active-risk-model.js'
import { GroupCommitQueue } from './group-commit-queue.js'
import { IdentityMemory } from './identity-memory.js'
import { PublishedPolicy } from './published-policy.js'
import { rescreenApplications } from './rescreen-applications.js'
import { screenBatch, type PreparedSubmission } from './screen-batch.js'
import { dataVersionsOf, detectRecordSignals, type ScreeningConfig } from './screening-config.js'
import { findUnstorableText, unstorableTextMessage } from './find-unstorable-text.js'
import { ScreeningError } from './screening-error.js'
import type {
  RescreenReport,
  ScreeningService,
  ScreeningSubmission,
  SubmissionFailure,
  SubmissionResult,
} from './screening-service.js'

export type ScreeningServiceOptions = {
  readonly store: Store
  readonly policy: ScoringPolicy
  /** Reference lookups; add the intel sources (`loadIntel(...).sources`) so results cite them in `dataVersions`. */
  readonly reference: ReferenceData
  /** Per-record detectors; default every registered one (`perRecordDetectors`). */
  readonly detectors?: readonly Detector[]
  /** Intelligence detectors (`loadIntel(...).detectors`); default none. */
  readonly intelDetectors?: readonly Detector[]
  /** Options of the in-memory identity index (thresholds, evidence limits). */
  readonly identityIndex?: IdentityIndexOptions
  /**
   * Group commit: at most `maxBatchSize` submissions per transaction (default 64); the first submission reaching an
   * idle service waits up to `maxWaitMs` for others (default 1 ms). Submissions that arrive while a batch is written
   * go together in the next one, so batches grow with the load.
   */
  readonly batch?: { readonly maxBatchSize?: number; readonly maxWaitMs?: number }
  /** Called with every result written (submissions and re-screenings), after its transaction committed. */
  readonly onScreened?: (result: StoredScreeningResult) => void
  /**
   * Called with the errors the service handles itself, to log them: a batch that could not be written (its
   * submissions fail with `unavailable`), an `onScreened` listener that threw.
   */
  readonly onError?: (error: unknown) => void
  /**
   * Called when the service opens, before each batch and before each re-screening page, with the configuration in
   * use: answers changes when reference data kept in the database changed since (`storedWatchlists(store).refresh`,
   * also when another process changed it). A batch whose own signals were found with the older detectors finds them
   * again. A refresh that fails is reported to `onError` and screening goes on with the configuration it had.
   */
  readonly refreshConfig?: (current: () => ScreeningConfig) => Promise<Partial<ScreeningConfig> | undefined>
  /**
   * Screen with the policy published in the store (`store.policyVersions`), read again under the linking lock of every
   * batch and before every re-screening page, so a version any process publishes applies everywhere at once; `policy`
   * screens until one is published. Default false: `policy` (and `reconfigure`) only.
   */
  readonly followPublishedPolicy?: boolean
}

/**
 * The screening pipeline over the store (see `ScreeningService` and docs/screening.md). Opening it replays every
 * linked application into the in-memory identity index, in link order: seconds for a pool of 100,000.
 */
export async function createScreeningService(options: ScreeningServiceOptions): Promise<ScreeningService> {
  const { store } = options
  let config: ScreeningConfig = {
    policy: options.policy,
    reference: options.reference,
    detectors: options.detectors ?? perRecordDetectors,
    intelDetectors: options.intelDetectors ?? [],
  }
  const refresh = async (): Promise<void> => {
    if (options.refreshConfig === undefined) return
    try {
      const changes = await options.refreshConfig(() => config)
      if (changes !== undefined) config = { ...config, ...changes }
    } catch (error) {
      options.onError?.(error)
    }
  }
  await refresh()
  const memory = new IdentityMemory(options.identityIndex)
  const published = options.followPublishedPolicy === true ? new PublishedPolicy() : undefined
  const followPolicy = async (repositories: Pick<Store, 'policyVersions'>): Promise<ScoringPolicy> => {
    const policy = await published?.refresh(repositories.policyVersions)
    if (policy !== undefined && policy !== config.policy) config = { ...config, policy }
    return config.policy
  }
  const policyUnderLock = published === undefined ? undefined : followPolicy
  const riskModel = new ActiveRiskModel(options.onError)
  await memory.rebuild(store.linking)
  let isOpen = true
  const listeners = new Set<(result: StoredScreeningResult) => void>()
  if (options.onScreened !== undefined) listeners.add(options.onScreened)
  const screened = (result: StoredScreeningResult): void => {
    for (const listener of listeners) {
      try {
        listener(result)
      } catch (error) {
        options.onError?.(error)
      }
    }
  }
  const rescreens = new Set<Promise<RescreenReport>>()

  const queue = new GroupCommitQueue<PreparedSubmission, SubmissionResult>(
    { maxBatchSize: options.batch?.maxBatchSize ?? 64, maxWaitMs: options.batch?.maxWaitMs ?? 1 },
    async (queued) => {
      await refresh()
      const batch = queued.map(withCurrentDetectors)
      try {
        return notify(await screenBatch(store, memory, batch, riskModel, policyUnderLock))
      } catch (error) {
        options.onError?.(error)
        if (batch.length === 1) return [unavailable()]
      }
      // One submission the database refuses must not fail the others: try each alone, in order.
      const results: SubmissionResult[] = []
      for (const item of batch) {
        try {
          results.push(...notify(await screenBatch(store, memory, [item], riskModel, policyUnderLock)))
        } catch (error) {
          options.onError?.(error)
          results.push(unavailable())
        }
      }
      return results
    },
  )
  // Own signals found before a refresh replaced the intel detectors are found again with the new ones.
  const withCurrentDetectors = (item: PreparedSubmission): PreparedSubmission => {
    if (item.config.intelDetectors === config.intelDetectors) return item
    return { ...item, own: detectRecordSignals(item.submission.record, item.facts, config), config }
  }
  const notify = (results: readonly SubmissionResult[]): readonly SubmissionResult[] => {
    for (const result of results) if (result.status === 'created') screened(result.result)
    return results
  }

  const prepare = (submission: ScreeningSubmission): PreparedSubmission | SubmissionFailure => {
    const { record } = submission
    // The API's raw payload is the record itself: scan it once.
    const where =
      findUnstorableText(record, ['record']) ??
      (submission.raw === record ? undefined : findUnstorableText(submission.raw, ['raw']))
    if (where !== undefined) return failure('invalid', `${where} ${unstorableTextMessage}.`)
    const facts = normaliseApplication(record)
    return {
      submission,
      idempotencyKey: submission.idempotencyKey ?? defaultIdempotencyKey(record),
      facts,
      own: detectRecordSignals(record, facts, config),
      config,
    }
  }
  const screen = (submissions: readonly ScreeningSubmission[]): Promise<SubmissionResult[]> => {
    const prepared = submissions.map(prepare)
    const queued = queue.push(prepared.filter((item): item is PreparedSubmission => !('status' in item)))
    let next = 0
    return Promise.all(
      prepared.map((item) =>
        'status' in item ? Promise.resolve(item) : (queued[next++] as Promise<SubmissionResult>),
      ),
    )
  }
  const closed = (): SubmissionFailure => failure('closed', 'The screening service is shutting down; retry elsewhere.')

  return {
    submit: async (submission) => {
      if (!isOpen) throw new ScreeningError('closed', closed().message)
      const [result] = await screen([submission])
      if (result === undefined) throw new Error('the queue returned no result')
      if (result.status === 'failed') throw new ScreeningError(result.code, result.message)
      return result
    },
    submitMany: async (submissions) => {
      if (!isOpen) return submissions.map(closed)
      return screen(submissions)
    },
    rescreen: async (rescreenOptions) => {
      if (!isOpen) throw new ScreeningError('closed', closed().message)
      const running = rescreenApplications(
        {
          store,
          config: () => config,
          riskModel,
          isOpen: () => isOpen,
          onScreened: screened,
          refresh,
          ...(published === undefined ? {} : { refreshPolicy: () => followPolicy(store) }),
        },
        rescreenOptions,
      )
      rescreens.add(running)
      try {
        return await running
      } finally {
        rescreens.delete(running)
      }
    },
    versions: () => ({ policyVersion: config.policy.version, dataVersions: dataVersionsOf(config) }),
    configuration: () => config,
    reconfigure: (changes) => {
      config = { ...config, ...changes }
    },
    onScreened: (listener) => {
      // A wrapper per call, so the same function subscribed twice is also removed independently.
      const subscription = (result: StoredScreeningResult): void => listener(result)
      listeners.add(subscription)
      return () => listeners.delete(subscription)
    },
    close: async () => {
      isOpen = false
      await queue.drain()
      await Promise.allSettled(rescreens)
    },
  }
}

function unavailable(): SubmissionFailure {
  return failure(
    'unavailable',
    'The screening batch could not be stored, so nothing of this submission was written; retry with the same idempotency key.',
  )
}

function failure(code: SubmissionFailure['code'], message: string): SubmissionFailure {
  return { status: 'failed', code, message }
}
