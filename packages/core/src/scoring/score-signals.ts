import { findSignalDefinition } from '../signals/signal-registry.js'
import { severityRank } from '../signals/severity.js'
import type { Signal } from '../signals/signal.js'
import type { ScoringPolicy } from './scoring-policy.js'

export const outcomes = ['clear', 'review', 'hold'] as const
/** `hold` stops the hiring process until a human decides; HireWall never rejects anyone by itself. */
export type Outcome = (typeof outcomes)[number]

/** A signal with what it added to the score: the contributions of one result add up to its score. */
export type ScoredSignal = Signal & {
  readonly category: string
  readonly weight: number
  readonly contribution: number
}

// The same order as `localeCompare` (no locale or options given), without building a collator on every call.
const compareCodes = new Intl.Collator().compare

export type Score = {
  readonly score: number
  readonly outcome: Outcome
  readonly signals: readonly ScoredSignal[]
  /** Why a score at or above the hold threshold stayed at `review`, when it did. */
  readonly holdGate: 'met' | 'not-met' | 'not-reached'
}

/**
 * Combines signals into a 0-100 score and an outcome under a policy (see scoring-policy.ts for the model).
 * Each signal's contribution is its share of the combined log-odds, so contributions sum to the score.
 */
export function scoreSignals(signals: readonly Signal[], policy: ScoringPolicy): Score {
  const weighted = signals.map((signal) => {
    const category = findSignalDefinition(signal.code)?.category ?? 'other'
    const weight = policy.signalWeights[signal.code] ?? policy.severityWeights[signal.severity]
    return { signal, category, weight, strength: -Math.log1p(-Math.min(weight, 0.999999)) }
  })

  // Noisy-OR within each category, capped; then across categories.
  const categories = new Map<string, { strength: number; capped: number }>()
  for (const item of weighted) {
    const entry = categories.get(item.category) ?? { strength: 0, capped: 0 }
    entry.strength += item.strength
    categories.set(item.category, entry)
  }
  let totalStrength = 0
  for (const [category, entry] of categories) {
    const cap = policy.categoryCaps[category] ?? policy.categoryCaps.default
    const probability = Math.min(1 - Math.exp(-entry.strength), cap)
    entry.capped = -Math.log1p(-Math.min(probability, 0.999999))
    totalStrength += entry.capped
  }
  const probability = 1 - Math.exp(-totalStrength)
  const score = Math.round(probability * 1000) / 10

  const scored: ScoredSignal[] = weighted.map(({ signal, category, weight, strength }) => {
    const entry = categories.get(category)
    const share =
      entry && entry.strength > 0 && totalStrength > 0
        ? (strength / entry.strength) * (entry.capped / totalStrength)
        : 0
    // Object.assign, not `{ ...signal, category, ... }`: V8 builds a new hidden class for every spread followed by
    // properties (microseconds per signal); the keys and their order are the same.
    return Object.assign({}, signal, { category, weight, contribution: Math.round(share * score * 10) / 10 })
  })
  scored.sort((a, b) => b.contribution - a.contribution || compareCodes(a.code, b.code))

  const holdGate = evaluateHoldGate(scored, score, policy)
  const outcome: Outcome = holdGate === 'met' ? 'hold' : score >= policy.thresholds.review ? 'review' : 'clear'
  return { score, outcome, signals: scored, holdGate }
}

function evaluateHoldGate(signals: readonly ScoredSignal[], score: number, policy: ScoringPolicy): Score['holdGate'] {
  if (score < policy.thresholds.hold) return 'not-reached'
  const strongest = severityRank(policy.hold.anySignalAtLeast)
  if (signals.some((signal) => signal.weight > 0 && severityRank(signal.severity) >= strongest)) return 'met'
  const agreeing = policy.hold.orAgreeing
  const floor = severityRank(agreeing.severityAtLeast)
  const strong = signals.filter((signal) => signal.weight > 0 && severityRank(signal.severity) >= floor)
  const distinctCategories = new Set(strong.map((signal) => signal.category)).size
  return strong.length >= agreeing.count && distinctCategories >= agreeing.distinctCategories ? 'met' : 'not-met'
}
