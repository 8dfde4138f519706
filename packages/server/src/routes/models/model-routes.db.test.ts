import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storeModelFile } from '../../models/model-records.js'
import { createScreeningService } from '../../screening/create-screening-service.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { registerCsrfCheck } from '../../security/csrf-check.js'
import { anApplicationRecord, testReference } from '../../testing/application-fixtures.js'
import { openTestApp, testOrigin, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { aTrainedModel, anInvertedModel } from '../../testing/trained-test-model.js'
import { registerSubmissionRoutes } from '../submission/register-submission-routes.js'
import { registerApplicationDetailRoute } from '../applications/application-detail-route.js'
import { registerModelRoutes } from './model-routes.js'

const model = aTrainedModel()
const retrained = aTrainedModel({ seed: 6, createdAt: '2026-11-23T12:00:00.000Z' })
const inverted = anInvertedModel(retrained)

type Card = {
  version: string
  isActive: boolean
  labels: { source: string; description: string }
  metrics: { model: { prAuc: number; curve: { precision: number; recall: number }[] }; rules: { prAuc: number } }
  calibration: { bins: { from: number; to: number; count: number }[] }
  fairness: { status: string; dimensions: unknown[] }
}

describe.each(storeTestTargets())('model administration over HTTP on $name', (target) => {
  let test: TestApp
  let screening: ScreeningService
  const call = (method: 'GET' | 'POST', url: string, headers: AuthHeaders, payload?: object) =>
    test.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) })

  beforeAll(async () => {
    test = await openTestApp(target)
    screening = await createScreeningService({
      store: test.store,
      policy: defaultScoringPolicy,
      reference: testReference,
    })
    registerCsrfCheck(test.app, { origins: [testOrigin] })
    registerSubmissionRoutes(test.app, { screening })
    registerApplicationDetailRoute(test.app, { store: test.store })
    // A small evaluation world keeps the gate to seconds; the gate itself is the CLI's.
    registerModelRoutes(test.app, { store: test.store, screening, promotionWorldCount: 2000 })
    await test.app.ready()
    for (const file of [model, retrained, inverted]) await storeModelFile(test.store, file, 'user:test')
  }, openTimeoutMs)
  afterAll(async () => {
    await screening.close()
    await test.close()
  })

  it('lists the stored models and shows a model card to anyone who may read applications', async () => {
    const list = await call('GET', '/v1/models', test.people.viewer)
    expect(list.statusCode).toBe(200)
    const body = list.json<{ active: unknown; models: { version: string; labelSource: string; isActive: boolean }[] }>()
    expect(body.active).toBeNull()
    expect(body.models.map((entry) => entry.version).sort()).toEqual(
      [model.version, retrained.version, inverted.version].sort(),
    )
    expect(body.models.every((entry) => entry.labelSource === 'generated-world' && !entry.isActive)).toBe(true)

    const card = await call('GET', `/v1/models/${model.version}`, test.keys.read)
    expect(card.statusCode).toBe(200)
    const view = card.json<Card>()
    expect(view).toMatchObject({ version: model.version, isActive: false, labels: { source: 'generated-world' } })
    expect(view.metrics.model.prAuc).toBe(model.evaluation.model.prAuc)
    expect(view.metrics.model.curve.length).toBeGreaterThan(3)
    expect(view.calibration.bins).toHaveLength(10)
    expect(view.fairness.dimensions.length).toBeGreaterThan(0)
  })

  it('answers unknown versions with 404 and malformed ones with 400 naming the field', async () => {
    const missing = await call('GET', '/v1/models/risk-nope', test.people.viewer)
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { path: 'params.version' } } })
    const bad = await call('GET', '/v1/models/..%2Fetc', test.people.viewer)
    expect(bad.statusCode).toBe(400)
    expect(JSON.stringify(bad.json())).toContain('version')
    expect((await call('GET', '/v1/models', {})).statusCode).toBe(401)
  })

  it('lets only admins promote or roll back', async () => {
    for (const headers of [test.people.viewer, test.people.analyst, test.keys.read, test.keys.submit]) {
      expect((await call('POST', `/v1/models/${model.version}/promote`, headers, {})).statusCode).toBe(403)
      expect((await call('POST', '/v1/models/rollback', headers, {})).statusCode).toBe(403)
    }
    expect(await test.store.models.activeVersion()).toBeUndefined()
  })

  it('promotes through the gate, refuses a worse model with 409 and the failed check, and rolls back at once', async () => {
    const first = await call('POST', `/v1/models/${model.version}/promote`, test.people.admin, { note: 'first' })
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({
      active: { version: model.version, stack: [model.version] },
      evaluatedOn: { kind: 'generated-world', seed: 42, count: 2000 },
    })
    const again = await call('POST', `/v1/models/${model.version}/promote`, test.keys.admin, {})
    expect(again.statusCode).toBe(409)

    const worse = await call('POST', `/v1/models/${inverted.version}/promote`, test.people.admin, {})
    expect(worse.statusCode).toBe(409)
    const refusal = worse.json<{
      error: { code: string; message: string; details: { checks: { name: string; status: string }[] } }
    }>()
    expect(refusal.error.code).toBe('CONFLICT')
    expect(refusal.error.message).toContain('quality')
    expect(refusal.error.details.checks).toContainEqual(expect.objectContaining({ name: 'quality', status: 'failed' }))
    expect(await test.store.models.activeVersion()).toBe(model.version)

    const second = await call('POST', `/v1/models/${retrained.version}/promote`, test.keys.admin, {})
    expect(second.statusCode).toBe(200)
    const rollback = await call('POST', '/v1/models/rollback', test.people.admin, { note: 'checking' })
    expect(rollback.statusCode).toBe(200)
    expect(rollback.json()).toMatchObject({ active: { version: model.version }, previous: retrained.version })
    expect(await test.store.models.activeVersion()).toBe(model.version)
    const nothingLeft = await call('POST', '/v1/models/rollback', test.people.admin, {})
    expect(nothingLeft.statusCode).toBe(409)

    const audit = await test.store.audit.list({ action: 'model.promoted' })
    expect(audit.items.map((entry) => entry.target)).toEqual(
      expect.arrayContaining([`model:${model.version}`, `model:${retrained.version}`]),
    )
    const blocked = await test.store.audit.list({ action: 'model.promotion-blocked' })
    expect(blocked.items[0]?.actor).toBe(`user:${test.people.admin.userId}`)
    const rolledBack = await test.store.audit.list({ action: 'model.rolled-back' })
    expect(rolledBack.items).toHaveLength(1)
  }, 300_000)

  it('shows the model next to the rules in the submission response and on the application page', async () => {
    const submitted = await call('POST', '/v1/applications', test.keys.submit, anApplicationRecord('http-model-1'))
    expect(submitted.statusCode).toBe(201)
    const { result } = submitted.json<{
      result: { modelVersion: string; model: { probability: number; contributions: { sentence: string }[] } }
    }>()
    expect(result.modelVersion).toBe(model.version)
    expect(result.model.probability).toBeGreaterThan(0)
    const page = await call('GET', '/v1/applications/http-model-1', test.people.viewer)
    expect(page.statusCode).toBe(200)
    const detail = page.json<{ latestResult: { model: { summary: string; contributions: { sentence: string }[] } } }>()
    expect(detail.latestResult.model.summary).toMatch(/chance of fraud/)
    expect(detail.latestResult.model.contributions.length).toBeGreaterThan(0)
  })
})
