import type { DataKeyRing } from '../privacy/data-keys.js'
import { StoreError } from './store-error.js'

/** Where the store keeps its data: embedded PGlite (a directory, or memory) or a PostgreSQL server. */
export type StoreTarget =
  | {
      readonly kind: 'pglite'
      /** The data directory; undefined keeps the database in memory (tests, throwaway demos). */
      readonly dataDir: string | undefined
    }
  | { readonly kind: 'postgres'; readonly url: string }

export type StoreOptions = {
  /** A PostgreSQL server, `postgres://user@host:port/database`. Default: the environment's `DATABASE_URL`. */
  readonly databaseUrl?: string
  /** PGlite's data directory when no server is given; omitted (or `memory://`) keeps the database in memory. */
  readonly dataDir?: string
  /** Where `DATABASE_URL` is read; default `process.env`. Pass `{}` to ignore the environment. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Apply pending migrations on open (default true). An application role without DDL rights can pass false. */
  readonly migrate?: boolean
  /** Connections in the server pool (default 10); PGlite has exactly one. */
  readonly maxConnections?: number
  /** Called when an idle server connection fails (the pool drops it and reconnects on demand). */
  readonly onConnectionError?: (error: Error) => void
  /**
   * The keys that encrypt personal data (docs/security.md, "Personal data"). Default: `HIREWALL_DATA_KEYS` and
   * `HIREWALL_IDENTIFIER_KEY` from `env`; `null`, or neither set, stores personal data unencrypted.
   */
  readonly dataKeys?: DataKeyRing | null
}

/**
 * Picks the target: `databaseUrl`, else `DATABASE_URL` from the environment (empty counts as unset), else PGlite in
 * `dataDir` or in memory. Throws a StoreError naming the setting when the URL is not a postgres:// URL.
 */
export function resolveStoreTarget(options: StoreOptions = {}): StoreTarget {
  const env = options.env ?? process.env
  const fromOption = nonEmpty(options.databaseUrl)
  const url = fromOption ?? nonEmpty(env.DATABASE_URL)
  if (url !== undefined)
    return { kind: 'postgres', url: checkUrl(url, fromOption !== undefined ? 'databaseUrl' : 'DATABASE_URL') }
  const dataDir = nonEmpty(options.dataDir)
  return { kind: 'pglite', dataDir: dataDir === 'memory://' ? undefined : dataDir }
}

/** The target for logs and startup banners, with any password in the URL masked. */
export function describeStoreTarget(target: StoreTarget): string {
  switch (target.kind) {
    case 'pglite':
      return target.dataDir === undefined ? 'PGlite (in memory)' : `PGlite (${target.dataDir})`
    case 'postgres': {
      const url = new URL(target.url)
      if (url.password !== '') url.password = '***'
      return `PostgreSQL (${url.toString()})`
    }
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}

function checkUrl(value: string, setting: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new StoreError(
      'invalid-configuration',
      `${setting} is not a URL; expected postgres://user@host:5432/database`,
      {
        target: setting,
      },
    )
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StoreError(
      'invalid-configuration',
      `${setting} must start with postgres:// or postgresql://, not ${url.protocol}//`,
      { target: setting },
    )
  }
  return value
}
