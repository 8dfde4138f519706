import type { ValidationIssue } from '@hirewall/core'
import type { SignInOutcome, SignInRecord } from '../records/workforce-record.js'
import { invalidRow, notAnObject, skippedRow, type ImportedRow } from './import-row.js'
import { numberAt, objectAt, stringAt } from './json-access.js'
import { jsonRows } from './json-rows.js'
import { readInstant } from './timestamps.js'

const outcomes: Readonly<Record<string, SignInOutcome>> = {
  SUCCESS: 'success',
  ALLOW: 'success',
  FAILURE: 'failure',
  DENY: 'failure',
}

/**
 * Okta System Log events (the LogEvent objects of `/api/v1/logs`, as an array or one per line) of people: `uuid`,
 * `published`, `eventType`, `actor` (its `alternateId` is the sign-in name), `client.ipAddress`,
 * `client.geographicalContext` (city, state, country, geolocation), `client.device`, `client.userAgent.rawUserAgent`,
 * `outcome.result` and `securityContext.isProxy`. Events of other actors (apps, the system) are skipped rows.
 */
export function importOktaSystemLog(text: string): ImportedRow<SignInRecord>[] {
  const out: ImportedRow<SignInRecord>[] = []
  for (const row of jsonRows(text))
    out.push('status' in row ? row : importOktaEvent(row.value, row.line, row.pathPrefix))
  return out
}

/** One Okta LogEvent. */
export function importOktaEvent(value: unknown, line: number, pathPrefix = ''): ImportedRow<SignInRecord> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return notAnObject(line, pathPrefix)
  const event = value as Record<string, unknown>
  let issues: ValidationIssue[] | undefined
  const add = (path: string, message: string): void => {
    ;(issues ??= []).push({ path: `${pathPrefix}${path}`, message })
  }
  const actor = objectAt(event, 'actor')
  const actorType = stringAt(actor, 'type')
  if (actor === undefined) add('actor', 'is required: who caused the event')
  else if (typeof actorType === 'string' && actorType !== 'User')
    return skippedRow(line, `an event of a ${actorType} actor, not a person`)
  const login = stringAt(actor, 'alternateId')
  if (actor !== undefined && (login === undefined || login === false || login.trim() === ''))
    add('actor.alternateId', "is required: the person's sign-in name")
  const uuid = stringAt(event, 'uuid')
  if (uuid === undefined || uuid === false || uuid === '') add('uuid', 'is required: the id of the event')
  const eventType = stringAt(event, 'eventType')
  if (eventType === undefined || eventType === false || eventType === '')
    add('eventType', 'is required: what happened (user.session.start...)')
  const published = stringAt(event, 'published')
  let atMs = 0
  if (published === undefined || published === false) add('published', 'is required: when the event happened')
  else {
    const instant = readInstant(published)
    if (typeof instant === 'string') add('published', instant)
    else atMs = instant.ms
  }
  const client = objectAt(event, 'client')
  const ip = stringAt(client, 'ipAddress')
  if (ip === false) add('client.ipAddress', 'must be a string')
  const geo = objectAt(client, 'geographicalContext')
  const city = stringAt(geo, 'city')
  const state = stringAt(geo, 'state')
  const country = stringAt(geo, 'country')
  const location = objectAt(geo, 'geolocation')
  const latitude = numberAt(location, 'lat')
  const longitude = numberAt(location, 'lon')
  if (latitude === false || (latitude !== undefined && Math.abs(latitude) > 90))
    add('client.geographicalContext.geolocation.lat', 'must be a latitude between -90 and 90')
  if (longitude === false || (longitude !== undefined && Math.abs(longitude) > 180))
    add('client.geographicalContext.geolocation.lon', 'must be a longitude between -180 and 180')
  const outcomeObject = objectAt(event, 'outcome')
  const result = stringAt(outcomeObject, 'result')
  if (result === false) add('outcome.result', 'must be a string such as SUCCESS or FAILURE')
  const isProxy = objectAt(event, 'securityContext')?.['isProxy']
  if (isProxy !== undefined && isProxy !== null && typeof isProxy !== 'boolean')
    add('securityContext.isProxy', 'must be true, false or null')
  const device = stringAt(client, 'device')
  const userAgent = stringAt(objectAt(client, 'userAgent'), 'rawUserAgent')
  if (issues !== undefined) return invalidRow(line, issues)
  const record: {
    -readonly [Key in keyof SignInRecord]: SignInRecord[Key]
  } = {
    kind: 'sign-in',
    provider: 'okta',
    eventId: uuid as string,
    eventType: eventType as string,
    login: (login as string).trim().toLowerCase(),
    at: published as string,
    atMs,
    outcome: (typeof result === 'string' ? outcomes[result.toUpperCase()] : undefined) ?? 'other',
  }
  if (typeof ip === 'string' && ip !== '') record.ip = ip
  if (typeof city === 'string' && city !== '') record.city = city
  if (typeof state === 'string' && state !== '') record.region = state
  if (typeof country === 'string' && country !== '') record.country = country
  if (typeof latitude === 'number' && typeof longitude === 'number') {
    record.latitude = latitude
    record.longitude = longitude
  }
  if (typeof isProxy === 'boolean') record.isProxyByProvider = isProxy
  if (typeof device === 'string' && device !== '') record.device = device
  if (typeof userAgent === 'string' && userAgent !== '') record.userAgent = userAgent
  return { line, status: 'ok', record }
}
