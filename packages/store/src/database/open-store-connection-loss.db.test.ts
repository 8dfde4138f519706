import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import { openStore, type Store } from './open-store.js'

// PGlite has no connections to lose: the server target only.
const serverTargets = storeTestTargets().filter((target) => target.name === 'postgres')

describe.runIf(serverTargets.length > 0).each(serverTargets)('a lost connection on $name', ({ open }) => {
  let database: TestDatabase
  let store: Store
  const connectionErrors: Error[] = []
  beforeAll(async () => {
    database = await open()
    store = await openStore({
      ...database.options,
      maxConnections: 2,
      onConnectionError: (error) => connectionErrors.push(error),
    })
  }, openTimeoutMs)
  afterAll(async () => {
    await store?.close()
    await database?.dispose()
  })

  it('does not crash the process when a connection checked out between two queries is ended (a server restart)', async () => {
    const outcome = store.db.transaction().execute(async (transaction) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(transaction)
      // What a restart does to every session: ended by the server while the client holds it between two queries.
      await sql`select pg_terminate_backend(${rows[0]?.pid})`.execute(database.store.db)
      await sleep(300)
      await sql`select 1`.execute(transaction)
    })
    await expect(outcome).rejects.toThrow()
    expect(connectionErrors.map((error) => (error as { code?: string }).code)).toContain('57P01')
    // The broken connection was not handed back: the next queries get a new one.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await store.users.count()).toBe(0)
    }
  })
})
