import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'

describe.each(storeTestTargets())('webhook subscriptions on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('creates, lists, disables and enables a subscription', async () => {
    const { webhookSubscriptions } = database.store
    const created = await webhookSubscriptions.create({
      url: 'https://hooks.example.com/hirewall',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      eventTypes: ['screening.completed', 'case.decided', 'case.decided'],
      description: 'SIEM',
      createdBy: 'user:admin',
    })
    expect(created).toMatchObject({ eventTypes: ['screening.completed', 'case.decided'], disabledAt: null })
    expect(await webhookSubscriptions.find(created.id)).toEqual(created)
    expect(await webhookSubscriptions.list()).toEqual([created])
    expect((await webhookSubscriptions.disable(created.id)).disabledAt).toBeInstanceOf(Date)
    expect((await webhookSubscriptions.enable(created.id)).disabledAt).toBeNull()
  })

  it.each([
    ['a URL that is not http(s)', { url: 'ftp://example.com/x', eventTypes: ['*'] }],
    ['no event types', { url: 'https://example.com/x', eventTypes: [] }],
  ])('refuses %s', async (_case, change) => {
    await expect(
      database.store.webhookSubscriptions.create({ secret: 's', createdBy: 'user:admin', ...change }),
    ).rejects.toMatchObject({ code: 'invalid-value' })
  })

  it('rotates the secret, keeping the previous one for a while or dropping it at once', async () => {
    const { webhookSubscriptions, outbox } = database.store
    const created = await webhookSubscriptions.create({
      url: 'https://hooks.example.com/rotate',
      secret: 'whsec_first',
      eventTypes: ['rotation.test'],
      createdBy: 'user:admin',
    })
    expect(created).toMatchObject({ previousSecret: null, previousSecretExpiresAt: null })
    const rotated = await webhookSubscriptions.rotateSecret(created.id, { secret: 'whsec_second' })
    expect(rotated).toMatchObject({ secret: 'whsec_second', previousSecret: 'whsec_first' })
    const hoursLeft = ((rotated.previousSecretExpiresAt?.getTime() ?? 0) - Date.now()) / 3_600_000
    expect(hoursLeft).toBeGreaterThan(23)
    expect(hoursLeft).toBeLessThanOrEqual(24)
    await outbox.enqueue({ type: 'rotation.test', payload: {} })
    const [claimed] = await outbox.claimDue()
    expect(claimed).toMatchObject({ secret: 'whsec_second', previousSecret: 'whsec_first' })

    const leaked = await webhookSubscriptions.rotateSecret(created.id, { secret: 'whsec_third', keepPreviousForMs: 0 })
    expect(leaked).toMatchObject({ secret: 'whsec_third', previousSecret: null, previousSecretExpiresAt: null })
    await outbox.enqueue({ type: 'rotation.test', payload: {} })
    const [afterLeak] = await outbox.claimDue()
    expect(afterLeak).toMatchObject({ secret: 'whsec_third', previousSecret: null })
    await expect(webhookSubscriptions.rotateSecret('nope', { secret: 'whsec_x' })).rejects.toMatchObject({
      code: 'not-found',
    })
  })

  it('reports an unknown subscription', async () => {
    expect(await database.store.webhookSubscriptions.find('nope')).toBeUndefined()
    await expect(database.store.webhookSubscriptions.disable('nope')).rejects.toMatchObject({ code: 'not-found' })
  })
})
