import { normaliseApplication, type ApplicationRecord } from '@hirewall/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { openStore } from '../database/open-store.js'
import { aRecord, screen } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import type { NewScreenedApplication } from './screening-batch-repository.js'

function screened(record: ApplicationRecord, linkSeq: number): NewScreenedApplication {
  return {
    record,
    raw: { id: record.id },
    facts: normaliseApplication(record),
    idempotencyKey: `api:${record.id}`,
    linkSeq,
    identitySignals: [],
    identifiers: [],
    result: screen(record),
  }
}

describe.each(storeTestTargets())('linking on $name', ({ name, open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
    const { store } = database
    // Inserted out of link order: reads must follow link_seq, not insertion.
    await store.screeningBatches.insertScreened([screened(aRecord('l-3'), 3), screened(aRecord('l-1'), 1)], new Date())
    await store.screeningBatches.insertScreened([screened(aRecord('l-2'), 2)], new Date())
    await store.applications.submit({ record: aRecord('unlinked'), raw: {} })
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('replays linked applications in link order, a page at a time, with their records and facts', async () => {
    const { linking } = database.store
    const all = await linking.linkedAfter(0, 10)
    expect(all.map((row) => [row.id, row.linkSeq])).toEqual([
      ['l-1', 1],
      ['l-2', 2],
      ['l-3', 3],
    ])
    expect(all[0]?.record).toEqual(aRecord('l-1'))
    expect(all[0]?.facts).toEqual(JSON.parse(JSON.stringify(normaliseApplication(aRecord('l-1')))))
    expect((await linking.linkedAfter(1, 1)).map((row) => row.id)).toEqual(['l-2'])
    expect(await linking.linkedAfter(3, 10)).toEqual([])
    expect(await linking.lastLinkSeq()).toBe(3)
  })

  it('finds applications already stored by idempotency key or by id', async () => {
    const taken = await database.store.linking.findTaken({
      idempotencyKeys: ['api:l-1', 'api:nobody'],
      ids: ['unlinked', 'nobody'],
    })
    expect(taken.map((row) => [row.id, row.idempotencyKey, row.latestVersion]).sort()).toEqual([
      ['l-1', 'api:l-1', 1],
      ['unlinked', 'api:unlinked', 0],
    ])
    expect(await database.store.linking.findTaken({ idempotencyKeys: [], ids: [] })).toEqual([])
  })

  it('refuses a duplicate link_seq, so two processes can never both link at one place in the order', async () => {
    await expect(
      database.store.screeningBatches.insertScreened([screened(aRecord('l-dup'), 2)], new Date()),
    ).rejects.toMatchObject({ code: 'conflict' })
    expect(await database.store.applications.find('l-dup')).toBeUndefined()
  })

  it('takes the lock only inside a transaction', async () => {
    await expect(database.store.linking.lock()).rejects.toThrow(/transaction/)
  })

  it('holds the lock until the transaction that took it ends', async () => {
    const { store } = database
    // On a server the second holder is another store (another pool); PGlite has one session anyway.
    const other = name === 'postgres' ? await openStore(database.options) : store
    try {
      const events: string[] = []
      let release: () => void = () => undefined
      const held = new Promise<void>((resolve) => (release = resolve))
      let locked: () => void = () => undefined
      const isLocked = new Promise<void>((resolve) => (locked = resolve))
      const first = store.transaction(async (repositories) => {
        await repositories.linking.lock()
        events.push('first locked')
        locked()
        await held
        events.push('first ends')
      })
      await isLocked
      const second = other.transaction(async (repositories) => {
        await repositories.linking.lock()
        events.push('second locked')
      })
      // On a server, wait until PostgreSQL shows the second transaction waiting for the advisory lock.
      if (name === 'postgres') await waitForLockWaiter(database)
      release()
      await Promise.all([first, second])
      expect(events).toEqual(['first locked', 'first ends', 'second locked'])
    } finally {
      if (other !== store) await other.close()
    }
  })
})

async function waitForLockWaiter(database: TestDatabase): Promise<void> {
  const probe = await openStore(database.options)
  try {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const { rows } = await sql<{ waiting: number }>`select count(*)::int as waiting from pg_locks
        where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`.execute(
        probe.db,
      )
      if ((rows[0]?.waiting ?? 0) > 0) return
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error('the second transaction never waited for the linking lock')
  } finally {
    await probe.close()
  }
}
