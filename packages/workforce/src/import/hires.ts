import type { HireRecord } from '../records/workforce-record.js'
import { importCsvTable, RowIssues, type CsvColumnSpec } from './csv-table.js'
import { countryProblem, joinAddressParts, postalAddress, readLogins, timeZoneProblem } from './field-values.js'
import { notAnObject, rowOf, type ImportedRow } from './import-row.js'
import { JsonFields } from './json-fields.js'
import { jsonRows } from './json-rows.js'
import { readDate } from './timestamps.js'

export const hireColumns = [
  {
    name: 'employee_id',
    aliases: ['employee_number', 'worker_id', 'employee id'],
    isRequired: true,
    description: "The HR system's id of the employee; every other feed refers to it.",
  },
  {
    name: 'application_id',
    aliases: ['candidate_application_id'],
    description: 'The application the hire came from, as screened (links the employee to the identity graph).',
  },
  {
    name: 'legal_name',
    aliases: ['name', 'full_name'],
    isRequired: true,
    description: 'The legal name on file (compared with bank-account holders).',
  },
  {
    name: 'home_address',
    aliases: ['address'],
    isRequired: true,
    description: 'The home address on file, as one line of text.',
  },
  { name: 'home_country', aliases: ['country'], description: 'ISO 3166-1 alpha-2 code of the home country.' },
  { name: 'start_date', aliases: ['hire_date'], isRequired: true, description: 'First day of work, YYYY-MM-DD.' },
  { name: 'manager', aliases: ['manager_name', 'manager_id'], description: 'The manager, by name or id.' },
  {
    name: 'work_email',
    aliases: ['login', 'logins', 'upn', 'user_principal_name', 'email'],
    description: 'The sign-in names the identity provider logs for the employee; several separated by ";".',
  },
  {
    name: 'time_zone',
    aliases: ['timezone'],
    description: "IANA time zone of the home (America/Chicago); else the home country's zones are used.",
  },
] as const satisfies readonly CsvColumnSpec<string>[]

type HireColumn = (typeof hireColumns)[number]['name']

/** Hires from an HR export in CSV (see docs/workforce.md for the columns). */
export function importHiresCsv(text: string): ImportedRow<HireRecord>[] {
  return importCsvTable<HireColumn, HireRecord>(text, hireColumns, ({ line, cell }) => {
    const issues = new RowIssues()
    const employeeId = issues.required(cell('employee_id'), 'employee_id', "the HR system's employee id")
    const legalName = issues.required(cell('legal_name'), 'legal_name', 'the legal name on file')
    const home = issues.required(cell('home_address'), 'home_address', 'the home address on file')
    const country = cell('home_country')
    const countryIssue = country === undefined ? undefined : countryProblem(country)
    if (countryIssue) issues.add('home_country', countryIssue)
    const startText = issues.required(cell('start_date'), 'start_date', 'the first day of work, YYYY-MM-DD')
    const startDate = startText === undefined ? undefined : readDate(startText)
    if (typeof startDate === 'object') issues.add('start_date', startDate.problem)
    const logins = readLogins(cell('work_email') ?? '')
    if (logins.problem) issues.add('work_email', logins.problem)
    const timeZone = cell('time_zone')
    const zoneIssue = timeZone === undefined ? undefined : timeZoneProblem(timeZone)
    if (zoneIssue) issues.add('time_zone', zoneIssue)
    const applicationId = cell('application_id')
    const manager = cell('manager')
    return rowOf(line, issues.issues, () => ({
      kind: 'hire',
      employeeId: employeeId ?? '',
      ...(applicationId ? { applicationId } : {}),
      legalName: legalName ?? '',
      homeAddress: postalAddress(home ?? '', countryIssue ? undefined : country),
      startDate: typeof startDate === 'string' ? startDate : '',
      ...(manager ? { manager } : {}),
      logins: logins.logins,
      ...(timeZone ? { timeZone } : {}),
    }))
  })
}

/**
 * Hires as JSON Lines (or a JSON array) of objects with the camelCase fields of `HireRecord`: `employeeId`,
 * `applicationId`, `legalName`, `homeAddress` (a string, or `{ text | line1, line2, city, region, postalCode,
 * countryCode }`), `homeCountry`, `startDate`, `manager`, `workEmail` or `logins`, `timeZone`.
 */
export function importHiresJson(text: string): ImportedRow<HireRecord>[] {
  const out: ImportedRow<HireRecord>[] = []
  for (const row of jsonRows(text)) {
    if ('status' in row) {
      out.push(row)
      continue
    }
    out.push(importHireObject(row.value, row.line, row.pathPrefix))
  }
  return out
}

export function importHireObject(value: unknown, line: number, pathPrefix = ''): ImportedRow<HireRecord> {
  const fields = new JsonFields(value, pathPrefix)
  if (!fields.isObject) return notAnObject(line, pathPrefix)
  const employeeId = fields.string('employeeId', "the HR system's employee id")
  const legalName = fields.string('legalName', 'the legal name on file')
  const address = fields.value('homeAddress')
  let homeText: string | undefined
  let country = fields.string('homeCountry')
  if (typeof address === 'string') homeText = address.trim() || undefined
  else if (typeof address === 'object' && address !== null && !Array.isArray(address)) {
    homeText =
      fields.string('homeAddress.text') ??
      joinAddressParts([
        fields.string('homeAddress.line1'),
        fields.string('homeAddress.line2'),
        fields.string('homeAddress.city'),
        fields.string('homeAddress.region'),
        fields.string('homeAddress.postalCode'),
      ])
    country ??= fields.string('homeAddress.countryCode')
  } else if (address !== undefined && address !== null)
    fields.add('homeAddress', 'must be a string or an address object')
  if (homeText === undefined) {
    if (address === undefined || address === null || address === '')
      fields.add('homeAddress', 'is required: the home address on file')
    else if (typeof address === 'object' && !Array.isArray(address))
      fields.add('homeAddress', 'has no text, line1 or city')
  }
  const countryIssue = country === undefined ? undefined : countryProblem(country)
  if (countryIssue) fields.add('homeCountry', countryIssue)
  const startText = fields.string('startDate', 'the first day of work, YYYY-MM-DD')
  const startDate = startText === undefined ? undefined : readDate(startText)
  if (typeof startDate === 'object') fields.add('startDate', startDate.problem)
  const loginsValue = fields.value('logins')
  let loginText = fields.string('workEmail') ?? ''
  if (Array.isArray(loginsValue)) {
    // Strings only: turning a nested array into text recurses as deep as the array (30,000 levels overflowed).
    const names = loginsValue.filter((name): name is string => typeof name === 'string')
    if (names.length < loginsValue.length) fields.add('logins', 'must be an array of sign-in names (strings)')
    loginText = [loginText, ...names].join(';')
  } else if (loginsValue !== undefined) fields.add('logins', 'must be an array of sign-in names')
  const logins = readLogins(loginText)
  if (logins.problem) fields.add(Array.isArray(loginsValue) ? 'logins' : 'workEmail', logins.problem)
  const timeZone = fields.string('timeZone')
  const zoneIssue = timeZone === undefined ? undefined : timeZoneProblem(timeZone)
  if (zoneIssue) fields.add('timeZone', zoneIssue)
  const applicationId = fields.string('applicationId')
  const manager = fields.string('manager')
  return rowOf(line, fields.issues, () => ({
    kind: 'hire',
    employeeId: employeeId ?? '',
    ...(applicationId ? { applicationId } : {}),
    legalName: legalName ?? '',
    homeAddress: postalAddress(homeText ?? '', countryIssue ? undefined : country),
    startDate: typeof startDate === 'string' ? startDate : '',
    ...(manager ? { manager } : {}),
    logins: logins.logins,
    ...(timeZone ? { timeZone } : {}),
  }))
}
