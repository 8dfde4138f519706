import type { Detector } from '../detect/detector.js'
import { degreeDurations, minimumStartAge, type DegreeLevel } from '../normalise/degree-level.js'
import type { NormalisedEducation } from '../normalise/normalise-application.js'
import { msPerYear, parsePartialDate, type PartialDate } from '../normalise/partial-date.js'
import { foldToAscii } from '../normalise/person-name.js'
import { overlapMs, periodLengthMs, surePeriod, toYears, widestPeriod } from '../normalise/period.js'
import type { Severity } from '../signals/severity.js'
import { defineSignals } from '../signals/signal-definition.js'
import type { Signal } from '../signals/signal.js'

const educationSignals = defineSignals([
  {
    code: 'education.date.future',
    category: 'education',
    stage: 'application',
    severity: 'medium',
    description:
      'A programme starts after the application, or ends more than a year after it in a way no current student would write.',
  },
  {
    code: 'education.date.inverted',
    category: 'education',
    stage: 'application',
    severity: 'low',
    description: 'A programme ends before it starts.',
  },
  {
    code: 'education.timeline.order',
    category: 'education',
    stage: 'application',
    severity: 'medium',
    description: "A degree was finished before the lower one it requires began (a master's before any bachelor's).",
  },
  {
    code: 'education.timeline.overlap',
    category: 'education',
    stage: 'application',
    severity: 'low',
    description: 'Two full degree programmes at different schools overlap by more than a year.',
  },
  {
    code: 'education.duration.implausible',
    category: 'education',
    stage: 'application',
    severity: 'low',
    description:
      'A programme is far shorter (medium) or longer (low: part-time study is common) than its level allows.',
  },
  {
    code: 'education.age.implausible',
    category: 'education',
    stage: 'application',
    severity: 'medium',
    description:
      'By the stated birth date, a programme started below the youngest age for its level or a degree ended before 17.',
  },
  {
    code: 'education.abroad.lifelong-home-elsewhere',
    category: 'education',
    stage: 'application',
    severity: 'low',
    description:
      'A programme abroad began after the date since which the applicant says they have lived in their home country.',
  },
])

type EducationCode = (typeof educationSignals)[number]['code']
type EducationSignal = Signal<EducationCode>

/** Students list their expected graduation: an end up to a year after the application is normal. */
const expectedGraduationWindowMs = msPerYear
/** A master's may start in the last months of a bachelor's; more than a year of two full programmes is not usual. */
const overlapToleranceMs = msPerYear
/** Nobody finishes an associate degree or higher before this age. */
const youngestGraduationAge = 17
/** Longest plausible programme when the level is unknown, for telling an ongoing programme from a typo. */
const longestUnknownProgrammeYears = 8

/** A higher degree and the level it normally requires: the higher one cannot end before the first of these began. */
const prerequisites: readonly (readonly [DegreeLevel, DegreeLevel])[] = [
  ['bachelor', 'secondary'],
  ['master', 'bachelor'],
  ['doctorate', 'bachelor'],
]
const fullDegreeLevels: ReadonlySet<DegreeLevel> = new Set(['bachelor', 'master', 'doctorate'])
const graduateLevels: ReadonlySet<DegreeLevel> = new Set(['associate', 'bachelor', 'master', 'doctorate'])

/**
 * Checks the education history for timelines that cannot be true (SIGNALS.md items 7 and 8). Partial dates are read
 * generously: every check uses the reading of a `2019` or `2019-05` most favourable to the applicant.
 */
export const educationDetector: Detector<EducationCode> = {
  name: 'education',
  signals: educationSignals,
  detect({ record, facts }) {
    const nowMs = facts.submittedAtMs
    const submitted = record.submittedAt.slice(0, 10)
    const found: EducationSignal[] = []
    const sound: NormalisedEducation[] = []
    for (const education of facts.education) {
      const dateProblem = checkInverted(education) ?? checkFuture(education, nowMs, submitted)
      if (dateProblem) {
        found.push(dateProblem)
        continue
      }
      sound.push(education)
      const duration = checkDuration(education)
      if (duration) found.push(duration)
      const age = facts.birth ? checkAge(education, facts.birth) : undefined
      if (age) found.push(age)
    }
    found.push(...checkOrder(sound), ...checkOverlaps(sound, nowMs))
    const residentSince = parsePartialDate(record.claimed?.residentSince)
    if (facts.claimedCountry && residentSince) {
      for (const education of sound) {
        const abroad = checkAbroad(education, facts.claimedCountry, residentSince)
        if (abroad) found.push(abroad)
      }
    }
    return found
  },
}

function checkInverted(education: NormalisedEducation): EducationSignal | undefined {
  const { start, end } = education
  if (!start || !end || end.endMs >= start.startMs) return undefined
  return raise(
    'education.date.inverted',
    `${describe(education)} ends (${end.text}) before it starts (${start.text}).`,
    evidenceOf(education),
  )
}

/**
 * A start after the application is never a student's expected date. An end more than a year ahead is normal for a
 * student early in a programme, so it is flagged only when the programme cannot be a current one: no start date
 * (low: perhaps a student who gave only the graduation year), or a start and end further apart than the level allows
 * (medium: a typo like 2029 for 2019, or a made-up date).
 */
function checkFuture(education: NormalisedEducation, nowMs: number, submitted: string): EducationSignal | undefined {
  const { start, end } = education
  if (start && start.startMs > nowMs) {
    return raise(
      'education.date.future',
      `${describe(education)} starts in ${start.text}, after the application was submitted on ${submitted}.`,
      Object.assign(evidenceOf(education), { submittedAt: submitted }),
    )
  }
  if (!end || end.startMs <= nowMs + expectedGraduationWindowMs) return undefined
  const longestYears = degreeDurations[education.level]?.max ?? longestUnknownProgrammeYears
  if (start && periodLengthMs(surePeriod(start, end, nowMs)) <= longestYears * msPerYear) return undefined
  return raise(
    'education.date.future',
    `${describe(education)} ends in ${end.text}, more than a year after the application was submitted on ${submitted}.`,
    Object.assign(evidenceOf(education), { submittedAt: submitted }),
    start ? 'medium' : 'low',
  )
}

function checkDuration(education: NormalisedEducation): EducationSignal | undefined {
  const { start, end, level } = education
  const allowed = degreeDurations[level]
  if (!start || !end || !allowed) return undefined
  const longestMs = periodLengthMs(widestPeriod(start, end, end.endMs))
  const shortestMs = periodLengthMs(surePeriod(start, end, end.startMs))
  const isTooShort = longestMs < allowed.min * msPerYear
  if (!isTooShort && shortestMs <= allowed.max * msPerYear) return undefined
  const years = toYears(isTooShort ? longestMs : shortestMs)
  const limit = isTooShort ? `at least ${allowed.min}` : `at most ${allowed.max}`
  return raise(
    'education.duration.implausible',
    `${describe(education)} runs ${start.text} to ${end.text}, about ${years} years, where a ${level} takes ${limit} years.`,
    Object.assign(evidenceOf(education), { years, minimumYears: allowed.min, maximumYears: allowed.max }),
    isTooShort ? 'medium' : 'low',
  )
}

function checkAge(education: NormalisedEducation, birth: PartialDate): EducationSignal | undefined {
  const { start, end, level } = education
  const youngestStart = minimumStartAge[level]
  // The oldest the applicant can have been: the latest reading of the event against the earliest of the birth date.
  if (start && youngestStart !== undefined) {
    const age = (start.endMs - birth.startMs) / msPerYear
    if (age < youngestStart) {
      return raise(
        'education.age.implausible',
        `${describe(education)} starts in ${start.text}, when the applicant (born ${birth.text}) was at most ${Math.floor(age)}.`,
        Object.assign(evidenceOf(education), {
          birthDate: birth.text,
          ageAtStart: Math.floor(age),
          minimumAge: youngestStart,
        }),
      )
    }
  }
  if (end && graduateLevels.has(level)) {
    const age = (end.endMs - birth.startMs) / msPerYear
    if (age < youngestGraduationAge) {
      return raise(
        'education.age.implausible',
        `${describe(education)} ends in ${end.text}, when the applicant (born ${birth.text}) was at most ${Math.floor(age)}.`,
        Object.assign(evidenceOf(education), {
          birthDate: birth.text,
          ageAtEnd: Math.floor(age),
          minimumAge: youngestGraduationAge,
        }),
      )
    }
  }
  return undefined
}

function checkOrder(entries: readonly NormalisedEducation[]): EducationSignal[] {
  const found: EducationSignal[] = []
  for (const [higherLevel, requiredLevel] of prerequisites) {
    const required = entries
      .filter((entry) => entry.level === requiredLevel && entry.start)
      .sort((a, b) => (a.start?.startMs ?? 0) - (b.start?.startMs ?? 0))[0]
    if (!required?.start) continue
    for (const higher of entries) {
      if (higher.level !== higherLevel || !higher.end || higher.end.endMs >= required.start.startMs) continue
      found.push(
        raise(
          'education.timeline.order',
          `${describe(higher)} ends in ${higher.end.text}, before ${describe(required, false)} it normally requires began (${required.start.text}).`,
          { degree: evidenceOf(higher), requiredDegree: evidenceOf(required) },
        ),
      )
    }
  }
  return found
}

/** Double majors and combined bachelor's-master's programmes list two entries at one school: only different schools count. */
function checkOverlaps(entries: readonly NormalisedEducation[], nowMs: number): EducationSignal[] {
  const degrees = entries.filter((entry) => fullDegreeLevels.has(entry.level) && entry.start && entry.end)
  const found: EducationSignal[] = []
  degrees.forEach((first, position) => {
    for (const second of degrees.slice(position + 1)) {
      if (!first.start || !second.start || isSameInstitution(first, second)) continue
      const overlap = overlapMs(surePeriod(first.start, first.end, nowMs), surePeriod(second.start, second.end, nowMs))
      if (overlap <= overlapToleranceMs) continue
      found.push(
        raise(
          'education.timeline.overlap',
          `${describe(first)} (${dates(first)}) and ${describe(second, false)} (${dates(second)}) overlap by at least ${toYears(overlap)} years.`,
          { first: evidenceOf(first), second: evidenceOf(second), overlapYears: toYears(overlap) },
        ),
      )
    }
  })
  return found
}

/**
 * An applicant who says they have lived in their home country since before a programme abroad began tells a story
 * that contradicts itself; one who moved after studying abroad (residence from after the programme start) does not.
 * Weak on its own: people study abroad while keeping a home.
 */
function checkAbroad(
  education: NormalisedEducation,
  homeCountry: string,
  residentSince: PartialDate,
): EducationSignal | undefined {
  const country = education.entry.countryCode?.toUpperCase()
  const { start } = education
  if (!country || country === homeCountry || !start || residentSince.endMs > start.startMs) return undefined
  return raise(
    'education.abroad.lifelong-home-elsewhere',
    `${describe(education)} is in ${country} and began in ${start.text}, but the applicant says they have lived in ${homeCountry} since ${residentSince.text}.`,
    Object.assign(evidenceOf(education), {
      countryCode: country,
      claimedCountry: homeCountry,
      residentSince: residentSince.text,
    }),
  )
}

function raise(
  code: EducationCode,
  message: string,
  evidence: Readonly<Record<string, unknown>>,
  severity?: Severity,
): EducationSignal {
  const definition = educationSignals.find((signal) => signal.code === code)
  return { code, severity: severity ?? definition?.severity ?? 'low', message, evidence }
}

function describe(education: NormalisedEducation, capitalised = true): string {
  const { studyType, area, institution } = education.entry
  return `${capitalised ? 'The' : 'the'} ${studyType ?? 'programme'}${area ? ` in ${area}` : ''} at ${institution ?? 'an unnamed school'}`
}

function dates(education: NormalisedEducation): string {
  return `${education.start?.text ?? '?'} to ${education.end?.text ?? 'present'}`
}

// A fresh object each call: signals add their own facts with Object.assign (`{ ...x, more }` is slow in V8).
function evidenceOf(education: NormalisedEducation): Readonly<Record<string, unknown>> {
  const { entry } = education
  return {
    path: `cv.education[${education.index}]`,
    level: education.level,
    ...(entry.institution ? { institution: entry.institution } : {}),
    ...(entry.studyType ? { studyType: entry.studyType } : {}),
    ...(entry.startDate ? { startDate: entry.startDate } : {}),
    ...(entry.endDate ? { endDate: entry.endDate } : {}),
  }
}

function isSameInstitution(first: NormalisedEducation, second: NormalisedEducation): boolean {
  const key = (education: NormalisedEducation): string =>
    foldToAscii(education.entry.institution ?? '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  const firstKey = key(first)
  return firstKey !== '' && firstKey === key(second)
}
