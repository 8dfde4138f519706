import type { NormalisedEducation, NormalisedWork } from './normalise-application.js'
import { widestPeriod, type Period } from './period.js'

/**
 * Everything a CV counts as experience, each entry read at its longest and sorted by start: computed once per CV so
 * that measuring the experience before each of its roles is one pass without allocation.
 */
export type ExperienceTimeline = {
  readonly periods: readonly TimelinePeriod[]
  /** Whether the time between the last degree and the first listed role is among the periods. */
  readonly hasUntold: boolean
}

type TimelinePeriod = Period & {
  /** The role the period is, when it is one (a role's own time does not count before it). */
  readonly work?: NormalisedWork
}

/**
 * The most experience the CV allows before a role began: the union (not the sum) of everything before its latest
 * possible start, each entry read at its longest. It counts every other role (internships and part-time work
 * included), doctoral research, and the time between the last degree and the first listed role, since CVs are often
 * trimmed of early jobs. Undefined when nothing came before the role and no degree says when the career began.
 *
 * @param work the dated roles of the CV, the role itself among them
 */
export function priorExperienceMs(
  role: NormalisedWork,
  work: readonly NormalisedWork[],
  education: readonly NormalisedEducation[],
  nowMs: number,
): number | undefined {
  return priorExperienceWithin(experienceTimeline(work, education, nowMs), role)
}

/** The experience timeline of a CV's dated roles and education, for `priorExperienceWithin`. */
export function experienceTimeline(
  work: readonly NormalisedWork[],
  education: readonly NormalisedEducation[],
  nowMs: number,
): ExperienceTimeline {
  const periods: TimelinePeriod[] = []
  let careerStartMs = Number.POSITIVE_INFINITY
  for (const entry of work) {
    if (!entry.start) continue
    careerStartMs = Math.min(careerStartMs, entry.start.startMs)
    const { fromMs, toMs } = widestPeriod(entry.start, entry.end, nowMs)
    periods.push({ fromMs, toMs, work: entry })
  }
  for (const entry of education) {
    if (entry.level === 'doctorate' && entry.start) periods.push(widestPeriod(entry.start, entry.end, nowMs))
  }
  const untold = untoldPeriod(education, careerStartMs)
  if (untold) periods.push(untold)
  periods.sort((a, b) => a.fromMs - b.fromMs)
  return { periods, hasUntold: untold !== undefined }
}

/** `priorExperienceMs` on a timeline built from the role's CV. */
export function priorExperienceWithin(timeline: ExperienceTimeline, role: NormalisedWork): number | undefined {
  if (!role.start) return undefined
  const cutoffMs = role.start.endMs
  // The union of the periods cut at the role's latest start; cutting ends keeps them sorted by start.
  let experienceMs = 0
  let coveredTo = Number.NEGATIVE_INFINITY
  for (const period of timeline.periods) {
    if (period.work === role) continue
    const toMs = Math.min(period.toMs, cutoffMs)
    if (!(toMs > period.fromMs)) continue // empty, or open-ended against an unreadable "now" (NaN)
    const fromMs = Math.max(period.fromMs, coveredTo)
    if (toMs > fromMs) experienceMs += toMs - fromMs
    coveredTo = Math.max(coveredTo, toMs)
  }
  return experienceMs === 0 && !timeline.hasUntold ? undefined : experienceMs
}

/** From the end of the last degree finished before the first listed role to that role: perhaps work left off the CV. */
function untoldPeriod(education: readonly NormalisedEducation[], careerStartMs: number): Period | undefined {
  let lastEndMs: number | undefined
  for (const entry of education) {
    if (entry.level === 'secondary' || !entry.end || entry.end.startMs > careerStartMs) continue
    lastEndMs = Math.max(lastEndMs ?? Number.NEGATIVE_INFINITY, entry.end.startMs)
  }
  return lastEndMs === undefined ? undefined : { fromMs: lastEndMs, toMs: careerStartMs }
}
