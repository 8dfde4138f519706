import type { PolicyDocument } from './policy-api'

/** The severities in order, as the policy weighs them. */
export const severityOrder = ['info', 'low', 'medium', 'high', 'critical'] as const

/** What an admin edits, as the form holds it (text, so a half-typed number is not lost). */
export type PolicyEdits = {
  readonly versionName: string
  readonly review: string
  readonly hold: string
  readonly severityWeights: Readonly<Record<string, string>>
  readonly categoryCaps: Readonly<Record<string, string>>
}

/** The form's starting values: the published policy and a new version name. */
export function editsOf(policy: PolicyDocument, nextVersion: number): PolicyEdits {
  return {
    versionName: nextVersionName(policy.version, nextVersion),
    review: String(policy.thresholds.review),
    hold: String(policy.thresholds.hold),
    severityWeights: Object.fromEntries(
      Object.entries(policy.severityWeights).map(([key, value]) => [key, String(value)]),
    ),
    categoryCaps: Object.fromEntries(Object.entries(policy.categoryCaps).map(([key, value]) => [key, String(value)])),
  }
}

/**
 * The candidate policy: the published one with the edited values. A field that is not a number is sent as null, so
 * the server's validation names it (`body.policy.thresholds.review`).
 */
export function candidateOf(policy: PolicyDocument, edits: PolicyEdits): PolicyDocument {
  return {
    ...policy,
    version: edits.versionName.trim(),
    thresholds: { review: numberOf(edits.review), hold: numberOf(edits.hold) },
    severityWeights: mapNumbers(edits.severityWeights),
    categoryCaps: mapNumbers(edits.categoryCaps),
  }
}

/** `default-2026.11.1` becomes `default-2026.11.1-v2` for version 2; an earlier `-vN` suffix is replaced. */
export function nextVersionName(policyVersion: string, nextVersion: number): string {
  return `${policyVersion.replace(/-v\d+$/, '')}-v${nextVersion}`
}

/** The readable name of a field path the server reported: `body.policy.thresholds.review` is `thresholds.review`. */
export function policyFieldOf(path: string): string {
  return path.replace(/^body\.policy\.?/, '') || 'policy'
}

function numberOf(text: string): number {
  const trimmed = text.trim()
  const value = trimmed === '' ? Number.NaN : Number(trimmed)
  // JSON has no NaN: null reaches the server, which names the field.
  return Number.isFinite(value) ? value : (null as unknown as number)
}

function mapNumbers(values: Readonly<Record<string, string>>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, numberOf(value)]))
}
