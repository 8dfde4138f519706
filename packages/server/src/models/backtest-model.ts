import { scoreSignals, type Outcome, type ScoringPolicy } from '@hirewall/core'
import { labelBook, type DecisionRow, type ModelLabel, type RiskModel } from '@hirewall/model'
import type { ModelBacktestEntry, ModelRepository } from '@hirewall/store'
import { replayStoredOutcomes, type StoredReplayOptions } from '../backtest/replay-stored-outcomes.js'
import { outcomeOf, signalsOf } from '../policy/backtest-policy.js'
import { combinedWithModel } from '../screening/score-with-model.js'

/** What the analysts decided about an application: its own latest decision, else its cluster's. */
export const backtestLabels = ['fraud', 'legitimate', 'unlabelled'] as const
export type BacktestLabel = (typeof backtestLabels)[number]

/** One side of a changed application: the outcome, the rules' score and the model's score (null without a model). */
export type ModelBacktestSide = {
  readonly outcome: Outcome
  readonly score: number
  readonly modelScore: number | null
}

/** One application whose outcome the candidate model would change. */
export type ModelBacktestChange = {
  readonly applicationId: string
  readonly label: BacktestLabel
  readonly from: ModelBacktestSide
  readonly to: ModelBacktestSide
}

type LabelCounts = { readonly fraud: number; readonly legitimate: number; readonly unlabelled: number }

/** What a candidate model (or the rules alone) would do to the stored history under the published policy. */
export type ModelBacktestReport = {
  /** The candidate; null when the rules alone were replayed. */
  readonly modelVersion: string | null
  /** The model active when the backtest ran, null when the rules decide alone. */
  readonly activeModelVersion: string | null
  /** The policy the rules were scored with: the published one. */
  readonly policyVersion: string
  /** Stored applications with a screening result: every one was replayed. */
  readonly applications: number
  /** Of those, how many would get another outcome. */
  readonly changed: number
  /** Applications by stored outcome (first key) and the replayed outcome (second key); the diagonal is unchanged. */
  readonly matrix: Readonly<Record<Outcome, Readonly<Record<Outcome, number>>>>
  /** Clear now, review or hold under the candidate, by the analysts' label. */
  readonly newlyFlagged: LabelCounts
  /** Review or hold now, clear under the candidate, by the analysts' label. */
  readonly newlyCleared: LabelCounts
  /** Replayed applications with a label (confirmed fraud or cleared, their own or their cluster's). */
  readonly labelled: number
  /** Results stored without link facts (screened before they were kept): the rules alone decide them in the replay. */
  readonly withoutLinkFacts: number
  /** Stored results scored by another policy than the published one (not re-screened since it was published). */
  readonly scoredWithOtherPolicy: number
  /** Stored results scored by another model than the active one, or by none while one is active. */
  readonly scoredWithOtherModel: number
  /** Up to `sampleSize` changed applications, largest score change first (then by id). */
  readonly sample: readonly ModelBacktestChange[]
  readonly durationMs: number
}

export type ModelBacktestOptions = StoredReplayOptions & {
  /** The policy the rules score with: the published one. */
  readonly policy: ScoringPolicy
  readonly activeModelVersion?: string | undefined
}

const labelName = (label: ModelLabel): BacktestLabel =>
  label === 1 ? 'fraud' : label === 0 ? 'legitimate' : 'unlabelled'

/**
 * Replays `candidate` (undefined: the rules alone) over every stored application's latest result as screening would
 * score it today: the stored signals under `options.policy`, the model's features rebuilt from those signals and the
 * link facts stored with the result (the identity graph as of linking), the two combined as screening combines them
 * (the model may raise clear to review, never more). Detectors and linking are not run again. Each outcome is
 * compared with the stored one and counted by the analysts' decisions, which are the labels.
 */
export async function backtestModel(
  models: Pick<ModelRepository, 'backtestPage' | 'labelDecisions'>,
  candidate: RiskModel | undefined,
  options: ModelBacktestOptions,
): Promise<ModelBacktestReport> {
  const started = performance.now()
  const { policy } = options
  const activeModelVersion = options.activeModelVersion ?? null
  const rows: DecisionRow[] = []
  for (const decision of await models.labelDecisions()) {
    const { kind, id } = decision.subject
    if (kind === 'application' || kind === 'cluster') rows.push({ subject: { kind, id }, verdict: decision.verdict })
  }
  const labels = labelBook(rows)
  let labelled = 0
  let withoutLinkFacts = 0
  let scoredWithOtherPolicy = 0
  let scoredWithOtherModel = 0

  const replay = (entry: ModelBacktestEntry) => {
    if (entry.policyVersion !== policy.version) scoredWithOtherPolicy += 1
    if (entry.modelVersion !== activeModelVersion) scoredWithOtherModel += 1
    const { label } = labels.labelFor(entry.applicationId, entry.clusterId)
    if (label !== null) labelled += 1
    const rules = scoreSignals(signalsOf(entry), policy)
    if (entry.linkFacts === null) withoutLinkFacts += 1
    // As screening does: without link facts the model is not asked.
    const model =
      candidate === undefined || entry.linkFacts === null
        ? undefined
        : candidate.predict({ result: rules, link: entry.linkFacts })
    const from: ModelBacktestSide = { outcome: outcomeOf(entry), score: entry.score, modelScore: entry.modelScore }
    const to: ModelBacktestSide = {
      outcome: model === undefined ? rules.outcome : combinedWithModel(rules.outcome, model.outcome),
      score: rules.score,
      modelScore: model?.score ?? null,
    }
    return {
      row: { before: from.outcome, after: to.outcome, label },
      magnitude: Math.abs(to.score - from.score) + Math.abs((to.modelScore ?? 0) - (from.modelScore ?? 0)),
      change: (): ModelBacktestChange => ({ applicationId: entry.applicationId, label: labelName(label), from, to }),
    }
  }

  const replayed = await replayStoredOutcomes((request) => models.backtestPage(request), replay, options)
  const { backtest } = replayed
  return {
    modelVersion: candidate?.version ?? null,
    activeModelVersion,
    policyVersion: policy.version,
    applications: backtest.applications,
    changed: backtest.changed,
    matrix: backtest.transitions,
    newlyFlagged: backtest.newlyFlagged,
    newlyCleared: backtest.newlyCleared,
    labelled,
    withoutLinkFacts,
    scoredWithOtherPolicy,
    scoredWithOtherModel,
    sample: replayed.sample,
    durationMs: Math.round(performance.now() - started),
  }
}
