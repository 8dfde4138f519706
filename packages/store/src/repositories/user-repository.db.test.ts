import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'

describe.each(storeTestTargets())('users on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('creates a user with a one-time password and finds them by email in any case', async () => {
    const { users } = database.store
    expect(await users.count()).toBe(0)
    const admin = await users.create({
      email: ' Admin@Example.COM ',
      role: 'admin',
      passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
      mustChangePassword: true,
    })
    expect(admin).toMatchObject({
      email: 'admin@example.com',
      role: 'admin',
      mustChangePassword: true,
      hasPassword: true,
    })
    expect(await users.findByEmail('ADMIN@example.com')).toEqual(admin)
    expect(await users.findCredentials('admin@example.com')).toEqual({
      user: admin,
      passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
    })
    expect(await users.count()).toBe(1)
  })

  it('refuses a second user with the same email', async () => {
    await database.store.users.create({ email: 'ana@example.com', role: 'analyst' })
    await expect(database.store.users.create({ email: 'ANA@example.com', role: 'viewer' })).rejects.toMatchObject({
      code: 'conflict',
    })
  })

  it('changes the password, the role and the last sign-in, and disables without deleting', async () => {
    const { users } = database.store
    const user = await users.create({ email: 'ben@example.com', role: 'viewer' })
    expect(user.hasPassword).toBe(false)
    expect(await users.setPassword(user.id, 'hash-2')).toMatchObject({ hasPassword: true, mustChangePassword: false })
    expect(await users.setRole(user.id, 'analyst')).toMatchObject({ role: 'analyst' })
    await users.recordLogin(user.id)
    expect((await users.find(user.id))?.lastLoginAt).toBeInstanceOf(Date)
    const disabled = await users.disable(user.id)
    expect(disabled.disabledAt).toBeInstanceOf(Date)
    expect((await users.list()).map((listed) => listed.email)).toContain('ben@example.com')
  })

  it('removes a one-time password for a person who signs in only through single sign-on', async () => {
    const { users } = database.store
    const user = await users.create({
      email: 'sso@example.com',
      role: 'viewer',
      passwordHash: 'h',
      mustChangePassword: true,
    })
    const after = await users.removePassword(user.id)
    expect(after).toMatchObject({ hasPassword: false, mustChangePassword: false })
    expect(await users.findCredentials('sso@example.com')).toEqual({ user: after, passwordHash: null })
  })

  it.each([
    ['an unknown role', { email: 'x@example.com', role: 'owner' as 'admin' }],
    ['an email without @', { email: 'not-an-email', role: 'viewer' as const }],
  ])('refuses %s', async (_case, user) => {
    await expect(database.store.users.create(user)).rejects.toMatchObject({ code: 'invalid-value' })
  })

  it('reports an unknown user', async () => {
    expect(await database.store.users.find('not-a-uuid')).toBeUndefined()
    await expect(database.store.users.setRole('00000000-0000-4000-8000-000000000000', 'admin')).rejects.toMatchObject({
      code: 'not-found',
    })
  })
})
