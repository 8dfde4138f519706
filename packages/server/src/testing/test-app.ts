import type { FastifyInstance } from 'fastify'
import type { Store, StoreTestTarget, UserRole } from '@hirewall/store'
import { buildApp, type BuildAppOptions } from '../app/build-app.js'
import { generateApiKey } from '../auth/api-key.js'
import type { ApiKeyScope } from '../auth/api-key-scope.js'
import { generateSessionToken, sessionCookieName } from '../auth/session-token.js'
import { storeAccessControl } from '../auth/store-access-control.js'

/** Request headers that authenticate as one caller: `authorization` for a key, `cookie` for a signed-in person. */
export type AuthHeaders = Readonly<Record<string, string>>

/**
 * An app on a fresh store of one test target, wired to the store's keys and sessions, with one API key per scope and
 * one signed-in person per role. Register the routes under test on `app`, then `await app.ready()` and `inject`.
 */
export type TestApp = {
  readonly app: FastifyInstance
  readonly store: Store
  /** `authorization: Bearer hw_…` for a key holding just that scope. */
  readonly keys: Readonly<Record<ApiKeyScope, AuthHeaders>>
  /** `cookie: hw_session=…` (and an `origin` the app accepts) for a person with that role. */
  readonly people: Readonly<Record<UserRole, AuthHeaders & { readonly userId: string }>>
  readonly close: () => Promise<void>
}

/** The origin test requests claim; cookie-authenticated writes must come from the app's own origin. */
export const testOrigin = 'http://localhost'

/** Opens `target`'s database and builds the app over it (no routes beyond health, metrics and docs). */
export async function openTestApp(target: StoreTestTarget, options: BuildAppOptions = {}): Promise<TestApp> {
  const database = await target.open()
  const store = database.store
  const app = await buildApp({
    logLevel: 'silent',
    processMetrics: false,
    accessControl: storeAccessControl(store),
    ...options,
  })
  const keys = {} as Record<ApiKeyScope, AuthHeaders>
  for (const scope of ['submit', 'read', 'admin'] as const) {
    const generated = generateApiKey()
    await store.apiKeys.create({
      name: `test ${scope}`,
      prefix: generated.prefix,
      keyHash: generated.tokenHash,
      scopes: [scope],
      createdBy: 'test',
    })
    keys[scope] = { authorization: `Bearer ${generated.token}` }
  }
  const people = {} as Record<UserRole, AuthHeaders & { readonly userId: string }>
  for (const role of ['viewer', 'analyst', 'admin'] as const) {
    const user = await store.users.create({ email: `${role}@example.com`, role })
    const session = generateSessionToken()
    await store.sessions.create({
      tokenHash: session.tokenHash,
      userId: user.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    people[role] = { cookie: `${sessionCookieName}=${session.token}`, origin: testOrigin, userId: user.id }
  }
  return {
    app,
    store,
    keys,
    people,
    close: async () => {
      await app.close()
      await database.dispose()
    },
  }
}
