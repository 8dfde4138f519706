import { describe, expect, it } from 'vitest'
import { importHiresCsv, importHiresJson } from './hires.js'
import { fixture } from './testing-fixture.js'

describe('importHiresCsv', () => {
  const rows = importHiresCsv(fixture('hires.csv'))

  it('reads an HR export with its own column names (aliases, any case, spaces)', () => {
    expect(rows[0]).toEqual({
      line: 2,
      status: 'ok',
      record: {
        kind: 'hire',
        employeeId: 'E1001',
        applicationId: 'app-501',
        legalName: 'Jordan Avery Miller',
        homeAddress: { text: '1420 Cedar Lane, Apt 3B, Austin, TX 78704', countryCode: 'US' },
        startDate: '2026-03-02',
        manager: 'Priya Natarajan',
        logins: ['jordan.miller@acme.example'],
        timeZone: 'America/Chicago',
      },
    })
  })

  it('reads several sign-in names, upper-cases the country and leaves blank cells out', () => {
    expect(rows[1]).toMatchObject({
      status: 'ok',
      record: { logins: ['maria.lopez@acme.example', 'mlopez@acme.example'], homeAddress: { countryCode: 'US' } },
    })
    const record = rows[1]?.status === 'ok' ? rows[1].record : undefined
    expect(record).not.toHaveProperty('applicationId')
    expect(record).not.toHaveProperty('timeZone')
  })

  it('names every bad field of a row with its line', () => {
    expect(rows[2]).toEqual({
      line: 4,
      status: 'invalid',
      issues: [
        { path: 'legal_name', message: 'is required: the legal name on file' },
        { path: 'home_country', message: 'must be an ISO 3166-1 alpha-2 country code such as US, not "USA"' },
        { path: 'start_date', message: 'is not a real date' },
        { path: 'work_email', message: '"not-an-email" is not a sign-in name such as jane.doe@example.com' },
        { path: 'time_zone', message: 'is not an IANA time zone such as America/Chicago: "Mars/Olympus"' },
      ],
    })
  })

  it('refuses a file without a required column, naming it', () => {
    expect(importHiresCsv('employee_id,legal_name\nE1,Ann Lee\n')).toEqual([
      {
        line: 1,
        status: 'invalid',
        issues: [
          { path: 'header.home_address', message: 'is a required column and is missing' },
          { path: 'header.start_date', message: 'is a required column and is missing' },
        ],
      },
    ])
  })

  it('reports unknown columns once and still imports', () => {
    const result = importHiresCsv(
      'employee_id,legal_name,home_address,start_date,shoe_size\nE1,Ann Lee,"1 Main St, Boise, ID",2026-01-05,9\n',
    )
    expect(result[0]).toEqual({
      line: 1,
      status: 'skipped',
      reason: 'columns ignored (not read by this importer): shoe_size',
    })
    expect(result[1]?.status).toBe('ok')
  })

  it('reads a semicolon-separated export', () => {
    const result = importHiresCsv(
      'employee_id;legal_name;home_address;start_date\nE1;Ann Lee;1 Main St, Boise, ID;2026-01-05\n',
    )
    expect(result).toMatchObject([
      { status: 'ok', record: { employeeId: 'E1', homeAddress: { text: '1 Main St, Boise, ID' } } },
    ])
  })
})

describe('importHiresJson', () => {
  const rows = importHiresJson(fixture('hires.jsonl'))

  it('joins a structured address into one line and takes its country', () => {
    expect(rows[0]).toMatchObject({
      line: 1,
      status: 'ok',
      record: {
        employeeId: 'E2001',
        homeAddress: { text: '77 King Street W, Toronto, ON, M5K 1A1', countryCode: 'CA' },
        logins: ['chen.wei@acme.example'],
        timeZone: 'America/Toronto',
      },
    })
  })

  it('reads logins as an array', () => {
    expect(rows[1]).toMatchObject({ line: 2, status: 'ok', record: { logins: ['sam.carter@acme.example'] } })
  })

  it('names the JSON path of each bad field, a non-object and a line that is not JSON', () => {
    expect(rows[2]).toEqual({
      line: 3,
      status: 'invalid',
      issues: [
        { path: 'homeAddress', message: 'must be a string or an address object' },
        { path: 'startDate', message: 'is required: the first day of work, YYYY-MM-DD' },
        { path: 'logins', message: 'must be an array of sign-in names' },
      ],
    })
    expect(rows[3]).toEqual({
      line: 4,
      status: 'invalid',
      issues: [{ path: '(line)', message: 'must be a JSON object' }],
    })
    expect(rows[4]).toMatchObject({ line: 5, status: 'invalid', issues: [{ path: '(line)' }] })
    expect(rows).toHaveLength(5)
  })

  it('refuses logins that are not strings, however deeply nested (a nested array overflowed the stack)', () => {
    const nested = `${'['.repeat(30_000)}"deep@acme.example"${']'.repeat(30_000)}`
    const line = `{"employeeId":"E9","legalName":"A B","homeAddress":"1 Main St","startDate":"2026-04-01","logins":${nested}}`
    expect(importHiresJson(line)).toEqual([
      {
        line: 1,
        status: 'invalid',
        issues: [{ path: 'logins', message: 'must be an array of sign-in names (strings)' }],
      },
    ])
  })

  it('reads a JSON array document, naming elements by index', () => {
    const result = importHiresJson(
      '[\n  {"employeeId": "E1", "legalName": "A B", "homeAddress": "1 Main St", "startDate": "2026-01-05"},\n  {"employeeId": "E2"}\n]',
    )
    expect(result[0]).toMatchObject({ line: 2, status: 'ok' })
    expect(result[1]).toMatchObject({
      line: 3,
      status: 'invalid',
      issues: [{ path: '[1].legalName' }, { path: '[1].homeAddress' }, { path: '[1].startDate' }],
    })
  })
})
