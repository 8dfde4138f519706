import type { Kysely, Selectable } from 'kysely'
import type { Database, IntelSourcesTable } from '../database/database-schema.js'
import { translatingErrors } from '../database/store-error.js'

/** A reference source in use: which version was loaded, its checksum and size. Results cite it in `dataVersions`. */
export type IntelSourceRecord = {
  /** An intel kind (`ofac-sdn`, `world-universities`...). */
  readonly kind: string
  readonly name: string
  readonly version: string
  /** Lower-case hex SHA-256 of the source's files as loaded. */
  readonly sha256: string
  readonly entries: number
  readonly fetchedAt: Date
  /** When this version was recorded here. */
  readonly loadedAt: Date
}

export type IntelSourceRepository = {
  /** Records the source's current version (one row per kind and name); an `invalid-value` StoreError for a bad sha256. */
  upsert(source: Omit<IntelSourceRecord, 'loadedAt'>): Promise<IntelSourceRecord>
  /** Every source, by kind then name. */
  list(): Promise<readonly IntelSourceRecord[]>
}

export function createIntelSourceRepository(db: Kysely<Database>): IntelSourceRepository {
  return {
    upsert: (source) =>
      translatingErrors(async () => {
        const values = {
          version: source.version,
          sha256: source.sha256,
          entries: source.entries,
          fetched_at: source.fetchedAt,
          loaded_at: new Date(),
        }
        const row = await db
          .insertInto('intel_sources')
          .values({ kind: source.kind, name: source.name, ...values })
          .onConflict((conflict) => conflict.columns(['kind', 'name']).doUpdateSet(values))
          .returningAll()
          .executeTakeFirstOrThrow()
        return toIntelSource(row)
      }),
    list: async () =>
      (await db.selectFrom('intel_sources').selectAll().orderBy('kind').orderBy('name').execute()).map(toIntelSource),
  }
}

function toIntelSource(row: Selectable<IntelSourcesTable>): IntelSourceRecord {
  return {
    kind: row.kind,
    name: row.name,
    version: row.version,
    sha256: row.sha256,
    entries: row.entries,
    fetchedAt: row.fetched_at,
    loadedAt: row.loaded_at,
  }
}
