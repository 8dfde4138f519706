import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app/build-app.js'
import { generateApiKey } from '../auth/api-key.js'
import type { ApiKeyScope } from '../auth/api-key-scope.js'
import type { StoredApiKey } from '../auth/auth-ports.js'
import { requirePermission } from '../auth/require-permission.js'
import { registerPermissionRateLimit } from './permission-rate-limit.js'

let clock = new Date('2026-11-20T12:00:00Z')
const keys: StoredApiKey[] = []
const headers = new Map<string, Record<string, string>>()

function addKey(name: string, scopes: ApiKeyScope[]): void {
  const key = generateApiKey()
  keys.push({ id: name, prefix: key.prefix, tokenHash: key.tokenHash, scopes, revokedAt: null, expiresAt: null })
  headers.set(name, { authorization: `Bearer ${key.token}` })
}
addKey('first', ['submit', 'read'])
addKey('second', ['submit'])
addKey('reader', ['read'])

let app: FastifyInstance

beforeAll(async () => {
  app = await buildApp({
    logLevel: 'silent',
    processMetrics: false,
    accessControl: {
      apiKeys: { findApiKeyByPrefix: (prefix) => Promise.resolve(keys.find((key) => key.prefix === prefix)) },
      sessions: { findSessionByTokenHash: () => Promise.resolve(undefined) },
      now: () => clock,
    },
  })
  registerPermissionRateLimit(app, 'applications.submit', { requests: 3, windowMs: 60_000 })
  app.post('/submit', { preHandler: requirePermission('applications.submit') }, () => ({ ok: true }))
  app.post('/bulk', { preHandler: requirePermission('applications.submit') }, () => ({ ok: true }))
  app.get('/read', { preHandler: requirePermission('applications.read') }, () => ({ ok: true }))
  await app.ready()
})

afterAll(() => app.close())

const send = (url: string, name: string) =>
  app.inject({ method: url === '/read' ? 'GET' : 'POST', url, headers: headers.get(name) ?? {} })

describe('registerPermissionRateLimit', () => {
  it('limits each API key on every endpoint of the permission: 429 with Retry-After, allowed again later', async () => {
    const statuses = []
    for (const url of ['/submit', '/bulk', '/submit', '/bulk']) statuses.push((await send(url, 'first')).statusCode)
    expect(statuses).toEqual([200, 200, 200, 429])
    const limited = await send('/submit', 'first')
    expect(limited.headers['retry-after']).toBe('20')
    expect(limited.json()).toMatchObject({
      error: { code: 'RATE_LIMITED', details: { limit: 'applications.submit', retryAfterSeconds: 20 } },
    })
    // Other keys and other permissions keep their own allowance.
    expect((await send('/submit', 'second')).statusCode).toBe(200)
    expect((await send('/read', 'first')).statusCode).toBe(200)
    clock = new Date(clock.getTime() + 20_000)
    expect((await send('/submit', 'first')).statusCode).toBe(200)
    expect((await send('/submit', 'first')).statusCode).toBe(429)
    clock = new Date(clock.getTime() + 60_000)
    const again = []
    for (let attempt = 0; attempt < 4; attempt += 1) again.push((await send('/submit', 'first')).statusCode)
    expect(again).toEqual([200, 200, 200, 429])
  })

  it('answers 403 before counting a caller without the permission', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await send('/submit', 'reader')).statusCode).toBe(403)
  })
})
