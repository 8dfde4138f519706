import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openStore, type Store } from '../database/open-store.js'
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
      const store = await openStore({ env: {} })
      return { store, options: { env: {} }, dispose: () => store.close() }
    },
  }
  const serverUrl = env.DATABASE_URL?.trim()
  if (serverUrl === undefined || serverUrl === '') return [pglite]
  return [pglite, { name: 'postgres', open: () => openServerDatabase(serverUrl) }]
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
