import type { ProfileEnrichment } from '@hirewall/core'
import { asciiHandle, type PersonName } from './identity.js'
import type { Random } from './random.js'

const dayMs = 86_400_000

const dayStrings = new Map<number, string>()

/** `YYYY-MM-DD` of an instant (cached per day: profiles need many dates). */
export function isoDay(ms: number): string {
  const day = Math.floor(ms / dayMs)
  let text = dayStrings.get(day)
  if (text === undefined) {
    text = new Date(day * dayMs).toISOString().slice(0, 10)
    dayStrings.set(day, text)
  }
  return text
}

/** A handle no other account has: a taken one gets a random suffix, as sites make people do. */
function unclaimed(random: Random, used: Set<string>, wanted: string, network: string): string {
  let handle = wanted
  while (used.has(`${network}:${handle}`)) handle = `${wanted}-${random.hex(4)}`
  used.add(`${network}:${handle}`)
  return handle
}

export function linkedInHandle(random: Random, name: PersonName, used: Set<string>): string {
  const given = asciiHandle(name.given)
  const family = asciiHandle(name.family)
  const wanted = random.weighted([
    [`${given}-${family}-${random.hex(random.int(6, 8))}`, 5],
    [`${given}${family}`, 3],
    [`${given}-${family}`, 3],
    [`${given[0] ?? ''}${family}`, 1],
  ] as const)
  return unclaimed(random, used, wanted, 'linkedin')
}

export function gitHubHandle(random: Random, name: PersonName, used: Set<string>): string {
  const given = asciiHandle(name.given)
  const family = asciiHandle(name.family)
  const wanted = random.pick([
    `${given}${family}`,
    `${given}-${family}`,
    `${given[0] ?? ''}${family}`,
    `${family}${given[0] ?? ''}${random.int(1, 99)}`,
    `${given}${random.int(80, 99)}`,
    `${given}-dev`,
  ])
  return unclaimed(random, used, wanted, 'github')
}

/**
 * A LinkedIn profile of someone with this career: created around their first job, active lately, connections that
 * grow with the years. `careerStartMs` is when they started working (or studying, for juniors).
 */
export function honestLinkedIn(
  random: Random,
  usedHandles: Set<string>,
  name: PersonName,
  careerStartMs: number,
  submittedAtMs: number,
  experienceYears: number,
): ProfileEnrichment {
  const username = linkedInHandle(random, name, usedHandles)
  const created = Math.min(careerStartMs - random.int(0, 400) * dayMs, submittedAtMs - random.int(200, 900) * dayMs)
  const connections = Math.round(
    Math.min(3000, random.normal(80 + experienceYears * 70, 60 + experienceYears * 20, 12)),
  )
  return {
    network: 'LinkedIn',
    url: `https://www.linkedin.com/in/${username}`,
    username,
    displayName: random.chance(0.85) ? `${name.given} ${name.family}` : name.full,
    createdAt: isoDay(created),
    lastActiveAt: isoDay(submittedAtMs - random.int(0, 45) * dayMs),
    connections,
    followers: Math.round(connections * random.float(0.9, 1.6)),
    longestInactiveDays: random.int(20, 240),
  }
}

/** A GitHub account: created at university or later, contributions from then on, sparse but steady activity. */
export function honestGitHub(
  random: Random,
  usedHandles: Set<string>,
  name: PersonName,
  studyStartMs: number,
  submittedAtMs: number,
): ProfileEnrichment {
  const username = gitHubHandle(random, name, usedHandles)
  const created = Math.min(studyStartMs + random.int(0, 1500) * dayMs, submittedAtMs - random.int(120, 600) * dayMs)
  return {
    network: 'GitHub',
    url: `https://github.com/${username}`,
    username,
    displayName: random.chance(0.7) ? `${name.given} ${name.family}` : username,
    createdAt: isoDay(created),
    oldestActivityAt: isoDay(created + random.int(0, 120) * dayMs),
    lastActiveAt: isoDay(submittedAtMs - random.int(0, 90) * dayMs),
    followers: Math.round(random.normal(18, 20, 0, 400)),
    longestInactiveDays: random.int(15, 400),
  }
}

/** A brand-new, barely connected account: created weeks before the application. */
export function freshAccount(random: Random, profile: ProfileEnrichment, submittedAtMs: number): ProfileEnrichment {
  const created = submittedAtMs - random.int(8, 75) * dayMs
  return {
    ...profile,
    createdAt: isoDay(created),
    ...(profile.oldestActivityAt !== undefined ? { oldestActivityAt: isoDay(created + random.int(0, 5) * dayMs) } : {}),
    ...(profile.connections !== undefined ? { connections: random.int(3, 45) } : {}),
    followers: random.int(0, 12),
    longestInactiveDays: random.int(1, 10),
    lastActiveAt: isoDay(submittedAtMs - random.int(0, 3) * dayMs),
  }
}

/** Years of silence, then sudden activity just before the application: a rented or bought account. */
export function dormantThenActive(
  random: Random,
  profile: ProfileEnrichment,
  submittedAtMs: number,
): ProfileEnrichment {
  const reactivated = submittedAtMs - random.int(5, 60) * dayMs
  const inactive = random.int(700, 2600)
  const created = Math.min(
    Date.parse(profile.createdAt ?? '2015-01-01'),
    reactivated - (inactive + random.int(100, 900)) * dayMs,
  )
  return {
    ...profile,
    createdAt: isoDay(created),
    longestInactiveDays: inactive,
    reactivatedAt: isoDay(reactivated),
    lastActiveAt: isoDay(submittedAtMs - random.int(0, 4) * dayMs),
  }
}

/** GitHub contributions dated before the account existed: commits backdated to fake a history. */
export function backdatedActivity(random: Random, profile: ProfileEnrichment): ProfileEnrichment {
  const created = Date.parse(profile.createdAt ?? '2024-01-01')
  return { ...profile, oldestActivityAt: isoDay(created - random.int(400, 2500) * dayMs) }
}
