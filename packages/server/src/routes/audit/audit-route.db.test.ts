import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerReadRoutes } from '../register-read-routes.js'

type AuditBody = {
  items: { id: number; at: string; actor: string; action: string; target: string | null; details: object }[]
  nextCursor: string | null
}

describe.each(storeTestTargets())('the audit route on $name', (target) => {
  let test: TestApp

  beforeAll(async () => {
    test = await openTestApp(target)
    registerReadRoutes(test.app, { store: test.store })
    await test.app.ready()
    for (let index = 0; index < 12; index++) {
      await test.store.audit.append({
        actor: index % 3 === 0 ? 'user:ana' : 'api-key:siem01',
        action: index % 2 === 0 ? 'application.viewed' : 'applications.listed',
        ...(index % 2 === 0 ? { target: `application:app-${index % 4}` } : {}),
        details: { index },
      })
    }
  }, openTimeoutMs)
  afterAll(() => test.close())

  const get = (url: string, headers: AuthHeaders = test.keys.admin) => test.app.inject({ method: 'GET', url, headers })
  const walk = async (query: string): Promise<AuditBody['items']> => {
    const items: AuditBody['items'] = []
    let after: string | null = null
    for (let pages = 0; pages < 50; pages++) {
      const cursor: string = after === null ? '' : `&after=${encodeURIComponent(after)}`
      const response = await get(`/v1/audit?limit=5&${query}${cursor}`)
      expect(response.statusCode, response.body).toBe(200)
      const body = response.json<AuditBody>()
      items.push(...body.items)
      after = body.nextCursor
      if (after === null) break
    }
    return items.filter((item) => 'index' in item.details)
  }
  const indexes = (items: AuditBody['items']) => items.map((item) => (item.details as { index: number }).index)

  it('pages through the log newest first, every entry once', async () => {
    expect(indexes(await walk(''))).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0])
  })

  it.each([
    ['actor=user%3Aana', [9, 6, 3, 0]],
    ['action=applications.listed', [11, 9, 7, 5, 3, 1]],
    ['target=application%3Aapp-2', [10, 6, 2]],
    ['actor=user%3Aana&action=application.viewed', [6, 0]],
    ['actor=nobody', []],
  ])('filters by %s', async (query, expected) => {
    expect(indexes(await walk(query))).toEqual(expected)
  })

  it('lets admins and admin keys read it, and nobody else', async () => {
    expect((await get('/v1/audit?limit=1', test.people.admin)).statusCode).toBe(200)
    expect((await get('/v1/audit?limit=1', test.keys.admin)).statusCode).toBe(200)
    for (const headers of [test.people.viewer, test.people.analyst, test.keys.read, test.keys.submit]) {
      const response = await get('/v1/audit', headers)
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { permission: 'audit.read' } } })
    }
    expect((await get('/v1/audit', {})).statusCode).toBe(401)
  })

  it('answers 400 naming the field for a bad limit, a forged cursor and an unknown filter', async () => {
    for (const [query, path] of [
      ['limit=abc', 'querystring.limit'],
      ['after=WyJvdGhlci1saXN0IiwxXQ', 'querystring.after'],
      ['actor=', 'querystring.actor'],
    ] as const) {
      const response = await get(`/v1/audit?${query}`)
      expect(response.statusCode, query).toBe(400)
      expect(response.json(), query).toMatchObject({
        error: { code: 'VALIDATION_FAILED', details: { issues: [{ path }] } },
      })
    }
    expect((await get('/v1/audit?who=ana')).statusCode).toBe(400)
  })
})
