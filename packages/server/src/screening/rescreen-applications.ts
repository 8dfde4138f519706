import { normaliseApplication, outcomes, type Outcome, type ScreeningResult } from '@hirewall/core'
import type { RiskModel } from '@hirewall/model'
import type { RescreenCandidate, ScreenedResult, StoredScreeningResult, Store } from '@hirewall/store'
import type { ActiveRiskModel } from './active-risk-model.js'
import { detectRecordSignals, scoreScreening, type ScreeningConfig } from './screening-config.js'
import { scoreWithModel } from './score-with-model.js'
import { outcomeChangedEvent } from './screening-events.js'
import type { RescreenOptions, RescreenReason, RescreenReport } from './screening-service.js'
import { screeningActor } from './screen-batch.js'

/** Applications per page unless the caller says otherwise: small enough for one short transaction. */
export const defaultRescreenPageSize = 200

/** The most applications one page may hold. */
export const maxRescreenPageSize = 1000

export type RescreenContext = {
  readonly store: Store
  /** The configuration to screen with, read again for every page. */
  readonly config: () => ScreeningConfig
  /** The active risk model, read again for every page; absent: the rules alone. */
  readonly riskModel?: ActiveRiskModel
  /** Reads the published policy into `config` before each page, when the service follows the store's. */
  readonly refreshPolicy?: () => Promise<unknown>
  /** False once the service closes: the pass stops after the page in progress. */
  readonly isOpen: () => boolean
  readonly onScreened?: ((result: StoredScreeningResult) => void) | undefined
  /** Brings the configuration up to date with reference data kept in the database, before each page. */
  readonly refresh?: (() => Promise<void>) | undefined
}

/**
 * Re-screens stored applications a page at a time (never the whole pool in memory): each application's own signals
 * are found again with the current detectors and reference data, its identity signals are the ones its link raised
 * (it is not linked again), and the current policy scores them. Each page is one transaction: the next result
 * versions (trigger `rescreen`), `screening.outcome_changed` for changed outcomes, and a case for each outcome that
 * rose to review or hold. One audit entry names the whole pass.
 */
export async function rescreenApplications(
  context: RescreenContext,
  options: RescreenOptions = {},
): Promise<RescreenReport> {
  const pageSize = Math.min(Math.max(1, Math.floor(options.pageSize ?? defaultRescreenPageSize)), maxRescreenPageSize)
  const changed: RescreenReport['changed'][number][] = []
  let screened = 0
  let after = options.after
  let completed = false
  let policyVersion = context.config().policy.version
  const unseen = new Set(options.applicationIds ?? [])
  for (;;) {
    if (options.signal?.aborted === true || !context.isOpen()) break
    const page = await context.store.screeningBatches.rescreenPage({
      limit: pageSize,
      ...(after === undefined ? {} : { after }),
      ...(options.applicationIds === undefined ? {} : { applicationIds: options.applicationIds }),
    })
    if (page.length === 0) {
      completed = true
      break
    }
    for (const candidate of page) unseen.delete(candidate.id)
    await context.refresh?.()
    await context.refreshPolicy?.()
    const config = context.config()
    policyVersion = config.policy.version
    const model = await context.riskModel?.refresh(context.store.models)
    const results = page.map((candidate) => rescore(candidate, config, model))
    const appended = await context.store.transaction(async (repositories) => {
      const rows = await repositories.screeningBatches.appendResults(results, 'rescreen')
      const events = []
      const risen: string[] = []
      for (const [index, { result, previous }] of rows.entries()) {
        if (previous === undefined || previous.outcome === result.outcome) continue
        const candidate = page[index]
        const from = { outcome: previous.outcome, score: previous.score }
        const to = { outcome: result.outcome, score: result.score }
        events.push(
          outcomeChangedEvent({
            applicationId: result.applicationId,
            from,
            to,
            version: result.version,
            policyVersion: result.policyVersion,
            reason: candidate === undefined ? 'requested' : reasonFor(candidate, result),
          }),
        )
        if (rank(to.outcome) > rank(from.outcome)) risen.push(result.applicationId)
      }
      await repositories.screeningBatches.enqueueEvents(events)
      await repositories.screeningBatches.openCases(
        risen.map((id) => ({ kind: 'application' as const, id })),
        screeningActor,
      )
      return rows
    })
    for (const { result, previous } of appended) {
      context.onScreened?.(result)
      if (previous !== undefined && previous.outcome !== result.outcome) {
        changed.push({
          applicationId: result.applicationId,
          from: { outcome: previous.outcome, score: previous.score },
          to: { outcome: result.outcome, score: result.score },
        })
      }
    }
    screened += appended.length
    after = page[page.length - 1]?.id
    await options.onProgress?.({ screened, changed: changed.length, lastApplicationId: after })
    if (page.length < pageSize) {
      completed = true
      break
    }
  }
  await context.store.audit.append({
    actor: options.actor ?? 'system:rescreen',
    action: 'applications.rescreened',
    details: {
      screened,
      changed: changed.length,
      completed,
      policyVersion,
      ...(options.applicationIds === undefined ? {} : { applicationIds: options.applicationIds.slice(0, 100) }),
      ...(after === undefined ? {} : { lastApplicationId: after }),
    },
  })
  return { screened, changed, completed, lastApplicationId: after, notFound: completed ? [...unseen] : [] }
}

/** Scores again from the stored link facts (the graph at link time); results from before they were kept: rules alone. */
function rescore(candidate: RescreenCandidate, config: ScreeningConfig, model: RiskModel | undefined): ScreenedResult {
  const own = detectRecordSignals(candidate.record, normaliseApplication(candidate.record), config)
  const result = scoreScreening(candidate.id, own, candidate.identitySignals, candidate.clusterId, config)
  return scoreWithModel(result, candidate.linkFacts, model)
}

function reasonFor(candidate: RescreenCandidate, result: ScreeningResult): RescreenReason {
  if (candidate.latest.policyVersion !== result.policyVersion) return 'policy-changed'
  const before = candidate.latest.dataVersions
  const now = result.dataVersions
  const names = new Set([...Object.keys(before), ...Object.keys(now)])
  for (const name of names) if (before[name] !== now[name]) return 'reference-data-changed'
  return 'requested'
}

function rank(outcome: Outcome): number {
  return outcomes.indexOf(outcome)
}
