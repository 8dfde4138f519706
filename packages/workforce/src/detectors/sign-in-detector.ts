import { timeZoneOffsetAt, timeZonesOfCountry, type Signal, type WorkforceSignalCode } from '@hirewall/core'
import type { NetworkKind } from '@hirewall/intel'
import { dayMs, type EgressUse } from '../evaluate/sign-in-activity.js'
import { bestOffset, hourHistogram, rhythmLogLikelihood } from './activity-rhythm.js'
import { countryName } from './device-detector.js'
import { workforceSignal, type WorkforceDetector } from './workforce-detector.js'

const egressCodes = {
  vpn: 'sign-in.egress.vpn',
  hosting: 'sign-in.egress.hosting',
  proxy: 'sign-in.egress.proxy',
  'proxy-flag': 'sign-in.egress.proxy',
  'tor-exit': 'sign-in.egress.tor-exit',
} as const satisfies Record<NetworkKind | 'proxy-flag', WorkforceSignalCode>

const egressLabels = {
  'sign-in.egress.vpn': 'a VPN service',
  'sign-in.egress.hosting': 'a hosting or data-centre network',
  'sign-in.egress.proxy': 'a proxy',
  'sign-in.egress.tor-exit': 'Tor exit nodes',
} as const

const percent = (share: number): string => `${Math.round(share * 100)}%`
const utcOffset = (minutes: number): string => `UTC${minutes >= 0 ? '+' : '−'}${Math.abs(minutes) / 60}`

/**
 * The employee's identity-provider events (Okta, Entra), aggregated over all their sign-in names: anonymised egress by
 * kind (VPN, hosting, proxy, Tor; medium when it is the habit, low when occasional), sign-ins habitually from another
 * country than home or from an embargoed one, impossible travel between located sign-ins, activity around the clock,
 * and a day whose hours fit UTC+8/+9 clearly better than the home's zone.
 */
export const signInDetector: WorkforceDetector = {
  name: 'sign-in',
  codes: [
    'sign-in.egress.vpn',
    'sign-in.egress.hosting',
    'sign-in.egress.proxy',
    'sign-in.egress.tor-exit',
    'sign-in.country.mismatch',
    'sign-in.country.embargoed',
    'sign-in.impossible-travel',
    'sign-in.around-the-clock',
    'sign-in.rhythm.utc8-9',
  ],
  detect(view) {
    const { signIns, context } = view
    const successes = signIns.reduce((sum, activity) => sum + activity.successes, 0)
    if (successes === 0) return []
    const signals: Signal<WorkforceSignalCode>[] = []
    const thresholds = context.thresholds

    // Anonymised egress: one signal per code, all sign-in names together.
    const egress = new Map<keyof typeof egressLabels, EgressUse[]>()
    for (const activity of signIns)
      for (const [kind, use] of activity.egress) {
        const code = egressCodes[kind]
        egress.set(code, [...(egress.get(code) ?? []), use])
      }
    for (const [code, uses] of egress) {
      const count = uses.reduce((sum, use) => sum + use.count, 0)
      const share = count / successes
      const first = uses[0]
      if (!first) continue
      const isHabit = share >= thresholds.egressHabitShare
      signals.push(
        workforceSignal(
          code,
          `${count} of ${successes} successful sign-ins (${percent(share)}) came through ${egressLabels[code]}, e.g. ${first.samples[0]?.ip ?? ''} (${first.firstMatch.range}${first.firstMatch.networkName ? ` ${first.firstMatch.networkName}` : ''}, on ${first.firstMatch.source.name}).`,
          {
            count,
            successes,
            share: Math.round(share * 1000) / 1000,
            samples: uses.flatMap((use) => use.samples).slice(0, 5),
            listed: first.firstMatch,
            source: first.firstMatch.source,
          },
          code === 'sign-in.egress.tor-exit' ? 'high' : isHabit ? 'medium' : 'low',
        ),
      )
    }

    // Countries of undisguised sign-ins.
    const countries = new Map<string, { events: number; days: Set<number> }>()
    for (const activity of signIns)
      for (const [country, seen] of activity.countries) {
        const total = countries.get(country) ?? { events: 0, days: new Set<number>() }
        total.events += seen.events
        for (const dayNumber of seen.days) total.days.add(dayNumber)
        countries.set(country, total)
      }
    const located = [...countries.values()].reduce((sum, seen) => sum + seen.events, 0)
    const embargoed = [...countries].filter(([country]) => context.embargoedCountries.has(country))
    const sourceOfCountries = context.sources.ipCountry
      ? { source: { name: context.sources.ipCountry.name, version: context.sources.ipCountry.version } }
      : {}
    if (embargoed.length > 0) {
      signals.push(
        workforceSignal(
          'sign-in.country.embargoed',
          `Sign-ins came from ${embargoed.map(([country, seen]) => `${countryName(country)} (${country}): ${seen.events}`).join(', ')}, a comprehensively sanctioned country.`,
          {
            countries: Object.fromEntries(embargoed.map(([country, seen]) => [country, seen.events])),
            ...sourceOfCountries,
          },
        ),
      )
    }
    const home = view.homeCountry
    if (home !== undefined && located >= thresholds.countryMismatchMinimumSignIns) {
      const abroad = [...countries].filter(([country]) => country !== home && !context.embargoedCountries.has(country))
      const abroadCount = abroad.reduce((sum, [, seen]) => sum + seen.events, 0)
      const abroadDays = new Set(abroad.flatMap(([, seen]) => [...seen.days])).size
      if (
        abroadCount / located >= thresholds.countryMismatchShare &&
        abroadDays >= thresholds.countryMismatchMinimumDays
      ) {
        abroad.sort((a, b) => b[1].events - a[1].events)
        signals.push(
          workforceSignal(
            'sign-in.country.mismatch',
            `${abroadCount} of ${located} sign-ins from undisguised addresses (${percent(abroadCount / located)}), on ${abroadDays} days, came from outside ${countryName(home)} (${home}), the home on file: ${abroad
              .slice(0, 3)
              .map(([country, seen]) => `${countryName(country)} ${seen.events}`)
              .join(', ')}.`,
            {
              homeCountry: home,
              countries: Object.fromEntries(abroad.slice(0, 10).map(([country, seen]) => [country, seen.events])),
              abroad: abroadCount,
              abroadDays,
              located,
              ...sourceOfCountries,
            },
          ),
        )
      }
    }

    // Impossible travel.
    const travel = signIns.flatMap((activity) =>
      activity.travel.map((violation) => ({ login: activity.login, violation })),
    )
    const travelCount = signIns.reduce((sum, activity) => sum + activity.travelCount, 0)
    const firstTravel = travel[0]
    if (firstTravel) {
      const { from, to, kilometres, kilometresPerHour } = firstTravel.violation
      signals.push(
        workforceSignal(
          'sign-in.impossible-travel',
          `${firstTravel.login} signed in from ${from.place || from.ip} at ${from.at} and from ${to.place || to.ip} at ${to.at}: ${kilometres} km apart, ${kilometresPerHour} km/h${travelCount > 1 ? ` (${travelCount} such pairs)` : ''}.`,
          {
            pairs: travel.slice(0, 5).map(({ login, violation }) => ({ login, ...violation })),
            count: travelCount,
          },
        ),
      )
    }

    // Active hours, all sign-in names merged (one person, several accounts, one day).
    const activeHours = new Map<number, number>()
    for (const activity of signIns)
      for (const [dayNumber, mask] of activity.activeHours)
        activeHours.set(dayNumber, (activeHours.get(dayNumber) ?? 0) | mask)
    const fullDays = [...activeHours].filter(([, mask]) => bitCount(mask) >= thresholds.aroundTheClockHours)
    if (fullDays.length >= thresholds.aroundTheClockDays) {
      fullDays.sort((a, b) => a[0] - b[0])
      signals.push(
        workforceSignal(
          'sign-in.around-the-clock',
          `The account was active in ${thresholds.aroundTheClockHours} or more of the 24 hours on ${fullDays.length} days (e.g. ${fullDays
            .slice(0, 3)
            .map(
              ([dayNumber, mask]) => `${new Date(dayNumber * dayMs).toISOString().slice(0, 10)}: ${bitCount(mask)} h`,
            )
            .join(', ')}).`,
          {
            days: fullDays.slice(0, 10).map(([dayNumber, mask]) => ({
              day: new Date(dayNumber * dayMs).toISOString().slice(0, 10),
              activeHours: bitCount(mask),
            })),
            dayCount: fullDays.length,
            activeDays: activeHours.size,
          },
        ),
      )
    }
    const rhythm = rhythmSignal(view.hire?.timeZone, home, activeHours, thresholds)
    if (rhythm) signals.push(rhythm)
    return signals
  },
}

function rhythmSignal(
  timeZone: string | undefined,
  homeCountry: string | undefined,
  activeHours: ReadonlyMap<number, number>,
  thresholds: { rhythmMinimumActiveHours: number; rhythmMinimumDays: number; rhythmMargin: number },
): Signal<WorkforceSignalCode> | undefined {
  if (activeHours.size < thresholds.rhythmMinimumDays) return undefined
  const histogram = hourHistogram(activeHours.values())
  const cells = histogram.reduce((sum, count) => sum + count, 0)
  if (cells < thresholds.rhythmMinimumActiveHours) return undefined
  const zones = timeZone !== undefined ? [timeZone] : homeCountry !== undefined ? timeZonesOfCountry(homeCountry) : []
  if (zones.length === 0) return undefined
  const days = [...activeHours.keys()].sort((a, b) => a - b)
  const middleMs = ((days[Math.floor(days.length / 2)] ?? 0) + 0.5) * dayMs
  const homeOffsets = [
    ...new Set(zones.map((zone) => timeZoneOffsetAt(zone, middleMs)).filter((offset) => offset !== undefined)),
  ]
  // Someone whose home is itself around UTC+8/+9 is not told apart by hours.
  if (homeOffsets.length === 0 || homeOffsets.some((offset) => offset >= 7 * 60 && offset <= 10 * 60)) return undefined
  const home = homeOffsets
    .map((offset) => ({ offset, logLikelihood: rhythmLogLikelihood(histogram, offset) }))
    .sort((a, b) => b.logLikelihood - a.logLikelihood)[0]
  const asia = [480, 540]
    .map((offset) => ({ offset, logLikelihood: rhythmLogLikelihood(histogram, offset) }))
    .sort((a, b) => b.logLikelihood - a.logLikelihood)[0]
  if (!home || !asia) return undefined
  const best = bestOffset(histogram)
  const margin = (asia.logLikelihood - home.logLikelihood) / cells
  if (margin < thresholds.rhythmMargin || Math.abs(best.offsetMinutes - asia.offset) > 60) return undefined
  return workforceSignal(
    'sign-in.rhythm.utc8-9',
    `Over ${activeHours.size} active days, the hours of activity fit a working day at ${utcOffset(asia.offset)} far better than at ${utcOffset(home.offset)}, the ${timeZone ? `time zone on file (${timeZone})` : `home country's zones (${homeCountry ?? ''})`}.`,
    {
      utcHourHistogram: histogram,
      activeDays: activeHours.size,
      activeHours: cells,
      bestFit: utcOffset(best.offsetMinutes),
      asiaFit: utcOffset(asia.offset),
      homeFit: utcOffset(home.offset),
      marginPerActiveHour: Math.round(margin * 100) / 100,
      ...(timeZone ? { timeZone } : { homeZones: zones }),
    },
  )
}

function bitCount(mask: number): number {
  let value = mask - ((mask >>> 1) & 0x55555555)
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333)
  return (((value + (value >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
