import type { Kysely, RawBuilder } from 'kysely'

/**
 * Runs a migration's statements one at a time, in order: PGlite's extended protocol takes one statement per query,
 * and one statement per builder keeps an error pointing at the statement that failed.
 */
export async function runStatements(db: Kysely<unknown>, statements: readonly RawBuilder<unknown>[]): Promise<void> {
  for (const statement of statements) await statement.execute(db)
}
