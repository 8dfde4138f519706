import { describe, expect, it } from 'vitest'
import { importOktaSystemLog } from './okta-system-log.js'
import { fixture } from './testing-fixture.js'

describe('importOktaSystemLog', () => {
  const rows = importOktaSystemLog(fixture('okta-system-log.json'))

  it('reads a LogEvent of a person from the System Log API array', () => {
    expect(rows[0]).toEqual({
      line: 2,
      status: 'ok',
      record: {
        kind: 'sign-in',
        provider: 'okta',
        eventId: 'dc9fd3c0-598c-11ef-8478-2b7584bf8d5a',
        eventType: 'user.session.start',
        login: 'jordan.miller@acme.example',
        at: '2026-03-03T14:02:51.412Z',
        atMs: Date.parse('2026-03-03T14:02:51.412Z'),
        outcome: 'success',
        ip: '73.42.18.9',
        city: 'Austin',
        region: 'Texas',
        country: 'United States',
        latitude: 30.2672,
        longitude: -97.7431,
        isProxyByProvider: false,
        device: 'Computer',
        userAgent:
          'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36',
      },
    })
  })

  it("skips an app's event and names the bad fields of a broken one by array index", () => {
    expect(rows[1]).toEqual({
      line: 58,
      status: 'skipped',
      reason: 'an event of a PublicClientApp actor, not a person',
    })
    expect(rows[2]).toEqual({
      line: 71,
      status: 'invalid',
      issues: [
        { path: '[2].uuid', message: 'is required: the id of the event' },
        { path: '[2].published', message: 'has no time zone: add Z or an offset, e.g. 2026-03-02T14:05:00Z' },
        { path: '[2].client.geographicalContext.geolocation.lat', message: 'must be a latitude between -90 and 90' },
        { path: '[2].securityContext.isProxy', message: 'must be true, false or null' },
      ],
    })
  })

  it('reads JSON Lines too, one event per line', () => {
    const line = JSON.stringify({
      uuid: 'u1',
      published: '2026-03-03T14:02:51Z',
      eventType: 'user.authentication.sso',
      actor: { type: 'User', alternateId: 'a@b.example' },
      outcome: { result: 'DENY' },
    })
    expect(importOktaSystemLog(`${line}\n\n${line}\n`)).toMatchObject([
      { line: 1, status: 'ok', record: { outcome: 'failure' } },
      { line: 3, status: 'ok' },
    ])
  })
})
