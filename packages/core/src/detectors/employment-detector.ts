import type { Detector } from '../detect/detector.js'
import { degreeDurations } from '../normalise/degree-level.js'
import { classifyEmployment, employerKey, type EmploymentClassification } from '../normalise/employment-kind.js'
import type { NormalisedEducation, NormalisedWork } from '../normalise/normalise-application.js'
import { msPerYear, type PartialDate } from '../normalise/partial-date.js'
import { msPerMonth, overlapMs, surePeriod, toMonths, toYears, type Period } from '../normalise/period.js'
import { experienceTimeline, priorExperienceWithin, type ExperienceTimeline } from '../normalise/prior-experience.js'
import { classifySeniority } from '../normalise/seniority.js'
import type { Severity } from '../signals/severity.js'
import { defineSignals } from '../signals/signal-definition.js'
import type { Signal } from '../signals/signal.js'

const employmentSignals = defineSignals([
  {
    code: 'employment.date.future',
    category: 'employment',
    stage: 'application',
    severity: 'medium',
    description: 'A role starts after the application, or ends more than a year after it.',
  },
  {
    code: 'employment.date.inverted',
    category: 'employment',
    stage: 'application',
    severity: 'low',
    description: 'A role ends before it starts.',
  },
  {
    code: 'employment.overlap.full-time',
    category: 'employment',
    stage: 'application',
    severity: 'medium',
    description: 'Two roles at different employers that both read as full-time overlap by more than three months.',
  },
  {
    code: 'employment.before-plausible-age',
    category: 'employment',
    stage: 'application',
    severity: 'medium',
    description:
      'A professional role starts before age 16 by the stated birth date (medium), or years before secondary school began (low).',
  },
  {
    code: 'employment.seniority-exceeds-experience',
    category: 'employment',
    stage: 'application',
    severity: 'low',
    description:
      'A senior, staff or executive title starts after fewer years of experience than such a title usually follows.',
  },
])

type EmploymentCode = (typeof employmentSignals)[number]['code']
type EmploymentSignal = Signal<EmploymentCode>

/** A dated role with sane dates and what its title says about it. */
type Role = {
  readonly work: NormalisedWork
  readonly start: PartialDate
  readonly classification: EmploymentClassification
}

/** A fixed-term contract may list its planned end; more than a year ahead is not something a CV says. */
const futureEndToleranceMs = msPerYear
/** Notice periods and handovers make short overlaps normal. */
const overlapToleranceMs = 3 * msPerMonth
/** Youngest plausible age starting a role: a real job, or an internship, volunteer or student job. */
const youngestAge = { standard: 16, other: 12 } as const
/** Without a birth date: a job this long before secondary school began means a child of about 12 or younger. */
const beforeSchoolMarginMs = 3 * msPerYear
/** Secondary entries that may be finished as an adult, so they say nothing about the applicant's childhood. */
const adultSecondary = /\b(ged|hiset|equivalen\w*|adult|evening|night|continuing)\b/

/**
 * Checks the work history for timelines that cannot be true (SIGNALS.md item 8): future or inverted dates, two
 * full-time jobs at once, work before a plausible age, and titles more senior than the experience behind them.
 * Partial dates are read generously: overlaps use the shortest reading of both roles, experience the longest.
 */
export const employmentDetector: Detector<EmploymentCode> = {
  name: 'employment',
  signals: employmentSignals,
  detect({ record, facts }) {
    const nowMs = facts.submittedAtMs
    const submitted = record.submittedAt.slice(0, 10)
    const found: EmploymentSignal[] = []
    const roles: Role[] = []
    for (const work of facts.work) {
      const dateProblem = checkInverted(work) ?? checkFuture(work, nowMs, submitted)
      if (dateProblem) found.push(dateProblem)
      else if (work.start) roles.push({ work, start: work.start, classification: classifyEmployment(work.entry) })
    }
    found.push(...checkOverlaps(roles, nowMs))
    const schoolStart = facts.birth ? undefined : earliestChildhoodSchoolStart(facts.education)
    for (const role of roles) {
      const young = facts.birth
        ? checkAgeFromBirth(role, facts.birth)
        : schoolStart && checkAgeFromSchool(role, schoolStart)
      if (young) found.push(young)
    }
    found.push(...checkSeniority(roles, facts.education, nowMs))
    return found
  },
}

function checkInverted(work: NormalisedWork): EmploymentSignal | undefined {
  const { start, end } = work
  if (!start || !end || end.endMs >= start.startMs) return undefined
  return raise(
    'employment.date.inverted',
    `${capitalise(describe(work))} ends (${end.text}) before it starts (${start.text}).`,
    evidenceOf(work),
  )
}

function checkFuture(work: NormalisedWork, nowMs: number, submitted: string): EmploymentSignal | undefined {
  const { start, end } = work
  if (start && start.startMs > nowMs) {
    return raise(
      'employment.date.future',
      `${capitalise(describe(work))} starts in ${start.text}, after the application was submitted on ${submitted}.`,
      Object.assign(evidenceOf(work), { submittedAt: submitted }),
    )
  }
  if (end && end.startMs > nowMs + futureEndToleranceMs) {
    return raise(
      'employment.date.future',
      `${capitalise(describe(work))} ends in ${end.text}, more than a year after the application was submitted on ${submitted}.`,
      Object.assign(evidenceOf(work), { submittedAt: submitted }),
    )
  }
  return undefined
}

/**
 * Roles whose title or employer says part-time, contract, freelance, advisory, volunteer, own venture or training are
 * left out, and so are two titles at one employer (a promotion often overlaps on a CV).
 */
function checkOverlaps(roles: readonly Role[], nowMs: number): EmploymentSignal[] {
  const fullTime = roles.filter((role) => role.classification.kind === 'standard')
  const found: EmploymentSignal[] = []
  // Keys and periods once per role, not once per pair.
  const employers = fullTime.map((role) => employerKey(role.work.entry.name))
  const periods = fullTime.map((role) => periodOf(role, nowMs))
  fullTime.forEach((first, position) => {
    const employer = employers[position] ?? ''
    const firstPeriod = periods[position]
    for (let other = position + 1; other < fullTime.length; other++) {
      const second = fullTime[other]
      const secondPeriod = periods[other]
      if (!second || !firstPeriod || !secondPeriod) continue
      if (employer !== '' && employer === employers[other]) continue
      const overlap = overlapMs(firstPeriod, secondPeriod)
      if (overlap <= overlapToleranceMs) continue
      const months = toMonths(overlap)
      found.push(
        raise(
          'employment.overlap.full-time',
          `${capitalise(describe(first.work))} (${dates(first.work)}) and ${describe(second.work)} (${dates(second.work)}) overlap by at least ${months} months, and neither reads as part-time.`,
          { first: evidenceOf(first.work), second: evidenceOf(second.work), overlapMonths: months },
        ),
      )
    }
  })
  return found
}

function checkAgeFromBirth(role: Role, birth: PartialDate): EmploymentSignal | undefined {
  const isStandard = role.classification.kind === 'standard'
  const minimumAge = isStandard ? youngestAge.standard : youngestAge.other
  // The oldest the applicant can have been: the latest reading of the start against the earliest of the birth date.
  const age = (role.start.endMs - birth.startMs) / msPerYear
  if (age >= minimumAge) return undefined
  return raise(
    'employment.before-plausible-age',
    `${capitalise(describe(role.work))} starts in ${role.start.text}, when the applicant (born ${birth.text}) was at most ${Math.floor(age)}.`,
    Object.assign(evidenceOf(role.work), { birthDate: birth.text, ageAtStart: Math.floor(age), minimumAge }),
  )
}

/**
 * Without a birth date only clear-cut cases count, and weakly: a professional role starting more than three years
 * before the applicant's secondary school began. University dates prove nothing here, since many people work for
 * years before a first degree.
 */
function checkAgeFromSchool(role: Role, school: NormalisedEducation): EmploymentSignal | undefined {
  const schoolStart = school.start
  if (role.classification.kind !== 'standard' || !schoolStart) return undefined
  const marginMs = schoolStart.startMs - role.start.endMs
  if (marginMs <= beforeSchoolMarginMs) return undefined
  const years = toYears(marginMs)
  return raise(
    'employment.before-plausible-age',
    `${capitalise(describe(role.work))} starts in ${role.start.text}, at least ${years} years before secondary school at ${school.entry.institution ?? 'an unnamed school'} began (${schoolStart.text}).`,
    Object.assign(evidenceOf(role.work), {
      secondarySchool: `cv.education[${school.index}]`,
      yearsBeforeSchool: years,
    }),
    'low',
  )
}

/** The first secondary school that reads as a child's schooling: not an adult equivalency, not stretched over years. */
function earliestChildhoodSchoolStart(education: readonly NormalisedEducation[]): NormalisedEducation | undefined {
  const longestMs = (degreeDurations.secondary?.max ?? 6) * msPerYear
  return education
    .filter((entry) => entry.level === 'secondary' && entry.start)
    .filter(
      (entry) => !adultSecondary.test(`${entry.entry.studyType ?? ''} ${entry.entry.institution ?? ''}`.toLowerCase()),
    )
    .filter((entry) => !entry.start || !entry.end || entry.end.endMs - entry.start.startMs <= longestMs)
    .sort((a, b) => (a.start?.startMs ?? 0) - (b.start?.startMs ?? 0))[0]
}

/** Own ventures carry whatever title their owner chose, and training roles claim no rank. */
function checkSeniority(
  roles: readonly Role[],
  education: readonly NormalisedEducation[],
  nowMs: number,
): EmploymentSignal[] {
  let timeline: ExperienceTimeline | undefined
  const found: EmploymentSignal[] = []
  for (const role of roles) {
    const kind = role.classification.kind
    if (kind === 'own-venture' || kind === 'training') continue
    const claim = classifySeniority(role.work.entry.position)
    if (!claim) continue
    timeline ??= experienceTimeline(
      roles.map((dated) => dated.work),
      education,
      nowMs,
    )
    const experienceMs = priorExperienceWithin(timeline, role.work)
    if (experienceMs === undefined) continue
    const years = toYears(experienceMs)
    if (years >= claim.usualYears) continue
    found.push(
      raise(
        'employment.seniority-exceeds-experience',
        `${capitalise(describe(role.work))} starts in ${role.start.text} after at most ${years} years of experience, where a "${claim.keyword}" title usually follows about ${claim.usualYears}.`,
        Object.assign(evidenceOf(role.work), {
          tier: claim.tier,
          keyword: claim.keyword,
          priorExperienceYears: years,
          usualYears: claim.usualYears,
        }),
        years < claim.clearlyShortYears ? 'medium' : 'low',
      ),
    )
  }
  return found
}

function periodOf(role: Role, nowMs: number): Period {
  return surePeriod(role.start, role.work.end, nowMs)
}

function raise(
  code: EmploymentCode,
  message: string,
  evidence: Readonly<Record<string, unknown>>,
  severity?: Severity,
): EmploymentSignal {
  const definition = employmentSignals.find((signal) => signal.code === code)
  return { code, severity: severity ?? definition?.severity ?? 'low', message, evidence }
}

/** `"Software Engineer" at Acme`, the words the applicant typed. */
function describe(work: NormalisedWork): string {
  const { position, name } = work.entry
  return `${position ? `"${position}"` : 'a role'} at ${name ?? 'an unnamed employer'}`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function dates(work: NormalisedWork): string {
  return `${work.start?.text ?? '?'} to ${work.end?.text ?? 'present'}`
}

// A fresh object each call: signals add their own facts with Object.assign (`{ ...x, more }` is slow in V8).
function evidenceOf(work: NormalisedWork): Readonly<Record<string, unknown>> {
  const { entry } = work
  return {
    path: `cv.work[${work.index}]`,
    ...(entry.name ? { employer: entry.name } : {}),
    ...(entry.position ? { position: entry.position } : {}),
    ...(entry.startDate ? { startDate: entry.startDate } : {}),
    ...(entry.endDate ? { endDate: entry.endDate } : {}),
  }
}
