import { Migrator, type Kysely } from 'kysely'
import { StoreError } from '../database/store-error.js'
import { storeMigrationProvider } from './store-migrations.js'

/** The names of the migrations this call applied (empty when the database was already current). */
export type MigrationReport = { readonly applied: readonly string[] }

/**
 * Applies every pending migration in one transaction. Safe when several processes open one database at once:
 * Kysely's migrator holds a PostgreSQL advisory lock while it reads the applied migrations and runs the rest, so a
 * second process waits, then finds nothing left to do. A failed migration rolls back and throws a StoreError naming it.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider: storeMigrationProvider })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'before any migration ran'
    throw new StoreError('migration-failed', `Migration ${failed} failed: ${errorMessage(error)}`, { cause: error })
  }
  return { applied: results.filter((result) => result.status === 'Success').map((result) => result.migrationName) }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
