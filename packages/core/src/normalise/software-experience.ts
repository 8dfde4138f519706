import type { NormalisedWork } from './normalise-application.js'
import { msPerYear } from './partial-date.js'
import { memoise } from './memoise.js'

const softwareRole =
  /\b(?:software|developer|programmer|devops|sre|site reliability|full[- ]?stack|front[- ]?end|back[- ]?end|engineer(?:ing)?|coder|web|mobile|ios|android|data scientist)\b/i
const otherEngineering =
  /\b(?:civil|mechanical|chemical|structural|electrical|industrial|process|manufacturing|sales|field service|environmental|biomedical|petroleum|mining|audio|sound)\b/i

/** Whether a job title is a software developer or engineer role (`Senior Software Engineer`, `Backend Developer`). */
export function isSoftwareRole(position: string | undefined): boolean {
  return position ? isSoftwareTitle(position) : false
}

const isSoftwareTitle = memoise(
  (position: string): boolean => softwareRole.test(position) && !otherEngineering.test(position),
)

/**
 * Years the CV claims in software roles, up to `nowMs`: the union of the roles' spans, so overlapping jobs count once.
 * Roles without a start date are left out; a role without an end runs to `nowMs`.
 */
export function softwareExperienceYears(work: readonly NormalisedWork[], nowMs: number): number {
  const spans = work
    .filter((role) => role.start !== undefined && isSoftwareRole(role.entry.position))
    .map((role): [number, number] => [role.start?.startMs ?? nowMs, Math.min(role.end?.endMs ?? nowMs, nowMs)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0])
  let totalMs = 0
  let coveredUntil = Number.NEGATIVE_INFINITY
  for (const [start, end] of spans) {
    const from = Math.max(start, coveredUntil)
    if (end > from) totalMs += end - from
    coveredUntil = Math.max(coveredUntil, end)
  }
  return totalMs / msPerYear
}
