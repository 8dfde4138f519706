import { describe, expect, it } from 'vitest'
import { aHire, aSignIn, signInDays } from '../testing/builders.js'
import { codesOf, evaluatorWith } from '../testing/test-evaluator.js'

const login = 'e1@acme.example'
// 14:00-23:00 UTC is 08:00-17:00 in Austin (UTC−6 until 8 March 2026); 00:00-09:00 UTC is a Seoul working day.
const austinDay = [14, 15, 16, 17, 19, 20, 21, 22]
const seoulDay = [0, 1, 2, 3, 5, 6, 7, 8]

describe('sign-in detector', () => {
  it('stays silent for an ordinary remote worker', () => {
    expect(codesOf(evaluatorWith([aHire(), ...signInDays({ login, days: 15, hoursUtc: austinDay })]), 'E1')).toEqual([])
  })

  it('raises habitual VPN egress as medium and occasional hosting egress as low, citing the list', () => {
    const evaluator = evaluatorWith([
      aHire(),
      ...signInDays({ login, days: 10, ipOfDay: (day) => (day % 2 === 0 ? '146.70.70.71' : '73.42.18.9') }),
      aSignIn({ login, ip: '159.65.65.10', at: '2026-03-20T15:00:00Z' }),
    ])
    const signals = evaluator.assess('E1').signals
    expect(signals.find((signal) => signal.code === 'sign-in.egress.vpn')).toMatchObject({
      severity: 'medium',
      evidence: {
        count: 20,
        successes: 41,
        listed: { range: '146.70.70.0/24', networkName: 'Test VPN exit' },
        source: { name: 'test vpn list' },
      },
    })
    expect(signals.find((signal) => signal.code === 'sign-in.egress.hosting')).toMatchObject({
      severity: 'low',
      evidence: { count: 1, listed: { range: 'AS14061', networkName: 'DigitalOcean' } },
    })
  })

  it("reads the identity provider's proxy flag and raises Tor exits as high", () => {
    const evaluator = evaluatorWith([
      aHire(),
      aSignIn({ login, ip: '98.160.10.4', isProxyByProvider: true }),
      aSignIn({ login, ip: '185.220.101.1', at: '2026-03-04T15:00:00Z' }),
    ])
    const signals = evaluator.assess('E1').signals
    expect(signals.find((signal) => signal.code === 'sign-in.egress.proxy')?.evidence).toMatchObject({
      listed: { listName: 'identity provider proxy flag' },
    })
    expect(signals.find((signal) => signal.code === 'sign-in.egress.tor-exit')?.severity).toBe('high')
  })

  it('raises sign-ins from North Korea, and habitual sign-ins from another country than home', () => {
    const evaluator = evaluatorWith([
      aHire(),
      ...signInDays({ login, days: 12, ipOfDay: (day) => (day < 6 ? '36.110.12.5' : '73.42.18.9') }),
      aSignIn({ login, ip: '175.45.178.10', at: '2026-03-20T01:00:00Z' }),
    ])
    expect(codesOf(evaluator, 'E1')).toEqual(['sign-in.country.embargoed', 'sign-in.country.mismatch'])
    expect(
      evaluator.assess('E1').signals.find((signal) => signal.code === 'sign-in.country.mismatch')?.evidence,
    ).toMatchObject({
      homeCountry: 'US',
      countries: { CN: 24 },
      abroad: 24,
      abroadDays: 6,
      located: 49,
    })
  })

  it('does not call a short stay abroad a mismatch, even early in a job', () => {
    const evaluator = evaluatorWith([
      aHire(),
      ...signInDays({ login, days: 8, ipOfDay: (day) => (day < 5 ? '106.193.4.4' : '73.42.18.9') }),
    ])
    expect(codesOf(evaluator, 'E1')).toEqual([])
  })

  it('does not call a week abroad in a month a mismatch', () => {
    const evaluator = evaluatorWith([
      aHire(),
      ...signInDays({ login, days: 28, ipOfDay: (day) => (day >= 10 && day < 15 ? '106.193.4.4' : '73.42.18.9') }),
    ])
    expect(codesOf(evaluator, 'E1')).toEqual([])
  })

  it('raises impossible travel between located sign-ins, and not a drive', () => {
    const austin = { latitude: 30.27, longitude: -97.74, city: 'Austin' }
    const seoul = { latitude: 37.57, longitude: 126.98, city: 'Seoul' }
    const dallas = { latitude: 32.78, longitude: -96.8, city: 'Dallas' }
    const travelled = evaluatorWith([
      aHire(),
      aSignIn({ login, at: '2026-03-03T15:00:00Z', ...austin }),
      aSignIn({ login, at: '2026-03-03T16:30:00Z', ip: '211.36.140.9', ...seoul }),
    ])
    const signal = travelled.assess('E1').signals.find((found) => found.code === 'sign-in.impossible-travel')
    expect(signal?.evidence).toMatchObject({ count: 1, pairs: [{ login, kilometres: expect.any(Number) as number }] })
    expect((signal?.evidence['pairs'] as { kilometres: number }[])[0]?.kilometres).toBeGreaterThan(10_000)
    const drove = evaluatorWith([
      aHire(),
      aSignIn({ login, at: '2026-03-03T15:00:00Z', ...austin }),
      aSignIn({ login, at: '2026-03-03T19:00:00Z', ...dallas }),
    ])
    expect(codesOf(drove, 'E1')).toEqual([])
  })

  it('raises activity around the clock on several days', () => {
    const everyHour = Array.from({ length: 22 }, (_, hour) => hour)
    expect(codesOf(evaluatorWith([aHire(), ...signInDays({ login, days: 4, hoursUtc: everyHour })]), 'E1')).toContain(
      'sign-in.around-the-clock',
    )
  })

  it('raises a Seoul working day for a Texas home, not for a Tokyo home', () => {
    const records = signInDays({ login, days: 10, hoursUtc: seoulDay, ip: '98.160.10.4' })
    const texas = evaluatorWith([aHire(), ...records])
    const signal = texas.assess('E1').signals.find((found) => found.code === 'sign-in.rhythm.utc8-9')
    expect(signal?.evidence).toMatchObject({
      homeFit: 'UTC−6',
      timeZone: 'America/Chicago',
      activeDays: 10,
      activeHours: 80,
    })
    expect(signal?.evidence['bestFit']).toMatch(/^UTC\+[89]$/)
    const tokyo = evaluatorWith([
      aHire({ timeZone: 'Asia/Tokyo', homeAddress: { text: '1-1 Chiyoda, Tokyo', countryCode: 'JP' } }),
      ...records,
    ])
    expect(codesOf(tokyo, 'E1').filter((code) => code.includes('rhythm'))).toEqual([])
  })

  it("uses the home country's zones when HR has no time zone", () => {
    const evaluator = evaluatorWith([
      aHire({ timeZone: undefined }),
      ...signInDays({ login, days: 10, hoursUtc: seoulDay, ip: '98.160.10.4' }),
    ])
    expect(codesOf(evaluator, 'E1')).toContain('sign-in.rhythm.utc8-9')
  })

  it('ignores failed sign-ins', () => {
    const evaluator = evaluatorWith([
      aHire(),
      ...signInDays({ login, days: 10, hoursUtc: seoulDay, ip: '146.70.70.71', extra: { outcome: 'failure' } }),
    ])
    expect(codesOf(evaluator, 'E1')).toEqual([])
  })
})
