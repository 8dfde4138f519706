import { extractIdentifiers, type NormalisedApplication, type ScoringPolicy } from '@hirewall/core'
import { linkFactsFrom } from '@hirewall/model'
import type { ClusterAssignment, NewScreenedApplication, Repositories, Store, TakenApplication } from '@hirewall/store'
import type { ActiveRiskModel } from './active-risk-model.js'
import type { IdentityMemory } from './identity-memory.js'
import { scoreWithModel } from './score-with-model.js'
import { scoreScreening, type RecordSignals, type ScreeningConfig } from './screening-config.js'
import { ScreeningError } from './screening-error.js'
import { screeningCompletedEvent } from './screening-events.js'
import type { ScreeningOutcome, ScreeningSubmission, SubmissionResult } from './screening-service.js'

/** A submission with everything that does not need the pool, computed before it joins a batch. */
export type PreparedSubmission = {
  readonly submission: ScreeningSubmission
  readonly idempotencyKey: string
  readonly facts: NormalisedApplication
  readonly own: RecordSignals
  /** The configuration its own signals were found with; its result is scored with the same. */
  readonly config: ScreeningConfig
}

/** Who opens the review cases screening raises (the submitter asked for a screening, not a case). */
export const screeningActor = 'system:screening'

type Plan =
  | { readonly kind: 'new' }
  | { readonly kind: 'existing' }
  | { readonly kind: 'same-as'; readonly first: number }
  | { readonly kind: 'failed'; readonly error: ScreeningError }

/**
 * Screens one batch in one transaction: take the linking lock, catch the index up with other processes' links,
 * resolve idempotency keys (stored ones return the stored application and latest result; a key repeated within the
 * batch resolves to its first), read the active risk model, link and score the new applications in order (the rules,
 * then the model on the link facts as the graph stood right after each link), and write them with multi-row
 * statements: applications, identifiers, results, clusters, cases, `screening.completed` events and audit entries.
 * When the transaction fails after linking, the index is marked stale and rebuilt before the next batch.
 */
export async function screenBatch(
  store: Store,
  memory: IdentityMemory,
  batch: readonly PreparedSubmission[],
  riskModel: ActiveRiskModel,
  /** The published policy, read under the lock; absent: each submission's own configuration decides. */
  policyUnderLock?: (repositories: Repositories) => Promise<ScoringPolicy>,
): Promise<readonly SubmissionResult[]> {
  if (memory.isStale) await memory.rebuild(store.linking)
  // Outside the lock, so a process that was idle while others linked does not hold every process up replaying.
  else if (memory.mayBeBehind()) await memory.catchUp(store.linking)
  const receivedAt = new Date()
  let hasLinked = false
  try {
    const { results, lastSeq } = await store.transaction(async (repositories) => {
      await repositories.linking.lock()
      await memory.catchUp(repositories.linking)
      const taken = await repositories.linking.findTaken({
        idempotencyKeys: batch.map((item) => item.idempotencyKey),
        ids: batch.map((item) => item.submission.record.id),
      })
      const plans = planBatch(batch, taken)
      const hasNew = plans.some((plan) => plan.kind === 'new')
      // Under the lock, which publishing takes too: no result is written with a policy replaced before it commits.
      const policy = hasNew ? await policyUnderLock?.(repositories) : undefined
      // Under the lock: every process screens the batch after a promotion with the promoted model.
      const model = plans.some((plan) => plan.kind === 'new') ? await riskModel.refresh(repositories.models) : undefined

      const fresh: NewScreenedApplication[] = []
      const clusterIds = new Set<string>()
      let seq = memory.lastSeq
      hasLinked = plans.some((plan) => plan.kind === 'new')
      batch.forEach((item, position) => {
        if (plans[position]?.kind !== 'new') return
        const { record, raw } = item.submission
        const link = memory.index.link(record, item.facts)
        const linkFacts = linkFactsFrom(link, memory.index.cluster(link.clusterId))
        clusterIds.add(link.clusterId)
        fresh.push({
          record,
          raw,
          facts: item.facts,
          idempotencyKey: item.idempotencyKey,
          linkSeq: ++seq,
          identitySignals: link.signals,
          identifiers: extractIdentifiers(record, item.facts),
          result: scoreWithModel(
            scoreScreening(
              record.id,
              item.own,
              link.signals,
              link.clusterId,
              policy === undefined ? item.config : { ...item.config, policy },
            ),
            linkFacts,
            model,
          ),
        })
      })

      const written = await writeScreened(repositories, memory, fresh, clusterIds, batch, receivedAt)
      const outcomes: SubmissionResult[] = []
      let next = 0
      for (const [position, plan] of plans.entries()) {
        const item = batch[position]
        if (item === undefined) continue
        switch (plan.kind) {
          case 'new': {
            const screened = written[next++]
            if (screened === undefined) throw new Error('a new application was not written')
            outcomes.push({ status: 'created', ...screened })
            break
          }
          case 'existing':
            outcomes.push(await readExisting(repositories, item.idempotencyKey))
            break
          case 'same-as': {
            const first = outcomes[plan.first]
            if (first === undefined) throw new Error('a repeated key resolved before its first')
            outcomes.push(first.status === 'failed' ? first : { ...first, status: 'existing' })
            break
          }
          case 'failed':
            outcomes.push({ status: 'failed', code: plan.error.code, message: plan.error.message })
            break
        }
      }
      return { results: outcomes, lastSeq: seq }
    })
    memory.advanceTo(lastSeq)
    return results
  } catch (error) {
    // The index cannot forget the links of a transaction that did not commit: rebuild it from the database.
    if (hasLinked) memory.invalidate()
    throw error
  }
}

function planBatch(batch: readonly PreparedSubmission[], taken: readonly TakenApplication[]): readonly Plan[] {
  const byKey = new Map(taken.map((row) => [row.idempotencyKey, row]))
  const keyOfStoredId = new Map(taken.map((row) => [row.id, row.idempotencyKey]))
  const firstOfKey = new Map<string, number>()
  const keyOfNewId = new Map<string, string>()
  return batch.map((item, position): Plan => {
    const key = item.idempotencyKey
    const id = item.submission.record.id
    const first = firstOfKey.get(key)
    if (first !== undefined) return { kind: 'same-as', first }
    firstOfKey.set(key, position)
    const stored = byKey.get(key)
    if (stored !== undefined) {
      return stored.latestVersion > 0
        ? { kind: 'existing' }
        : {
            kind: 'failed',
            error: new ScreeningError(
              'not-screened',
              `Application ${stored.id} is stored under idempotency key ${key} without a screening result.`,
            ),
          }
    }
    const otherKey = keyOfStoredId.get(id) ?? keyOfNewId.get(id)
    if (otherKey !== undefined) {
      return {
        kind: 'failed',
        error: new ScreeningError(
          'conflict',
          `Application id ${id} is already stored under another idempotency key (${otherKey}).`,
        ),
      }
    }
    keyOfNewId.set(id, key)
    return { kind: 'new' }
  })
}

async function writeScreened(
  repositories: Repositories,
  memory: IdentityMemory,
  fresh: readonly NewScreenedApplication[],
  clusterIds: ReadonlySet<string>,
  batch: readonly PreparedSubmission[],
  receivedAt: Date,
) {
  if (fresh.length === 0) return []
  const { screeningBatches } = repositories
  const written = await screeningBatches.insertScreened(fresh, receivedAt)
  // Clusters as they stand after the whole batch: one merged by a later link is no longer a cluster of its own.
  const assignments: ClusterAssignment[] = []
  for (const clusterId of clusterIds) {
    const cluster = memory.index.cluster(clusterId)
    if (cluster === undefined || cluster.applicationIds.length < 2) continue
    const { id, applicationIds, claimedPeople, isRing } = cluster
    assignments.push({ clusterId: id, applicationIds, claimedPeople, isRing })
  }
  await screeningBatches.assignClusters(assignments)
  await screeningBatches.openCases(
    written
      .filter(({ result }) => result.outcome !== 'clear')
      .map(({ application }) => ({ kind: 'application' as const, id: application.id })),
    screeningActor,
  )
  await screeningBatches.enqueueEvents(
    written.map(({ application, result }) => screeningCompletedEvent(application, result)),
  )
  const actorOf = new Map(batch.map((item) => [item.submission.record.id, item.submission.actor]))
  await screeningBatches.appendAudit(
    written.map(({ application, result }) => ({
      actor: actorOf.get(application.id) ?? screeningActor,
      action: 'application.submitted',
      target: `application:${application.id}`,
      details: {
        source: application.sourceSystem,
        externalId: application.externalId,
        outcome: result.outcome,
        score: result.score,
      },
    })),
  )
  return written
}

async function readExisting(repositories: Repositories, idempotencyKey: string): Promise<ScreeningOutcome> {
  const application = await repositories.applications.findByIdempotencyKey(idempotencyKey)
  const result = application && (await repositories.results.latest(application.id))
  if (!application || !result) throw new Error(`application under ${idempotencyKey} vanished while read back`)
  return { status: 'existing', application, result }
}
