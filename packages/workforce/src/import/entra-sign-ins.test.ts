import { describe, expect, it } from 'vitest'
import { importEntraSignIns } from './entra-sign-ins.js'
import { fixture } from './testing-fixture.js'

describe('importEntraSignIns', () => {
  const rows = importEntraSignIns(fixture('entra-sign-ins.json'))

  it('reads a Microsoft Graph signIn from a list response', () => {
    expect(rows[0]).toEqual({
      line: 4,
      status: 'ok',
      record: {
        kind: 'sign-in',
        provider: 'entra',
        eventId: '66ea54eb-6301-4ee5-be62-ff5a759b8100',
        eventType: 'Office 365 Exchange Online',
        login: 'mlopez@acme.example',
        at: '2026-03-03T15:10:22Z',
        atMs: Date.UTC(2026, 2, 3, 15, 10, 22),
        outcome: 'success',
        ip: '24.16.201.77',
        city: 'Seattle',
        region: 'Washington',
        country: 'US',
        latitude: 47.6062,
        longitude: -122.3321,
        device: 'MacOs',
        userAgent: 'Rich Client 4.61.0.0',
      },
    })
  })

  it('reads a non-zero error code as a failure and a 0,0 location as no place', () => {
    expect(rows[1]).toMatchObject({ line: 42, status: 'ok', record: { outcome: 'failure' } })
    const record = rows[1]?.status === 'ok' ? rows[1].record : undefined
    expect(record).not.toHaveProperty('latitude')
  })

  it('names the bad fields of a sign-in by its place in value[]', () => {
    expect(rows[2]).toEqual({
      line: 55,
      status: 'invalid',
      issues: [
        { path: 'value[2].id', message: 'is required: the id of the sign-in' },
        {
          path: 'value[2].createdDateTime',
          message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-03-02T14:05:00Z',
        },
        { path: 'value[2].status.errorCode', message: 'must be a number (0 for success)' },
      ],
    })
  })

  it('refuses an object without a value array', () => {
    expect(importEntraSignIns('{\n "error": {"code": "Authorization_RequestDenied"}\n}')).toMatchObject([
      { line: 1, status: 'invalid', issues: [{ path: '(file)' }] },
    ])
  })
})
