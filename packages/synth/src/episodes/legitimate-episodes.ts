import type { Applicant } from '../applicant.js'
import { createApplicant } from '../create-applicant.js'
import { countryProfile } from '../data/countries.js'
import { universitiesByCountry } from '../data/institutions.js'
import { campusNetworks } from '../data/network.js'
import { commonNames } from '../data/names.js'
import { localPhoneFormat, personName } from '../identity.js'
import { freshAccount, honestGitHub } from '../online-profiles.js'
import { pickRequisition } from '../requisitions.js'
import { deviceId, submissionInstant, utcOffsetMinutes, vpnIp } from '../submission-context.js'
import { dayMs, sameApplicantAgain, spreadWithin, type Episode } from './episode.js'

/** The kinds of honest applicant that look suspicious to naive rules: screening must not flag them. */
export const hardNegativeKinds = [
  'immigrant',
  'career-gap',
  'common-name',
  'roommates',
  'family-phone',
  'university-ip',
  'night-owl',
  'vpn-user',
  'new-github',
  'resubmission',
] as const
export type HardNegativeKind = (typeof hardNegativeKinds)[number]

function labelled(applicant: Applicant, kind: HardNegativeKind): Applicant {
  applicant.label = { isFraud: false, pattern: 'legitimate', personaId: applicant.personaId, hardNegative: kind }
  return applicant
}

export const plainApplication: Episode = (world, notBeforeMs) => [createApplicant(world, { notBeforeMs })]

const hostCountries = [
  ['US', 6],
  ['GB', 2],
  ['DE', 2],
  ['CA', 1.5],
  ['NL', 0.5],
] as const
const originCountries = [
  ['IN', 5],
  ['CN', 2],
  ['NG', 1.5],
  ['PH', 1],
  ['BR', 1],
  ['MX', 1],
  ['UA', 1],
  ['VN', 0.7],
  ['KR', 0.6],
  ['PL', 0.6],
] as const

/** Studied and first worked abroad, moved after their studies, kept the home-country phone. */
const immigrant: Episode = (world, notBeforeMs) => {
  const { random } = world
  const country = countryProfile(random.weighted(hostCountries))
  const origin = countryProfile(random.weighted(originCountries))
  const applicant = createApplicant(world, {
    notBeforeMs,
    country,
    schoolCountry: origin,
    isImmigrant: true,
    age: random.normal(31, 5, 26, 50),
  })
  const native = origin.acceptLanguages[0]?.split(',')[0]
  if (native && !native.startsWith('en') && random.chance(0.5)) {
    applicant.acceptLanguage = `${random.pick(country.acceptLanguages)},${native.split('-')[0] ?? 'en'};q=0.6`
  }
  return [labelled(applicant, 'immigrant')]
}

const careerGap: Episode = (world, notBeforeMs) => [
  labelled(
    createApplicant(world, {
      notBeforeMs,
      careerGapMonths: world.random.int(12, 40),
      age: world.random.normal(38, 6, 31, 58),
    }),
    'career-gap',
  ),
]

/** Several different real people who happen to share a very common name. */
const commonName: Episode = (world, notBeforeMs) => {
  const { random } = world
  const [countryCode, given, family] = random.pick(commonNames)
  const country = countryProfile(countryCode)
  const spread = spreadWithin(world, notBeforeMs, 150 * dayMs)
  return Array.from({ length: random.int(2, 5) }, () =>
    labelled(
      createApplicant(world, {
        notBeforeMs,
        spreadMs: spread,
        country,
        name: { given, family, full: `${given} ${family}` },
      }),
      'common-name',
    ),
  )
}

const sharedHomeCountries = [
  ['US', 6],
  ['GB', 2],
  ['CA', 1],
  ['DE', 1],
] as const

/** Two or three unrelated people renting one flat: same address, same home Wi-Fi, nothing else in common. */
const roommates: Episode = (world, notBeforeMs) => {
  const { random } = world
  const country = countryProfile(random.weighted(sharedHomeCountries))
  const city = random.pick(country.cities)
  const spread = spreadWithin(world, notBeforeMs, 60 * dayMs)
  const first = createApplicant(world, { notBeforeMs, country, city, age: random.normal(27, 3, 23, 36) })
  const others = Array.from({ length: random.int(1, 2) }, () => {
    const roommate = createApplicant(world, {
      notBeforeMs,
      spreadMs: spread,
      country,
      city,
      age: random.normal(27, 3, 23, 36),
    })
    roommate.address = first.address
    if (random.chance(0.8)) roommate.ip = first.ip
    return roommate
  })
  return [first, ...others].map((applicant) => labelled(applicant, 'roommates'))
}

/** A household sharing one phone number (and address and Wi-Fi): spouses or siblings, same family name. */
const familyPhone: Episode = (world, notBeforeMs) => {
  const { random } = world
  const country = countryProfile(
    random.weighted([
      ['US', 4],
      ['IN', 2],
      ['GB', 1],
      ['MX', 1],
      ['PH', 1],
      ['NG', 1],
    ] as const),
  )
  const city = random.pick(country.cities)
  const first = createApplicant(world, { notBeforeMs, country, city })
  const given = personName(random, country.code).given
  const relative = createApplicant(world, {
    notBeforeMs,
    spreadMs: spreadWithin(world, notBeforeMs, 90 * dayMs),
    country,
    city,
    name: { given, family: first.familyName, full: `${given} ${first.familyName}` },
  })
  relative.phone = first.phone
  relative.phoneRaw = localPhoneFormat(random, first.phone, country.code)
  if (first.phoneLookup) relative.phoneLookup = first.phoneLookup
  else delete relative.phoneLookup
  relative.address = first.address
  relative.ip = first.ip
  return [labelled(first, 'family-phone'), labelled(relative, 'family-phone')]
}

/** Students applying from campus after a careers fair: one NAT address, different people and laptops. */
const universityIp: Episode = (world, notBeforeMs) => {
  const { random } = world
  const countryCode = random.weighted([
    ['US', 5],
    ['GB', 1.5],
    ['CA', 1],
    ['DE', 1],
    ['IN', 1.5],
    ['FR', 0.5],
  ] as const)
  const country = countryProfile(countryCode)
  const city = random.pick(country.cities)
  const network = campusNetworks[countryCode] ?? [128, 32]
  const ip = `${network[0]}.${network[1]}.${random.int(0, 255)}.${random.int(1, 254)}`
  const school = random.pick(universitiesByCountry[countryCode] ?? ['University of Michigan'])
  const spread = spreadWithin(world, notBeforeMs, 10 * dayMs)
  const minimumAge = 19 + country.bachelor.years + 1
  return Array.from({ length: random.int(2, 5) }, () => {
    const student = createApplicant(world, {
      notBeforeMs,
      spreadMs: spread,
      country,
      city,
      age: random.float(minimumAge, minimumAge + 1.5),
      maxExperienceYears: 1,
    })
    student.ip = ip
    student.channel = 'university-career-fair'
    student.education = student.education.map((entry, index) =>
      index === 0 ? { ...entry, institution: school } : entry,
    )
    return labelled(student, 'university-ip')
  })
}

const nightOwl: Episode = (world, notBeforeMs) => [
  labelled(createApplicant(world, { notBeforeMs, hourProfile: 'night' }), 'night-owl'),
]

/** A privacy-minded applicant behind a commercial VPN; everything else honest. */
const vpnUser: Episode = (world, notBeforeMs) => {
  const applicant = createApplicant(world, { notBeforeMs })
  applicant.ip = vpnIp(world.random)
  return [labelled(applicant, 'vpn-user')]
}

/** A graduate who opened a GitHub account for the job hunt. */
const newGitHub: Episode = (world, notBeforeMs) => {
  const { random } = world
  const country = countryProfile(
    random.weighted([
      ['US', 5],
      ['GB', 1],
      ['IN', 2],
      ['CA', 1],
      ['DE', 1],
      ['BR', 1],
    ] as const),
  )
  const minimumAge = 19 + country.bachelor.years + 1
  const applicant = createApplicant(world, {
    notBeforeMs,
    country,
    age: random.float(minimumAge, minimumAge + 2),
    maxExperienceYears: 1,
  })
  const name = { given: applicant.givenName, family: applicant.familyName, full: applicant.fullName }
  applicant.gitHub = freshAccount(
    random,
    honestGitHub(random, world.usedHandles, name, applicant.submittedAtMs - 200 * dayMs, applicant.submittedAtMs),
    applicant.submittedAtMs,
  )
  return [labelled(applicant, 'new-github')]
}

/** The same honest person applying again months later, history unchanged. */
const resubmission: Episode = (world, notBeforeMs) => {
  const { random } = world
  const first = createApplicant(world, { notBeforeMs })
  const second = sameApplicantAgain(first)
  const gap = spreadWithin(world, first.submittedAtMs, random.int(30, 240) * dayMs)
  second.submittedAtMs = submissionInstant(
    random,
    first.submittedAtMs + gap * 0.8,
    gap * 0.2 + 1,
    world.endMs,
    first.timeZone,
    'honest',
  )
  second.utcOffsetMinutes = utcOffsetMinutes(first.timeZone, second.submittedAtMs)
  second.requisition = random.chance(0.6) ? pickRequisition(random, first.track) : first.requisition
  if (random.chance(0.4)) second.cvSeed = random.nextUint32()
  if (random.chance(0.4)) second.deviceId = deviceId(random)
  second.document = {
    ...first.document,
    createdAtMs: random.chance(0.5) ? first.document.createdAtMs : second.submittedAtMs - random.int(1, 20) * dayMs,
  }
  return [labelled(first, 'resubmission'), labelled(second, 'resubmission')]
}

export const hardNegativeEpisodes: Readonly<
  Record<HardNegativeKind, { readonly episode: Episode; readonly meanSize: number }>
> = {
  immigrant: { episode: immigrant, meanSize: 1 },
  'career-gap': { episode: careerGap, meanSize: 1 },
  'common-name': { episode: commonName, meanSize: 3.5 },
  roommates: { episode: roommates, meanSize: 2.5 },
  'family-phone': { episode: familyPhone, meanSize: 2 },
  'university-ip': { episode: universityIp, meanSize: 3.5 },
  'night-owl': { episode: nightOwl, meanSize: 1 },
  'vpn-user': { episode: vpnUser, meanSize: 1 },
  'new-github': { episode: newGitHub, meanSize: 1 },
  resubmission: { episode: resubmission, meanSize: 2 },
}
