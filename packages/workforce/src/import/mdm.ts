import { parseIp } from '@hirewall/core'
import type { DeviceCheckInRecord } from '../records/workforce-record.js'
import { importCsvTable, RowIssues, type CsvColumnSpec } from './csv-table.js'
import { readLogins } from './field-values.js'
import { rowOf, type ImportedRow } from './import-row.js'
import { readInstant } from './timestamps.js'

export const mdmColumns = [
  {
    name: 'device',
    aliases: ['device_name', 'computer_name', 'hostname', 'name'],
    isRequired: true,
    description: 'The device name (usually its hostname: osquery reports it as hostIdentifier).',
  },
  { name: 'serial', aliases: ['serial_number'], description: 'The serial number (joins shipments and osquery).' },
  { name: 'employee_id', description: 'The employee it is assigned to (HR employee id)...' },
  {
    name: 'user',
    aliases: ['assigned_user', 'user_principal_name', 'email', 'username'],
    description: '...or their sign-in name (work email or UPN).',
  },
  {
    name: 'first_check_in',
    aliases: ['first_check_in_at', 'enrolled_at', 'enrollment_date', 'first_seen'],
    isRequired: true,
    description: 'When the device first checked in, ISO 8601 date-time with zone.',
  },
  {
    name: 'public_ip',
    aliases: ['ip_address', 'public_ip_address', 'first_ip'],
    isRequired: true,
    description: 'The public IP address of that first check-in.',
  },
  { name: 'platform', aliases: ['os', 'operating_system'], description: 'macOS, Windows...' },
  { name: 'model', description: 'The hardware model.' },
] as const satisfies readonly CsvColumnSpec<string>[]

type MdmColumn = (typeof mdmColumns)[number]['name']

/** Devices from a device-management (MDM) export in CSV: who has them and where they first checked in. */
export function importMdmCsv(text: string): ImportedRow<DeviceCheckInRecord>[] {
  return importCsvTable<MdmColumn, DeviceCheckInRecord>(text, mdmColumns, ({ line, cell }) => {
    const issues = new RowIssues()
    const device = issues.required(cell('device'), 'device', 'the device name')
    const checkInText = issues.required(cell('first_check_in'), 'first_check_in', 'when the device first checked in')
    const checkIn = checkInText === undefined ? undefined : readInstant(checkInText)
    if (typeof checkIn === 'string') issues.add('first_check_in', checkIn)
    const ipText = issues.required(cell('public_ip'), 'public_ip', 'the public IP address of the first check-in')
    if (ipText !== undefined && parseIp(ipText).kind === 'invalid')
      issues.add('public_ip', `is not an IP address: "${ipText}"`)
    const userText = cell('user')
    const user = userText === undefined ? undefined : readLogins(userText)
    if (user?.problem) issues.add('user', user.problem)
    const optional = {
      serial: cell('serial'),
      employeeId: cell('employee_id'),
      platform: cell('platform'),
      model: cell('model'),
    }
    return rowOf(line, issues.issues, () => ({
      kind: 'device-check-in',
      device: device ?? '',
      ...(optional.serial ? { serial: optional.serial } : {}),
      ...(optional.employeeId ? { employeeId: optional.employeeId } : {}),
      ...(user?.logins[0] ? { user: user.logins[0] } : {}),
      firstCheckInAt: typeof checkIn === 'object' ? checkIn.text : '',
      firstCheckInAtMs: typeof checkIn === 'object' ? checkIn.ms : 0,
      publicIp: ipText ?? '',
      ...(optional.platform ? { platform: optional.platform } : {}),
      ...(optional.model ? { model: optional.model } : {}),
    }))
  })
}
