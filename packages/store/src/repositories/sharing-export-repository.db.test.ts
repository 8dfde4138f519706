import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aRecord } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import type { NewSharingExport, PublishedObject } from './sharing-export-repository.js'

const indicatorId = 'indicator--6f0c8d0e-1c1e-4d8a-9f4e-3d1c2b0a9e8f'
const observableId = 'email-addr--1b0c8d0e-1c1e-5d8a-9f4e-3d1c2b0a9e8f'

function anExport(published: readonly PublishedObject[], overrides: Partial<NewSharingExport> = {}): NewSharingExport {
  return {
    format: 'stix',
    tlp: 'amber',
    isHashed: false,
    keyFingerprint: null,
    selection: {},
    actor: 'user:admin',
    indicatorCount: 1,
    withheldCount: 0,
    objectCount: published.length,
    document: { type: 'bundle', objects: published },
    published,
    audit: { action: 'sharing.exported', details: { format: 'stix' } },
    ...overrides,
  }
}

describe.each(storeTestTargets())('sharing exports and TAXII objects on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('finds applications confirmed by their own verdict or their cluster, leaving out one cleared on its own', async () => {
    const { store } = database
    for (const id of ['c-1', 'c-2', 'c-3', 'solo', 'later-cleared', 'never']) {
      await store.applications.submit({ record: aRecord(id), raw: {} })
    }
    await store.identity.assignCluster({
      clusterId: 'cluster:c-1',
      applicationIds: ['c-1', 'c-2', 'c-3'],
      claimedPeople: 3,
      isRing: true,
    })
    const decide = (kind: 'application' | 'cluster', id: string, verdict: 'confirmed-fraud' | 'cleared') =>
      store.decisions.record({ subject: { kind, id }, verdict, reason: 'test', actor: 'user:analyst' })
    const before = new Date(Date.now() - 1000)
    await decide('cluster', 'cluster:c-1', 'confirmed-fraud')
    await decide('application', 'c-3', 'cleared')
    await decide('application', 'solo', 'confirmed-fraud')
    await decide('application', 'later-cleared', 'confirmed-fraud')
    await decide('application', 'later-cleared', 'cleared')

    const all = await store.sharingExports.confirmedFraud()
    expect(all.map((item) => item.applicationId).sort()).toEqual(['c-1', 'c-2', 'solo'])
    expect(all.find((item) => item.applicationId === 'c-2')?.decision).toMatchObject({
      subjectKind: 'cluster',
      subjectId: 'cluster:c-1',
    })
    const cluster = await store.sharingExports.confirmedFraud({ clusterId: 'cluster:c-1' })
    expect(cluster.map((item) => item.applicationId).sort()).toEqual(['c-1', 'c-2'])
    expect(await store.sharingExports.confirmedFraud({ decidedBefore: before })).toEqual([])
    expect((await store.sharingExports.confirmedFraud({ decidedFrom: before })).length).toBe(3)
  })

  it('adds each object version once per collection, with date_added growing across exports', async () => {
    const { store } = database
    const observable = { type: 'email-addr', id: observableId, value: 'x@front-co.com' }
    const version = (modified: string) => ({
      type: 'indicator',
      id: indicatorId,
      spec_version: '2.1',
      created: '2026-11-01T00:00:00.000Z',
      modified,
    })
    const first = await store.sharingExports.record(anExport([observable, version('2026-11-01T00:00:00.000Z')]))
    await store.sharingExports.record(anExport([observable, version('2026-11-02T00:00:00.000Z')]))
    await store.sharingExports.record(anExport([observable, version('2026-11-02T00:00:00.000Z')], { tlp: 'green' }))

    const amber = await store.taxiiObjects.objects({ collection: 'amber', versions: ['all'], limit: 10 })
    expect(amber.items.map((item) => [item.id, item.version])).toEqual([
      [observableId, amber.items[0]?.dateAdded],
      [indicatorId, '2026-11-01T00:00:00.000Z'],
      [indicatorId, '2026-11-02T00:00:00.000Z'],
    ])
    const added = amber.items.map((item) => item.dateAdded)
    expect([...added].sort()).toEqual(added)
    expect(new Set(added).size).toBe(added.length)
    const latest = await store.taxiiObjects.objects({ collection: 'amber', limit: 10 })
    expect(latest.items.map((item) => item.version)).toEqual([added[0], '2026-11-02T00:00:00.000Z'])
    expect(await store.taxiiObjects.collections()).toEqual([
      { collection: 'amber', objectCount: 3 },
      { collection: 'green', objectCount: 2 },
    ])
    const paged = await store.taxiiObjects.objects({ collection: 'amber', versions: ['all'], limit: 2 })
    expect(paged.next).toBeDefined()
    const rest = await store.taxiiObjects.objects({
      collection: 'amber',
      versions: ['all'],
      limit: 2,
      ...(paged.next === undefined ? {} : { next: paged.next }),
    })
    expect([...paged.items, ...rest.items].map((item) => item.dateAdded)).toEqual(added)
    expect(rest.next).toBeUndefined()

    expect((await store.sharingExports.find(first.id))?.document).toMatchObject({ type: 'bundle' })
    expect(await store.sharingExports.find('not-a-uuid')).toBeUndefined()
    const audit = await store.audit.list({ action: 'sharing.exported' })
    expect(audit.items.map((entry) => entry.target)).toContain(`sharing-export:${first.id}`)
  })

  it('refuses TLP:RED and a hashed export without its key fingerprint', async () => {
    const { store } = database
    await expect(store.sharingExports.record(anExport([], { tlp: 'red' as 'amber' }))).rejects.toMatchObject({
      code: 'invalid-value',
    })
    await expect(store.sharingExports.record(anExport([], { isHashed: true }))).rejects.toMatchObject({
      code: 'invalid-value',
    })
  })
})
