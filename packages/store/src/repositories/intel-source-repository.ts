import type { Kysely, Selectable } from 'kysely'
import type { Database, IntelSourcesTable } from '../database/database-schema.js'
import { inTransaction } from '../database/in-transaction.js'
import { StoreError, translatingErrors } from '../database/store-error.js'

/** A reference source in use: which version was loaded, its checksum and size. Results cite it in `dataVersions`. */
export type IntelSourceRecord = {
  /** An intel kind (`ofac-sdn`, `world-universities`...). */
  readonly kind: string
  readonly name: string
  readonly version: string
  /** Lower-case hex SHA-256 of the source's files as loaded. */
  readonly sha256: string
  readonly entries: number
  /** Rows of the files the parser skipped (bad or repeated rows); 0 when none or not known. */
  readonly skipped: number
  /** `download` (`hirewall intel update`), `import` (a file the user gave) or `package` (shipped in an npm package). */
  readonly origin: 'download' | 'import' | 'package'
  readonly fetchedAt: Date
  /** When this version was recorded here. */
  readonly loadedAt: Date
}

/** A source to record; `skipped` and `origin` default to 0 and `import`. */
export type NewIntelSource = Omit<IntelSourceRecord, 'loadedAt' | 'skipped' | 'origin'> &
  Partial<Pick<IntelSourceRecord, 'skipped' | 'origin'>>

export type IntelSourceRepository = {
  /** Records the source's current version (one row per kind and name); an `invalid-value` StoreError for a bad sha256. */
  upsert(source: NewIntelSource): Promise<IntelSourceRecord>
  /**
   * Records the sources a process loaded, in one transaction: each is upserted and the rows of sources it did not
   * load are removed, so the table lists what screening uses now.
   */
  replaceAll(sources: readonly NewIntelSource[]): Promise<readonly IntelSourceRecord[]>
  /** Every source, by kind then name. */
  list(): Promise<readonly IntelSourceRecord[]>
}

export function createIntelSourceRepository(db: Kysely<Database>): IntelSourceRepository {
  const upsert = async (database: Kysely<Database>, source: NewIntelSource): Promise<IntelSourceRecord> => {
    const values = {
      version: source.version,
      sha256: source.sha256,
      entries: source.entries,
      skipped: source.skipped ?? 0,
      origin: source.origin ?? 'import',
      fetched_at: source.fetchedAt,
      loaded_at: new Date(),
    }
    const row = await database
      .insertInto('intel_sources')
      .values({ kind: source.kind, name: source.name, ...values })
      .onConflict((conflict) => conflict.columns(['kind', 'name']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow()
    return toIntelSource(row)
  }
  return {
    upsert: (source) => translatingErrors(() => upsert(db, source)),
    replaceAll: (sources) =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          const recorded: IntelSourceRecord[] = []
          for (const source of sources) recorded.push(await upsert(transaction, source))
          const kept = new Set(recorded.map((source) => `${source.kind}\u0000${source.name}`))
          for (const row of await transaction.selectFrom('intel_sources').select(['kind', 'name']).execute()) {
            if (kept.has(`${row.kind}\u0000${row.name}`)) continue
            await transaction
              .deleteFrom('intel_sources')
              .where('kind', '=', row.kind)
              .where('name', '=', row.name)
              .execute()
          }
          return listAll(transaction)
        }),
      ),
    list: () => listAll(db),
  }
}

async function listAll(db: Kysely<Database>): Promise<readonly IntelSourceRecord[]> {
  return (await db.selectFrom('intel_sources').selectAll().orderBy('kind').orderBy('name').execute()).map(toIntelSource)
}

function toIntelSource(row: Selectable<IntelSourcesTable>): IntelSourceRecord {
  return {
    kind: row.kind,
    name: row.name,
    version: row.version,
    sha256: row.sha256,
    entries: row.entries,
    skipped: row.skipped,
    origin: readOrigin(row.origin),
    fetchedAt: row.fetched_at,
    loadedAt: row.loaded_at,
  }
}

function readOrigin(origin: string): IntelSourceRecord['origin'] {
  if (origin === 'download' || origin === 'import' || origin === 'package') return origin
  throw new StoreError('invalid-data', `intel_sources.origin holds "${origin}", not download, import or package`)
}
