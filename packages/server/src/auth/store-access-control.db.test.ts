import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { buildApp } from '../app/build-app.js'
import { requirePermission } from './require-permission.js'
import { storeAccessControl } from './store-access-control.js'
import { openTestApp, type TestApp } from '../testing/test-app.js'

describe.each(storeTestTargets())('store-backed access control on $name', (target) => {
  let test: TestApp
  beforeAll(async () => {
    test = await openTestApp(target)
    test.app.get('/probe', { preHandler: requirePermission('audit.read') }, (request) => ({
      principal: request.principal?.kind,
    }))
    await test.app.ready()
  }, openTimeoutMs)
  afterAll(() => test.close())

  it('lets an admin key and an admin session through, and refuses a read key and an analyst', async () => {
    const probe = (headers: Record<string, string>) => test.app.inject({ method: 'GET', url: '/probe', headers })
    expect((await probe(test.keys.admin)).json()).toEqual({ principal: 'api-key' })
    expect((await probe(test.people.admin)).json()).toEqual({ principal: 'user' })
    expect((await probe(test.keys.read)).statusCode).toBe(403)
    expect((await probe(test.people.analyst)).statusCode).toBe(403)
    expect((await probe({})).statusCode).toBe(401)
  })

  it('refuses a key revoked by another process once its cache time has passed, and a revoked session at once', async () => {
    let clock = 0
    const app = await buildApp({
      logLevel: 'silent',
      processMetrics: false,
      accessControl: storeAccessControl(test.store, { apiKeyCache: { ttlMs: 2_000, clock: () => clock } }),
    })
    app.get('/probe', { preHandler: requirePermission('audit.read') }, () => ({ ok: true }))
    const probe = async () => (await app.inject({ method: 'GET', url: '/probe', headers: test.keys.admin })).statusCode
    expect(await probe()).toBe(200)
    // Revoked in the store directly, as another server process's DELETE /v1/api-keys/:id would.
    const key = (await test.store.apiKeys.list()).find((candidate) => candidate.name === 'test admin')
    await test.store.apiKeys.revoke(key?.id ?? '')
    clock = 1_999
    expect(await probe()).toBe(200)
    clock = 2_000
    expect(await probe()).toBe(401)
    await app.close()
    await test.store.sessions.revokeAllFor(test.people.admin.userId)
    expect((await test.app.inject({ method: 'GET', url: '/probe', headers: test.people.admin })).statusCode).toBe(401)
  })
})
