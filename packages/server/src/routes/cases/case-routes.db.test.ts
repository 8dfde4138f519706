import { openTimeoutMs, storeTestTargets, type Case } from '@hirewall/store'
import { generateWorld } from '@hirewall/synth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aPlantedRing, seedScreenedPool, type SeededPool } from '../../testing/seed-screened-pool.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerReviewRoutes } from '../register-review-routes.js'

type QueuedBody = {
  case: { id: string; subject: { kind: string; id: string }; status: string; assignedTo: string | null }
  risk: { applicationId: string; score: number; outcome: string } | null
  candidateName: string | null
  applicationCount: number
}
type QueueBody = { items: QueuedBody[]; nextCursor: string | null }

describe.each(storeTestTargets())('the review queue routes on $name', (target) => {
  let test: TestApp
  let pool: SeededPool
  /** The cases the pipeline would open: one per application reviewed or held, and one for the planted ring. */
  const opened: Case[] = []

  beforeAll(async () => {
    test = await openTestApp(target)
    registerReviewRoutes(test.app, { store: test.store })
    await test.app.ready()
    const world = generateWorld({ count: 50, seed: 'case-routes', fraudShare: 0.4 })
    pool = await seedScreenedPool(test.store, [...world, ...aPlantedRing('ring', '2026-11-10')])
    for (const record of pool.records) {
      if (pool.results.get(record.id)?.outcome === 'clear') continue
      opened.push(await test.store.cases.open({ kind: 'application', id: record.id }, 'system:screening'))
    }
    opened.push(await test.store.cases.open({ kind: 'cluster', id: 'cluster:ring-1' }, 'system:screening'))
  }, openTimeoutMs)
  afterAll(() => test.close())

  const get = (url: string, headers: AuthHeaders = test.people.viewer) =>
    test.app.inject({ method: 'GET', url, headers })
  const assign = (caseId: string, assignee: string | null, headers: AuthHeaders = test.people.analyst) =>
    test.app.inject({ method: 'POST', url: `/v1/cases/${caseId}/assign`, headers, payload: { assignee } })
  const walk = async (query: string, headers?: AuthHeaders): Promise<QueuedBody[]> => {
    const items: QueuedBody[] = []
    let after: string | null = null
    for (let pages = 0; pages < 100; pages++) {
      const cursor: string = after === null ? '' : `&after=${encodeURIComponent(after)}`
      const response = await get(`/v1/cases?limit=4&${query}${cursor}`, headers)
      expect(response.statusCode, response.body).toBe(200)
      const body = response.json<QueueBody>()
      items.push(...body.items)
      after = body.nextCursor
      if (after === null) break
    }
    return items
  }
  const scoreOf = (applicationId: string): number => pool.results.get(applicationId)?.score ?? -1

  it('lists every open case once, riskiest first, a cluster scored by its riskiest member', async () => {
    const items = await walk('')
    expect(items.map((item) => item.case.id).sort()).toEqual(opened.map((item) => item.id).sort())
    const scores = items.map((item) => item.risk?.score ?? -1)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    const ring = items.find((item) => item.case.subject.kind === 'cluster')
    const riskiestMember = Math.max(...['ring-1', 'ring-2', 'ring-3', 'ring-4'].map(scoreOf))
    expect(ring).toMatchObject({ applicationCount: 4, risk: { score: riskiestMember } })
    for (const item of items.filter((candidate) => candidate.case.subject.kind === 'application')) {
      expect(item.risk?.score).toBe(scoreOf(item.case.subject.id))
      expect(item.applicationCount).toBe(1)
    }
    const audit = await test.store.audit.list({ action: 'cases.listed', actor: `user:${test.people.viewer.userId}` })
    expect(audit.items[0]?.details).toMatchObject({ filter: { status: 'open' }, order: 'riskiest' })
  })

  it('lists them oldest first on request, and filters by kind and outcome', async () => {
    // Oldest means by opening time, then case id: cases opened within one millisecond (a fast server) tie on time.
    const byOpening = [...opened].sort(
      (a, b) => a.openedAt.getTime() - b.openedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    expect((await walk('order=oldest')).map((item) => item.case.id)).toEqual(byOpening.map((item) => item.id))
    expect((await walk('kind=cluster')).map((item) => item.case.subject.id)).toEqual(['cluster:ring-1'])
    const held = await walk('outcome=hold')
    expect(held.length).toBeGreaterThan(0)
    expect(held.every((item) => item.risk?.outcome === 'hold')).toBe(true)
    const reviewedOrHeld = await walk('outcome=hold&outcome=review')
    expect(reviewedOrHeld).toHaveLength(opened.length)
  })

  it('assigns a case to an analyst, finds it as theirs, and unassigns it; each change audited', async () => {
    const first = opened[0]
    if (!first) throw new Error('no case opened')
    const analyst = test.people.analyst
    const response = await assign(first.id, analyst.userId)
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({ id: first.id, assignedTo: analyst.userId, status: 'open' })
    expect((await walk('assignee=me', analyst)).map((item) => item.case.id)).toEqual([first.id])
    expect((await walk(`assignee=${analyst.userId}`)).map((item) => item.case.id)).toEqual([first.id])
    expect((await walk('assignee=none')).map((item) => item.case.id)).not.toContain(first.id)
    expect((await assign(first.id, null, test.people.admin)).json()).toMatchObject({ assignedTo: null })
    const audit = await test.store.audit.list({ action: 'case.assigned', target: `case:${first.id}` })
    expect(audit.items.map((entry) => [entry.actor, entry.details.assignedTo])).toEqual([
      [`user:${test.people.admin.userId}`, null],
      [`user:${analyst.userId}`, analyst.userId],
    ])
  })

  it('refuses to assign to a viewer or an unknown user, a closed case, or an unknown case', async () => {
    const [, second] = opened
    if (!second) throw new Error('no second case')
    for (const assignee of [test.people.viewer.userId, '00000000-0000-4000-8000-000000000000']) {
      const response = await assign(second.id, assignee)
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ error: { details: { issues: [{ path: 'body.assignee' }] } } })
    }
    const notUuid = await assign(second.id, 'ana')
    expect(notUuid.json()).toMatchObject({ error: { details: { issues: [{ path: 'body.assignee' }] } } })
    await test.store.cases.close(second.id, 'user:lead')
    const closed = await assign(second.id, test.people.analyst.userId)
    expect(closed.statusCode).toBe(409)
    expect(closed.json()).toMatchObject({ error: { code: 'CONFLICT' } })
    const unknown = await assign('5f0c6a9e-0000-4000-8000-000000000000', test.people.analyst.userId)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { path: 'params.id' } } })
  })

  it('keeps each role to its limits: readers list, only analysts and admins assign, no API key assigns', async () => {
    const third = opened[2]
    if (!third) throw new Error('no third case')
    for (const headers of [test.people.viewer, test.people.analyst, test.keys.read, test.keys.admin]) {
      expect((await get('/v1/cases?limit=1', headers)).statusCode).toBe(200)
    }
    expect((await get('/v1/cases', test.keys.submit)).statusCode).toBe(403)
    expect((await get('/v1/cases', {})).statusCode).toBe(401)
    for (const headers of [test.people.viewer, test.keys.read, test.keys.submit, test.keys.admin]) {
      expect((await assign(third.id, test.people.analyst.userId, headers)).statusCode).toBe(403)
    }
    expect((await assign(third.id, test.people.analyst.userId, test.people.admin)).statusCode).toBe(200)
  })

  it('answers 400 for bad query values, a forged cursor and `assignee=me` from an API key', async () => {
    for (const [query, path] of [
      ['status=pending', 'querystring.status'],
      ['kind=person', 'querystring.kind'],
      ['outcome=maybe', 'querystring.outcome'],
      ['assignee=ana', 'querystring.assignee'],
      ['order=newest', 'querystring.order'],
      ['after=Zm9yZ2Vk', 'querystring.after'],
    ] as const) {
      const response = await get(`/v1/cases?${query}`)
      expect(response.statusCode, query).toBe(400)
      expect(response.json(), query).toMatchObject({ error: { details: { issues: [{ path }] } } })
    }
    const me = await get('/v1/cases?assignee=me', test.keys.read)
    expect(me.json()).toMatchObject({ error: { details: { issues: [{ path: 'querystring.assignee' }] } } })
  })
})
