import type { Kysely } from 'kysely'
import type { Database } from './database-schema.js'

/**
 * Runs `work` in the caller's transaction when there is one, else in a new one: a repository operation that must be
 * atomic stays atomic on its own and joins the server's `store.transaction` when called inside it.
 */
export function inTransaction<Result>(
  db: Kysely<Database>,
  work: (transaction: Kysely<Database>) => Promise<Result>,
): Promise<Result> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}
