import { describe, expect, it } from 'vitest'
import { importMdmCsv } from './mdm.js'
import { fixture } from './testing-fixture.js'

describe('importMdmCsv', () => {
  const rows = importMdmCsv(fixture('mdm.csv'))

  it('reads device, serial, user, first check-in and its public IP', () => {
    expect(rows[0]).toEqual({
      line: 2,
      status: 'ok',
      record: {
        kind: 'device-check-in',
        device: 'ACME-LT-0457',
        serial: 'C02XK1ABJGH5',
        user: 'jordan.miller@acme.example',
        firstCheckInAt: '2026-02-26T18:40:11Z',
        firstCheckInAtMs: Date.UTC(2026, 1, 26, 18, 40, 11),
        publicIp: '73.42.18.9',
        platform: 'macOS 15.3',
        model: 'MacBook Pro (14-inch)',
      },
    })
  })

  it('accepts a space for the T and an offset with a colon', () => {
    expect(rows[1]).toMatchObject({ status: 'ok', record: { firstCheckInAtMs: Date.UTC(2026, 2, 5, 9, 2, 44) } })
  })

  it('refuses a time without a zone, an IP that is not one and a user that is not a sign-in name', () => {
    expect(rows[2]).toEqual({
      line: 4,
      status: 'invalid',
      issues: [
        { path: 'first_check_in', message: 'has no time zone: add Z or an offset, e.g. 2026-03-02T14:05:00Z' },
        { path: 'public_ip', message: 'is not an IP address: "999.1.1.1"' },
        { path: 'user', message: '"maria" is not a sign-in name such as jane.doe@example.com' },
      ],
    })
  })
})
