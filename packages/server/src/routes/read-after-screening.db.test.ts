import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScreeningService } from '../screening/create-screening-service.js'
import type { ScreeningService } from '../screening/screening-service.js'
import {
  anApplicationRecord,
  aRingMember,
  aRiskyApplicationRecord,
  testReference,
} from '../testing/application-fixtures.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../testing/test-app.js'
import { registerReadRoutes } from './register-read-routes.js'
import { registerReviewRoutes } from './register-review-routes.js'
import { registerSubmissionRoutes } from './submission/register-submission-routes.js'

const sharedPhone = '+1 415 555 0171'
const ringNames = ['Min Park', 'Daniel Cho', 'Kevin Lee']

/** Applications submitted over HTTP through the real screening pipeline, then read and decided through the API. */
describe.each(storeTestTargets())('reading what the screening pipeline stored, on $name', (target) => {
  let test: TestApp
  let screening: ScreeningService

  beforeAll(async () => {
    test = await openTestApp(target)
    screening = await createScreeningService({
      store: test.store,
      policy: defaultScoringPolicy,
      reference: testReference,
    })
    registerSubmissionRoutes(test.app, { screening })
    registerReadRoutes(test.app, { store: test.store })
    registerReviewRoutes(test.app, { store: test.store })
    await test.app.ready()
    const records = [
      anApplicationRecord('e2e-clean', { submittedAt: '2026-03-01T09:00:00Z' }),
      aRiskyApplicationRecord('e2e-risky', { submittedAt: '2026-03-02T09:00:00Z' }),
      ...ringNames.map((name, index) => ({
        ...aRingMember(`e2e-ring-${index + 1}`, name, sharedPhone),
        submittedAt: `2026-03-0${index + 3}T09:00:00Z`,
      })),
    ]
    for (const record of records) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/v1/applications',
        headers: test.keys.submit,
        payload: record,
      })
      expect(response.statusCode, response.body).toBe(201)
    }
  }, openTimeoutMs)
  afterAll(async () => {
    await screening.close()
    await test.close()
  })

  const get = (url: string, headers: AuthHeaders = test.people.analyst) =>
    test.app.inject({ method: 'GET', url, headers })

  it('lists every submitted application with its latest result', async () => {
    const body = (await get('/v1/applications?limit=50')).json<{
      items: { id: string; latestResult: { outcome: string } | null }[]
    }>()
    expect(body.items.map((item) => item.id).sort()).toEqual([
      'e2e-clean',
      'e2e-ring-1',
      'e2e-ring-2',
      'e2e-ring-3',
      'e2e-risky',
    ])
    expect(body.items.every((item) => item.latestResult !== null)).toBe(true)
    const held = (await get('/v1/applications?outcome=hold')).json<{ items: { id: string }[] }>()
    expect(held.items.map((item) => item.id)).toContain('e2e-risky')
  })

  it("shows a ring member's evidence and the members it shares the phone with", async () => {
    const response = await get('/v1/applications/e2e-ring-3')
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json<{
      latestResult: { signals: { code: string; evidence: Record<string, unknown> }[] }
      cluster: { id: string; applicationCount: number } | null
      linked: { total: number; items: { id: string; shared: { kind: string; value: string }[] }[] }
    }>()
    const phone = body.latestResult.signals.find((signal) => signal.code === 'identity.shared.phone')
    expect(phone?.evidence).toBeDefined()
    expect(body.cluster).toMatchObject({ id: 'cluster:e2e-ring-1', applicationCount: 3 })
    expect(body.linked.total).toBe(2)
    for (const item of body.linked.items) {
      expect(item.shared).toEqual([{ kind: 'phone', value: '+14155550171' }])
    }
  })

  it("draws the ring's graph from the identifiers the pipeline stored", async () => {
    const body = (await get('/v1/clusters/cluster:e2e-ring-1')).json<{
      graph: { nodes: { id: string; type: string }[]; edges: { source: string; target: string }[] }
    }>()
    expect(body.graph.nodes.filter((node) => node.type === 'identifier').map((node) => node.id)).toEqual([
      'phone:+14155550171',
    ])
    expect(body.graph.edges.map((edge) => edge.source).sort()).toEqual(['e2e-ring-1', 'e2e-ring-2', 'e2e-ring-3'])
  })

  it('queues the cases screening opened, and a decision takes one out of the queue', async () => {
    type Queue = { items: { case: { id: string; subject: { id: string } } }[] }
    const queue = (await get('/v1/cases')).json<Queue>()
    const subjects = queue.items.map((item) => item.case.subject.id)
    expect(subjects).toContain('e2e-risky')
    expect(subjects).not.toContain('e2e-clean')
    const decided = await test.app.inject({
      method: 'POST',
      url: '/v1/applications/e2e-risky/decisions',
      headers: test.people.analyst,
      payload: { verdict: 'confirmed-fraud', reason: 'Throwaway mailbox and a refused camera.' },
    })
    expect(decided.statusCode, decided.body).toBe(201)
    expect(decided.json()).toMatchObject({ case: { status: 'closed' } })
    const after = (await get('/v1/cases')).json<Queue>()
    expect(after.items.map((item) => item.case.subject.id)).not.toContain('e2e-risky')
  })

  it('publishes every read and review operation, with its parameters, body and responses, in the OpenAPI document', async () => {
    type Operation = { parameters?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> }
    const document = (await get('/docs/openapi.json', {})).json<{ paths: Record<string, Record<string, Operation>> }>()
    const operations: [string, string, readonly string[]][] = [
      ['get', '/v1/applications', ['200', '400', '401', '403']],
      ['get', '/v1/applications/{id}', ['200', '401', '403', '404']],
      ['get', '/v1/clusters/{id}', ['200', '401', '403', '404']],
      ['get', '/v1/audit', ['200', '400', '401', '403']],
      ['get', '/v1/cases', ['200', '400', '401', '403']],
      ['post', '/v1/cases/{id}/assign', ['200', '400', '403', '404', '409']],
      ['post', '/v1/applications/{id}/decisions', ['201', '400', '401', '403', '404']],
      ['post', '/v1/clusters/{id}/decisions', ['201', '400', '401', '403', '404']],
    ]
    for (const [method, path, statuses] of operations) {
      const operation = document.paths[path]?.[method]
      expect(operation, `${method} ${path}`).toBeDefined()
      expect(Object.keys(operation?.responses ?? {}), `${method} ${path}`).toEqual(
        expect.arrayContaining([...statuses]),
      )
      if (method === 'post') expect(operation?.requestBody, path).toBeDefined()
      if (path.includes('{id}')) expect(operation?.parameters, path).toBeDefined()
    }
    const cluster = document.paths['/v1/clusters/{id}']?.get?.responses['200'] as { content: Record<string, unknown> }
    expect(Object.keys(cluster.content)).toEqual(['application/json', 'application/graphml+xml'])
  })

  it("keeps the pipeline's and the readers' steps in one audit trail", async () => {
    const body = (await get('/v1/audit?limit=500', test.keys.admin)).json<{
      items: { actor: string; action: string; target: string | null }[]
    }>()
    const actions = new Set(body.items.map((item) => item.action))
    for (const action of ['applications.listed', 'application.viewed', 'cluster.viewed', 'decision.recorded']) {
      expect(actions.has(action), action).toBe(true)
    }
    const submitter = body.items.find((item) => item.action === 'application.submitted')
    expect(submitter?.actor).toMatch(/^api-key:/)
  })
})
