import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'

describe.each(storeTestTargets())('large columns on $name', ({ name, open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('compress with lz4 on a server that has it, and keep the default where it is missing', async () => {
    const { rows } = await sql<{ table: string; column: string; compression: string }>`
      select c.relname as "table", a.attname as "column", a.attcompression as compression
      from pg_attribute a join pg_class c on c.oid = a.attrelid
      where (c.relname, a.attname) in (('applications', 'raw'), ('applications', 'record'), ('applications', 'facts'),
        ('screening_results', 'signals'), ('outbox_events', 'payload'))`.execute(database.store.db)
    expect(rows).toHaveLength(5)
    // 'l' is lz4; '' is the server's default (pglz). PGlite is built without lz4, the Debian server with it.
    for (const row of rows) expect(row.compression).toBe(name === 'postgres' ? 'l' : '')
  })

  it('stores and reads back a large document the same', async () => {
    const document = { text: 'lorem ipsum '.repeat(2_000), list: Array.from({ length: 500 }, (_, i) => ({ i })) }
    const { rows } = await sql<{ same: boolean }>`
      with written as (insert into outbox_events (type, payload) values ('test.large', ${JSON.stringify(document)}::jsonb)
        returning payload)
      select payload = ${JSON.stringify(document)}::jsonb as same from written`.execute(database.store.db)
    expect(rows[0]?.same).toBe(true)
  })
})
