import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScreeningService } from '../../screening/create-screening-service.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { buildServiceApp } from '../../service/build-service-app.js'
import { testReference } from '../../testing/application-fixtures.js'
import { seedConfirmedFraud } from '../../testing/seed-confirmed-fraud.js'
import { openTestApp, testOrigin, type TestApp } from '../../testing/test-app.js'
import { taxiiCollectionOf } from './taxii-collections.js'
import { taxiiMediaType } from './taxii-media-types.js'

/** The whole service app, console included: the export action, TAXII beside the console's catch-all, OpenAPI. */
describe.each(storeTestTargets())('sharing in the service app on $name', (target) => {
  let test: TestApp
  let screening: ScreeningService
  let app: FastifyInstance

  beforeAll(async () => {
    test = await openTestApp(target)
    screening = await createScreeningService({
      store: test.store,
      policy: defaultScoringPolicy,
      reference: testReference,
    })
    app = await buildServiceApp({
      store: test.store,
      screening,
      publicOrigins: [testOrigin],
      sharing: { producer: 'Example Corp', reference: testReference },
      app: { logLevel: 'silent', processMetrics: false },
    })
    await app.ready()
    await seedConfirmedFraud(test.store, `user:${test.people.analyst.userId}`)
  }, openTimeoutMs)
  afterAll(async () => {
    await app?.close()
    await screening?.close()
    await test?.close()
  })

  it('exports as an admin from the console origin and serves the result to a read key over TAXII', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/v1/sharing/exports',
      headers: test.people.admin,
      payload: { format: 'stix', tlp: 'green' },
    })
    expect(created.statusCode, created.body).toBe(201)
    const fromElsewhere = await app.inject({
      method: 'POST',
      url: '/v1/sharing/exports',
      headers: { ...test.people.admin, origin: 'https://evil.example' },
      payload: { format: 'stix', tlp: 'green' },
    })
    expect(fromElsewhere.statusCode).toBe(403)
    const green = taxiiCollectionOf('green')
    const objects = await app.inject({
      method: 'GET',
      url: `/taxii2/api1/collections/${green.id}/objects/?match[type]=indicator`,
      headers: { ...test.keys.read, accept: taxiiMediaType },
    })
    expect(objects.statusCode, objects.body).toBe(200)
    expect(objects.headers['content-type']).toBe(taxiiMediaType)
    expect(objects.json<{ objects: unknown[] }>().objects.length).toBeGreaterThan(0)
  })

  it('answers unknown TAXII paths with a TAXII 404, not the console page', async () => {
    for (const url of ['/taxii2/api2/', '/taxii2/api1/collections', '/taxii2/nothing/here/']) {
      const response = await app.inject({ method: 'GET', url, headers: { ...test.keys.read, accept: taxiiMediaType } })
      expect(response.statusCode, url).toBe(404)
      expect(response.headers['content-type']).toBe(taxiiMediaType)
    }
    const discovery = await app.inject({
      method: 'GET',
      url: '/taxii2',
      headers: { ...test.keys.read, accept: taxiiMediaType },
    })
    expect(discovery.statusCode).toBe(200)
    const page = await app.inject({ method: 'GET', url: '/sharing', headers: { accept: 'text/html' } })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
  })

  it('documents the export endpoints in OpenAPI', async () => {
    const document = (await app.inject({ method: 'GET', url: '/docs/openapi.json' })).json<{
      paths: Record<string, unknown>
    }>()
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/v1/sharing/exports', '/v1/sharing/exports/{id}']),
    )
  })
})
