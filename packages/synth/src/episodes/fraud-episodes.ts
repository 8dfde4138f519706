import type { ResumeEducation } from '@hirewall/core'
import type { Applicant } from '../applicant.js'
import { formatMonth, monthOfMs, parseMonth } from '../career.js'
import { createApplicant, vendor } from '../create-applicant.js'
import { countryProfile } from '../data/countries.js'
import { diplomaMills, universitiesByCountry } from '../data/institutions.js'
import { staffingVendors } from '../data/jobs.js'
import { newAddress } from '../identity.js'
import { backdatedActivity, dormantThenActive, honestGitHub } from '../online-profiles.js'
import { pickRequisition } from '../requisitions.js'
import { deviceId, residentialIp, vpnIp } from '../submission-context.js'
import { nextRingId } from '../world-state.js'
import { dayMs, sameApplicantAgain, spreadWithin, type Episode } from './episode.js'
import { applyTells, pickOperatorZone, submitOnOperatorHours, tellCount, tells, type TellName } from './fraud-tells.js'
import { personaRing } from './persona-ring.js'

export const fraudPatterns = [
  'persona-ring',
  'stolen-identity',
  'rented-profile',
  'diploma-mill',
  'inconsistent-resubmission',
  'laptop-farm-applicant',
] as const
export type FraudPattern = (typeof fraudPatterns)[number]

function labelled(applicant: Applicant, pattern: FraudPattern, ringId?: string): Applicant {
  applicant.label = { isFraud: true, pattern, personaId: applicant.personaId, ...(ringId ? { ringId } : {}) }
  return applicant
}

const usLike = [
  ['US', 8],
  ['CA', 1],
  ['GB', 1],
] as const

/** A real-looking person (often a US citizen) whose contact details and devices are not theirs. */
const stolenIdentity: Episode = (world, notBeforeMs) => {
  const { random } = world
  const operatorZone = pickOperatorZone(random)
  const applicant = createApplicant(world, {
    notBeforeMs,
    country: countryProfile(random.weighted(usLike)),
    age: random.normal(36, 8, 26, 60),
  })
  submitOnOperatorHours(world, applicant, notBeforeMs, dayMs, operatorZone)
  applicant.birthDateShown = random.chance(0.6) ? 'full' : applicant.birthDateShown
  const phoneTell: TellName = random.chance(0.6) ? 'voipPhone' : 'foreignPhone'
  const candidates: TellName[] = [
    phoneTell,
    'generatedEmail',
    'operatorOffset',
    'mismatchedDisplayName',
    'eastAsianLanguage',
    'vpnEgress',
    'interview',
  ]
  applyTells(world, applicant, candidates, tellCount(random, 5), operatorZone)
  return [labelled(applicant, 'stolen-identity')]
}

/** A LinkedIn or GitHub account rented from (or sold by) its real owner: dormant, then active under a new face. */
const rentedProfile: Episode = (world, notBeforeMs) => {
  const { random } = world
  const operatorZone = pickOperatorZone(random)
  const applicant = createApplicant(world, {
    notBeforeMs,
    country: countryProfile(random.weighted(usLike)),
    age: random.normal(33, 6, 25, 55),
  })
  submitOnOperatorHours(world, applicant, notBeforeMs, dayMs, operatorZone)
  const name = { given: applicant.givenName, family: applicant.familyName, full: applicant.fullName }
  applicant.gitHub ??= honestGitHub(
    random,
    world.usedHandles,
    name,
    Date.UTC(applicant.birth.year + 18, 8, 1),
    applicant.submittedAtMs,
  )
  const profileTells = {
    dormant: () => {
      if (applicant.linkedIn && random.chance(0.6))
        applicant.linkedIn = dormantThenActive(random, applicant.linkedIn, applicant.submittedAtMs)
      else if (applicant.gitHub) applicant.gitHub = dormantThenActive(random, applicant.gitHub, applicant.submittedAtMs)
    },
    backdated: () => {
      if (applicant.gitHub) applicant.gitHub = backdatedActivity(random, applicant.gitHub)
    },
    displayName: () => tells.mismatchedDisplayName(world, applicant, operatorZone),
    handle: () => tells.mismatchedHandle(world, applicant, operatorZone),
    offset: () => tells.operatorOffset(world, applicant, operatorZone),
    vpn: () => tells.vpnEgress(world, applicant, operatorZone),
  }
  const count = random.weighted([
    [0, 5],
    [1, 30],
    [2, 35],
    [3, 20],
    [4, 10],
  ] as const)
  for (const key of random.sample(Object.keys(profileTells) as (keyof typeof profileTells)[], count))
    profileTells[key]()
  return [labelled(applicant, 'rented-profile')]
}

/** Degrees from a diploma mill and timelines that cannot be true. */
const diplomaMill: Episode = (world, notBeforeMs) => {
  const { random } = world
  const country = countryProfile(
    random.weighted([
      ['US', 6],
      ['IN', 1],
      ['NG', 1],
      ['GB', 1],
      ['PH', 1],
    ] as const),
  )
  const applicant = createApplicant(world, { notBeforeMs, country, age: random.normal(33, 7, 25, 55) })
  const submittedMonth = monthOfMs(applicant.submittedAtMs)
  const millTells = {
    millSchool: () => {
      const mill = random.pick(diplomaMills)
      applicant.education = applicant.education.map((entry, index) => {
        if (index !== 0) return entry
        // Mills sell "American" degrees whatever the buyer's country.
        return {
          ...entry,
          countryCode: 'US',
          institution: mill,
          studyType: random.pick([
            'Master of Science',
            'Master of Business Administration',
            'Doctor of Philosophy',
            'Bachelor of Science',
          ]),
        }
      })
    },
    overlappingDegrees: () => {
      const bachelor = applicant.education[applicant.education.length - 1]
      if (!bachelor?.startDate) return
      const start = parseMonth(bachelor.startDate) + random.int(6, 24)
      const overlapping: ResumeEducation = {
        institution: random.chance(0.5)
          ? random.pick(diplomaMills)
          : random.pick(universitiesByCountry[country.code] ?? []),
        area: 'Business Administration',
        studyType: random.pick(['Master of Business Administration', 'Master of Science']),
        startDate: formatMonth(start),
        endDate: formatMonth(start + random.int(12, 24)),
      }
      applicant.education = [overlapping, ...applicant.education.filter((entry) => entry !== bachelor), bachelor]
    },
    oneYearBachelor: () => {
      applicant.education = applicant.education.map((entry, index) => {
        if (index !== applicant.education.length - 1 || !entry.startDate) return entry
        const start = parseMonth(entry.startDate)
        return { ...entry, startDate: formatMonth(start), endDate: formatMonth(start + random.int(6, 12)) }
      })
    },
    tooYoung: () => {
      applicant.birthDateShown = 'full'
      const bachelor = applicant.education[applicant.education.length - 1]
      if (!bachelor?.startDate) return
      const startYear = Math.floor(parseMonth(bachelor.startDate) / 12)
      applicant.birth = { ...applicant.birth, year: startYear - random.int(12, 14) }
    },
    seniority: () => {
      // A "principal" or "staff" title after two years of work in total.
      const start = submittedMonth - random.int(14, 30)
      const current = applicant.work[0]
      applicant.work = [
        {
          name: current?.name ?? 'Lumen Software',
          location: current?.location ?? applicant.city.name,
          position: applicant.track.titles[3],
          startDate: formatMonth(start),
        },
      ]
      applicant.headline = applicant.track.titles[3]
    },
  }
  const count = random.weighted([
    [0, 5],
    [1, 40],
    [2, 35],
    [3, 20],
  ] as const)
  const chosen = random.sample(Object.keys(millTells) as (keyof typeof millTells)[], count)
  if (count > 0 && !chosen.includes('millSchool') && random.chance(0.5)) chosen.push('millSchool')
  for (const key of chosen) millTells[key]()
  return [labelled(applicant, 'diploma-mill')]
}

/** The same claimed person (name, birth date, contacts) applies again with a different education and employers. */
const inconsistentResubmission: Episode = (world, notBeforeMs) => {
  const { random } = world
  const operatorZone = pickOperatorZone(random)
  const first = createApplicant(world, {
    notBeforeMs,
    country: countryProfile(
      random.weighted([
        ['US', 6],
        ['CA', 1],
        ['GB', 1],
        ['DE', 1],
        ['PL', 1],
      ] as const),
    ),
  })
  first.birthDateShown = 'full'
  if (random.chance(0.3))
    applyTells(
      world,
      first,
      ['voipPhone', 'operatorOffset', 'vpnEgress', 'eastAsianLanguage'],
      random.int(1, 2),
      operatorZone,
    )
  const applications = [labelled(first, 'inconsistent-resubmission')]
  let previous = first
  for (let round = 0, rounds = random.chance(0.2) ? 2 : 1; round < rounds; round++) {
    const gap = spreadWithin(world, previous.submittedAtMs, random.int(60, 300) * dayMs)
    const later = previous.submittedAtMs + gap * random.float(0.7, 1)
    // A second life story for the same person: built fresh, then given the first application's identity.
    const other = createApplicant(world, {
      notBeforeMs: later,
      country: first.country,
      city: first.city,
      age: (later - Date.UTC(first.birth.year, first.birth.month - 1, first.birth.day)) / (365.25 * dayMs),
    })
    const again = sameApplicantAgain(first)
    again.submittedAtMs = other.submittedAtMs
    again.utcOffsetMinutes = other.utcOffsetMinutes
    again.education = differentEducation(
      other.education,
      previous.education,
      random.pick(universitiesByCountry[first.country.code] ?? ['Belford University']),
    )
    again.work = other.work
    again.headline = other.headline
    again.cvSeed = other.cvSeed
    again.requisition = pickRequisition(random, first.track)
    again.ip = random.chance(0.5) ? first.ip : other.ip
    again.deviceId = random.chance(0.5) ? first.deviceId : other.deviceId
    again.document = other.document
    applications.push(labelled(again, 'inconsistent-resubmission'))
    previous = again
  }
  return applications
}

function differentEducation(
  fresh: ResumeEducation[],
  previous: ResumeEducation[],
  fallback: string,
): ResumeEducation[] {
  const before = new Set(previous.map((entry) => entry.institution))
  return fresh.map((entry, index) =>
    index === 0 && before.has(entry.institution)
      ? { ...entry, institution: before.has(fallback) ? 'Belford University' : fallback }
      : entry,
  )
}

/** Several "hires" whose laptops go to one US address run by a facilitator, often through one staffing vendor. */
const laptopFarm: Episode = (world, notBeforeMs) => {
  const { random } = world
  const ringId = nextRingId(world, 'farm')
  const operatorZone = pickOperatorZone(random)
  const us = countryProfile('US')
  const farmCity = random.pick(us.cities)
  const farmAddress = newAddress(world, us, farmCity)
  const farmIp = residentialIp(world, us)
  const farmDevice = deviceId(random)
  const vendorName = random.pick(staffingVendors.slice(4))
  const spread = spreadWithin(world, notBeforeMs, random.int(30, 150) * dayMs)
  return Array.from({ length: random.int(2, 6) }, () => {
    const livesAtFarm = random.chance(0.4)
    const applicant = createApplicant(world, {
      notBeforeMs,
      spreadMs: spread,
      country: us,
      ...(livesAtFarm ? { city: farmCity } : {}),
      age: random.normal(34, 7, 25, 55),
    })
    if (livesAtFarm) applicant.address = farmAddress
    else applicant.shippingAddress = farmAddress
    submitOnOperatorHours(world, applicant, notBeforeMs, spread, operatorZone)
    if (random.chance(0.7)) {
      applicant.channel = 'agency'
      applicant.staffingVendor = vendor(vendorName)
    }
    applicant.ip = random.weighted([
      [farmIp, 5],
      [vpnIp(random), 3],
      [applicant.ip, 2],
    ] as const)
    if (random.chance(0.2)) applicant.deviceId = farmDevice
    applyTells(
      world,
      applicant,
      ['voipPhone', 'operatorOffset', 'generatedEmail', 'interview', 'newLinkedIn'],
      tellCount(random, 3),
      operatorZone,
    )
    return labelled(applicant, 'laptop-farm-applicant', ringId)
  })
}

export const fraudEpisodes: Readonly<Record<FraudPattern, { readonly episode: Episode; readonly meanSize: number }>> = {
  'persona-ring': { episode: personaRing, meanSize: 7.5 },
  'stolen-identity': { episode: stolenIdentity, meanSize: 1 },
  'rented-profile': { episode: rentedProfile, meanSize: 1 },
  'diploma-mill': { episode: diplomaMill, meanSize: 1 },
  'inconsistent-resubmission': { episode: inconsistentResubmission, meanSize: 2.2 },
  'laptop-farm-applicant': { episode: laptopFarm, meanSize: 4 },
}
