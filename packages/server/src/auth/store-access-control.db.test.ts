import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { requirePermission } from './require-permission.js'
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

  it('refuses a revoked key and a revoked session', async () => {
    const key = (await test.store.apiKeys.list()).find((candidate) => candidate.name === 'test admin')
    await test.store.apiKeys.revoke(key?.id ?? '')
    expect((await test.app.inject({ method: 'GET', url: '/probe', headers: test.keys.admin })).statusCode).toBe(401)
    await test.store.sessions.revokeAllFor(test.people.admin.userId)
    expect((await test.app.inject({ method: 'GET', url: '/probe', headers: test.people.admin })).statusCode).toBe(401)
  })
})
