import { describe, expect, it } from 'vitest'
import { describeStoreTarget, resolveStoreTarget, type StoreOptions, type StoreTarget } from './resolve-store-target.js'
import { StoreError } from './store-error.js'

const server = 'postgres://hirewall@db.internal:5432/hirewall'

describe('resolveStoreTarget', () => {
  it.each<[string, StoreOptions, StoreTarget]>([
    ['PGlite in memory when nothing is set', { env: {} }, { kind: 'pglite', dataDir: undefined }],
    [
      'PGlite in a directory',
      { dataDir: '.hirewall/pgdata', env: {} },
      { kind: 'pglite', dataDir: '.hirewall/pgdata' },
    ],
    ['PGlite in memory for memory://', { dataDir: 'memory://', env: {} }, { kind: 'pglite', dataDir: undefined }],
    ['the server DATABASE_URL names', { env: { DATABASE_URL: server } }, { kind: 'postgres', url: server }],
    [
      'DATABASE_URL over a data directory',
      { dataDir: 'pgdata', env: { DATABASE_URL: server } },
      { kind: 'postgres', url: server },
    ],
    [
      'the databaseUrl option over DATABASE_URL',
      { databaseUrl: 'postgresql://other/db', env: { DATABASE_URL: server } },
      { kind: 'postgres', url: 'postgresql://other/db' },
    ],
    ['an empty DATABASE_URL as unset', { env: { DATABASE_URL: '  ' } }, { kind: 'pglite', dataDir: undefined }],
  ])('picks %s', (_case, options, expected) => {
    expect(resolveStoreTarget(options)).toEqual(expected)
  })

  it.each([
    [
      { env: { DATABASE_URL: 'localhost:5432/db' } },
      'DATABASE_URL must start with postgres:// or postgresql://, not localhost:',
    ],
    [
      { databaseUrl: 'mysql://db/x', env: {} },
      'databaseUrl must start with postgres:// or postgresql://, not mysql://',
    ],
    [{ env: { DATABASE_URL: 'not a url' } }, 'DATABASE_URL is not a URL'],
  ])('refuses %j, naming the setting', (options, message) => {
    expect(() => resolveStoreTarget(options)).toThrow(StoreError)
    expect(() => resolveStoreTarget(options)).toThrow(message)
  })
})

describe('describeStoreTarget', () => {
  it.each<[StoreTarget, string]>([
    [{ kind: 'pglite', dataDir: undefined }, 'PGlite (in memory)'],
    [{ kind: 'pglite', dataDir: 'pgdata' }, 'PGlite (pgdata)'],
    [{ kind: 'postgres', url: 'postgres://app:s3cret@db:5432/hw' }, 'PostgreSQL (postgres://app:***@db:5432/hw)'],
    [{ kind: 'postgres', url: server }, `PostgreSQL (${server})`],
  ])('describes %j without its password', (target, expected) => {
    expect(describeStoreTarget(target)).toBe(expected)
  })
})
