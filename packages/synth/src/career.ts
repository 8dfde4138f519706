import type { ResumeEducation, ResumeWork } from '@hirewall/core'
import type { CountryProfile } from './data/countries.js'
import { studyAreas, universitiesByCountry } from './data/institutions.js'
import { employerKinds, employerWords, type JobTrack } from './data/jobs.js'
import type { Random } from './random.js'

/** Months since year 0: `year * 12 + (month - 1)`. */
export type MonthIndex = number

export const monthIndex = (year: number, month: number): MonthIndex => year * 12 + (month - 1)
export const monthOfMs = (ms: number): MonthIndex => {
  const date = new Date(ms)
  return monthIndex(date.getUTCFullYear(), date.getUTCMonth() + 1)
}
export const formatMonth = (index: MonthIndex): string =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`

export type CareerOptions = {
  readonly track: JobTrack
  readonly birthYear: number
  readonly submittedMonth: MonthIndex
  readonly schoolCountry: CountryProfile
  readonly homeCountry: CountryProfile
  readonly homeCity: string
  /** Immigrants: the first jobs are in the school country, then they move. */
  readonly isImmigrant?: boolean
  /** A break between two jobs, in months (parenting, caregiving, health, travel). */
  readonly careerGapMonths?: number
  /** At most this many years of work (juniors). */
  readonly maxExperienceYears?: number
}

export type Career = {
  education: ResumeEducation[]
  work: ResumeWork[]
  headline: string
  experienceYears: number
  /** When the applicant moved to the home country (immigrants). */
  movedMonth?: MonthIndex
}

const masterShare: Readonly<Record<string, number>> = {
  DE: 0.5,
  FR: 0.55,
  PL: 0.45,
  UA: 0.5,
  NL: 0.45,
  ES: 0.4,
  IN: 0.3,
  CN: 0.35,
  KR: 0.3,
}

export function seniorityIndex(experienceYears: number): 0 | 1 | 2 | 3 {
  if (experienceYears < 2) return 0
  if (experienceYears < 5) return 1
  if (experienceYears < 9) return 2
  return 3
}

/** Education and work consistent with the birth year: school at 18, degrees of the country's length, then jobs. */
export function buildCareer(random: Random, options: CareerOptions): Career {
  const { track, schoolCountry } = options
  const education: ResumeEducation[] = []
  const schools = universitiesByCountry[schoolCountry.code] ?? []
  const area = random.pick(studyAreas)
  const yearPrecision = random.chance(0.25)
  const formatEducationDate = (index: MonthIndex): string =>
    yearPrecision ? String(Math.floor(index / 12)) : formatMonth(index)

  const startYear = options.birthYear + 18 + (random.chance(0.3) ? 1 : 0)
  const bachelorStart = monthIndex(startYear, schoolCountry.termStartMonth)
  const bachelorYears = schoolCountry.bachelor.years + (random.chance(0.12) ? 1 : 0)
  const bachelorEnd = termEnd(startYear + bachelorYears, schoolCountry)
  let educationEnd = bachelorEnd
  const latestGraduation = options.submittedMonth - 2
  if (bachelorEnd <= latestGraduation) {
    education.push({
      institution: random.pick(schools),
      area,
      studyType: schoolCountry.bachelor.studyType,
      startDate: formatEducationDate(bachelorStart),
      endDate: formatEducationDate(bachelorEnd),
      countryCode: schoolCountry.code,
    })
  }
  const hasMaster = random.chance(masterShare[schoolCountry.code] ?? 0.22)
  const masterStartYear = Math.floor(bachelorEnd / 12) + (random.chance(0.7) ? 0 : random.int(1, 3))
  const masterEnd = termEnd(masterStartYear + schoolCountry.master.years, schoolCountry)
  if (hasMaster && masterEnd <= latestGraduation && education.length > 0) {
    education.push({
      institution: random.pick(schools),
      area: random.chance(0.7) ? area : random.pick(studyAreas),
      studyType: schoolCountry.master.studyType,
      startDate: formatEducationDate(monthIndex(masterStartYear, schoolCountry.termStartMonth)),
      endDate: formatEducationDate(masterEnd),
      countryCode: schoolCountry.code,
    })
    educationEnd = masterEnd
  }
  // Most recent first, as CVs list it.
  education.reverse()

  const work: ResumeWork[] = []
  const careerStart = Math.min(educationEnd + random.int(1, 5), options.submittedMonth - 1)
  const maxMonths = options.maxExperienceYears !== undefined ? options.maxExperienceYears * 12 : Infinity
  let month = Math.max(careerStart, options.submittedMonth - maxMonths)
  const movedMonth = options.isImmigrant
    ? Math.max(educationEnd + 1, Math.min(options.submittedMonth - random.int(6, 30), month + random.int(12, 48)))
    : undefined
  const gapAfterJob = options.careerGapMonths ? random.int(0, 2) : -1
  const employers = random.sample(employerWords, 8).map((word) => `${word} ${random.pick(employerKinds)}`)
  let experienceMonths = 0
  let jobIndex = 0
  while (month < options.submittedMonth) {
    // Too close to the move for another job abroad: the next one starts after it.
    if (movedMonth !== undefined && month < movedMonth && month > movedMonth - 4) month = movedMonth + random.int(1, 4)
    const isAbroad = movedMonth !== undefined && month < movedMonth
    let length = Math.round(random.normal(30, 16, 8, 72))
    // A job abroad ends before the move.
    if (isAbroad && month + length > movedMonth - 1) length = movedMonth - 1 - month
    const end = month + length
    const isCurrent = !isAbroad && end >= options.submittedMonth - 1
    const title = track.titles[seniorityIndex(experienceMonths / 12)]
    work.push({
      name: employers[jobIndex % employers.length] ?? 'Acme Software',
      position: title,
      location: isAbroad ? countryName(schoolCountry.code) : options.homeCity,
      startDate: formatMonth(month),
      ...(isCurrent ? {} : { endDate: formatMonth(end) }),
    })
    experienceMonths += isCurrent ? options.submittedMonth - month : length
    if (isCurrent) break
    month = end + random.int(0, 3)
    if (jobIndex === gapAfterJob && options.careerGapMonths) month += options.careerGapMonths
    if (movedMonth !== undefined && isAbroad && month > movedMonth) month = movedMonth + random.int(1, 4)
    jobIndex++
  }
  // Between jobs right now, sometimes: the last role ended a few months ago.
  const last = work[work.length - 1]
  if (last && last.endDate === undefined && work.length > 1 && random.chance(0.1)) {
    const start = parseMonth(last.startDate)
    const end = Math.max(start + 3, options.submittedMonth - random.int(1, 6))
    if (end < options.submittedMonth) work[work.length - 1] = { ...last, endDate: formatMonth(end) }
  }
  work.reverse()
  const experienceYears = Math.floor(experienceMonths / 12)
  return {
    education,
    work,
    headline: work[0]?.position ?? track.titles[seniorityIndex(experienceYears)],
    experienceYears,
    ...(movedMonth !== undefined ? { movedMonth } : {}),
  }
}

function termEnd(year: number, country: CountryProfile): MonthIndex {
  const endYear = country.termEndMonth >= country.termStartMonth ? year - 1 : year
  return monthIndex(endYear, country.termEndMonth)
}

export function parseMonth(text: string | undefined): MonthIndex {
  const value = text ?? ''
  return monthIndex(Number(value.slice(0, 4)), value.length >= 7 ? Number(value.slice(5, 7)) : 1)
}

const countryNames: Readonly<Record<string, string>> = {
  IN: 'India',
  CN: 'China',
  KR: 'South Korea',
  JP: 'Japan',
  VN: 'Vietnam',
  PH: 'Philippines',
  NG: 'Nigeria',
  BR: 'Brazil',
  MX: 'Mexico',
  PL: 'Poland',
  UA: 'Ukraine',
  DE: 'Germany',
  FR: 'France',
  ES: 'Spain',
  NL: 'Netherlands',
  GB: 'United Kingdom',
  CA: 'Canada',
  US: 'United States',
}

export function countryName(code: string): string {
  return countryNames[code] ?? code
}
