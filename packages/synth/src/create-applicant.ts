import type { InterviewObservations } from '@hirewall/core'
import type { Applicant } from './applicant.js'
import { buildCareer, monthOfMs, parseMonth } from './career.js'
import type { City, CountryProfile } from './data/countries.js'
import type { JobTrack } from './data/jobs.js'
import { staffingVendors } from './data/jobs.js'
import { mobileCarriers } from './data/network.js'
import { emailForName, localPhoneFormat, newAddress, personName, pickResidence, type PersonName } from './identity.js'
import { honestGitHub, honestLinkedIn } from './online-profiles.js'
import { newPhoneNumber } from './phone-pool.js'
import { pickRequisition, pickTrack } from './requisitions.js'
import {
  deviceId,
  residentialIp,
  submissionInstant,
  userAgent,
  utcOffsetMinutes,
  type HourProfile,
} from './submission-context.js'
import { nextPersonaId, type WorldState } from './world-state.js'

const dayMs = 86_400_000
const yearMs = 365.25 * dayMs

export type ApplicantOptions = {
  /** The application is submitted at or after this instant... */
  readonly notBeforeMs: number
  /** ...and within this long after it (default one day). */
  readonly spreadMs?: number
  readonly country?: CountryProfile
  readonly city?: City
  readonly name?: PersonName
  /** Where they studied (and, for immigrants, first worked). */
  readonly schoolCountry?: CountryProfile
  readonly isImmigrant?: boolean
  readonly careerGapMonths?: number
  readonly age?: number
  readonly maxExperienceYears?: number
  readonly hourProfile?: HourProfile
  readonly track?: JobTrack
}

const photoShare: Readonly<Record<string, number>> = {
  DE: 0.65,
  FR: 0.5,
  ES: 0.5,
  PL: 0.5,
  UA: 0.5,
  KR: 0.7,
  JP: 0.6,
  CN: 0.6,
  VN: 0.5,
  BR: 0.3,
  MX: 0.35,
  IN: 0.35,
  PH: 0.5,
  NG: 0.35,
}
const linkedInShare: Readonly<Record<string, number>> = { CN: 0.35, KR: 0.55, JP: 0.5, VN: 0.6 }

const channels = [
  ['linkedin', 30],
  ['company-site', 24],
  ['indeed', 14],
  ['referral', 10],
  ['agency', 6],
  ['wellfound', 5],
  ['glassdoor', 4],
  ['university-career-fair', 2],
] as const

/** An honest applicant with a consistent life: every fraud pattern and hard negative starts from one of these. */
export function createApplicant(world: WorldState, options: ApplicantOptions): Applicant {
  const { random } = world
  const country = options.country ?? pickResidence(random)
  const city = options.city ?? random.pick(country.cities)
  const schoolCountry = options.schoolCountry ?? country
  const track = options.track ?? pickTrack(random)
  const submittedAtMs = submissionInstant(
    random,
    options.notBeforeMs,
    options.spreadMs ?? dayMs,
    world.endMs,
    city.timeZone,
    options.hourProfile ?? 'honest',
  )
  const minimumAge = 19 + schoolCountry.bachelor.years + 1
  const age = options.age ?? random.normal(32, 8, minimumAge, 62)
  const birthMs = submittedAtMs - age * yearMs
  const birthDate = new Date(birthMs)
  const birth = { year: birthDate.getUTCFullYear(), month: birthDate.getUTCMonth() + 1, day: birthDate.getUTCDate() }
  const name = options.name ?? personName(random, schoolCountry.code)
  const submittedMonth = monthOfMs(submittedAtMs)
  const career = buildCareer(random, {
    track,
    birthYear: birth.year,
    submittedMonth,
    schoolCountry,
    homeCountry: country,
    homeCity: city.name,
    ...(options.isImmigrant ? { isImmigrant: true } : {}),
    ...(options.careerGapMonths ? { careerGapMonths: options.careerGapMonths } : {}),
    ...(options.maxExperienceYears !== undefined ? { maxExperienceYears: options.maxExperienceYears } : {}),
  })
  const phoneCountry = options.isImmigrant ? schoolCountry : country
  const phone = newPhoneNumber(
    random,
    phoneCountry.code,
    world.usedPhones,
    phoneCountry === country ? city.areaCodes : undefined,
  )
  const phoneRaw = options.isImmigrant ? phone.international : localPhoneFormat(random, phone, country.code)
  const firstJob = career.work[career.work.length - 1]
  const careerStartMs = firstJob?.startDate ? monthToMs(parseMonth(firstJob.startDate)) : submittedAtMs - yearMs
  const studyStartMs = Date.UTC(birth.year + 18, 8, 1)
  const hasLinkedIn = random.chance(linkedInShare[country.code] ?? 0.86)
  const hasGitHub = track.name !== 'qa' ? random.chance(0.55) : random.chance(0.25)
  const carriers = mobileCarriers[phoneCountry.code]
  const requisition = pickRequisition(random, track)
  const channel = random.weighted(channels)
  const applicant: Applicant = {
    personaId: nextPersonaId(world),
    givenName: name.given,
    familyName: name.family,
    fullName: name.full,
    birth,
    birthDateShown: random.weighted([
      ['none', 62],
      ['full', 28],
      ['year', 10],
    ] as const),
    country,
    city,
    timeZone: city.timeZone,
    address: newAddress(world, country, city),
    email: emailForName(world, name, country, birth.year),
    phone,
    phoneRaw,
    ...(carriers && random.chance(0.45)
      ? { phoneLookup: { lineType: 'mobile' as const, carrier: random.pick(carriers) } }
      : {}),
    track,
    skills: random.sample(track.skills, random.int(6, 10)),
    education: career.education,
    work: career.work,
    headline: career.headline,
    ...(hasLinkedIn
      ? {
          linkedIn: honestLinkedIn(
            random,
            world.usedHandles,
            name,
            careerStartMs,
            submittedAtMs,
            career.experienceYears,
          ),
        }
      : {}),
    ...(hasGitHub ? { gitHub: honestGitHub(random, world.usedHandles, name, studyStartMs, submittedAtMs) } : {}),
    ...(random.chance(photoShare[country.code] ?? 0.08) ? { photoHash: random.hex(16) } : {}),
    document: documentMetadata(world, name, submittedAtMs),
    cvSeed: random.nextUint32(),
    cvEdits: 0,
    submittedAtMs,
    ip: residentialIp(world, country),
    userAgent: userAgent(random),
    utcOffsetMinutes: utcOffsetMinutes(city.timeZone, submittedAtMs),
    acceptLanguage: random.pick(country.acceptLanguages),
    deviceId: deviceId(random),
    requisition,
    channel,
    ...(channel === 'referral' ? { referrer: referrer(world) } : {}),
    ...(channel === 'agency' ? { staffingVendor: vendor(random.pick(staffingVendors)) } : {}),
    ...(random.chance(0.2) ? { interview: honestInterview(world) } : {}),
    label: { isFraud: false, pattern: 'legitimate' },
  }
  if (career.movedMonth !== undefined) applicant.residentSince = isoMonthStart(career.movedMonth, random.int(1, 28))
  applicant.label = { isFraud: false, pattern: 'legitimate', personaId: applicant.personaId }
  return applicant
}

export function vendor(name: string): { name: string; id: string } {
  return { name, id: `V-${String(1000 + name.length * 37 + (name.codePointAt(0) ?? 0)).slice(0, 4)}` }
}

function referrer(world: WorldState): { name: string; email: string; employeeId: string } {
  const name = personName(world.random, 'US')
  const handle = `${name.given}.${name.family}`.toLowerCase().replace(/[^a-z.]/g, '')
  return {
    name: name.full,
    email: `${handle}@hirewall-customer.example`,
    employeeId: `E${world.random.int(10000, 99999)}`,
  }
}

function honestInterview(world: WorldState): InterviewObservations {
  const { random } = world
  return {
    cameraRefused: random.chance(0.01),
    failedLiveness: false,
    readingAnswers: random.chance(0.04),
    voiceChanger: false,
    avoidedInPersonStep: random.chance(0.01),
  }
}

function documentMetadata(world: WorldState, name: PersonName, submittedAtMs: number): Applicant['document'] {
  const { random } = world
  const given = name.given.replace(/\s+/g, '')
  const family = name.family.replace(/\s+/g, '')
  const tool = random.weighted([
    [['Microsoft® Word for Microsoft 365', 'Microsoft® Word for Microsoft 365'], 45],
    [['', 'Skia/PDF m131 Google Docs Renderer'], 25],
    [['Canva', 'Canva'], 10],
    [['LaTeX with hyperref', 'pdfTeX-1.40.25'], 8],
    [['Pages', 'macOS Version 14.4 (Build 23E214) Quartz PDFContext'], 12],
  ] as const)
  return {
    fileName: random.pick([
      `${given}_${family}_Resume.pdf`,
      `${given}-${family}-CV.pdf`,
      `Resume_${family}.pdf`,
      `CV ${given} ${family}.pdf`,
      'Resume.pdf',
    ]),
    author: random.chance(0.7) ? name.full : random.pick(['Microsoft Office User', 'user', '']),
    creator: tool[0],
    producer: tool[1],
    createdAtMs: submittedAtMs - random.int(1, 150) * dayMs - random.int(0, 86_399) * 1000,
  }
}

export function monthToMs(index: number): number {
  return Date.UTC(Math.floor(index / 12), index % 12, 1)
}

export function isoMonthStart(index: number, day: number): string {
  const ms = monthToMs(index)
  return new Date(ms + (day - 1) * dayMs).toISOString().slice(0, 10)
}
