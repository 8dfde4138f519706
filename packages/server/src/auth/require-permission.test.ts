import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app/build-app.js'
import { generateApiKey } from './api-key.js'
import type { ApiKeyScope } from './api-key-scope.js'
import type { StoredApiKey, StoredSession } from './auth-ports.js'
import { permissions, type Permission } from './permission-table.js'
import { describePrincipal } from './principal.js'
import { requirePermission } from './require-permission.js'
import type { Role } from './role.js'
import { generateSessionToken } from './session-token.js'

const now = new Date('2026-11-20T12:00:00Z')
const past = new Date('2026-11-19T12:00:00Z')
const future = new Date('2026-11-21T12:00:00Z')

// What each role and scope may do, written out by hand so that a change to the table must change this test too.
const callers = ['viewer', 'analyst', 'admin', 'key:submit', 'key:read', 'key:admin'] as const
const Y = true
const N = false
// prettier-ignore
const expected: Record<Permission, readonly boolean[]> = {
  //                      viewer analyst admin  key:submit key:read key:admin
  'applications.read':   [Y,     Y,      Y,     N,         Y,       Y],
  'applications.submit': [N,     Y,      Y,     Y,         N,       Y],
  'cases.decide':        [N,     Y,      Y,     N,         N,       N],
  'audit.read':          [N,     N,      Y,     N,         N,       Y],
  'users.manage':        [N,     N,      Y,     N,         N,       N],
  'api-keys.manage':     [N,     N,      Y,     N,         N,       Y],
  'webhooks.manage':     [N,     N,      Y,     N,         N,       Y],
  'policy.manage':       [N,     N,      Y,     N,         N,       Y],
  'account.own':         [Y,     Y,      Y,     N,         N,       N],
  'intel.read':          [Y,     Y,      Y,     N,         Y,       Y],
  'intel.manage':        [N,     N,      Y,     N,         N,       Y],
  'sharing.export':      [N,     N,      Y,     N,         N,       N],
  'sharing.read':        [N,     N,      Y,     N,         Y,       Y],
  'privacy.manage':      [N,     N,      Y,     N,         N,       N],
}

const keys: StoredApiKey[] = []
const sessions = new Map<string, StoredSession>()
const credentials = new Map<string, Record<string, string>>()

function addKey(name: string, scopes: ApiKeyScope[], extra: Partial<StoredApiKey> = {}): void {
  const key = generateApiKey()
  keys.push({
    id: name,
    prefix: key.prefix,
    tokenHash: key.tokenHash,
    scopes,
    revokedAt: null,
    expiresAt: null,
    ...extra,
  })
  credentials.set(name, { authorization: `Bearer ${key.token}` })
}

function addSession(name: string, role: Role, extra: Partial<StoredSession> = {}): void {
  const session = generateSessionToken()
  sessions.set(session.tokenHash, { id: name, userId: name, role, expiresAt: future, revokedAt: null, ...extra })
  credentials.set(name, { cookie: `theme=dark; hw_session=${session.token}` })
}

for (const role of ['viewer', 'analyst', 'admin'] as const) addSession(role, role)
for (const scope of ['submit', 'read', 'admin'] as const) addKey(`key:${scope}`, [scope])
addKey('revoked key', ['admin'], { revokedAt: past })
addKey('expired key', ['admin'], { expiresAt: past })
addSession('expired session', 'admin', { expiresAt: past })
addSession('signed-out session', 'admin', { revokedAt: past })

function headersOf(name: string): Record<string, string> {
  return credentials.get(name) ?? {}
}

let app: FastifyInstance

beforeAll(async () => {
  app = await buildApp({
    logLevel: 'silent',
    processMetrics: false,
    accessControl: {
      apiKeys: { findApiKeyByPrefix: (prefix) => Promise.resolve(keys.find((key) => key.prefix === prefix)) },
      sessions: { findSessionByTokenHash: (hash) => Promise.resolve(sessions.get(hash)) },
      now: () => now,
    },
  })
  for (const permission of permissions) {
    app.get(`/demo/${permission}`, { preHandler: requirePermission(permission) }, (request) => ({
      caller: request.principal === null ? null : describePrincipal(request.principal),
    }))
  }
  await app.ready()
})

afterAll(async () => {
  await app.close()
})

const cases = permissions.flatMap((permission) =>
  callers.map((caller, column) => [caller, permission, expected[permission][column] === true] as const),
)

describe('requirePermission', () => {
  it.each(cases)('%s → %s allowed: %s', async (caller, permission, isAllowed) => {
    const response = await app.inject({ method: 'GET', url: `/demo/${permission}`, headers: headersOf(caller) })
    if (isAllowed) {
      expect(response.statusCode).toBe(200)
      expect(response.json<{ caller: string }>().caller).toMatch(
        caller.startsWith('key:') ? /^api-key:/ : `user:${caller}`,
      )
    } else {
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { permission } } })
    }
  })

  it.each([
    ['no credentials', {}],
    ['another auth scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['a bearer token that is not an API key', { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' }],
    ['an unknown API key', { authorization: `Bearer ${generateApiKey().token}` }],
    ['a revoked API key', headersOf('revoked key')],
    ['an expired API key', headersOf('expired key')],
    ['an expired session', headersOf('expired session')],
    ['a signed-out session', headersOf('signed-out session')],
    ['an unknown session', { cookie: `hw_session=${generateSessionToken().token}` }],
    ['a malformed session cookie', { cookie: 'hw_session=forged' }],
    ['a bad API key next to a good admin session', { ...headersOf('admin'), authorization: 'Bearer hw_nope' }],
  ])('answers 401 UNAUTHENTICATED to %s', async (_name, headers) => {
    const response = await app.inject({ method: 'GET', url: '/demo/applications.read', headers })
    expect(response.statusCode).toBe(401)
    expect(response.headers['www-authenticate']).toBe('Bearer realm="hirewall"')
    expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
  })

  it('tells the holder of a revoked key that it was revoked', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/demo/applications.read',
      headers: headersOf('revoked key'),
    })
    expect(response.json()).toMatchObject({ error: { message: 'This API key has been revoked.' } })
  })

  it('fails as a server fault when the app was built without access control', async () => {
    const bare = await buildApp({ logLevel: 'silent', processMetrics: false })
    bare.get('/guarded', { preHandler: requirePermission('applications.read') }, () => ({ ok: true }))
    const response = await bare.inject({ method: 'GET', url: '/guarded', headers: headersOf('admin') })
    await bare.close()
    expect(response.statusCode).toBe(500)
    expect(response.json()).toMatchObject({ error: { code: 'INTERNAL' } })
  })
})
