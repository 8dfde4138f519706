import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storeMigrations } from '../migrations/store-migrations.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import { openStore } from './open-store.js'
import { toJson } from './json-text.js'

const migrationNames = Object.keys(storeMigrations)

describe.each(storeTestTargets())('openStore on $name', ({ name, open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('has run every migration, in order', async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by timestamp, name`.execute(
      database.store.db,
    )
    expect(rows.map((row) => row.name)).toEqual(migrationNames)
  })

  it('creates every table the schema declares', async () => {
    const tables = await database.store.db.introspection.getTables()
    expect(tables.map((table) => table.name).sort()).toEqual(
      [
        'api_keys',
        'application_identifiers',
        'applications',
        'ats_hires',
        'ats_webhook_receipts',
        'audit_log',
        'cases',
        'cluster_members',
        'clusters',
        'decisions',
        'employee_assessments',
        'employees',
        'import_job_inputs',
        'import_job_rows',
        'import_jobs',
        'import_uploads',
        'intel_sources',
        'job_progress',
        'model_activations',
        'oidc_sign_ins',
        'outbox_events',
        'policy_versions',
        'retention_policies',
        'risk_models',
        'screening_results',
        'sessions',
        'sharing_exports',
        'taxii_objects',
        'users',
        'watchlist_entries',
        'watchlist_revision',
        'watchlists',
        'webhook_deliveries',
        'webhook_subscriptions',
        'workforce_records',
      ].sort(),
    )
  })

  it.each([
    ['a jsonb object', sql<unknown>`${toJson({ a: [1, 'two'] })}::jsonb`, { a: [1, 'two'] }],
    ['a jsonb array', sql<unknown>`${toJson([1, { b: null }])}::jsonb`, [1, { b: null }]],
    ['a jsonb string', sql<unknown>`${toJson('x"y')}::jsonb`, 'x"y'],
    ['a text array', sql<unknown>`${['a', 'b"c', 'd,e']}::text[]`, ['a', 'b"c', 'd,e']],
    ['a bigint', sql<unknown>`9007199254740991::bigint`, 9007199254740991],
    ['a double', sql<unknown>`${12.5}::float8`, 12.5],
    [
      'a timestamptz',
      sql<unknown>`${new Date('2026-03-02T15:04:05.123Z')}::timestamptz(3)`,
      new Date('2026-03-02T15:04:05.123Z'),
    ],
    ['a uuid', sql<unknown>`'5f0c7f8e-1d2a-4b3c-9d4e-5f6a7b8c9d0e'::uuid`, '5f0c7f8e-1d2a-4b3c-9d4e-5f6a7b8c9d0e'],
  ])('reads back %s the same way on both drivers', async (_kind, expression, expected) => {
    const { rows } = await sql<{ value: unknown }>`select ${expression} as value`.execute(database.store.db)
    expect(rows[0]?.value).toEqual(expected)
  })

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const { store } = database
    await store.transaction((repositories) => repositories.audit.append({ actor: 'system:test', action: 'kept' }))
    await expect(
      store.transaction(async (repositories) => {
        await repositories.audit.append({ actor: 'system:test', action: 'rolled-back' })
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    const actions = (await store.audit.list()).items.map((entry) => entry.action)
    expect(actions).toContain('kept')
    expect(actions).not.toContain('rolled-back')
  })

  it.runIf(name === 'postgres')(
    'lets several processes open one empty database at once: each migration runs once',
    async () => {
      const url = new URL(database.options.databaseUrl ?? '')
      const emptyName = `${url.pathname.slice(1)}_empty`
      url.pathname = `/${emptyName}`
      const empty = url.toString()
      await sql`create database ${sql.id(emptyName)}`.execute(database.store.db)
      try {
        const stores = await Promise.all(
          [0, 1, 2].map(() => openStore({ databaseUrl: empty, env: {}, maxConnections: 2 })),
        )
        const applied = stores.map((store) => store.migrations.applied)
        const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
          stores[0]!.db,
        )
        await Promise.all(stores.map((store) => store.close()))
        // Exactly one opener applied the migrations; the others waited on the lock and found nothing left to do.
        expect(applied.flat().sort()).toEqual(migrationNames)
        expect(applied.filter((names) => names.length > 0)).toHaveLength(1)
        expect(rows.map((row) => row.name)).toEqual(migrationNames)
      } finally {
        await sql`drop database if exists ${sql.id(emptyName)} with (force)`.execute(database.store.db)
      }
    },
  )
})

describe('openStore on a PGlite data directory', () => {
  let directory: string
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hirewall-store-'))
  })
  afterAll(() => rm(directory, { recursive: true, force: true }))

  it('keeps the data across restarts and migrates only once', { timeout: 2 * openTimeoutMs }, async () => {
    const dataDir = join(directory, 'pgdata')
    const first = await openStore({ dataDir, env: {} })
    await first.audit.append({ actor: 'system:test', action: 'before-restart' })
    await first.close()
    const second = await openStore({ dataDir, env: {} })
    try {
      expect(first.migrations.applied).toEqual(migrationNames)
      expect(second.migrations.applied).toEqual([])
      expect((await second.audit.list()).items.map((entry) => entry.action)).toEqual(['before-restart'])
    } finally {
      await second.close()
    }
  })
})
