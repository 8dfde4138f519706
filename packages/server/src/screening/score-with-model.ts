import type { Outcome, ScreeningResult } from '@hirewall/core'
import type { LinkFacts, RiskExplanation, RiskModel } from '@hirewall/model'
import type { ModelAssessment, ScreenedResult } from '@hirewall/store'

/** How many of the model's contributions a result keeps: the ones an analyst reads next to the rule signals. */
export const contributionsKept = 6

/**
 * How the model combines with the rules: it may raise a clear application to review (a person looks), never to
 * hold, and never lowers what the rules found. A hold needs the rules' hold gate (strong signals), as without a
 * model: HireWall recommends, a human decides.
 */
export function combinedWithModel(rules: Outcome, model: Outcome): Outcome {
  return rules === 'clear' && model !== 'clear' ? 'review' : rules
}

export function toModelAssessment(explanation: RiskExplanation): ModelAssessment {
  return {
    modelVersion: explanation.modelVersion,
    probability: explanation.probability,
    score: explanation.score,
    outcome: explanation.outcome,
    baselineProbability: explanation.baselineProbability,
    summary: explanation.summary,
    contributions: explanation.contributions.map((contribution) => ({
      feature: contribution.feature,
      kind: contribution.kind,
      value: contribution.value,
      contribution: contribution.contribution,
      ...(contribution.signalCode === undefined ? {} : { signalCode: contribution.signalCode }),
      sentence: contribution.sentence,
    })),
  }
}

/**
 * The rules' result with the link facts it was scored from and, when a model is active and the facts are known, the
 * model's explained estimate; the outcome combines the two ({@link combinedWithModel}), the score stays the rules'.
 */
export function scoreWithModel(
  result: ScreeningResult,
  linkFacts: LinkFacts | undefined,
  model: RiskModel | undefined,
): ScreenedResult {
  if (linkFacts === undefined) return result
  if (model === undefined) return { ...result, linkFacts }
  const explanation = model.explain({ result, link: linkFacts }, { limit: contributionsKept })
  return {
    ...result,
    outcome: combinedWithModel(result.outcome, explanation.outcome),
    modelVersion: model.version,
    linkFacts,
    model: toModelAssessment(explanation),
  }
}
