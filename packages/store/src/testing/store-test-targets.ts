import { createHash, randomBytes } from 'node:crypto'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely } from 'kysely'
import pg from 'pg'
import type { Database } from '../database/database-schema.js'
import { createPGlite, openStore, openStoreOn, type Store } from '../database/open-store.js'
import { PGliteDialect } from '../database/pglite-dialect.js'
import { storeMigrations } from '../migrations/store-migrations.js'
import type { StoreOptions } from '../database/resolve-store-target.js'

/** A fresh, migrated, empty database for one test file, and how to open more stores on it or throw it away. */
export type TestDatabase = {
  readonly store: Store
  /** Options that open another store on the same database (server only: PGlite's single session is taken). */
  readonly options: StoreOptions
  /** Closes the store and, on a server, drops the database. */
  readonly dispose: () => Promise<void>
}

/**
 * How long a test file may take to open its database: booting PGlite's WASM takes seconds, and many on a busy machine.
 * Pass it to `beforeAll`.
 */
export const openTimeoutMs = 180_000

/** Where storage tests run: always PGlite in memory, and also the server `DATABASE_URL` names when it is set. */
export type StoreTestTarget = {
  readonly name: 'pglite' | 'postgres'
  readonly open: () => Promise<TestDatabase>
}

/**
 * The targets of `*.db.test.ts` files: `describe.each(storeTestTargets())('... on $name', ...)` runs the same test
 * bodies on each. On the server every `open()` creates its own database, `hirewall_test_<random>`, and `dispose()`
 * drops it, so runs and test files never see each other's rows.
 */
export function storeTestTargets(
  env: Readonly<Record<string, string | undefined>> = process.env,
): readonly StoreTestTarget[] {
  const pglite: StoreTestTarget = {
    name: 'pglite',
    open: async () => {
      const store = await openMigratedPGlite()
      return { store, options: { env: {} }, dispose: () => store.close() }
    },
  }
  const serverUrl = env.DATABASE_URL?.trim()
  if (serverUrl === undefined || serverUrl === '') return [pglite]
  return [pglite, { name: 'postgres', open: () => openServerDatabase(serverUrl) }]
}

/**
 * A PGlite store in memory, started from a dump of a freshly migrated database when an earlier test run left one in
 * the system's temporary directory: loading a dump skips PGlite's initdb, seconds per test file. The dump's name is a
 * hash of the migrations' code, so a changed migration gets a new dump.
 */
async function openMigratedPGlite(): Promise<Store> {
  const migrationsHash = createHash('sha256')
    .update(
      Object.entries(storeMigrations)
        .map(([name, migration]) => `${name}\n${migration.up.toString()}`)
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 16)
  const dumpFile = join(tmpdir(), `hirewall-store-pglite-${migrationsHash}.tar.gz`)
  let dump = await readFile(dumpFile).catch(() => undefined)
  // A dump another PGlite version cannot read is replaced: boot from scratch and write a new one.
  const pglite = await createPGlite(undefined, dump === undefined ? {} : { loadDataDir: new Blob([dump]) }).catch(
    () => {
      dump = undefined
      return createPGlite(undefined)
    },
  )
  const store = await openStoreOn(new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) }), {
    kind: 'pglite',
    dataDir: undefined,
  })
  if (dump === undefined) {
    const fresh = await pglite.dumpDataDir('gzip')
    // Written aside, then renamed: test files running in parallel never read half a dump.
    const partial = `${dumpFile}.${process.pid}.partial`
    await writeFile(partial, Buffer.from(await fresh.arrayBuffer()))
    await rename(partial, dumpFile)
  }
  return store
}

async function openServerDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `hirewall_test_${randomBytes(6).toString('hex')}`
  await administer(serverUrl, `create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const options: StoreOptions = { databaseUrl: url.toString(), env: {}, maxConnections: 8 }
  try {
    const store = await openStore(options)
    return {
      store,
      options,
      dispose: async () => {
        await store.close()
        await administer(serverUrl, `drop database if exists ${name} with (force)`)
      },
    }
  } catch (error) {
    await administer(serverUrl, `drop database if exists ${name} with (force)`)
    throw error
  }
}

// CREATE and DROP DATABASE cannot run in a transaction or a pool's session: one short-lived client each.
async function administer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
