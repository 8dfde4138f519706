import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'

const sha = (digit: string): string => digit.repeat(64)

describe.each(storeTestTargets())('intel sources on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('keeps one row per source, replaced by each new version', async () => {
    const { intelSources } = database.store
    const fetchedAt = new Date('2026-11-20T06:00:00Z')
    await intelSources.upsert({
      kind: 'ofac-sdn',
      name: 'OFAC SDN',
      version: '2026-11-19',
      sha256: sha('a'),
      entries: 18_201,
      fetchedAt,
    })
    await intelSources.upsert({
      kind: 'tor-exits',
      name: 'Tor exits',
      version: '2026-11-20',
      sha256: sha('b'),
      entries: 1_204,
      fetchedAt,
    })
    const updated = await intelSources.upsert({
      kind: 'ofac-sdn',
      name: 'OFAC SDN',
      version: '2026-11-20',
      sha256: sha('c'),
      entries: 18_214,
      fetchedAt,
    })
    expect(updated).toMatchObject({ version: '2026-11-20', sha256: sha('c'), entries: 18_214, fetchedAt })
    expect((await intelSources.list()).map((source) => [source.kind, source.version])).toEqual([
      ['ofac-sdn', '2026-11-20'],
      ['tor-exits', '2026-11-20'],
    ])
  })

  it.each([
    ['a checksum that is not SHA-256 hex', { sha256: 'ABC' }],
    ['a negative entry count', { entries: -1 }],
  ])('refuses %s', async (_case, change) => {
    await expect(
      database.store.intelSources.upsert({
        kind: 'watchlist',
        name: 'internal',
        version: '1',
        sha256: sha('d'),
        entries: 1,
        fetchedAt: new Date(),
        ...change,
      }),
    ).rejects.toMatchObject({ code: 'invalid-value' })
  })
})
