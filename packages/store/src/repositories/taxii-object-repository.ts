import { sql, type Expression, type Kysely, type SqlBool } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { decodeCursor, encodeCursor } from './page.js'
import type { ExportTlpLevel } from './sharing-export-repository.js'

/** A collection that has objects: its TLP level, how many object versions it holds, when the first and last were added. */
export type TaxiiCollectionSummary = {
  readonly collection: ExportTlpLevel
  readonly objectCount: number
}

/** Which versions of an object to read (TAXII `match[version]`): `last` (the default), `first`, `all`, or exact times. */
export type TaxiiVersionMatch = 'last' | 'first' | 'all' | { readonly at: string }

export type TaxiiObjectQuery = {
  readonly collection: ExportTlpLevel
  /** Only versions added after this RFC 3339 time. */
  readonly addedAfter?: string
  readonly ids?: readonly string[]
  readonly types?: readonly string[]
  /** Default `['last']`; several are OR-ed. */
  readonly versions?: readonly TaxiiVersionMatch[]
  readonly limit: number
  /** The `next` of the previous page. */
  readonly next?: string
}

/** One object version as stored for TAXII. */
export type TaxiiObjectVersion = {
  readonly id: string
  readonly type: string
  readonly object: Readonly<Record<string, unknown>>
  /** The object's `modified`, else `created`, else (observables) when it was first added; RFC 3339. */
  readonly version: string
  /** RFC 3339 with microseconds; unique and increasing across the server. */
  readonly dateAdded: string
}

export type TaxiiObjectPage = {
  readonly items: readonly TaxiiObjectVersion[]
  /** Set when more versions match after this page. */
  readonly next: string | undefined
}

/**
 * What the read-only TAXII server reads: object versions published by admin exports, by collection, in the order
 * they were added. A `next` cursor is the (date added, sequence) of the last version shown, so paging has no gaps or
 * repeats while exports keep adding. An invalid `next` is an `invalid-cursor` StoreError.
 */
export type TaxiiObjectRepository = {
  collections(): Promise<readonly TaxiiCollectionSummary[]>
  objects(query: TaxiiObjectQuery): Promise<TaxiiObjectPage>
}

const timestampFormat = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`

export function createTaxiiObjectRepository(db: Kysely<Database>): TaxiiObjectRepository {
  return {
    collections: async () => {
      const rows = await db
        .selectFrom('taxii_objects')
        .select((eb) => ['collection', eb.fn.countAll<number | string>().as('count')])
        .groupBy('collection')
        .orderBy('collection')
        .execute()
      return rows.map((row) => ({ collection: row.collection, objectCount: Number(row.count) }))
    },
    objects: async (query) => {
      let select = db
        .selectFrom('taxii_objects as o')
        .select([
          'o.seq',
          'o.object_id',
          'o.object_type',
          'o.object',
          sql<string>`to_char(o.date_added at time zone 'UTC', ${sql.raw(timestampFormat)})`.as('date_added_text'),
          sql<string>`to_char(o.version at time zone 'UTC', ${sql.raw(timestampFormat)})`.as('version_text'),
        ])
        .where('o.collection', '=', query.collection)
      if (query.addedAfter !== undefined) {
        select = select.where(sql<SqlBool>`o.date_added > ${query.addedAfter}::timestamptz`)
      }
      if (query.ids !== undefined) select = select.where('o.object_id', 'in', [...query.ids])
      if (query.types !== undefined) select = select.where('o.object_type', 'in', [...query.types])
      const versions = query.versions ?? ['last']
      if (!versions.includes('all')) {
        select = select.where((eb) =>
          eb.or(
            versions.map((match): Expression<SqlBool> => {
              if (typeof match === 'object') return sql<SqlBool>`o.version = ${match.at}::timestamptz`
              const extreme = match === 'last' ? sql`max(v.version)` : sql`min(v.version)`
              return sql<SqlBool>`o.version = (select ${extreme} from taxii_objects v
                where v.collection = o.collection and v.object_id = o.object_id)`
            }),
          ),
        )
      }
      if (query.next !== undefined) {
        const [dateAdded, seq] = decodeCursor('taxii-objects', query.next, ['string', 'number'])
        select = select.where(sql<SqlBool>`(o.date_added, o.seq) > (${dateAdded}::timestamptz, ${seq}::bigint)`)
      }
      const rows = await select
        .orderBy('o.date_added')
        .orderBy('o.seq')
        .limit(query.limit + 1)
        .execute()
      const shown = rows.slice(0, query.limit)
      const last = shown.at(-1)
      return {
        items: shown.map((row) => ({
          id: row.object_id,
          type: row.object_type,
          object: row.object,
          version: versionText(row.object, row.version_text),
          dateAdded: row.date_added_text,
        })),
        next:
          rows.length > query.limit && last !== undefined
            ? encodeCursor('taxii-objects', [last.date_added_text, Number(last.seq)])
            : undefined,
      }
    },
  }
}

function versionText(object: Readonly<Record<string, unknown>>, stored: string): string {
  const stamp = object['modified'] ?? object['created']
  return typeof stamp === 'string' ? stamp : stored
}
