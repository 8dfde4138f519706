import type { ModelEvaluation } from './evaluate-model.js'
import type { DimensionFairness } from './fairness-report.js'

export const promotionCheckNames = ['fairness', 'quality'] as const
export type PromotionCheckName = (typeof promotionCheckNames)[number]

export type PromotionCheck = {
  readonly name: PromotionCheckName
  readonly status: 'passed' | 'failed'
  /** One or more sentences saying what was compared and why it passed or failed. */
  readonly messages: readonly string[]
}

export type PromotionDecision = {
  readonly status: 'allowed' | 'blocked'
  readonly checks: readonly PromotionCheck[]
}

export type PromotionInput = {
  /** The candidate measured on the evaluation data. */
  readonly candidate: ModelEvaluation
  /** The active model measured on the same data; absent when no model is active yet. */
  readonly active?: { readonly version: string; readonly evaluation: ModelEvaluation }
  /** How much lower the candidate's PR-AUC may be and still count as "at least as good" (noise of a finite set). */
  readonly tolerance: number
}

const points = (share: number): string => `${(share * 100).toFixed(1)}`
const rate = (share: number): string => `${(share * 100).toFixed(1)}%`

function fairnessMessage(dimension: DimensionFairness, bound: number, minGroupSize: number): string {
  const highest = dimension.groups.find((group) => group.group === dimension.highest)
  const lowest = dimension.groups.find((group) => group.group === dimension.lowest)
  if (dimension.status === 'too-few-groups')
    return `${dimension.dimension}: fewer than two groups have ${minGroupSize} or more legitimate applicants, so no gap is measured.`
  const detail =
    highest && lowest
      ? `legitimate applicants of ${highest.group} are flagged ${rate(highest.falsePositiveRate)} of the time (${highest.legitimate}) and of ${lowest.group} ${rate(lowest.falsePositiveRate)} (${lowest.legitimate})`
      : 'false-positive rates differ'
  const gap = dimension.falsePositiveGap ?? 0
  return dimension.status === 'exceeds'
    ? `${dimension.dimension}: ${detail}, a gap of ${points(gap)} points, above the bound of ${points(bound)} points.`
    : `${dimension.dimension}: ${detail}, a gap of ${points(gap)} points, within ${points(bound)}.`
}

/**
 * Whether a candidate model may become the active one: its false-positive rates across groups of legitimate
 * applicants stay within the bound (every gated dimension), and it ranks fraud at least as well (PR-AUC, within the
 * tolerance) as the active model on the same data, or as the rules alone when no model is active yet.
 */
export function decidePromotion(input: PromotionInput): PromotionDecision {
  const fairness = input.candidate.fairness.model
  const gated = fairness.dimensions.filter((dimension) => dimension.isGated)
  const fairnessCheck: PromotionCheck = {
    name: 'fairness',
    status: fairness.status === 'exceeds' ? 'failed' : 'passed',
    messages: gated.map((dimension) => fairnessMessage(dimension, fairness.maxFalsePositiveGap, fairness.minGroupSize)),
  }

  const candidatePrAuc = input.candidate.model.prAuc
  const [againstName, againstPrAuc] = input.active
    ? [`the active model ${input.active.version}`, input.active.evaluation.model.prAuc]
    : ['the rules alone (no model is active yet)', input.candidate.rules.prAuc]
  let qualityCheck: PromotionCheck
  if (candidatePrAuc === null || againstPrAuc === null) {
    qualityCheck = {
      name: 'quality',
      status: 'failed',
      messages: ['The evaluation data needs both fraudulent and legitimate labelled applications to compare PR-AUC.'],
    }
  } else {
    const isGoodEnough = candidatePrAuc >= againstPrAuc - input.tolerance
    qualityCheck = {
      name: 'quality',
      status: isGoodEnough ? 'passed' : 'failed',
      messages: [
        `PR-AUC ${candidatePrAuc.toFixed(3)} against ${againstPrAuc.toFixed(3)} for ${againstName}: ${
          isGoodEnough ? 'at least as good' : 'worse'
        } (tolerance ${input.tolerance.toFixed(3)}).`,
      ],
    }
  }
  const checks = [fairnessCheck, qualityCheck]
  return { status: checks.every((check) => check.status === 'passed') ? 'allowed' : 'blocked', checks }
}
