import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import type { User } from './user-repository.js'

const inAnHour = (): Date => new Date(Date.now() + 3_600_000)

describe.each(storeTestTargets())('sessions on $name', ({ open }) => {
  let database: TestDatabase
  let user: User
  beforeAll(async () => {
    database = await open()
    user = await database.store.users.create({ email: 'ana@example.com', role: 'analyst', passwordHash: 'h' })
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('finds an active session with its user by the token hash', async () => {
    const { sessions } = database.store
    const session = await sessions.create({
      tokenHash: 'token-1',
      userId: user.id,
      expiresAt: inAnHour(),
      ip: '203.0.113.9',
    })
    expect(await sessions.findActive('token-1')).toEqual({ session, user })
    expect(await sessions.findActive('token-unknown')).toBeUndefined()
  })

  it.each([
    [
      'expired',
      async () =>
        database.store.sessions.create({
          tokenHash: 'expired',
          userId: user.id,
          expiresAt: new Date(Date.now() - 1000),
        }),
    ],
    [
      'revoked',
      async () => {
        const session = await database.store.sessions.create({
          tokenHash: 'revoked',
          userId: user.id,
          expiresAt: inAnHour(),
        })
        await database.store.sessions.revoke(session.id)
        return session
      },
    ],
  ])('does not find a session that is %s', async (tokenHash, make) => {
    await make()
    expect(await database.store.sessions.findActive(tokenHash)).toBeUndefined()
  })

  it('slides the expiry on activity', async () => {
    const { sessions } = database.store
    const session = await sessions.create({
      tokenHash: 'sliding',
      userId: user.id,
      expiresAt: new Date(Date.now() + 1000),
    })
    const later = new Date(Date.now() + 7_200_000)
    await sessions.touch(session.id, later)
    expect((await sessions.findActive('sliding', new Date(Date.now() + 3_600_000)))?.session.expiresAt).toEqual(later)
  })

  it('signs a user out everywhere and refuses the sessions of disabled users', async () => {
    const { sessions, users } = database.store
    const other = await users.create({ email: 'cy@example.com', role: 'viewer' })
    await sessions.create({ tokenHash: 'cy-1', userId: other.id, expiresAt: inAnHour() })
    await sessions.create({ tokenHash: 'cy-2', userId: other.id, expiresAt: inAnHour() })
    expect(await sessions.revokeAllFor(other.id)).toBe(2)
    expect(await sessions.findActive('cy-1')).toBeUndefined()
    await sessions.create({ tokenHash: 'cy-3', userId: other.id, expiresAt: inAnHour() })
    await users.disable(other.id)
    expect(await sessions.findActive('cy-3')).toBeUndefined()
  })

  it('refuses a session for a user who does not exist', async () => {
    await expect(
      database.store.sessions.create({
        tokenHash: 't',
        userId: '00000000-0000-4000-8000-000000000000',
        expiresAt: inAnHour(),
      }),
    ).rejects.toMatchObject({ code: 'invalid-reference' })
  })
})
