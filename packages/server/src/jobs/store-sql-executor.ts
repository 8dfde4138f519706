import type { Store } from '@hirewall/store'
import { CompiledQuery } from 'kysely'
import { splitSqlStatements } from './split-sql-statements.js'

/** What pg-boss asks of a database (its `db` option): one statement with values, or a script without. */
export type SqlExecutor = {
  executeSql(text: string, values?: readonly unknown[]): Promise<{ rows: unknown[] }>
}

/**
 * pg-boss's statements over the store's own Kysely instance, so the queue uses the store's pool on a server and takes
 * its turn on PGlite's single session instead of opening connections of its own. A script of several statements
 * (pg-boss's schema and maintenance, wrapped in BEGIN ... COMMIT) runs statement by statement on one connection, and
 * a failure rolls back what it began, so the connection goes back to the pool clean.
 */
export function storeSqlExecutor(db: Store['db']): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      if (values.length > 0) {
        const result = await db.executeQuery(CompiledQuery.raw(text, values.map(toParameter)))
        return { rows: result.rows }
      }
      const statements = splitSqlStatements(text)
      if (statements.length <= 1) {
        const result = await db.executeQuery(CompiledQuery.raw(statements[0] ?? text))
        return { rows: result.rows }
      }
      return db.connection().execute(async (connection) => {
        let rows: unknown[] = []
        try {
          for (const statement of statements) {
            rows = (await connection.executeQuery(CompiledQuery.raw(statement))).rows
          }
        } catch (error) {
          await connection.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined)
          throw error
        }
        return { rows }
      })
    },
  }
}

// The pg driver sends undefined as null and plain objects as JSON; PGlite is given the same values.
function toParameter(value: unknown): unknown {
  if (value === undefined) return null
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value) || value instanceof Date || value instanceof Uint8Array) return value
  return JSON.stringify(value)
}
