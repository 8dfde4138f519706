import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aPlantedRing, seedScreenedPool } from '../../testing/seed-screened-pool.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerReviewRoutes } from '../register-review-routes.js'

type RecordedBody = {
  decision: { id: number; caseId: string | null; subject: { kind: string; id: string }; verdict: string; actor: string }
  case: { id: string; status: string } | null
}

describe.each(storeTestTargets())('decision routes on $name', (target) => {
  let test: TestApp

  beforeAll(async () => {
    test = await openTestApp(target)
    registerReviewRoutes(test.app, { store: test.store })
    await test.app.ready()
    await seedScreenedPool(test.store, aPlantedRing('ring', '2026-11-10'))
  }, openTimeoutMs)
  afterAll(() => test.close())

  const decide = (url: string, payload: unknown, headers: AuthHeaders = test.people.analyst) =>
    test.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> })
  const countRows = async (table: 'applications' | 'screening_results' | 'decisions' | 'cases' | 'audit_log') => {
    const row = await test.store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
    return Number(row.count)
  }
  const events = () =>
    test.store.db
      .selectFrom('outbox_events')
      .select(['type', 'payload'])
      .where('type', '=', 'case.decided')
      .orderBy('created_at')
      .execute()

  it('refuses viewers, every API key and anonymous callers, and records nothing for them', async () => {
    const body = { verdict: 'confirmed-fraud', reason: 'Shared phone across four identities.' }
    const decisionsBefore = await countRows('decisions')
    for (const headers of [test.people.viewer, test.keys.read, test.keys.submit, test.keys.admin]) {
      const response = await decide('/v1/applications/ring-1/decisions', body, headers)
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { permission: 'cases.decide' } } })
      expect((await decide('/v1/clusters/cluster:ring-1/decisions', body, headers)).statusCode).toBe(403)
    }
    expect((await decide('/v1/applications/ring-1/decisions', body, {})).statusCode).toBe(401)
    expect(await countRows('decisions')).toBe(decisionsBefore)
    expect(await events()).toEqual([])
  })

  it('lets an analyst ask for verification (opening a case), then confirm fraud (closing it), deleting nothing', async () => {
    const before = {
      applications: await countRows('applications'),
      results: await countRows('screening_results'),
    }
    const asked = await decide('/v1/applications/ring-2/decisions', {
      verdict: 'needs-verification',
      reason: '  Phone shared with three other applicants.  ',
      note: 'Ask for a live video call.',
    })
    expect(asked.statusCode, asked.body).toBe(201)
    const first = asked.json<RecordedBody>()
    expect(first.decision).toMatchObject({
      subject: { kind: 'application', id: 'ring-2' },
      verdict: 'needs-verification',
      reason: 'Phone shared with three other applicants.',
      note: 'Ask for a live video call.',
      actor: `user:${test.people.analyst.userId}`,
    })
    expect(first.case).toMatchObject({ status: 'open' })
    expect(first.decision.caseId).toBe(first.case?.id)

    const confirmed = await decide(
      '/v1/applications/ring-2/decisions',
      { verdict: 'confirmed-fraud', reason: 'Failed the live call.' },
      test.people.admin,
    )
    expect(confirmed.statusCode).toBe(201)
    const second = confirmed.json<RecordedBody>()
    expect(second.case).toMatchObject({ id: first.case?.id, status: 'closed' })
    expect(second.decision.id).toBeGreaterThan(first.decision.id)

    expect(await test.store.decisions.listFor({ kind: 'application', id: 'ring-2' })).toHaveLength(2)
    expect(await countRows('applications')).toBe(before.applications)
    expect(await countRows('screening_results')).toBe(before.results)
    const audit = await test.store.audit.list({ action: 'decision.recorded', target: 'application:ring-2' })
    expect(audit.items.map((entry) => entry.actor)).toEqual([
      `user:${test.people.admin.userId}`,
      `user:${test.people.analyst.userId}`,
    ])
  })

  it('enqueues one case.decided event per decision, with ids and the verdict but no personal data', async () => {
    const response = await decide('/v1/clusters/cluster%3Aring-1/decisions', {
      verdict: 'confirmed-fraud',
      reason: 'One operator behind four personas.',
    })
    expect(response.statusCode).toBe(201)
    const { decision } = response.json<RecordedBody>()
    expect(decision.subject).toEqual({ kind: 'cluster', id: 'cluster:ring-1' })
    const emitted = await events()
    expect(emitted).toHaveLength(await countRows('decisions'))
    const last = emitted.at(-1)?.payload as Record<string, unknown>
    expect(last).toEqual({
      decisionId: decision.id,
      caseId: null,
      subject: { kind: 'cluster', id: 'cluster:ring-1' },
      verdict: 'confirmed-fraud',
      reason: 'One operator behind four personas.',
      actor: `user:${test.people.analyst.userId}`,
      decidedAt: expect.any(String) as unknown,
    })
    const serialised = JSON.stringify(emitted)
    for (const personal of ['Min Park', 'Daniel Cho', 'outlook.com', '555', 'Ask for a live video call.']) {
      expect(serialised).not.toContain(personal)
    }
  })

  it('delivers case.decided to a subscription in the same transaction as the decision', async () => {
    const subscription = await test.store.webhookSubscriptions.create({
      url: 'http://127.0.0.1:9/hook',
      secret: 'whsec_dGVzdA==',
      eventTypes: ['case.decided'],
      createdBy: 'test',
    })
    const response = await decide('/v1/applications/ring-3/decisions', { verdict: 'cleared', reason: 'Verified ID.' })
    expect(response.statusCode).toBe(201)
    const deliveries = await test.store.outbox.list({ subscriptionId: subscription.id })
    expect(deliveries.items).toHaveLength(1)
  })

  it('answers 400 naming the body field for a bad verdict, a blank or missing reason and unknown keys', async () => {
    const cases: [unknown, string][] = [
      [{ verdict: 'guilty', reason: 'x' }, 'body.verdict'],
      [{ verdict: 'cleared' }, 'body.reason'],
      [{ verdict: 'cleared', reason: '   ' }, 'body.reason'],
      [{ verdict: 'cleared', reason: 'x'.repeat(2001) }, 'body.reason'],
      [{ verdict: 'cleared', reason: 'ok', note: 7 }, 'body.note'],
    ]
    for (const [payload, path] of cases) {
      const response = await decide('/v1/applications/ring-1/decisions', payload)
      expect(response.statusCode, path).toBe(400)
      expect(response.json(), path).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: { issues: [{ path }] } },
      })
    }
    const extra = await decide('/v1/applications/ring-1/decisions', { verdict: 'cleared', reason: 'ok', score: 0 })
    expect(extra.statusCode).toBe(400)
    expect(JSON.stringify(extra.json())).toContain('score')
  })

  it('answers 404 naming the id for an unknown application or cluster', async () => {
    const body = { verdict: 'cleared', reason: 'ok' }
    for (const url of ['/v1/applications/nobody/decisions', '/v1/clusters/cluster:nobody/decisions']) {
      const response = await decide(url, body)
      expect(response.statusCode, url).toBe(404)
      expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { path: 'params.id' } } })
    }
  })
})
