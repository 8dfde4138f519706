import type { Detector } from '../detect/detector.js'
import { parseAcceptLanguage } from '../normalise/accept-language.js'
import { isLanguageCommonInCountry, languagesOfCountry } from '../normalise/country-languages.js'
import { parseIp } from '../normalise/ip-address.js'
import type { NormalisedApplication } from '../normalise/normalise-application.js'
import {
  countriesOfTimeZone,
  countryOffsetsAt,
  formatUtcOffset,
  isKnownTimeZone,
  isPlacelessTimeZone,
  localTimeAt,
  timeZoneOffsetAt,
} from '../normalise/time-zones.js'
import type { SubmissionContext } from '../record/application-record.js'
import { defineSignals } from '../signals/signal-definition.js'
import type { Signal } from '../signals/signal.js'

const contextSignals = defineSignals([
  {
    code: 'context.ip.invalid',
    category: 'context',
    stage: 'application',
    severity: 'low',
    description:
      'The IP address recorded with the submission is not an IP address at all (a broken or tampered field).',
  },
  {
    code: 'context.ip.not-public',
    category: 'context',
    stage: 'application',
    severity: 'medium',
    description:
      'The submission came from a private, loopback, link-local, CGNAT, documentation or other non-public address, ' +
      'which hides the real origin; a portal behind a misconfigured proxy records such addresses too, so check the ' +
      'portal when many applications show it.',
  },
  {
    code: 'context.timezone.mismatch',
    category: 'context',
    stage: 'application',
    severity: 'low',
    description:
      "The browser's UTC offset at submission fits no time zone of the claimed country or claimed time zone; " +
      'travellers and misconfigured clocks look the same.',
  },
  {
    code: 'context.timezone.utc8-9',
    category: 'context',
    stage: 'application',
    severity: 'medium',
    description:
      "The browser's clock was on UTC+8 or UTC+9 (China, the Koreas, Russia's Far East) while the claimed home uses " +
      'neither, the rhythm of remote IT-worker schemes run from East Asia.',
  },
  {
    code: 'context.language.mismatch',
    category: 'context',
    stage: 'application',
    severity: 'low',
    description:
      "The browser's first language is not one commonly used in the claimed country; immigrants and their families " +
      'look exactly like this, so it only ever adds weight to other signals.',
  },
  {
    code: 'context.claimed-timezone.mismatch',
    category: 'context',
    stage: 'application',
    severity: 'low',
    description: 'The time zone the applicant claims is not used in the country the applicant claims to live in.',
  },
  {
    code: 'context.submission-hour.unusual',
    category: 'context',
    stage: 'application',
    severity: 'low',
    description: 'The application was submitted between 01:00 and 05:00 local time at the claimed home.',
  },
])

type ContextCode = (typeof contextSignals)[number]['code']

function signal(code: ContextCode, message: string, evidence: Readonly<Record<string, unknown>>): Signal<ContextCode> {
  const severity = contextSignals.find((definition) => definition.code === code)?.severity ?? 'low'
  return { code, severity, message, evidence }
}

/** The claimed home as time zones see it; a placeless zone (UTC, Etc/GMT-9) names no home and is ignored. */
type ClaimedHome = {
  readonly country?: string
  readonly zone?: string
}

const usableZones = new Map<string, boolean>()

function isUsableZone(zone: string): boolean {
  let isUsable = usableZones.get(zone)
  if (isUsable === undefined) {
    isUsable = isKnownTimeZone(zone) && !isPlacelessTimeZone(zone)
    if (usableZones.size >= 2_000) usableZones.clear()
    usableZones.set(zone, isUsable)
  }
  return isUsable
}

function claimedHomeOf(facts: NormalisedApplication): ClaimedHome {
  const zone = facts.claimedTimeZone?.trim()
  return {
    ...(facts.claimedCountry ? { country: facts.claimedCountry } : {}),
    ...(zone !== undefined && isUsableZone(zone) ? { zone } : {}),
  }
}

const eastAsianOffsets = [480, 540]

/**
 * Where and how the application was submitted against where the applicant says they live: the IP address's range,
 * the browser's UTC offset and first language, the claimed time zone, and the local hour. IP geolocation and
 * reputation need reference data and belong to the network detectors.
 */
export const contextDetector: Detector<ContextCode> = {
  name: 'context',
  signals: contextSignals,
  detect({ record, facts }) {
    const submission = record.submission
    const home = claimedHomeOf(facts)
    const instantMs = facts.submittedAtMs
    const found: Signal<ContextCode>[] = []
    if (submission) {
      found.push(...ipSignals(submission))
      const offsetSignal = browserOffsetSignal(submission, home, instantMs)
      if (offsetSignal) found.push(offsetSignal)
      const languageSignal = browserLanguageSignal(submission, home)
      if (languageSignal) found.push(languageSignal)
    }
    const zoneSignal = claimedZoneSignal(home)
    if (zoneSignal) found.push(zoneSignal)
    const hourSignal = submissionHourSignal(record.submittedAt, home, instantMs)
    if (hourSignal) found.push(hourSignal)
    return found
  },
}

const rangeLabels = {
  private: 'private (RFC 1918)',
  loopback: 'loopback',
  'link-local': 'link-local',
  'carrier-grade-nat': 'carrier-grade NAT (RFC 6598)',
  'unique-local': 'unique-local IPv6',
  documentation: 'documentation-only',
  benchmarking: 'benchmarking-only',
  multicast: 'multicast',
  broadcast: 'broadcast',
  unspecified: 'unspecified',
  reserved: 'reserved',
} as const

function ipSignals(submission: SubmissionContext): Signal<ContextCode>[] {
  const raw = submission.ip
  if (raw === undefined || raw.trim() === '') return []
  const ip = parseIp(raw)
  switch (ip.kind) {
    case 'invalid':
      return [signal('context.ip.invalid', `The submission IP "${raw}" is not an IP address.`, { ip: raw })]
    case 'non-public':
      return [
        signal(
          'context.ip.not-public',
          `The application was submitted from ${ip.address}, a ${rangeLabels[ip.range]} address no client on the public internet has.`,
          { ip: raw, address: ip.address, version: ip.version, range: ip.range },
        ),
      ]
    case 'public':
      return []
  }
}

function browserOffsetSignal(
  submission: SubmissionContext,
  home: ClaimedHome,
  instantMs: number,
): Signal<ContextCode> | undefined {
  const offset = submission.utcOffsetMinutes
  if (offset === undefined || !Number.isInteger(offset) || !Number.isFinite(instantMs)) return undefined
  const countryOffsets = home.country ? countryOffsetsAt(home.country, instantMs) : []
  const zoneOffset = home.zone ? timeZoneOffsetAt(home.zone, instantMs) : undefined
  if (countryOffsets.length === 0 && zoneOffset === undefined) return undefined
  if (countryOffsets.includes(offset) || zoneOffset === offset) return undefined

  const homeParts: string[] = []
  if (home.country && countryOffsets.length > 0) {
    homeParts.push(`${home.country} (${countryOffsets.map(formatUtcOffset).join(', ')})`)
  }
  if (home.zone && zoneOffset !== undefined) homeParts.push(`${home.zone} (${formatUtcOffset(zoneOffset)})`)
  const evidence = {
    browserOffset: formatUtcOffset(offset),
    utcOffsetMinutes: offset,
    ...(home.country && countryOffsets.length > 0
      ? { claimedCountry: home.country, claimedCountryOffsets: countryOffsets.map(formatUtcOffset) }
      : {}),
    ...(home.zone && zoneOffset !== undefined
      ? { claimedTimeZone: home.zone, claimedTimeZoneOffset: formatUtcOffset(zoneOffset) }
      : {}),
  }
  const homeUsesEastAsianOffset =
    countryOffsets.some((candidate) => eastAsianOffsets.includes(candidate)) ||
    (zoneOffset !== undefined && eastAsianOffsets.includes(zoneOffset))
  if (eastAsianOffsets.includes(offset) && !homeUsesEastAsianOffset) {
    return signal(
      'context.timezone.utc8-9',
      `The browser was on ${formatUtcOffset(offset)} at submission, an East Asian offset, while the claimed home ${homeParts.join(' and ')} uses neither UTC+08:00 nor UTC+09:00.`,
      evidence,
    )
  }
  return signal(
    'context.timezone.mismatch',
    `The browser was on ${formatUtcOffset(offset)} at submission, which fits no time zone of the claimed home ${homeParts.join(' and ')}.`,
    evidence,
  )
}

let languageNames: Intl.DisplayNames | undefined
const languageNameCache = new Map<string, string>()

function languageName(code: string): string {
  let name = languageNameCache.get(code)
  if (name === undefined) {
    languageNames ??= new Intl.DisplayNames('en', { type: 'language', fallback: 'code' })
    try {
      name = languageNames.of(code) ?? code
    } catch {
      name = code
    }
    if (languageNameCache.size >= 2_000) languageNameCache.clear()
    languageNameCache.set(code, name)
  }
  return name
}

function browserLanguageSignal(submission: SubmissionContext, home: ClaimedHome): Signal<ContextCode> | undefined {
  const header = submission.acceptLanguage
  if (header === undefined || home.country === undefined) return undefined
  const first = parseAcceptLanguage(header)[0]
  if (!first || isLanguageCommonInCountry(first, home.country)) return undefined
  const name = languageName(first.region ? `${first.language}-${first.region}` : first.language)
  return signal(
    'context.language.mismatch',
    `The browser's first language is ${first.tag} (${name}), which is not commonly used in the claimed home country ${home.country}.`,
    {
      acceptLanguage: header,
      firstLanguage: first.tag,
      language: first.language,
      ...(first.region ? { region: first.region } : {}),
      claimedCountry: home.country,
      countryLanguages: languagesOfCountry(home.country),
    },
  )
}

function claimedZoneSignal(home: ClaimedHome): Signal<ContextCode> | undefined {
  if (!home.zone || !home.country) return undefined
  const countries = countriesOfTimeZone(home.zone)
  if (countries.length === 0 || countries.includes(home.country)) return undefined
  return signal(
    'context.claimed-timezone.mismatch',
    `The claimed time zone ${home.zone} is used in ${countries.join(', ')}, not in the claimed home country ${home.country}.`,
    { claimedTimeZone: home.zone, claimedCountry: home.country, zoneCountries: countries },
  )
}

const unusualHours = { from: 1, to: 5 } as const

function submissionHourSignal(
  submittedAt: string,
  home: ClaimedHome,
  instantMs: number,
): Signal<ContextCode> | undefined {
  if (!Number.isFinite(instantMs)) return undefined
  let offset: number | undefined
  let place: string | undefined
  if (home.zone) {
    offset = timeZoneOffsetAt(home.zone, instantMs)
    place = home.zone
  } else if (home.country) {
    // Without a claimed zone, only a country whose zones all agree at that instant has one local time.
    const offsets = countryOffsetsAt(home.country, instantMs)
    if (offsets.length === 1) {
      offset = offsets[0]
      place = home.country
    }
  }
  if (offset === undefined || place === undefined) return undefined
  const local = localTimeAt(instantMs, offset)
  if (local.hour < unusualHours.from || local.hour >= unusualHours.to) return undefined
  return signal(
    'context.submission-hour.unusual',
    `The application was submitted at ${local.text} local time in the claimed home (${place}, ${formatUtcOffset(offset)}).`,
    { submittedAt, localTime: local.text, place, offset: formatUtcOffset(offset) },
  )
}
