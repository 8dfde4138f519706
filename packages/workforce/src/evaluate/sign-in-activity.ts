import type { NetworkKind } from '@hirewall/intel'
import type { SignInRecord } from '../records/workforce-record.js'
import type { IpClass } from './ip-classifier.js'

export const dayMs = 86_400_000
const hourMs = 3_600_000

/** One address an account used: on which days (UTC day numbers), first and last. */
export type AddressUse = {
  readonly ip: string
  readonly days: Set<number>
  firstMs: number
  lastMs: number
  events: number
  /** The IP database's country (upper case), when known. */
  readonly country?: string
}

/** A located sign-in, kept to compare the next one with. */
export type LocatedSignIn = {
  readonly atMs: number
  readonly at: string
  readonly ip: string
  readonly latitude: number
  readonly longitude: number
  readonly place: string
  readonly eventId: string
}

export type TravelViolation = {
  readonly from: LocatedSignIn
  readonly to: LocatedSignIn
  readonly kilometres: number
  readonly kilometresPerHour: number
}

/** A sign-in through an anonymiser, as evidence. */
export type EgressSample = { readonly ip: string; readonly at: string; readonly eventId: string; readonly atMs: number }

/** The list entry that classified an anonymised address: its range or AS, the list and its version. */
export type EgressMatch = {
  readonly range: string
  readonly networkName?: string
  readonly listName: string
  readonly source: { readonly name: string; readonly version: string }
}

export type EgressUse = {
  count: number
  /** The earliest few, in time order, whatever order the events arrived in. */
  readonly samples: EgressSample[]
  /** The entry that classified the earliest one. */
  firstMatch: EgressMatch
}

/**
 * Everything the detectors need from one account's identity-provider events, kept as running aggregates so that a
 * million events cost memory per account and per address, not per event: days and hours active, the addresses used
 * and on which days, anonymised egress by kind, countries, the last located sign-in and any impossible travel.
 * Only successful events count; failures are tallied.
 */
export type SignInActivity = {
  readonly login: string
  successes: number
  failures: number
  firstMs: number
  lastMs: number
  /** UTC day number → bit mask of the UTC hours with activity. */
  readonly activeHours: Map<number, number>
  /** Non-anonymised public addresses (home, mobile, office networks). */
  readonly addresses: Map<string, AddressUse>
  readonly egress: Map<NetworkKind | 'proxy-flag', EgressUse>
  /** Successful events from undisguised public addresses, by the IP database's country: how many, on which days. */
  readonly countries: Map<string, { events: number; readonly days: Set<number> }>
  located?: LocatedSignIn
  readonly travel: TravelViolation[]
  travelCount: number
}

export function newSignInActivity(login: string): SignInActivity {
  return {
    login,
    successes: 0,
    failures: 0,
    firstMs: Number.POSITIVE_INFINITY,
    lastMs: Number.NEGATIVE_INFINITY,
    activeHours: new Map(),
    addresses: new Map(),
    egress: new Map(),
    countries: new Map(),
    travel: [],
    travelCount: 0,
  }
}

export type TravelThresholds = { readonly minimumKilometres: number; readonly minimumKilometresPerHour: number }

const evidenceSamples = 3

/** Adds one event to the account's aggregates; returns true when the account started to use a new address. */
export function observeSignIn(
  activity: SignInActivity,
  record: SignInRecord,
  ipClass: IpClass,
  travel: TravelThresholds,
): boolean {
  if (record.outcome !== 'success') {
    if (record.outcome === 'failure') activity.failures++
    return false
  }
  const atMs = record.atMs
  activity.successes++
  if (atMs < activity.firstMs) activity.firstMs = atMs
  if (atMs > activity.lastMs) activity.lastMs = atMs
  const day = Math.floor(atMs / dayMs)
  const hour = Math.floor((atMs - day * dayMs) / hourMs)
  activity.activeHours.set(day, (activity.activeHours.get(day) ?? 0) | (1 << hour))
  if (ipClass.kind !== 'public') return false
  const anonymiser = ipClass.anonymiser
  if (anonymiser !== undefined || record.isProxyByProvider === true) {
    const kind = anonymiser?.kind ?? 'proxy-flag'
    const match = anonymiser?.match
    const listed: EgressMatch = match
      ? {
          range: match.matchedBy === 'range' ? (match.range.cidr ?? '') : `AS${match.range.asn}`,
          ...(match.range.name ? { networkName: match.range.name } : {}),
          listName: match.range.list,
          source: { name: match.source.name, version: match.source.version },
        }
      : {
          range: ipClass.address,
          listName: 'identity provider proxy flag',
          source: { name: 'identity provider', version: record.provider },
        }
    let use = activity.egress.get(kind)
    if (!use) {
      use = { count: 0, samples: [], firstMatch: listed }
      activity.egress.set(kind, use)
    }
    use.count++
    const samples = use.samples
    if (samples.length < evidenceSamples || atMs < (samples[samples.length - 1]?.atMs ?? 0)) {
      if (samples.length === 0 || atMs < (samples[0]?.atMs ?? 0)) use.firstMatch = listed
      samples.push({ ip: ipClass.address, at: record.at, eventId: record.eventId, atMs })
      samples.sort((a, b) => a.atMs - b.atMs)
      if (samples.length > evidenceSamples) samples.length = evidenceSamples
    }
    return false
  }
  const country = ipClass.facts.countryCode
  if (country) {
    let seen = activity.countries.get(country)
    if (!seen) {
      seen = { events: 0, days: new Set() }
      activity.countries.set(country, seen)
    }
    seen.events++
    seen.days.add(day)
  }
  if (record.latitude !== undefined && record.longitude !== undefined)
    observeLocation(activity, record, ipClass.address, travel)
  let use = activity.addresses.get(ipClass.address)
  const isNew = use === undefined
  if (!use) {
    use = {
      ip: ipClass.address,
      days: new Set(),
      firstMs: atMs,
      lastMs: atMs,
      events: 0,
      ...(country ? { country } : {}),
    }
    activity.addresses.set(ipClass.address, use)
  }
  use.events++
  const daysBefore = use.days.size
  use.days.add(day)
  if (atMs < use.firstMs) use.firstMs = atMs
  if (atMs > use.lastMs) use.lastMs = atMs
  return isNew || use.days.size !== daysBefore
}

function observeLocation(
  activity: SignInActivity,
  record: SignInRecord,
  ip: string,
  thresholds: TravelThresholds,
): void {
  const here: LocatedSignIn = {
    atMs: record.atMs,
    at: record.at,
    ip,
    latitude: record.latitude as number,
    longitude: record.longitude as number,
    place: [record.city, record.region, record.country].filter((part) => part !== undefined).join(', '),
    eventId: record.eventId,
  }
  const last = activity.located
  if (last) {
    const kilometres = greatCircleKilometres(last.latitude, last.longitude, here.latitude, here.longitude)
    // A minute's floor: two events of one login flow carry the same second.
    const hours = Math.max(Math.abs(here.atMs - last.atMs), 60_000) / hourMs
    const speed = kilometres / hours
    if (kilometres >= thresholds.minimumKilometres && speed >= thresholds.minimumKilometresPerHour) {
      activity.travelCount++
      if (activity.travel.length < evidenceSamples) {
        const [from, to] = last.atMs <= here.atMs ? [last, here] : [here, last]
        activity.travel.push({ from, to, kilometres: Math.round(kilometres), kilometresPerHour: Math.round(speed) })
      }
    }
  }
  if (!last || here.atMs >= last.atMs) activity.located = here
}

/** Distance on the Earth's surface (haversine, mean radius 6,371 km). */
export function greatCircleKilometres(
  latitude1: number,
  longitude1: number,
  latitude2: number,
  longitude2: number,
): number {
  const radians = Math.PI / 180
  const dLat = (latitude2 - latitude1) * radians
  const dLon = (longitude2 - longitude1) * radians
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(latitude1 * radians) * Math.cos(latitude2 * radians) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)))
}
