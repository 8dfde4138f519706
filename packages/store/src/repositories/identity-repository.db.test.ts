import type { Identifier } from '@hirewall/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aRecord } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'

const phone: Identifier = { kind: 'phone', value: '+14155550132', display: '(415) 555-0132' }
const email: Identifier = { kind: 'email', value: 'jordanmiller@gmail.com', display: 'Jordan.Miller@gmail.com' }

describe.each(storeTestTargets())('the identity graph on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
    for (const id of ['id-1', 'id-2', 'id-3', 'id-4']) {
      await database.store.applications.submit({ record: aRecord(id), raw: {} })
    }
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('records identifiers once and finds the applications that share one, earliest first', async () => {
    const { identity } = database.store
    await identity.addIdentifiers('id-1', [phone, email])
    await identity.addIdentifiers('id-1', [phone])
    await identity.addIdentifiers('id-2', [phone])
    await identity.addIdentifiers('id-3', [])
    expect(await identity.identifiersOf('id-1')).toEqual([email, phone])
    expect(await identity.applicationsWith(phone)).toEqual(['id-1', 'id-2'])
    expect(await identity.applicationsWith(phone, 1)).toEqual(['id-1'])
    expect(await identity.applicationsWith({ kind: 'phone', value: '+10000000000' })).toEqual([])
  })

  it('refuses identifiers of an application that is not stored', async () => {
    await expect(database.store.identity.addIdentifiers('id-missing', [phone])).rejects.toMatchObject({
      code: 'invalid-reference',
    })
  })

  it('merges clusters: members move to the surviving cluster and the emptied one is deleted', async () => {
    const { identity } = database.store
    await identity.assignCluster({
      clusterId: 'cluster:id-1',
      applicationIds: ['id-1', 'id-2'],
      claimedPeople: 1,
      isRing: false,
    })
    await identity.assignCluster({
      clusterId: 'cluster:id-3',
      applicationIds: ['id-3', 'id-4'],
      claimedPeople: 1,
      isRing: false,
    })
    await identity.assignCluster({
      clusterId: 'cluster:id-1',
      applicationIds: ['id-1', 'id-2', 'id-3', 'id-4'],
      claimedPeople: 2,
      isRing: true,
    })
    expect(await identity.cluster('cluster:id-1')).toMatchObject({
      applicationIds: ['id-1', 'id-2', 'id-3', 'id-4'],
      claimedPeople: 2,
      isRing: true,
    })
    expect(await identity.cluster('cluster:id-3')).toBeUndefined()
    expect(await identity.clusterOf('id-4')).toBe('cluster:id-1')
    expect(await identity.clusterOf('id-missing')).toBeUndefined()
  })

  it('lists the identifiers two or more of the given applications share, one row per carrier', async () => {
    const { identity } = database.store
    const device: Identifier = { kind: 'device', value: 'dev-7', display: 'DEV-7' }
    const cvText: Identifier = { kind: 'cv-text', value: '', display: 'CV text' }
    await identity.addIdentifiers('id-3', [device, email, cvText])
    await identity.addIdentifiers('id-4', [device, cvText])
    expect(await identity.sharedIdentifiers(['id-1', 'id-2', 'id-3', 'id-4'])).toEqual([
      { applicationId: 'id-3', kind: 'device', value: 'dev-7' },
      { applicationId: 'id-4', kind: 'device', value: 'dev-7' },
      { applicationId: 'id-1', kind: 'email', value: email.value },
      { applicationId: 'id-3', kind: 'email', value: email.value },
      { applicationId: 'id-1', kind: 'phone', value: phone.value },
      { applicationId: 'id-2', kind: 'phone', value: phone.value },
    ])
    // Shared with an application outside the set does not count.
    expect(await identity.sharedIdentifiers(['id-2', 'id-3'])).toEqual([])
    expect(await identity.sharedIdentifiers([])).toEqual([])
  })
})
