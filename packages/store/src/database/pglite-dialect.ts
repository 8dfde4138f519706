import type { PGlite } from '@electric-sql/pglite'
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'

/** How the dialect gets its PGlite instance: one already open, or a function that opens it on first use. */
export type PGliteDialectConfig = {
  readonly pglite: PGlite | (() => Promise<PGlite>)
  /** Close the instance when Kysely is destroyed (the default: the dialect owns it). */
  readonly closeOnDestroy?: boolean
}

/**
 * Kysely on embedded PGlite (WASM PostgreSQL), with the PostgreSQL compiler, adapter and introspector: the same SQL
 * runs on PGlite and on a server. Written here because the published PGlite dialects do not support PGlite 0.5.
 * PGlite has one session, so the driver hands out its single connection to one holder at a time: a transaction
 * owns it until commit or rollback, and other queries wait their turn.
 */
export class PGliteDialect implements Dialect {
  readonly #config: PGliteDialectConfig

  constructor(config: PGliteDialectConfig) {
    this.#config = config
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#config)
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler()
  }

  createAdapter(): PostgresAdapter {
    return new PostgresAdapter()
  }

  createIntrospector(db: Kysely<unknown>): PostgresIntrospector {
    return new PostgresIntrospector(db)
  }
}

class PGliteDriver implements Driver {
  readonly #config: PGliteDialectConfig
  #connection: PGliteConnection | undefined
  // The tail of the queue of holders: each acquirer waits for the previous holder's release.
  #queue: Promise<void> = Promise.resolve()
  #release: (() => void) | undefined

  constructor(config: PGliteDialectConfig) {
    this.#config = config
  }

  async init(): Promise<void> {
    const pglite = typeof this.#config.pglite === 'function' ? await this.#config.pglite() : this.#config.pglite
    await pglite.waitReady
    this.#connection = new PGliteConnection(pglite)
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = this.#connection
    if (!connection) throw new Error('PGlite driver used before init or after destroy')
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const previous = this.#queue
    this.#queue = previous.then(() => released)
    await previous
    this.#release = release
    return connection
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const modes = [
      settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : '',
      settings.accessMode ?? '',
    ].filter((mode) => mode !== '')
    await connection.executeQuery(
      CompiledQuery.raw(modes.length > 0 ? `start transaction ${modes.join(' ')}` : 'begin'),
    )
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`))
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`))
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`))
  }

  releaseConnection(): Promise<void> {
    const release = this.#release
    this.#release = undefined
    release?.()
    return Promise.resolve()
  }

  async destroy(): Promise<void> {
    const connection = this.#connection
    this.#connection = undefined
    // Let the current holder and everyone queued behind it finish before closing.
    await this.#queue
    if (connection && this.#config.closeOnDestroy !== false) await connection.pglite.close()
  }
}

class PGliteConnection implements DatabaseConnection {
  readonly pglite: PGlite

  constructor(pglite: PGlite) {
    this.pglite = pglite
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters], { rowMode: 'object' })
    return { rows: result.rows, numAffectedRows: BigInt(result.affectedRows ?? 0) }
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    // PGlite has no cursors over its single session: run the query, then hand the rows out in chunks.
    const { rows } = await this.executeQuery<R>(compiledQuery)
    for (let start = 0; start < rows.length; start += chunkSize) yield { rows: rows.slice(start, start + chunkSize) }
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
