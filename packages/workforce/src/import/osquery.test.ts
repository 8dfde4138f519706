import { describe, expect, it } from 'vitest'
import { importOsqueryLog } from './osquery.js'
import { fixture } from './testing-fixture.js'

describe('importOsqueryLog', () => {
  const rows = importOsqueryLog(fixture('osquery-results.log'))

  it('reads a differential row, keeping only decorations that name the host', () => {
    expect(rows[0]).toEqual({
      line: 1,
      status: 'ok',
      record: {
        kind: 'endpoint-observation',
        hostIdentifier: 'ACME-LT-0457',
        hostAliases: ['4C4C4544-0042-3510-8052-B4C04F4E5A31', 'ACME-LT-0457'],
        queryName: 'pack_hirewall_programs',
        table: 'programs',
        action: 'added',
        observedAt: '2026-03-03T02:14:09.000Z',
        observedAtMs: Date.UTC(2026, 2, 3, 2, 14, 9),
        rows: [
          {
            name: 'AnyDesk',
            version: '9.0.4',
            install_location: '/Applications/AnyDesk.app',
            publisher: 'AnyDesk Software GmbH',
          },
        ],
      },
    })
  })

  it('reads a snapshot as one record with every row', () => {
    expect(rows[1]).toMatchObject({ line: 2, status: 'ok', record: { table: 'usb_devices', action: 'snapshot' } })
    expect(rows[1]?.status === 'ok' ? rows[1].record.rows : []).toHaveLength(2)
  })

  it('reads the batch form as an added and a removed record of the same line', () => {
    expect(rows[2]).toMatchObject({
      line: 3,
      status: 'ok',
      record: { table: 'processes', action: 'added', rows: [{ name: 'rustdesk' }] },
    })
    expect(rows[3]).toMatchObject({
      line: 3,
      status: 'ok',
      record: { table: 'processes', action: 'removed', rows: [{ name: 'AnyDesk' }] },
    })
  })

  it('skips a query of a table the engine does not read, and names the bad fields of a broken result', () => {
    expect(rows[4]).toEqual({
      line: 4,
      status: 'skipped',
      reason:
        'query "pack_hirewall_osquery_info" reads none of the tables watched (programs, processes, usb_devices, interface_addresses)',
    })
    expect(rows[5]).toEqual({
      line: 5,
      status: 'invalid',
      issues: [
        { path: 'hostIdentifier', message: 'is required: the host the result comes from' },
        { path: 'unixTime', message: 'is required: when the query ran, in seconds since 1970' },
        { path: 'action', message: 'must be "added" or "removed" for a differential row' },
      ],
    })
  })

  it('refuses a unixTime that is a nested array or past what a Date holds (one overflowed the stack, one threw)', () => {
    const result = (unixTime: string) =>
      `{"name":"pack_hirewall_programs","hostIdentifier":"h1","unixTime":${unixTime},"columns":{"name":"AnyDesk"},"action":"added"}`
    const deep = `${'['.repeat(30_000)}1772504049${']'.repeat(30_000)}`
    const read = importOsqueryLog([result(deep), result('1e300'), result('"1772504049"')].join('\n'))
    expect(read.map((row) => (row.status === 'invalid' ? row.issues.map((issue) => issue.path) : row.status))).toEqual([
      ['unixTime'],
      ['unixTime'],
      'ok',
    ])
  })

  it('recognises the table by its columns when the query is named otherwise', () => {
    const [row] = importOsqueryLog(
      '{"name":"kvm_watch","hostIdentifier":"h","unixTime":1772504049,"columns":{"vendor_id":"1d6b","model_id":"0104"},"action":"added"}',
    )
    expect(row).toMatchObject({ status: 'ok', record: { table: 'usb_devices' } })
  })
})
