import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import type { NewWatchlistEntry } from './watchlist-repository.js'

const entry = (kind: string, value: string, normalised: string, more: Partial<NewWatchlistEntry> = {}) => ({
  kind,
  value,
  normalised,
  severity: null,
  note: null,
  source: 'incident 42',
  tlp: 'amber',
  confidence: null,
  addedBy: 'user:admin',
  ...more,
})

describe.each(storeTestTargets())('watchlists on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('creates lists with unique names and counts their entries', async () => {
    const { watchlists } = database.store
    const list = await watchlists.create({ name: 'ring-a', description: 'Ring A', createdBy: 'user:admin' })
    expect(list).toMatchObject({ name: 'ring-a', description: 'Ring A', revision: 1, entries: 0 })
    await expect(watchlists.create({ name: 'ring-a', createdBy: 'user:admin' })).rejects.toMatchObject({
      code: 'conflict',
    })
    await expect(watchlists.create({ name: 'has spaces', createdBy: 'user:admin' })).rejects.toMatchObject({
      code: 'invalid-value',
    })
    expect(await watchlists.find(list.id)).toMatchObject({ name: 'ring-a' })
    expect(await watchlists.find('not-a-uuid')).toBeUndefined()
  })

  it('adds an entry once per kind and normalised value, and bumps the revisions only when something changed', async () => {
    const { watchlists } = database.store
    const list = await watchlists.create({ name: 'ring-b', createdBy: 'user:admin' })
    const before = await watchlists.revision()
    const first = await watchlists.addEntries(list.id, [
      entry('phone', '+1 (415) 555-0100', '+14155550100', { severity: 'critical', tlp: 'red', confidence: 90 }),
      entry('email', 'J.Doe@gmail.com', 'jdoe@gmail.com'),
    ])
    expect(first.added.map((added) => added.normalised)).toEqual(['+14155550100', 'jdoe@gmail.com'])
    expect(first.added[0]).toMatchObject({ severity: 'critical', tlp: 'red', confidence: 90, addedBy: 'user:admin' })
    expect(first.existing).toEqual([])
    expect(await watchlists.revision()).toBe(before + 1)

    const again = await watchlists.addEntries(list.id, [
      entry('phone', '14155550100', '+14155550100'),
      entry('domain', 'front-co.com', 'front-co.com'),
    ])
    expect(again.added.map((added) => added.kind)).toEqual(['domain'])
    expect(again.existing).toMatchObject([{ kind: 'phone', value: '+1 (415) 555-0100', severity: 'critical' }])
    expect(await watchlists.revision()).toBe(before + 2)
    expect(await watchlists.addEntries(list.id, [entry('domain', 'FRONT-CO.com', 'front-co.com')])).toMatchObject({
      added: [],
    })
    expect(await watchlists.revision()).toBe(before + 2)
    expect(await watchlists.find(list.id)).toMatchObject({ revision: 3, entries: 3 })
  })

  it('pages entries newest first, filters by kind, removes one, and leaves TLP:RED out of what may be shared', async () => {
    const { watchlists } = database.store
    const list = await watchlists.create({ name: 'ring-c', createdBy: 'user:admin' })
    await watchlists.addEntries(list.id, [
      entry('email', 'a@x.com', 'a@x.com'),
      entry('email', 'b@x.com', 'b@x.com', { tlp: 'red' }),
      entry('ip', '203.0.113.7', '203.0.113.7'),
    ])
    const first = await watchlists.listEntries(list.id, {}, { limit: 2 })
    expect(first.items.map((item) => item.value)).toEqual(['203.0.113.7', 'b@x.com'])
    const second = await watchlists.listEntries(list.id, {}, { limit: 2, ...{ after: first.nextCursor ?? '' } })
    expect(second.items.map((item) => item.value)).toEqual(['a@x.com'])
    expect(second.nextCursor).toBeUndefined()
    expect((await watchlists.listEntries(list.id, { kind: 'ip' })).items).toHaveLength(1)
    expect((await watchlists.listShareable(list.id)).map((item) => item.value)).toEqual(['a@x.com', '203.0.113.7'])

    const revision = await watchlists.revision()
    const [ip] = (await watchlists.listEntries(list.id, { kind: 'ip' })).items
    expect(await watchlists.removeEntry(list.id, ip?.id ?? 0)).toMatchObject({ value: '203.0.113.7' })
    expect(await watchlists.removeEntry(list.id, ip?.id ?? 0)).toBeUndefined()
    expect(await watchlists.revision()).toBe(revision + 1)
    const snapshot = await watchlists.snapshot()
    expect(snapshot.revision).toBe(revision + 1)
    expect(snapshot.lists.find((item) => item.watchlist.name === 'ring-c')?.entries.map((item) => item.value)).toEqual([
      'a@x.com',
      'b@x.com',
    ])
  })

  it('refuses an entry the schema does not allow', async () => {
    const { watchlists } = database.store
    const list = await watchlists.create({ name: 'ring-d', createdBy: 'user:admin' })
    await expect(watchlists.addEntries(list.id, [entry('fax', '1', '1')])).rejects.toMatchObject({
      code: 'invalid-value',
    })
    await expect(
      watchlists.addEntries(list.id, [entry('email', 'a@x.com', 'a@x.com', { tlp: 'purple' })]),
    ).rejects.toMatchObject({
      code: 'invalid-value',
    })
    expect((await watchlists.find(list.id))?.entries).toBe(0)
  })
})

describe.each(storeTestTargets())('intel sources recorded at start on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('keeps the sources loaded now, with skipped rows and origin, and drops the others', async () => {
    const { intelSources } = database.store
    const fetchedAt = new Date('2026-11-20T06:00:00Z')
    const source = { version: '2026-11-19', sha256: 'a'.repeat(64), entries: 10, fetchedAt }
    await intelSources.replaceAll([
      { kind: 'ofac-sdn', name: 'ofac-sdn', ...source, skipped: 2, origin: 'download' },
      { kind: 'tor-exits', name: 'tor-exits', ...source },
    ])
    const now = await intelSources.replaceAll([
      { kind: 'ofac-sdn', name: 'ofac-sdn', ...source, skipped: 3, origin: 'download' },
      { kind: 'package', name: '@ip-location-db/asn', ...source, origin: 'package' },
    ])
    expect(now.map((item) => [item.kind, item.skipped, item.origin])).toEqual([
      ['ofac-sdn', 3, 'download'],
      ['package', 0, 'package'],
    ])
    expect(await intelSources.list()).toEqual(now)
  })
})
