import { defaultScoringPolicy, type ApplicationRecord } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScreeningService } from '../../screening/create-screening-service.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import {
  anApplicationRecord,
  aRingMember,
  aRiskyApplicationRecord,
  testReference,
} from '../../testing/application-fixtures.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerTrendsRoute } from './trends-route.js'

type TrendsBody = {
  period: string
  from: string
  buckets: {
    start: string
    applications: number
    reviews: number
    holds: number
    confirmedFraud: number
    cleared: number
    rings: number
  }[]
  quarterOverQuarter: {
    current: { start: string; applications: number; holds: number }
    previous: { start: string; applications: number; holds: number }
    change: { applications: number | null; holds: number | null }
  }
  topSignals: { code: string; total: number; counts: number[] }[]
  breakdowns: {
    requisition: { key: string; applications: number }[]
    source: { key: string; applications: number }[]
    staffingVendor: { key: string; applications: number; holds: number }[]
  }
  signalPrecision: { code: string; confirmedFraud: number; cleared: number; precision: number | null }[]
}

const at = (id: string, submittedAt: string, record: ApplicationRecord): ApplicationRecord => ({
  ...record,
  id,
  submittedAt,
})

// Q2 2026: two clean applications; Q3 2026: three clean ones, two held, and a ring of three sharing a phone (the
// third member, the one that makes it a ring, is held too).
const records: ApplicationRecord[] = [
  at('q2-a', '2026-04-10T09:00:00Z', anApplicationRecord('q2-a')),
  at('q2-b', '2026-05-20T09:00:00Z', anApplicationRecord('q2-b', { requisition: { id: 'req-2' } })),
  at('q3-a', '2026-07-01T09:00:00Z', anApplicationRecord('q3-a')),
  at('q3-b', '2026-08-15T09:00:00Z', anApplicationRecord('q3-b', { staffingVendor: { name: ' Apex Talent ' } })),
  at('q3-c', '2026-09-30T23:00:00Z', anApplicationRecord('q3-c', { staffingVendor: { name: 'APEX TALENT' } })),
  at('held-1', '2026-07-02T09:00:00Z', aRiskyApplicationRecord('held-1')),
  at('held-2', '2026-08-02T09:00:00Z', aRiskyApplicationRecord('held-2')),
  at('ring-1', '2026-09-01T09:00:00Z', aRingMember('ring-1', 'Ines Albright', '+1 415 555 0177')),
  at('ring-2', '2026-09-02T09:00:00Z', aRingMember('ring-2', 'Omar Velasquez', '+1 415 555 0177')),
  at('ring-3', '2026-09-03T09:00:00Z', aRingMember('ring-3', 'Kwame Mensah', '+1 415 555 0177')),
]

describe.each(storeTestTargets())('GET /v1/trends on $name', (target) => {
  let test: TestApp
  let screening: ScreeningService
  // Rings are dated when linking found them (now), so the ranges below reach past now.
  const to = new Date(Math.max(Date.now(), Date.parse('2026-10-01')) + 86_400_000).toISOString()

  beforeAll(async () => {
    test = await openTestApp(target)
    registerTrendsRoute(test.app, { store: test.store })
    await test.app.ready()
    screening = await createScreeningService({
      store: test.store,
      policy: defaultScoringPolicy,
      reference: testReference,
    })
    await screening.submitMany(records.map((record) => ({ record, raw: {}, actor: 'api-key:test' })))
  }, openTimeoutMs)
  afterAll(async () => {
    await screening.close()
    await test.close()
  })

  const get = async (query: string, headers: AuthHeaders = test.people.analyst) =>
    test.app.inject({ method: 'GET', url: `/v1/trends?${query}`, headers })
  const trends = async (query: string): Promise<TrendsBody> => {
    const response = await get(query)
    expect(response.statusCode, response.body).toBe(200)
    return response.json<TrendsBody>()
  }

  it('counts applications, reviews and holds per month, with empty months as zeros', async () => {
    const body = await trends('period=month&from=2026-04-01&to=2026-10-01')
    expect(body.buckets.map((bucket) => [bucket.start.slice(0, 7), bucket.applications, bucket.holds])).toEqual([
      ['2026-04', 1, 0],
      ['2026-05', 1, 0],
      ['2026-06', 0, 0],
      ['2026-07', 2, 1],
      ['2026-08', 2, 1],
      ['2026-09', 4, 1],
    ])
  })

  it('buckets weeks from Monday in UTC', async () => {
    const body = await trends('period=week&from=2026-09-28&to=2026-10-05')
    expect(body.buckets).toHaveLength(1)
    expect(body.buckets[0]).toMatchObject({ start: '2026-09-28T00:00:00.000Z', applications: 1 })
  })

  it('reports the quarter over quarter change', async () => {
    const body = await trends('period=quarter&from=2026-04-01&to=2026-10-01')
    expect(body.quarterOverQuarter.previous).toMatchObject({ start: '2026-04-01T00:00:00.000Z', applications: 2 })
    expect(body.quarterOverQuarter.current).toMatchObject({ start: '2026-07-01T00:00:00.000Z', applications: 8 })
    expect(body.quarterOverQuarter.change).toMatchObject({ applications: 300, holds: null })
  })

  it('lists the top signals per bucket and the breakdowns', async () => {
    const body = await trends('period=quarter&from=2026-04-01&to=2026-10-01')
    const disposable = body.topSignals.find((signal) => signal.code === 'email.disposable')
    expect(disposable).toEqual({ code: 'email.disposable', total: 2, counts: [0, 2] })
    expect(body.topSignals.length).toBeLessThanOrEqual(8)
    expect(body.breakdowns.requisition).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'req-2', applications: 1 })]),
    )
    expect(body.breakdowns.source).toEqual([expect.objectContaining({ key: 'api', applications: 10 })])
    // One vendor however its name is spaced or cased; the rest of the range has none.
    expect(body.breakdowns.staffingVendor.map(({ key, applications }) => [key.toLowerCase(), applications])).toEqual([
      ['(none)', 8],
      ['apex talent', 2],
    ])
  })

  it('counts the ring when linking found it', async () => {
    const body = await trends(`period=month&from=2026-04-01&to=${to}`)
    expect(body.buckets.reduce((sum, bucket) => sum + bucket.rings, 0)).toBe(1)
  })

  it('moves verdicts and per-signal precision as analysts decide', async () => {
    const before = await trends(`period=month&from=2026-04-01&to=${to}`)
    expect(before.signalPrecision).toEqual([])
    await test.store.decisions.record({
      subject: { kind: 'application', id: 'held-1' },
      verdict: 'confirmed-fraud',
      reason: 'throwaway mailbox and a voice changer',
      actor: 'user:test',
    })
    await test.store.decisions.record({
      subject: { kind: 'application', id: 'held-2' },
      verdict: 'cleared',
      reason: 'explained in a live call',
      actor: 'user:test',
    })
    // A cluster's verdict counts for each member: a later one replaces the earlier for the same application.
    await test.store.decisions.record({
      subject: { kind: 'application', id: 'held-2' },
      verdict: 'confirmed-fraud',
      reason: 'second look: documents forged',
      actor: 'user:test',
    })
    const after = await trends(`period=month&from=2026-04-01&to=${to}`)
    const verdicts = after.buckets.reduce((sum, bucket) => sum + bucket.confirmedFraud + bucket.cleared, 0)
    expect(verdicts).toBe(3)
    expect(after.signalPrecision.find((row) => row.code === 'email.disposable')).toEqual({
      code: 'email.disposable',
      confirmedFraud: 2,
      cleared: 0,
      precision: 1,
    })
  })

  it('answers people of every role and read keys, not submit-only keys or strangers', async () => {
    const query = 'period=month&from=2026-04-01&to=2026-10-01'
    for (const headers of [test.people.viewer, test.people.analyst, test.people.admin, test.keys.read]) {
      expect((await get(query, headers)).statusCode).toBe(200)
    }
    expect((await get(query, test.keys.submit)).statusCode).toBe(403)
    expect((await get(query, {})).statusCode).toBe(401)
  })

  it.each([
    ['period=year', 'querystring.period'],
    ['from=yesterday', 'querystring.from'],
    ['from=2026-05-01&to=2026-04-01', 'querystring.from'],
    ['period=week&from=2000-01-01&to=2026-01-01', 'querystring.from'],
    ['colour=red', 'querystring'],
  ])('refuses %s naming %s', async (query, path) => {
    const response = await get(query)
    expect(response.statusCode).toBe(400)
    const issues = response.json<{ error: { code: string; details: { issues: { path: string }[] } } }>().error
    expect(issues.code).toBe('VALIDATION_FAILED')
    expect(issues.details.issues.map((issue) => issue.path).join(' ')).toContain(path)
  })
})
