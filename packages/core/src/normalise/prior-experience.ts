import type { NormalisedEducation, NormalisedWork } from './normalise-application.js'
import { unionLengthMs, widestPeriod, type Period } from './period.js'

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
  if (!role.start) return undefined
  const cutoffMs = role.start.endMs
  const starts = work.flatMap((entry) => (entry.start ? [entry.start.startMs] : []))
  const untold = untoldPeriod(education, Math.min(...starts))
  const earlier = work
    .filter((entry) => entry !== role)
    .flatMap((entry) => (entry.start ? [widestPeriod(entry.start, entry.end, nowMs)] : []))
  const experienceMs = unionLengthMs(
    [...earlier, ...doctoralPeriods(education, nowMs), ...(untold ? [untold] : [])].map((period) => ({
      fromMs: period.fromMs,
      toMs: Math.min(period.toMs, cutoffMs),
    })),
  )
  return experienceMs === 0 && !untold ? undefined : experienceMs
}

/** From the end of the last degree finished before the first listed role to that role: perhaps work left off the CV. */
function untoldPeriod(education: readonly NormalisedEducation[], careerStartMs: number): Period | undefined {
  const ends = education
    .filter((entry) => entry.level !== 'secondary')
    .flatMap((entry) => (entry.end && entry.end.startMs <= careerStartMs ? [entry.end.startMs] : []))
  return ends.length > 0 ? { fromMs: Math.max(...ends), toMs: careerStartMs } : undefined
}

function doctoralPeriods(education: readonly NormalisedEducation[], nowMs: number): Period[] {
  return education.flatMap((entry) =>
    entry.level === 'doctorate' && entry.start ? [widestPeriod(entry.start, entry.end, nowMs)] : [],
  )
}
