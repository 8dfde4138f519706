import { describe, expect, it } from 'vitest'
import { importShipmentsCsv } from './shipments.js'
import { fixture } from './testing-fixture.js'

describe('importShipmentsCsv', () => {
  const rows = importShipmentsCsv(fixture('shipments.csv'))

  it('reads a ticketing export: asset, serial, ship-to, carrier and dates', () => {
    expect(rows[0]).toEqual({
      line: 2,
      status: 'ok',
      record: {
        kind: 'shipment',
        shipmentId: 'RITM0010421',
        employeeId: 'E1001',
        asset: 'ACME-LT-0457',
        serial: 'C02XK1ABJGH5',
        shipTo: { text: '1420 Cedar Lane Apt 3B, Austin TX 78704', countryCode: 'US' },
        carrier: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        shippedAt: '2026-02-24',
        deliveredAt: '2026-02-26T15:12:00-06:00',
      },
    })
    expect(rows[1]).toMatchObject({
      status: 'ok',
      record: { shipTo: { text: 'PMB 2231, 8 The Green, Dover, DE 19901' } },
    })
  })

  it('names the missing and malformed cells of a row', () => {
    expect(rows[2]).toEqual({
      line: 4,
      status: 'invalid',
      issues: [
        { path: 'employee_id', message: 'is required: the employee the equipment is for' },
        { path: 'ship_to', message: 'is required: the address the equipment was sent to' },
        { path: 'shipped_at', message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-02T14:05:00Z' },
      ],
    })
  })

  it('reports an unclosed quote at its line and reads the rows before it', () => {
    const result = importShipmentsCsv('employee_id,asset,ship_to\nE1,A1,1 Main St\nE2,A2,"2 Main St\n')
    expect(result[0]).toMatchObject({ line: 2, status: 'ok' })
    expect(result.at(-1)).toMatchObject({
      line: 3,
      status: 'invalid',
      issues: [{ message: 'a quoted field is never closed' }],
    })
  })
})
