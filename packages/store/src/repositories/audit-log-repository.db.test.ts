import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { grantApplicationRole } from '../database/grant-application-role.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import type { AuditEntry } from './audit-log-repository.js'
import type { Page } from './page.js'

describe.each(storeTestTargets())('the audit log on $name', ({ name, open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
    for (let index = 0; index < 7; index++) {
      await database.store.audit.append({
        actor: index % 2 === 0 ? 'user:ana' : 'api-key:hw_live_ab12',
        action: index < 5 ? 'applications.exported' : 'decision.recorded',
        target: `application:a-${index}`,
        details: { index, filters: { outcome: ['hold'] } },
      })
    }
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('appends entries with their details and lists them newest first, a page at a time', async () => {
    const pages: Page<AuditEntry>[] = []
    let after: string | undefined
    for (let count = 0; count < 10; count++) {
      const page = await database.store.audit.list({}, { limit: 3, ...(after === undefined ? {} : { after }) })
      pages.push(page)
      after = page.nextCursor
      if (after === undefined) break
    }
    const entries = pages.flatMap((page) => page.items)
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1])
    expect(entries.map((entry) => entry.details.index)).toEqual([6, 5, 4, 3, 2, 1, 0])
    expect(entries[0]).toMatchObject({
      actor: 'user:ana',
      action: 'decision.recorded',
      target: 'application:a-6',
      details: { index: 6, filters: { outcome: ['hold'] } },
    })
    expect(entries[0]?.at).toBeInstanceOf(Date)
  })

  it.each([
    [{ actor: 'api-key:hw_live_ab12' }, [5, 3, 1]],
    [{ action: 'decision.recorded' }, [6, 5]],
    [{ target: 'application:a-2' }, [2]],
    [{ actor: 'user:ana', action: 'applications.exported' }, [4, 2, 0]],
  ])('filters by %j', async (filter, indexes) => {
    const { items } = await database.store.audit.list(filter)
    expect(items.map((entry) => entry.details.index)).toEqual(indexes)
  })

  it.each([
    ['UPDATE', sql`update audit_log set actor = 'someone else'`, 'update is not allowed'],
    ['DELETE', sql`delete from audit_log`, 'delete is not allowed'],
    ['TRUNCATE', sql`truncate audit_log`, 'truncate is not allowed'],
  ])('refuses %s, even to the table owner', async (_statement, statement, message) => {
    await expect(statement.execute(database.store.db)).rejects.toThrow(`table audit_log is append-only: ${message}`)
    expect((await database.store.audit.list()).items).toHaveLength(7)
  })

  it.runIf(name === 'postgres')(
    'lets the application role insert and read entries but not update, delete or truncate them',
    async () => {
      const role = `hirewall_app_${randomBytes(4).toString('hex')}`
      const { db } = database.store
      await sql`create role ${sql.id(role)} nologin`.execute(db)
      try {
        await grantApplicationRole(db, role)
        const asRole = async (statement: ReturnType<typeof sql>): Promise<unknown> =>
          db.transaction().execute(async (transaction) => {
            await sql`set local role ${sql.id(role)}`.execute(transaction)
            return statement.execute(transaction)
          })
        await asRole(sql`insert into audit_log (actor, action) values ('user:role', 'role.inserted')`)
        await expect(asRole(sql`select count(*) from audit_log`)).resolves.toBeDefined()
        for (const statement of [
          sql`update audit_log set actor = 'x'`,
          sql`delete from audit_log`,
          sql`truncate audit_log`,
          sql`alter table audit_log disable trigger audit_log_append_only`,
          sql`update screening_results set score = 0`,
          sql`update employee_assessments set score = 0`,
        ]) {
          await expect(asRole(statement)).rejects.toThrow(/permission denied|must be owner/)
        }
        await expect(asRole(sql`update applications set latest_version = latest_version`)).resolves.toBeDefined()
      } finally {
        await sql`drop owned by ${sql.id(role)}`.execute(db)
        await sql`drop role ${sql.id(role)}`.execute(db)
      }
    },
  )
})
