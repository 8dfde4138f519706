import { utcOffsetMinutes } from '../time-zone-offset.js'
import { Random } from '../random.js'
import type { EmployeePlan, SignInSource } from './employee-plan.js'

const dayMs = 86_400_000
const hourMs = 3_600_000

/** Office hours (local) with their weights: mornings, a lunch dip, afternoons, a little evening. */
const officeHours = [
  [7, 1],
  [8, 4],
  [9, 7],
  [10, 7],
  [11, 6],
  [12, 3],
  [13, 6],
  [14, 7],
  [15, 6],
  [16, 5],
  [17, 3],
  [18, 1],
  [20, 1],
  [21, 1],
] as const
/** An operator's day in their own zone (UTC+8/+9): long, with evening hours. */
const operatorHours = [
  [8, 2],
  [9, 6],
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
] as const

let regionNames: Intl.DisplayNames | undefined
function countryName(code: string): string {
  regionNames ??= new Intl.DisplayNames('en', { type: 'region' })
  return regionNames.of(code) ?? code
}

const userAgents = {
  Computer:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36',
  Mobile:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1',
} as const

function uuid(random: Random): string {
  const hex = random.hex(32)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** One event line as the identity provider logs it. */
export type SignInLine = { readonly provider: 'okta' | 'entra'; readonly line: string }

function oktaEvent(
  random: Random,
  plan: EmployeePlan,
  source: SignInSource,
  atMs: number,
  eventType: 'user.session.start' | 'user.authentication.sso',
  isSuccess: boolean,
): string {
  const { place } = source
  return JSON.stringify({
    actor: {
      id: plan.oktaUserId,
      type: 'User',
      alternateId: plan.login,
      displayName: plan.legalName,
      detailEntry: null,
    },
    client: {
      userAgent: {
        rawUserAgent: userAgents[source.device],
        os: source.device === 'Mobile' ? 'iOS' : 'Mac OS X',
        browser: source.device === 'Mobile' ? 'SAFARI' : 'CHROME',
      },
      zone: 'null',
      device: source.device,
      id: null,
      ipAddress: source.ip,
      geographicalContext: {
        city: place.city,
        state: place.region,
        country: countryName(place.countryCode),
        postalCode: null,
        geolocation: { lat: place.coordinates[0], lon: place.coordinates[1] },
      },
    },
    authenticationContext: { authenticationStep: 0, externalSessionId: random.hex(25) },
    displayMessage: eventType === 'user.session.start' ? 'User login to Okta' : 'User single sign on to app',
    eventType,
    outcome: isSuccess ? { result: 'SUCCESS', reason: null } : { result: 'FAILURE', reason: 'INVALID_CREDENTIALS' },
    published: new Date(atMs).toISOString(),
    securityContext: { asNumber: null, asOrg: null, isp: null, domain: null, isProxy: false },
    severity: isSuccess ? 'INFO' : 'WARN',
    debugContext: {
      debugData: { requestUri: eventType === 'user.session.start' ? '/idp/idx/identify' : '/app/slack/sso/saml' },
    },
    legacyEventType: eventType === 'user.session.start' ? 'core.user_auth.login_success' : 'app.auth.sso',
    transaction: { type: 'WEB', id: random.hex(27), detail: {} },
    uuid: uuid(random),
    version: '0',
    request: { ipChain: [{ ip: source.ip, geographicalContext: null, version: 'V4', source: null }] },
    target: [],
  })
}

function entraSignIn(random: Random, plan: EmployeePlan, source: SignInSource, atMs: number): string {
  const { place } = source
  return JSON.stringify({
    id: uuid(random),
    createdDateTime: new Date(atMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    userDisplayName: plan.legalName,
    userPrincipalName: plan.login,
    userId: plan.oktaUserId,
    appId: '00000002-0000-0ff1-ce00-000000000000',
    appDisplayName: 'Office 365 Exchange Online',
    ipAddress: source.ip,
    clientAppUsed: 'Browser',
    correlationId: uuid(random),
    conditionalAccessStatus: 'notApplied',
    isInteractive: true,
    riskDetail: 'none',
    riskLevelAggregated: 'none',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
    riskEventTypes_v2: [],
    resourceDisplayName: 'Office 365 Exchange Online',
    resourceId: '00000002-0000-0ff1-ce00-000000000000',
    status: { errorCode: 0, failureReason: 'Other.', additionalDetails: null },
    deviceDetail: {
      deviceId: '',
      displayName: null,
      operatingSystem: source.device === 'Mobile' ? 'Ios' : 'MacOs',
      browser: 'Chrome 133.0.0',
      isCompliant: true,
      isManaged: true,
      trustType: null,
    },
    location: {
      city: place.city,
      state: place.region,
      countryOrRegion: place.countryCode,
      geoCoordinates: { altitude: null, latitude: place.coordinates[0], longitude: place.coordinates[1] },
    },
    appliedConditionalAccessPolicies: [],
  })
}

/** The session start hours (UTC) of one working day of the plan. */
function sessionHours(random: Random, plan: EmployeePlan, dayStartMs: number): number[] {
  const { schedule } = plan
  if (schedule.hours === 'shifts')
    return Array.from({ length: random.int(14, 20) }, (_, index) => (index * 24) / 20 + random.float(0, 1))
  const offsetHours = utcOffsetMinutes(schedule.zone, dayStartMs + 12 * hourMs) / 60
  const profile = schedule.hours === 'operator' ? operatorHours : officeHours
  return Array.from({ length: random.int(2, 5) }, () => random.weighted(profile) + random.float(0, 1) - offsetHours)
}

function isWeekend(plan: EmployeePlan, dayStartMs: number): boolean {
  const offset = utcOffsetMinutes(plan.schedule.zone, dayStartMs + 12 * hourMs) * 60_000
  const weekday = new Date(dayStartMs + 12 * hourMs + offset).getUTCDay()
  return weekday === 0 || weekday === 6
}

/**
 * The identity-provider events of one employee on one day of the world: sessions at the hours the schedule gives
 * (Okta `user.session.start`, one to three single sign-ons to apps, and half the time an Entra sign-in to Exchange),
 * from the day's source (a trip's hotel, else one of the usual ones by weight). Deterministic for seed, employee and
 * day, so the stream can be replayed day by day without keeping it.
 */
export function signInsOfDay(seed: string, plan: EmployeePlan, day: number, worldStartMs: number): SignInLine[] {
  if (day < plan.startDay) return []
  const random = new Random(`${seed}:${plan.employeeId}:${day}`)
  const dayStartMs = worldStartMs + day * dayMs
  if (isWeekend(plan, dayStartMs) && !(plan.schedule.isWeekendWorker && random.chance(0.6)) && !random.chance(0.05))
    return []
  // The day out and the day back are spent travelling; in between, the laptop is where its owner is.
  if (plan.trips.some((trip) => day === trip.fromDay || day === trip.toDay + 1)) return []
  const trip = plan.trips.find((candidate) => day > candidate.fromDay && day <= candidate.toDay)
  const rotated = plan.homeRotations.filter((rotation) => rotation.fromDay <= day).at(-1)?.source
  const sources = rotated
    ? plan.sources.map(([source, weight], index) => [index === 0 ? rotated : source, weight] as const)
    : plan.sources
  const lines: SignInLine[] = []
  for (const hour of sessionHours(random, plan, dayStartMs).sort((a, b) => a - b)) {
    const source = trip ? trip.source : random.weighted(sources)
    let atMs = dayStartMs + Math.round(hour * hourMs)
    const isSuccess = !random.chance(0.02)
    lines.push({ provider: 'okta', line: oktaEvent(random, plan, source, atMs, 'user.session.start', isSuccess) })
    if (!isSuccess) continue
    for (let app = random.int(1, 3); app > 0; app--) {
      atMs += random.int(20, 300) * 1000
      lines.push({ provider: 'okta', line: oktaEvent(random, plan, source, atMs, 'user.authentication.sso', true) })
    }
    if (random.chance(0.5))
      lines.push({ provider: 'entra', line: entraSignIn(random, plan, source, atMs + random.int(5, 90) * 1000) })
  }
  return lines
}
