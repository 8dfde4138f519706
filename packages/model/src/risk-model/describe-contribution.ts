import { findSignalDefinition, severities, severityRank, type Signal } from '@hirewall/core'
import { featurePosition, type FeatureDefinition } from '../features/model-features.js'

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2)
}

type SignalSeen = Pick<Signal, 'code' | 'severity'>

/** The signals the model may read, at the given severity or above, and in the category when one is given. */
function readableCodes(signals: readonly SignalSeen[], atLeast: number, category?: string): string[] {
  const codes = signals
    .filter((signal) => featurePosition(`signal.${signal.code}`) !== undefined)
    .filter((signal) => severityRank(signal.severity) >= atLeast)
    .filter((signal) => category === undefined || findSignalDefinition(signal.code)?.category === category)
    .map((signal) =>
      category === undefined ? (findSignalDefinition(signal.code)?.category ?? signal.code) : signal.code,
    )
  return [...new Set(codes)].sort()
}

/** What the feature's value says about the application, as a clause. */
function describeValue(feature: FeatureDefinition, value: number, signals: readonly SignalSeen[]): string {
  switch (feature.kind) {
    case 'signal': {
      const code = feature.signalCode ?? feature.name
      if (value <= 0) return `The rules did not raise ${code}`
      const severity = severities[Math.min(severities.length, Math.round(value)) - 1] ?? 'info'
      return `The rules raised ${code} (${severity}): ${feature.description.replace(/\.$/, '')}`
    }
    case 'category': {
      const category = /^category\.(.+)\.count$/.exec(feature.name)?.[1]
      const atLeast = severityRank(feature.name.endsWith('-at-medium') ? 'medium' : 'low')
      const listed = readableCodes(signals, atLeast, category)
      return `${feature.description}: ${formatValue(value)}${listed.length > 0 ? ` (${listed.join(', ')})` : ''}`
    }
    case 'link':
      return `${feature.description.replace(/\.$/, '')}: ${formatValue(value)}`
  }
}

/**
 * One plain-English sentence for one feature's effect on one application: what the feature says (naming the rule
 * signals behind a count) and how much it moved the model's estimate, in log-odds (+0.7 about doubles the odds).
 */
export function describeContribution(
  feature: FeatureDefinition,
  value: number,
  contribution: number,
  signals: readonly SignalSeen[],
): string {
  const direction = contribution >= 0 ? 'raises' : 'lowers'
  const amount = `${contribution >= 0 ? '+' : '−'}${Math.abs(contribution).toFixed(2)} log-odds`
  return `${describeValue(feature, value, signals)}. This ${direction} the model's estimate (${amount}).`
}
