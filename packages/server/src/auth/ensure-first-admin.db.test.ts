import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, openTimeoutMs, storeTestTargets, type Store, type TestDatabase } from '@hirewall/store'
import { ensureFirstAdmin, type FirstAdmin } from './ensure-first-admin.js'
import { verifyPassword } from './password-hash.js'

describe.each(storeTestTargets())('ensureFirstAdmin on $name', (target) => {
  let database: TestDatabase
  // Another "process": on a server, a second store with its own connections; PGlite has a single session.
  let other: Store
  beforeAll(async () => {
    database = await target.open()
    other = target.name === 'postgres' ? await openStore(database.options) : database.store
  }, openTimeoutMs)
  afterAll(async () => {
    if (other !== database.store) await other.close()
    await database.dispose()
  })

  it('creates exactly one admin when several starts race on an empty store', async () => {
    const stores = [database.store, other, database.store, other, database.store, other]
    const results = await Promise.all(
      stores.map((store, index) => ensureFirstAdmin(store, { email: `admin${index}@example.com` })),
    )
    const created = results.filter((result): result is Extract<FirstAdmin, { status: 'created' }> => {
      return result.status === 'created'
    })
    expect(created).toHaveLength(1)
    expect(results.filter((result) => result.status === 'existing')).toHaveLength(stores.length - 1)
    expect(await database.store.users.count()).toBe(1)

    const [first] = created
    expect(first?.user).toMatchObject({ role: 'admin', mustChangePassword: true, disabledAt: null })
    const credentials = await database.store.users.findCredentials(first?.user.email ?? '')
    expect(credentials?.passwordHash).toMatch(/^\$argon2id\$/)
    expect(await verifyPassword(credentials?.passwordHash ?? undefined, first?.oneTimePassword ?? '')).toBe(true)
    const audit = await database.store.audit.list({ action: 'user.created' })
    expect(audit.items).toHaveLength(1)
    expect(audit.items[0]).toMatchObject({ actor: 'system:first-start', target: `user:${first?.user.id}` })
    expect(JSON.stringify(audit.items)).not.toContain(first?.oneTimePassword)
  })

  it('does nothing once any user exists', async () => {
    expect(await ensureFirstAdmin(database.store, { email: 'late@example.com' })).toEqual({
      status: 'existing',
      userCount: 1,
    })
    expect(await database.store.users.findByEmail('late@example.com')).toBeUndefined()
  })
})
