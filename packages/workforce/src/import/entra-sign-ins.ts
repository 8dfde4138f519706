import type { ValidationIssue } from '@hirewall/core'
import type { SignInRecord } from '../records/workforce-record.js'
import { invalidRow, notAnObject, type ImportedRow } from './import-row.js'
import { numberAt, objectAt, stringAt } from './json-access.js'
import { jsonRows } from './json-rows.js'
import { readInstant } from './timestamps.js'

/**
 * Microsoft Entra sign-in logs as Microsoft Graph returns them (`GET /auditLogs/signIns`: `{ "value": [...] }`, or the
 * signIn objects one per line): `id`, `createdDateTime`, `userPrincipalName`, `ipAddress`, `location` (city, state,
 * countryOrRegion, geoCoordinates), `status.errorCode` (0 is success), `deviceDetail` and `appDisplayName`.
 */
export function importEntraSignIns(text: string): ImportedRow<SignInRecord>[] {
  const out: ImportedRow<SignInRecord>[] = []
  for (const row of jsonRows(text))
    out.push('status' in row ? row : importEntraSignIn(row.value, row.line, row.pathPrefix))
  return out
}

/** One Microsoft Graph signIn object. */
export function importEntraSignIn(value: unknown, line: number, pathPrefix = ''): ImportedRow<SignInRecord> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return notAnObject(line, pathPrefix)
  const signIn = value as Record<string, unknown>
  let issues: ValidationIssue[] | undefined
  const add = (path: string, message: string): void => {
    ;(issues ??= []).push({ path: `${pathPrefix}${path}`, message })
  }
  const id = stringAt(signIn, 'id')
  if (id === undefined || id === false || id === '') add('id', 'is required: the id of the sign-in')
  const login = stringAt(signIn, 'userPrincipalName')
  if (login === undefined || login === false || login.trim() === '')
    add('userPrincipalName', "is required: the person's sign-in name")
  const created = stringAt(signIn, 'createdDateTime')
  let atMs = 0
  if (created === undefined || created === false) add('createdDateTime', 'is required: when the sign-in happened')
  else {
    const instant = readInstant(created)
    if (typeof instant === 'string') add('createdDateTime', instant)
    else atMs = instant.ms
  }
  const ip = stringAt(signIn, 'ipAddress')
  if (ip === false) add('ipAddress', 'must be a string')
  const location = objectAt(signIn, 'location')
  const coordinates = objectAt(location, 'geoCoordinates')
  const latitude = numberAt(coordinates, 'latitude')
  const longitude = numberAt(coordinates, 'longitude')
  if (latitude === false || (latitude !== undefined && Math.abs(latitude) > 90))
    add('location.geoCoordinates.latitude', 'must be a latitude between -90 and 90')
  if (longitude === false || (longitude !== undefined && Math.abs(longitude) > 180))
    add('location.geoCoordinates.longitude', 'must be a longitude between -180 and 180')
  const errorCode = numberAt(objectAt(signIn, 'status'), 'errorCode')
  if (errorCode === false) add('status.errorCode', 'must be a number (0 for success)')
  const detail = objectAt(signIn, 'deviceDetail')
  const operatingSystem = stringAt(detail, 'operatingSystem')
  const browser = stringAt(detail, 'browser')
  const app = stringAt(signIn, 'appDisplayName')
  if (issues !== undefined) return invalidRow(line, issues)
  const record: { -readonly [Key in keyof SignInRecord]: SignInRecord[Key] } = {
    kind: 'sign-in',
    provider: 'entra',
    eventId: id as string,
    eventType: typeof app === 'string' && app !== '' ? app : 'sign-in',
    login: (login as string).trim().toLowerCase(),
    at: created as string,
    atMs,
    outcome: errorCode === undefined ? 'other' : errorCode === 0 ? 'success' : 'failure',
  }
  if (typeof ip === 'string' && ip !== '') record.ip = ip
  const city = stringAt(location, 'city')
  const state = stringAt(location, 'state')
  const country = stringAt(location, 'countryOrRegion')
  if (typeof city === 'string' && city !== '') record.city = city
  if (typeof state === 'string' && state !== '') record.region = state
  if (typeof country === 'string' && country !== '') record.country = country
  // Entra reports 0/0 (and nulls) for locations it could not resolve: not a place.
  if (typeof latitude === 'number' && typeof longitude === 'number' && (latitude !== 0 || longitude !== 0)) {
    record.latitude = latitude
    record.longitude = longitude
  }
  if (typeof operatingSystem === 'string' && operatingSystem !== '') record.device = operatingSystem
  if (typeof browser === 'string' && browser !== '') record.userAgent = browser
  return { line, status: 'ok', record }
}
