import type { CountryProfile } from './data/countries.js'
import { addressInRange, desktopUserAgents, hostingRanges, mobileUserAgents, vpnRanges } from './data/network.js'
import type { Random } from './random.js'
import { utcOffsetMinutes } from './time-zone-offset.js'
import type { WorldState } from './world-state.js'

const hourMs = 3_600_000
const dayMs = 86_400_000

/** When honest people apply, by local hour: mostly working hours and evenings, rarely at night. */
const honestHours: readonly (readonly [number, number])[] = [
  [0, 2],
  [1, 1],
  [2, 0.4],
  [3, 0.3],
  [4, 0.3],
  [5, 0.6],
  [6, 1.5],
  [7, 3],
  [8, 5],
  [9, 7],
  [10, 8],
  [11, 8],
  [12, 6],
  [13, 7],
  [14, 7],
  [15, 7],
  [16, 6],
  [17, 5],
  [18, 5],
  [19, 6],
  [20, 7],
  [21, 7],
  [22, 5],
  [23, 3.5],
]
const nightHours: readonly (readonly [number, number])[] = [
  [1, 2],
  [2, 3],
  [3, 2],
  [4, 1],
]
/** An operator's working day in their own zone. */
const operatorHours: readonly (readonly [number, number])[] = [
  [8, 2],
  [9, 5],
  [10, 6],
  [11, 6],
  [13, 6],
  [14, 6],
  [15, 6],
  [16, 5],
  [17, 4],
  [19, 3],
  [20, 3],
  [21, 2],
  [22, 1],
]

export type HourProfile = 'honest' | 'night' | 'operator'

/**
 * An instant at or after `notBeforeMs` (within `spreadMs` of it, and not after `endMs`) whose local hour in
 * `timeZone` follows the profile.
 */
export function submissionInstant(
  random: Random,
  notBeforeMs: number,
  spreadMs: number,
  endMs: number,
  timeZone: string,
  profile: HourProfile,
): number {
  const base = notBeforeMs + random.next() * spreadMs
  const offsetMs = utcOffsetMinutes(timeZone, base) * 60_000
  const localDayStart = Math.floor((base + offsetMs) / dayMs) * dayMs
  const hours = profile === 'honest' ? honestHours : profile === 'night' ? nightHours : operatorHours
  const hour = random.weighted(hours)
  let instant = localDayStart + hour * hourMs + random.int(0, 3599) * 1000 - offsetMs
  while (instant < notBeforeMs) instant += dayMs
  while (instant > endMs && instant - dayMs >= notBeforeMs) instant -= dayMs
  return Math.min(instant, Math.max(endMs, notBeforeMs))
}

/** A residential address of the country's ISPs that no one else in the world uses. */
export function residentialIp(world: WorldState, country: CountryProfile): string {
  const { random } = world
  for (;;) {
    const network = random.pick(country.residentialNetworks)
    const ip = `${network[0]}.${random.int(network[1], network[2])}.${random.int(0, 255)}.${random.int(1, 254)}`
    if (world.usedIps.has(ip)) continue
    world.usedIps.add(ip)
    return ip
  }
}

export function vpnIp(random: Random): string {
  return addressInRange(random.pick(vpnRanges), random.int(0, 255), random.int(2, 254))
}

export function hostingIp(random: Random): string {
  return addressInRange(random.pick(hostingRanges), random.int(0, 255), random.int(2, 254))
}

export function userAgent(random: Random): string {
  return random.chance(0.85) ? random.pick(desktopUserAgents) : random.pick(mobileUserAgents)
}

export function deviceId(random: Random): string {
  return `fp-${random.hex(24)}`
}

export { utcOffsetMinutes }
