import { PGlite, type PGliteOptions } from '@electric-sql/pglite'
import { Kysely, PostgresDialect, type Dialect } from 'kysely'
import pg from 'pg'
import { migrateToLatest, type MigrationReport } from '../migrations/migrate-to-latest.js'
import { readDataKeyRing } from '../privacy/data-keys.js'
import { createPersonalDataCipher, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { createRepositories, type Repositories } from '../repositories/repositories.js'
import type { Database } from './database-schema.js'
import { PGliteDialect } from './pglite-dialect.js'
import { resolveStoreTarget, type StoreOptions, type StoreTarget } from './resolve-store-target.js'

/** PostgreSQL's type id of int8 (bigint): identities and counts. */
const int8TypeId = 20

/**
 * The system of record: every repository, a transaction helper, and the Kysely instance underneath for queries no
 * repository offers yet.
 */
export type Store = Repositories & {
  readonly target: StoreTarget
  /** What opening applied; empty when the database was current. */
  readonly migrations: MigrationReport
  readonly db: Kysely<Database>
  /** Encrypts personal data for the repositories; `isEncrypting` is false for a store opened without keys. */
  readonly cipher: PersonalDataCipher
  /**
   * Runs `work` in one transaction with repositories bound to it: it commits when `work` resolves and rolls back when
   * it throws. Use the repositories it is given, never the store's own, inside `work` (on PGlite the store's
   * own would wait for this very transaction to end).
   */
  transaction<Result>(work: (repositories: Repositories) => Promise<Result>): Promise<Result>
  /** Waits for running queries, then closes the pool or the PGlite instance. */
  close(): Promise<void>
}

/**
 * Opens the store on embedded PGlite (the default) or on the server `DATABASE_URL` names, then applies pending
 * migrations (see `StoreOptions` and `resolveStoreTarget` for how the target is chosen).
 */
export function openStore(options: StoreOptions = {}): Promise<Store> {
  const target = resolveStoreTarget(options)
  return openStoreOn(new Kysely<Database>({ dialect: createDialect(target, options) }), target, options)
}

/** The store over a Kysely instance already made for `target`; closes it when migrating fails. */
export async function openStoreOn(
  db: Kysely<Database>,
  target: StoreTarget,
  options: Pick<StoreOptions, 'migrate' | 'dataKeys' | 'env'> = {},
): Promise<Store> {
  try {
    const cipher = createPersonalDataCipher(
      options.dataKeys === undefined ? readDataKeyRing(options.env ?? process.env) : (options.dataKeys ?? undefined),
    )
    const migrations = options.migrate === false ? { applied: [] } : await migrateToLatest(db as Kysely<unknown>)
    return {
      ...createRepositories(db, cipher),
      target,
      migrations,
      db,
      cipher,
      transaction: (work) => db.transaction().execute((transaction) => work(createRepositories(transaction, cipher))),
      close: () => db.destroy(),
    }
  } catch (error) {
    await db.destroy()
    throw error
  }
}

/** A PGlite instance that reads values as the server driver does (bigint as number, on both targets). */
export function createPGlite(
  dataDir: string | undefined,
  options: Omit<PGliteOptions, 'parsers'> = {},
): Promise<PGlite> {
  return PGlite.create(dataDir, { ...options, parsers: { [int8TypeId]: (value) => Number(value) } })
}

function createDialect(target: StoreTarget, options: StoreOptions): Dialect {
  switch (target.kind) {
    case 'pglite':
      return new PGliteDialect({ pglite: () => createPGlite(target.dataDir) })
    case 'postgres':
      return new PostgresDialect({
        pool: () => {
          const pool = new pg.Pool({
            connectionString: target.url,
            max: options.maxConnections ?? 10,
            types: serverTypes(),
          })
          // Without a listener an idle connection's error (a server restart) would crash the process.
          pool.on('error', (error) => options.onConnectionError?.(error))
          // The same for a connection checked out between two queries (a transaction, a job): the pool listens only
          // to idle ones. The broken connection then fails its next query and is not returned to the pool.
          pool.on('connect', (client) => client.on('error', (error) => options.onConnectionError?.(error)))
          return Promise.resolve(pool)
        },
      })
  }
}

/** The server's type parsers with int8 read as a number, as on PGlite. */
function serverTypes(): pg.TypeOverrides {
  const types = new pg.TypeOverrides()
  types.setTypeParser(int8TypeId, 'text', (value) => Number(value))
  return types
}
