import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'

const minute = 60_000

describe.each(storeTestTargets())('pending single sign-ons on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  const pending = (stateHash: string, expiresAt: Date) => ({
    stateHash,
    nonce: `nonce-${stateHash}`,
    codeVerifier: `verifier-${stateHash}`,
    returnTo: '/applications/42',
    expiresAt,
  })

  it('gives an attempt back once, then never again (a replayed callback finds nothing)', async () => {
    const { oidcSignIns } = database.store
    const attempt = pending('state-1', new Date(Date.now() + 10 * minute))
    await oidcSignIns.create(attempt)
    expect(await oidcSignIns.take('state-1', new Date())).toEqual(attempt)
    expect(await oidcSignIns.take('state-1', new Date())).toBeUndefined()
    expect(await oidcSignIns.take('state-unknown', new Date())).toBeUndefined()
  })

  it('does not give back an expired attempt, and removes it all the same', async () => {
    const { oidcSignIns } = database.store
    const expiresAt = new Date(Date.now() + minute)
    await oidcSignIns.create(pending('state-2', expiresAt))
    expect(await oidcSignIns.take('state-2', new Date(expiresAt.getTime() + 1))).toBeUndefined()
    await oidcSignIns.create(pending('state-2', expiresAt))
    expect(await oidcSignIns.take('state-2', new Date())).toMatchObject({ stateHash: 'state-2' })
  })

  it('deletes the attempts abandoned at the provider', async () => {
    const { oidcSignIns } = database.store
    const now = Date.now()
    await oidcSignIns.create(pending('old-1', new Date(now - 2 * minute)))
    await oidcSignIns.create(pending('old-2', new Date(now - minute)))
    await oidcSignIns.create(pending('current', new Date(now + minute)))
    expect(await oidcSignIns.deleteExpired(new Date(now))).toBe(2)
    expect(await oidcSignIns.take('current', new Date(now))).toMatchObject({ returnTo: '/applications/42' })
  })
})
