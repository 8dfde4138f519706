import type { ScoredSignal, Severity } from '../api/api-types'

const severityWords: Record<Severity, string> = {
  info: 'Context only',
  low: 'Low severity',
  medium: 'Medium severity',
  high: 'High severity',
  critical: 'Critical',
}

/** The severity as a word an analyst reads at a glance. */
export function severityLabel(severity: Severity): string {
  return severityWords[severity]
}

/**
 * What a signal did to the score, in a sentence: "Added 22.9 of the 94 points (24 %)." A signal that adds nothing
 * is context for the analyst, and says so.
 */
export function explainContribution(signal: Pick<ScoredSignal, 'contribution'>, score: number): string {
  const points = Math.round(signal.contribution * 10) / 10
  if (points <= 0) return 'Adds nothing to the score: shown as context.'
  const total = Math.round(score)
  const share = score > 0 ? Math.round((signal.contribution / score) * 100) : 0
  return `Added ${points} of the ${total} points (${share} %).`
}

/** Why the outcome is what it is, in one sentence. */
export function explainOutcome(result: {
  readonly outcome: string
  readonly holdGate: string
  readonly score: number
}): string {
  const score = Math.round(result.score)
  switch (result.outcome) {
    case 'hold':
      return `Held at ${score}: the score reached the hold threshold and the hold conditions were met. A person must decide before this application goes on.`
    case 'review':
      return result.holdGate === 'not-met'
        ? `Review at ${score}: high enough to hold, but no signal strong enough on its own, so it needs a person's look rather than a hold.`
        : `Review at ${score}: above the review threshold. A person should look before it goes on.`
    case 'clear':
      return `Clear at ${score}: below the review threshold.`
    default:
      return `Outcome ${result.outcome} at ${score}.`
  }
}

/** An evidence value as text: strings as they are, lists joined, objects as compact JSON. */
export function evidenceText(value: unknown): string {
  if (value === null || value === undefined) return '–'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return value.map(String).join(', ')
  }
  return JSON.stringify(value)
}

/** Evidence keys as words: `listVersion` → "list version", `raw` → "as typed". */
export function evidenceLabel(key: string): string {
  const known: Record<string, string> = {
    raw: 'as typed',
    e164: 'parsed number',
    lineType: 'line type',
    path: 'field',
    listVersion: 'list version',
    otherApplicationIds: 'other applications',
    applicationIds: 'applications',
  }
  return known[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
}
