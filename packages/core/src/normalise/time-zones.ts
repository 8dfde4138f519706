import { getCountriesForTimezone, getTimezonesForCountry } from 'countries-and-timezones'
import { msPerDay } from './partial-date.js'
import { memoise } from './memoise.js'

/**
 * IANA time zones and their UTC offsets at an instant, DST-aware, from the runtime's Intl data. Screening asks for the
 * same few zones in the same weeks over and over, so each zone's offsets are cached per week: a week costs two Intl
 * calls (about twenty in the two weeks a year a zone changes its clocks), every later question two map lookups.
 */

/** Zones the country list attaches to a country for a few dozen people; they would hide real mismatches. */
const incidentalZones: Readonly<Record<string, readonly string[]>> = {
  // Eyre Bird Observatory keeps Tokyo's offset in the tz data; with it every +9 browser would "fit" Australia.
  AU: ['Asia/Tokyo'],
}

/** Zones that name an offset, not a place (UTC, Etc/GMT+5): they say nothing about where someone lives. */
export function isPlacelessTimeZone(zone: string): boolean {
  return /^(Etc\/|UTC$|UCT$|GMT|Universal$|Zulu$|Greenwich$)/.test(zone)
}

const formatters = new Map<string, Intl.DateTimeFormat | null>()

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone)
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    } catch {
      formatter = null
    }
    formatters.set(zone, formatter)
  }
  return formatter
}

/** Whether the runtime knows the zone (canonical names and their old aliases such as `Asia/Calcutta`). */
export function isKnownTimeZone(zone: string): boolean {
  return formatterFor(zone) !== null
}

const offsetPattern = /GMT(?:([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?)?/

function exactOffset(formatter: Intl.DateTimeFormat, instantMs: number): number {
  const match = offsetPattern.exec(formatter.format(instantMs))
  if (!match?.[1]) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0) + Math.round(Number(match[4] ?? 0) / 60)
  return match[1] === '-' ? -minutes : minutes
}

/**
 * A zone's offsets over one week (7 UTC days from the epoch): `before` until `changeMs`, `after` from then on (equal in
 * most weeks). No zone changes its clocks twice within a week, so one transition per week is all there can be.
 */
type ZoneWeek = { readonly before: number; readonly after: number; readonly changeMs: number }

const msPerWeek = 7 * msPerDay
const cacheLimit = 50_000
const zoneWeeks = new Map<string, Map<number, ZoneWeek>>()
let cachedWeeks = 0

function zoneWeek(zone: string, formatter: Intl.DateTimeFormat, week: number): ZoneWeek {
  let weeks = zoneWeeks.get(zone)
  const cached = weeks?.get(week)
  if (cached) return cached
  const startMs = week * msPerWeek
  const before = exactOffset(formatter, startMs)
  const after = exactOffset(formatter, startMs + msPerWeek - 1)
  let changeMs = Number.POSITIVE_INFINITY
  if (before !== after) {
    // Clocks change this week: find the first second with the new offset (transitions fall on whole seconds).
    let low = 0
    let high = msPerWeek / 1000 - 1
    while (low < high) {
      const middle = Math.floor((low + high) / 2)
      if (exactOffset(formatter, startMs + middle * 1000) === before) low = middle + 1
      else high = middle
    }
    changeMs = startMs + low * 1000
  }
  const result = { before, after, changeMs }
  if (cachedWeeks >= cacheLimit) {
    zoneWeeks.clear()
    cachedWeeks = 0
  }
  if (!weeks || !zoneWeeks.has(zone)) {
    weeks = new Map()
    zoneWeeks.set(zone, weeks)
  }
  weeks.set(week, result)
  cachedWeeks++
  return result
}

/** The zone's offset from UTC in minutes, east positive, at the instant; undefined for a zone the runtime lacks. */
export function timeZoneOffsetAt(zone: string, instantMs: number): number | undefined {
  const formatter = formatterFor(zone)
  if (formatter === null || !Number.isFinite(instantMs)) return undefined
  const week = zoneWeek(zone, formatter, Math.floor(instantMs / msPerWeek))
  return instantMs < week.changeMs ? week.before : week.after
}

const countryZones = new Map<string, readonly string[]>()

/** The IANA zones in use in a country (ISO alpha-2, any case); empty for an unknown code. */
export function timeZonesOfCountry(country: string): readonly string[] {
  const code = country.toUpperCase()
  let zones = countryZones.get(code)
  if (!zones) {
    const skip = incidentalZones[code] ?? []
    zones = (getTimezonesForCountry(code) ?? [])
      .map((zone) => zone.name)
      .filter((zone) => !skip.includes(zone) && isKnownTimeZone(zone))
    countryZones.set(code, zones)
  }
  return zones
}

/** The countries (upper-case ISO alpha-2) that use a zone, old alias names included; empty for placeless zones. */
export const countriesOfTimeZone = memoise((zone: string): readonly string[] =>
  getCountriesForTimezone(zone, { deprecated: true })
    .map((country) => country.id)
    .filter((country) => !(incidentalZones[country] ?? []).includes(zone)),
)

const countryWeeks = new Map<string, Map<number, readonly number[]>>()

/** The distinct offsets (sorted, minutes east of UTC) the country's zones show at the instant. */
export function countryOffsetsAt(country: string, instantMs: number): readonly number[] {
  if (!Number.isFinite(instantMs)) return []
  const week = Math.floor(instantMs / msPerWeek)
  let weeks = countryWeeks.get(country)
  const cached = weeks?.get(week)
  if (cached) return cached
  const offsets = new Set<number>()
  let isStableAllWeek = true
  for (const zone of timeZonesOfCountry(country)) {
    const formatter = formatterFor(zone)
    if (formatter === null) continue
    const zoneOffsets = zoneWeek(zone, formatter, week)
    if (zoneOffsets.before !== zoneOffsets.after) isStableAllWeek = false
    offsets.add(instantMs < zoneOffsets.changeMs ? zoneOffsets.before : zoneOffsets.after)
  }
  const sorted = [...offsets].sort((a, b) => a - b)
  if (isStableAllWeek) {
    if (!weeks) {
      weeks = new Map()
      countryWeeks.set(country, weeks)
    }
    // Bounded: a country's weeks over a decade are about 520 entries.
    if (weeks.size >= 2_000) weeks.clear()
    weeks.set(week, sorted)
  }
  return sorted
}

/** `540` → `UTC+09:00`, `-210` → `UTC-03:30`. */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const absolute = Math.abs(minutes)
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0')
  return `UTC${sign}${hours}:${String(absolute % 60).padStart(2, '0')}`
}

/** The wall-clock time `HH:MM` at the instant for a given offset, and its hour. */
export function localTimeAt(
  instantMs: number,
  offsetMinutes: number,
): { readonly text: string; readonly hour: number } {
  const local = new Date(instantMs + offsetMinutes * 60_000)
  const hour = local.getUTCHours()
  return { text: `${String(hour).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`, hour }
}
