import { normaliseApplication } from '@hirewall/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aRecord } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import { defaultIdempotencyKey } from './application-repository.js'

describe.each(storeTestTargets())('applications on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('stores the raw payload, the canonical record and its normalised facts', async () => {
    const record = aRecord('greenhouse:101', {
      source: { system: 'greenhouse', applicationId: '101', candidateId: 'c-9' },
    })
    const raw = { action: 'new_candidate_application', payload: { application: { id: 101, tags: ['a', 'b'] } } }
    const { status, application } = await database.store.applications.submit({ record, raw })
    expect(status).toBe('created')
    expect(application).toMatchObject({
      id: 'greenhouse:101',
      idempotencyKey: 'greenhouse:101',
      sourceSystem: 'greenhouse',
      externalId: '101',
      requisitionId: 'req-1',
      submittedAt: new Date('2026-03-02T15:04:05Z'),
      raw,
      record,
      latestVersion: 0,
    })
    expect(application.facts).toEqual(JSON.parse(JSON.stringify(normaliseApplication(record))))
    expect(await database.store.applications.find('greenhouse:101')).toEqual(application)
    expect(await database.store.applications.findByIdempotencyKey('greenhouse:101')).toEqual(application)
  })

  it('keeps a raw payload that is the record itself once: the column is null and reads back as the record', async () => {
    const record = aRecord('api:same-raw', { source: { system: 'api', applicationId: 'same-raw' } })
    const { application } = await database.store.applications.submit({ record, raw: record })
    expect(application.raw).toEqual(record)
    expect((await database.store.applications.find('api:same-raw'))?.raw).toEqual(record)
    const { rows } = await sql<{ raw: unknown }>`select raw from applications where id = 'api:same-raw'`.execute(
      database.store.db,
    )
    expect(rows).toEqual([{ raw: null }])
    // An equal but separate payload is not assumed to be the record: it is kept as sent.
    const copy = aRecord('api:copied-raw', { source: { system: 'api', applicationId: 'copied-raw' } })
    await database.store.applications.submit({ record: copy, raw: structuredClone(copy) })
    const kept = await sql<{ raw: unknown }>`select raw from applications where id = 'api:copied-raw'`.execute(
      database.store.db,
    )
    expect(kept.rows[0]?.raw).not.toBeNull()
  })

  it.each([
    [
      'the application id in the source',
      aRecord('r-1', { source: { system: 'lever', applicationId: 'A7' } }),
      'lever:A7',
    ],
    ['the record id without one', aRecord('r-2', { source: { system: 'csv' } }), 'csv:r-2'],
  ])('keys by source system and %s by default', (_case, record, key) => {
    expect(defaultIdempotencyKey(record)).toBe(key)
  })

  it('returns the stored application for a repeated submission and stores nothing new', async () => {
    const record = aRecord('api:repeat', { source: { system: 'api', applicationId: 'repeat' } })
    const first = await database.store.applications.submit({ record, raw: { n: 1 } })
    const again = await database.store.applications.submit({
      record: { ...record, cv: { basics: { name: 'Someone Else' } } },
      raw: { n: 2 },
    })
    expect(again).toEqual({ status: 'existing', application: first.application })
  })

  it('stores one row when the same key is submitted concurrently', async () => {
    const submissions = Array.from({ length: 16 }, (_, index) =>
      database.store.applications.submit({
        record: aRecord(`api:race-${index}`),
        raw: { attempt: index },
        idempotencyKey: 'race-key',
      }),
    )
    const outcomes = await Promise.all(submissions)
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from applications
      where idempotency_key = 'race-key'`.execute(database.store.db)
    expect(rows[0]?.count).toBe(1)
    expect(outcomes.filter((outcome) => outcome.status === 'created')).toHaveLength(1)
    expect(new Set(outcomes.map((outcome) => outcome.application.id)).size).toBe(1)
  })

  it('refuses an id already stored under another idempotency key', async () => {
    await database.store.applications.submit({ record: aRecord('api:same-id'), raw: {}, idempotencyKey: 'key-1' })
    await expect(
      database.store.applications.submit({ record: aRecord('api:same-id'), raw: {}, idempotencyKey: 'key-2' }),
    ).rejects.toMatchObject({ name: 'StoreError', code: 'conflict', target: 'applications_pkey' })
  })

  it('finds nothing for an unknown id or key', async () => {
    expect(await database.store.applications.find('api:nobody')).toBeUndefined()
    expect(await database.store.applications.findByIdempotencyKey('nobody')).toBeUndefined()
  })
})
