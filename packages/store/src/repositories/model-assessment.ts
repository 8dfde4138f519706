import type { IdentifierKind, Outcome, ScreeningResult } from '@hirewall/core'

/**
 * What the identity graph knew about an application when it was linked, as stored next to its results: counts and
 * similarities only (the same shape as `@hirewall/model`'s `LinkFacts`). A later rescoring reads these, never the
 * graph as it stands now, so a model never sees members of a ring who applied after.
 */
export type StoredLinkFacts = {
  readonly clusterApplications: number
  readonly clusterClaimedPeople: number
  readonly clusterSurnames: number
  readonly otherPeopleByKind: Readonly<Partial<Record<IdentifierKind, number>>>
  readonly samePersonEarlierApplications: number
  readonly cvTextSimilarity: number
  readonly photoSimilarity: number
}

/** One feature's part in the model's estimate, with the sentence an analyst reads. */
export type StoredContribution = {
  readonly feature: string
  readonly kind: string
  readonly value: number
  /** In calibrated log-odds: positive raises the estimate. */
  readonly contribution: number
  /** The rule signal the feature reads, when it reads one. */
  readonly signalCode?: string
  readonly sentence: string
}

/** The risk model's estimate for one result, stored next to the rules' score and outcome. */
export type ModelAssessment = {
  readonly modelVersion: string
  /** Calibrated probability of fraud, 0 to 1. */
  readonly probability: number
  /** The probability on the rules' 0-100 scale. */
  readonly score: number
  /** The model's own outcome at its thresholds (how it combined with the rules is the result's `outcome`). */
  readonly outcome: Outcome
  /** The probability for an average application. */
  readonly baselineProbability: number
  readonly summary: string
  /** The largest contributions, largest effect first. */
  readonly contributions: readonly StoredContribution[]
}

/** A screening result as written: the rules' result, plus the link facts and the model's estimate when there are. */
export type ScreenedResult = ScreeningResult & {
  readonly linkFacts?: StoredLinkFacts
  readonly model?: ModelAssessment
}
