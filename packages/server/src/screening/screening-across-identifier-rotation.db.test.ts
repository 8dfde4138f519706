import { defaultScoringPolicy } from '@hirewall/core'
import {
  createPersonalDataCipher,
  createRepositories,
  generateDataKey,
  generateIdentifierKey,
  openTimeoutMs,
  rotateDataKeys,
  storeTestTargets,
  type DataKeyRing,
  type Store,
  type TestDatabase,
} from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aRingMember, testReference } from '../testing/application-fixtures.js'
import { affectedApplications } from '../watchlists/affected-applications.js'
import { createScreeningService } from './create-screening-service.js'
import type { ScreeningService } from './screening-service.js'

const dataKey = generateDataKey('screening-data')
const bare = { id: undefined, key: generateIdentifierKey('unused').key }
const next = generateIdentifierKey('i2')
const before: DataKeyRing = { dataKeys: [dataKey], identifierKey: bare.key }
const during: DataKeyRing = { dataKeys: [dataKey], identifierKey: next.key, identifierKeys: [next, bare] }
const after: DataKeyRing = { dataKeys: [dataKey], identifierKey: next.key, identifierKeys: [next] }
const phone = '+1 415 555 0163'

/** The test database's store as a process configured with `ring` sees it (PGlite has one session: share it). */
function storeWith(store: Store, ring: DataKeyRing): Store {
  const cipher = createPersonalDataCipher(ring)
  return {
    ...store,
    ...createRepositories(store.db, cipher),
    cipher,
    transaction: (work) =>
      store.db.transaction().execute((transaction) => work(createRepositories(transaction, cipher))),
    close: () => Promise.resolve(),
  }
}

describe.each(storeTestTargets())('screening across an identifier key rotation on $name', ({ open }) => {
  let database: TestDatabase
  let service: ScreeningService | undefined
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(async () => {
    await service?.close()
    await database.dispose()
  })

  const restartWith = async (ring: DataKeyRing): Promise<Store> => {
    await service?.close()
    const store = storeWith(database.store, ring)
    service = await createScreeningService({ store, policy: defaultScoringPolicy, reference: testReference })
    return store
  }
  const submit = async (id: string, name: string) => {
    const outcome = await service!.submit({ record: aRingMember(id, name, phone), raw: {}, actor: 'api-key:test' })
    return outcome.result
  }

  it('links applications sharing a phone before, during and after the rotation, and finds them by hash', async () => {
    await restartWith(before)
    await submit('rot-a0', 'Drew Holloway')
    await submit('rot-a1', 'Avery Stone')
    const oldHash = await database.store.db
      .selectFrom('application_identifiers')
      .select('value')
      .where('application_id', '=', 'rot-a1')
      .where('kind', '=', 'phone')
      .executeTakeFirstOrThrow()
    expect(oldHash.value).toMatch(/^h1:[A-Za-z0-9_-]+$/)

    // Every process restarts with the new key first; the rotation stops after its first page (rot-a0).
    const rotating = await restartWith(during)
    const stop = new Error('stopped')
    await expect(
      rotateDataKeys(rotating, {
        actor: 'system:test',
        pageSize: 1,
        onPage: () => {
          throw stop
        },
      }),
    ).rejects.toBe(stop)
    const b = await submit('rot-b', 'Blake Rivers')
    expect(b.signals.map((signal) => signal.code)).toContain('identity.shared.phone')
    expect(b.clusterId).toBe('cluster:rot-a0')
    expect(await rotating.identity.applicationsWith({ kind: 'phone', value: '+14155550163' })).toEqual([
      'rot-a0',
      'rot-a1',
      'rot-b',
    ])
    // A watchlist entry added now re-screens the applications under either key.
    expect(await affectedApplications(rotating, [{ kind: 'phone', value: phone }])).toEqual({
      scope: 'some',
      applicationIds: ['rot-a0', 'rot-a1', 'rot-b'],
    })
    expect(
      (await rotating.identity.sharedIdentifiers(['rot-a1', 'rot-b'])).filter((row) => row.kind === 'phone'),
    ).toEqual([
      { applicationId: 'rot-a1', kind: 'phone', value: '+14155550163' },
      { applicationId: 'rot-b', kind: 'phone', value: '+14155550163' },
    ])

    // The rotation finishes; the old key is removed and the service restarts, rebuilding its memory from the store.
    await rotateDataKeys(rotating, { actor: 'system:test', after: 'rot-a0' })
    const done = await restartWith(after)
    const c = await submit('rot-c', 'Casey Marsh')
    expect(c.clusterId).toBe('cluster:rot-a0')
    expect(c.signals.find((signal) => signal.code === 'identity.shared.phone')?.evidence).toMatchObject({
      otherPeople: 3,
    })
    expect(await done.identity.applicationsWith({ kind: 'phone', value: '+14155550163' })).toEqual([
      'rot-a0',
      'rot-a1',
      'rot-b',
      'rot-c',
    ])
    const values = await database.store.db.selectFrom('application_identifiers').select('value').execute()
    for (const row of values) expect(row.value).toMatch(/^h1:i2:/)
  })
})
