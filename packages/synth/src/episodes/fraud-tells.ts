import { parseEmail } from '@hirewall/core'
import type { Applicant } from '../applicant.js'
import { eastAsianLanguages, voipCarriers } from '../data/network.js'
import { generatedEmail, generatedHandle, oddPhoneFormat, personName } from '../identity.js'
import { freshAccount, honestLinkedIn, linkedInHandle } from '../online-profiles.js'
import { newPhoneNumber } from '../phone-pool.js'
import type { Random } from '../random.js'
import { submissionInstant, utcOffsetMinutes, vpnIp } from '../submission-context.js'
import type { WorldState } from '../world-state.js'

/** Where the people really behind fraudulent applications work from: UTC+8, UTC+9, UTC+10. */
export const operatorZones = [
  ['Asia/Shanghai', 5],
  ['Asia/Pyongyang', 3],
  ['Asia/Vladivostok', 1],
] as const

export function pickOperatorZone(random: Random): string {
  return random.weighted(operatorZones)
}

/** One observable red flag a fraudulent application may show. */
export type Tell = (world: WorldState, applicant: Applicant, operatorZone: string) => void

/**
 * Submits during the operator's working day; the browser clock is set to the claimed zone (the offset tell
 * undoes that).
 */
export function submitOnOperatorHours(
  world: WorldState,
  applicant: Applicant,
  notBeforeMs: number,
  spreadMs: number,
  operatorZone: string,
): void {
  applicant.submittedAtMs = submissionInstant(
    world.random,
    notBeforeMs,
    spreadMs,
    world.endMs,
    operatorZone,
    'operator',
  )
  applicant.utcOffsetMinutes = utcOffsetMinutes(applicant.timeZone, applicant.submittedAtMs)
}

export const tellNames = [
  'voipPhone',
  'foreignPhone',
  'oddPhoneFormat',
  'operatorOffset',
  'eastAsianLanguage',
  'vpnEgress',
  'generatedEmail',
  'newLinkedIn',
  'mismatchedHandle',
  'mismatchedDisplayName',
  'interview',
] as const
export type TellName = (typeof tellNames)[number]

export const tells: Readonly<Record<TellName, Tell>> = {
  voipPhone: (world, applicant) => {
    applicant.phoneLookup = { lineType: 'voip', carrier: world.random.pick(voipCarriers) }
  },
  foreignPhone: (world, applicant) => {
    const country = world.random.weighted([
      ['CN', 6],
      ['RU', 2],
      ['LA', 1],
    ] as const)
    applicant.phone = newPhoneNumber(world.random, country, world.usedPhones)
    applicant.phoneRaw = applicant.phone.international
    delete applicant.phoneLookup
  },
  oddPhoneFormat: (world, applicant) => {
    if (applicant.phone.e164.startsWith('+1')) applicant.phoneRaw = oddPhoneFormat(world.random, applicant.phone)
  },
  operatorOffset: (_world, applicant, operatorZone) => {
    applicant.utcOffsetMinutes = utcOffsetMinutes(operatorZone, applicant.submittedAtMs)
  },
  eastAsianLanguage: (world, applicant) => {
    applicant.acceptLanguage = world.random.pick(eastAsianLanguages)
  },
  vpnEgress: (world, applicant) => {
    applicant.ip = vpnIp(world.random)
  },
  generatedEmail: (world, applicant) => {
    world.usedEmails.delete(parseEmail(applicant.email).canonical)
    applicant.email = generatedEmail(world)
  },
  newLinkedIn: (world, applicant) => {
    applicant.linkedIn = freshAccount(
      world.random,
      applicant.linkedIn ?? linkedInFor(world, applicant),
      applicant.submittedAtMs,
    )
  },
  mismatchedHandle: (world, applicant) => {
    const { random } = world
    if (applicant.gitHub && random.chance(0.5)) {
      const username = generatedHandle(random)
      applicant.gitHub = { ...applicant.gitHub, username, url: `https://github.com/${username}`, displayName: username }
      return
    }
    const username = linkedInHandle(random, personName(random, 'US'), world.usedHandles)
    const profile = applicant.linkedIn ?? linkedInFor(world, applicant)
    applicant.linkedIn = { ...profile, username, url: `https://www.linkedin.com/in/${username}` }
  },
  mismatchedDisplayName: (world, applicant) => {
    const other = personName(world.random, world.random.pick(['US', 'US', 'GB', 'CA']))
    applicant.linkedIn = { ...(applicant.linkedIn ?? linkedInFor(world, applicant)), displayName: other.full }
  },
  interview: (world, applicant) => {
    const { random } = world
    const observations = {
      cameraRefused: random.chance(0.55),
      failedLiveness: random.chance(0.15),
      readingAnswers: random.chance(0.4),
      voiceChanger: random.chance(0.1),
      avoidedInPersonStep: random.chance(0.3),
    }
    if (!Object.values(observations).some(Boolean)) observations.cameraRefused = true
    applicant.interview = {
      ...observations,
      ...(observations.cameraRefused
        ? {
            notes: random.pick([
              'Said the webcam was broken.',
              'Camera off the whole call, blamed bandwidth.',
              'Joined audio only.',
            ]),
          }
        : {}),
    }
  },
}

/** Applies `count` different tells drawn from `candidates`. */
export function applyTells(
  world: WorldState,
  applicant: Applicant,
  candidates: readonly TellName[],
  count: number,
  operatorZone: string,
): void {
  for (const name of world.random.sample(candidates, count)) tells[name](world, applicant, operatorZone)
}

/** How many tells a fraudulent application shows: often one or two, sometimes none, rarely many. */
export function tellCount(random: Random, max: number): number {
  return Math.min(
    max,
    random.weighted([
      [0, 12],
      [1, 28],
      [2, 30],
      [3, 18],
      [4, 9],
      [5, 3],
    ] as const),
  )
}

function linkedInFor(world: WorldState, applicant: Applicant): NonNullable<Applicant['linkedIn']> {
  const name = { given: applicant.givenName, family: applicant.familyName, full: applicant.fullName }
  return honestLinkedIn(
    world.random,
    world.usedHandles,
    name,
    applicant.submittedAtMs - 3 * 365 * 86_400_000,
    applicant.submittedAtMs,
    3,
  )
}
