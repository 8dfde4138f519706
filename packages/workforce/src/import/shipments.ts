import type { ShipmentRecord } from '../records/workforce-record.js'
import { importCsvTable, RowIssues, type CsvColumnSpec } from './csv-table.js'
import { countryProblem, postalAddress } from './field-values.js'
import { rowOf, type ImportedRow } from './import-row.js'
import { readDateOrInstant } from './timestamps.js'

export const shipmentColumns = [
  {
    name: 'employee_id',
    aliases: ['employee', 'requested_for'],
    isRequired: true,
    description: 'The employee the equipment is for (HR employee id).',
  },
  { name: 'asset', aliases: ['asset_tag', 'asset_id'], isRequired: true, description: 'The asset tag.' },
  { name: 'serial', aliases: ['serial_number'], description: 'The device serial number (joins MDM and osquery).' },
  {
    name: 'ship_to',
    aliases: ['ship_to_address', 'shipping_address', 'address'],
    isRequired: true,
    description: 'The address the equipment was sent to, as one line of text.',
  },
  { name: 'ship_to_country', aliases: ['country'], description: 'ISO 3166-1 alpha-2 code of the ship-to address.' },
  { name: 'carrier', description: 'The carrier (UPS, FedEx, DHL...).' },
  { name: 'tracking_number', aliases: ['tracking'], description: "The carrier's tracking number." },
  {
    name: 'shipped_at',
    aliases: ['ship_date', 'shipped'],
    description: 'When it left, YYYY-MM-DD or an ISO 8601 date-time with zone.',
  },
  {
    name: 'delivered_at',
    aliases: ['delivery_date', 'delivered'],
    description: 'When it was delivered, YYYY-MM-DD or an ISO 8601 date-time with zone.',
  },
  { name: 'shipment_id', aliases: ['ticket', 'ticket_id', 'id'], description: 'The ticket or shipment id.' },
] as const satisfies readonly CsvColumnSpec<string>[]

type ShipmentColumn = (typeof shipmentColumns)[number]['name']

/** Equipment shipments from an IT asset or ticketing export in CSV (see docs/workforce.md for the columns). */
export function importShipmentsCsv(text: string): ImportedRow<ShipmentRecord>[] {
  return importCsvTable<ShipmentColumn, ShipmentRecord>(text, shipmentColumns, ({ line, cell }) => {
    const issues = new RowIssues()
    const employeeId = issues.required(cell('employee_id'), 'employee_id', 'the employee the equipment is for')
    const asset = issues.required(cell('asset'), 'asset', 'the asset tag')
    const shipTo = issues.required(cell('ship_to'), 'ship_to', 'the address the equipment was sent to')
    const country = cell('ship_to_country')
    const countryIssue = country === undefined ? undefined : countryProblem(country)
    if (countryIssue) issues.add('ship_to_country', countryIssue)
    const dates: Partial<Record<'shippedAt' | 'deliveredAt', string>> = {}
    for (const [column, field] of [
      ['shipped_at', 'shippedAt'],
      ['delivered_at', 'deliveredAt'],
    ] as const) {
      const text = cell(column)
      if (text === undefined) continue
      const value = readDateOrInstant(text)
      if (typeof value === 'string') dates[field] = value
      else issues.add(column, value.problem)
    }
    const optional = {
      serial: cell('serial'),
      carrier: cell('carrier'),
      trackingNumber: cell('tracking_number'),
      shipmentId: cell('shipment_id'),
    }
    return rowOf(line, issues.issues, () => ({
      kind: 'shipment',
      ...(optional.shipmentId ? { shipmentId: optional.shipmentId } : {}),
      employeeId: employeeId ?? '',
      asset: asset ?? '',
      ...(optional.serial ? { serial: optional.serial } : {}),
      shipTo: postalAddress(shipTo ?? '', countryIssue ? undefined : country),
      ...(optional.carrier ? { carrier: optional.carrier } : {}),
      ...(optional.trackingNumber ? { trackingNumber: optional.trackingNumber } : {}),
      ...dates,
    }))
  })
}
