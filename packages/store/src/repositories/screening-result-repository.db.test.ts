import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aRecord, aRiskyRecord, screen } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'

describe.each(storeTestTargets())('screening results on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('appends versions 1, 2, 3 and reports the previous outcome each time', async () => {
    const { store } = database
    const clean = aRecord('api:versions')
    await store.applications.submit({ record: clean, raw: {} })
    const first = await store.results.append(screen(clean))
    const risky = screen(aRiskyRecord('api:versions'))
    const second = await store.results.append(risky, 'rescreen')
    const third = await store.results.append(screen(clean), 'rescreen')

    expect([first, second, third].map(({ result }) => result.version)).toEqual([1, 2, 3])
    expect(first.previous).toBeUndefined()
    expect(second.previous).toEqual({ version: 1, score: first.result.score, outcome: 'clear' })
    expect(third.previous).toEqual({ version: 2, score: risky.score, outcome: 'hold' })
    expect(second.result).toMatchObject({ ...risky, trigger: 'rescreen' })
    expect(await store.results.latest('api:versions')).toEqual(third.result)
    expect((await store.results.history('api:versions')).map((result) => result.version)).toEqual([1, 2, 3])
    expect((await store.applications.find('api:versions'))?.latestVersion).toBe(3)
  })

  it('keeps the signals, their evidence, the versions and the cluster exactly', async () => {
    const { store } = database
    const record = aRiskyRecord('api:exact')
    await store.applications.submit({ record, raw: {} })
    const result = { ...screen(record), clusterId: 'cluster:api:exact', modelVersion: 'lr-2026.11' }
    await store.results.append(result)
    const stored = await store.results.latest('api:exact')
    expect(stored).toMatchObject(JSON.parse(JSON.stringify(result)) as object)
    expect(stored?.dataVersions).toEqual({ 'test email domains': '2026.1' })
    expect(stored?.signals.length).toBeGreaterThan(2)
  })

  it('gives concurrent appends distinct consecutive versions', async () => {
    const { store } = database
    const record = aRecord('api:concurrent')
    await store.applications.submit({ record, raw: {} })
    const appended = await Promise.all(Array.from({ length: 8 }, () => store.results.append(screen(record))))
    expect(appended.map(({ result }) => result.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect((await store.results.latest('api:concurrent'))?.version).toBe(8)
  })

  it('refuses a result for an application that is not stored', async () => {
    await expect(database.store.results.append(screen(aRecord('api:missing')))).rejects.toMatchObject({
      code: 'not-found',
      target: 'applicationId',
    })
  })

  it('has no result before the first screening', async () => {
    await database.store.applications.submit({ record: aRecord('api:unscreened'), raw: {} })
    expect(await database.store.results.latest('api:unscreened')).toBeUndefined()
    expect(await database.store.results.history('api:unscreened')).toEqual([])
  })

  it('refuses to update a stored result', async () => {
    await expect(
      sql`update screening_results set score = 0 where application_id = 'api:versions'`.execute(database.store.db),
    ).rejects.toThrow('table screening_results is append-only: update is not allowed')
  })
})
