import type { Severity } from '@hirewall/core'
import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, WatchlistEntriesTable, WatchlistsTable } from '../database/database-schema.js'
import { inTransaction } from '../database/in-transaction.js'
import { isUuid } from '../database/is-uuid.js'
import { translatingErrors } from '../database/store-error.js'
import { chunks } from './chunks.js'
import { decodeCursor, encodeCursor, pageLimit, toPage, type Page, type PageRequest } from './page.js'

/** A watchlist kept in the database. `revision` grows by one with every change to its entries. */
export type Watchlist = {
  readonly id: string
  /** Signals cite the list as `watchlist:<name>`. */
  readonly name: string
  readonly description: string | null
  readonly createdBy: string
  readonly createdAt: Date
  readonly revision: number
  readonly updatedAt: Date
  /** How many entries it holds. */
  readonly entries: number
}

/** One stored indicator. `normalised` is the comparison key (E.164 phone, canonical mailbox...), unique per list and kind. */
export type StoredWatchlistEntry = {
  readonly id: number
  readonly watchlistId: string
  /** `phone`, `email`, `domain`, `address`, `handle`, `ip` or `cv-sha256`. */
  readonly kind: string
  /** As it was written. */
  readonly value: string
  readonly normalised: string
  readonly severity: Severity | null
  readonly note: string | null
  /** Who supplied it: a partner's identity, a file, a person. */
  readonly source: string
  /** Traffic Light Protocol 2.0 level; `red` entries never leave the organisation. */
  readonly tlp: string
  /** 0-100, as STIX counts it. */
  readonly confidence: number | null
  readonly addedBy: string
  readonly addedAt: Date
}

export type NewWatchlistEntry = Omit<StoredWatchlistEntry, 'id' | 'watchlistId' | 'addedAt'>

/** What adding entries did: those stored now, and those the list already held (the stored entry, unchanged). */
export type AddedWatchlistEntries = {
  readonly added: readonly StoredWatchlistEntry[]
  readonly existing: readonly StoredWatchlistEntry[]
}

/** A list with every entry, as a screening process builds its watchlist detector from them. */
export type WatchlistWithEntries = { readonly watchlist: Watchlist; readonly entries: readonly StoredWatchlistEntry[] }

export type WatchlistRepository = {
  /** A `conflict` StoreError when the name is taken, `invalid-value` for a name or description the schema refuses. */
  create(watchlist: {
    readonly name: string
    readonly description?: string
    readonly createdBy: string
  }): Promise<Watchlist>
  /** Every list, by name, with its entry count. */
  list(): Promise<readonly Watchlist[]>
  /** The list, or undefined (also for an id that is not a UUID). */
  find(id: string): Promise<Watchlist | undefined>
  /**
   * Adds entries to a list in one transaction; an entry whose kind and normalised value the list already holds is
   * left as it is and returned in `existing`. When anything was added, the list's revision and the global watchlist
   * revision grow by one.
   */
  addEntries(watchlistId: string, entries: readonly NewWatchlistEntry[]): Promise<AddedWatchlistEntries>
  /** Newest first; `kind` narrows to one kind. */
  listEntries(
    watchlistId: string,
    filter?: { readonly kind?: string },
    request?: PageRequest,
  ): Promise<Page<StoredWatchlistEntry>>
  /** Removes one entry and bumps both revisions; undefined when the list has no such entry. */
  removeEntry(watchlistId: string, entryId: number): Promise<StoredWatchlistEntry | undefined>
  /** The global revision: it changes whenever any list's entries change. */
  revision(): Promise<number>
  /** Every list with all its entries, and the global revision they were read at (one transaction). */
  snapshot(): Promise<{ readonly revision: number; readonly lists: readonly WatchlistWithEntries[] }>
  /** The entries of a list that may be shared outside the organisation: all but TLP:RED, oldest first. */
  listShareable(watchlistId: string): Promise<readonly StoredWatchlistEntry[]>
}

export function createWatchlistRepository(db: Kysely<Database>): WatchlistRepository {
  const withCounts = (database: Kysely<Database>) =>
    database
      .selectFrom('watchlists')
      .selectAll('watchlists')
      .select((eb) =>
        eb
          .selectFrom('watchlist_entries')
          .whereRef('watchlist_entries.watchlist_id', '=', 'watchlists.id')
          .select(eb.fn.countAll<string>().as('count'))
          .as('entry_count'),
      )
  const bump = async (database: Kysely<Database>, watchlistId: string): Promise<void> => {
    await database
      .updateTable('watchlists')
      .set({ revision: sql<number>`revision + 1`, updated_at: new Date() })
      .where('id', '=', watchlistId)
      .execute()
    await database
      .updateTable('watchlist_revision')
      .set({ revision: sql<number>`revision + 1` })
      .where('id', '=', 1)
      .execute()
  }
  return {
    create: (watchlist) =>
      translatingErrors(async () => {
        const row = await db
          .insertInto('watchlists')
          .values({
            name: watchlist.name,
            description: watchlist.description ?? null,
            created_by: watchlist.createdBy,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        return toWatchlist({ ...row, entry_count: '0' })
      }),
    list: async () => (await withCounts(db).orderBy('name').execute()).map(toWatchlist),
    find: async (id) => {
      if (!isUuid(id)) return undefined
      const row = await withCounts(db).where('id', '=', id).executeTakeFirst()
      return row === undefined ? undefined : toWatchlist(row)
    },
    addEntries: (watchlistId, entries) =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          const added: StoredWatchlistEntry[] = []
          const existing: StoredWatchlistEntry[] = []
          for (const part of chunks(entries, 500)) {
            const rows = await transaction
              .insertInto('watchlist_entries')
              .values(part.map((entry) => entryRow(watchlistId, entry)))
              .onConflict((conflict) => conflict.columns(['watchlist_id', 'kind', 'normalised']).doNothing())
              .returningAll()
              .execute()
            added.push(...rows.map(toEntry))
            const isAdded = new Set(rows.map((row) => `${row.kind}\u0000${row.normalised}`))
            const others = part.filter((entry) => !isAdded.has(`${entry.kind}\u0000${entry.normalised}`))
            if (others.length === 0) continue
            const found = await transaction
              .selectFrom('watchlist_entries')
              .selectAll()
              .where('watchlist_id', '=', watchlistId)
              .where((eb) =>
                eb.or(
                  others.map((entry) => eb.and([eb('kind', '=', entry.kind), eb('normalised', '=', entry.normalised)])),
                ),
              )
              .execute()
            existing.push(...found.map(toEntry))
          }
          if (added.length > 0) await bump(transaction, watchlistId)
          return { added, existing }
        }),
      ),
    listEntries: async (watchlistId, filter = {}, request = {}) => {
      const limit = pageLimit(request)
      if (!isUuid(watchlistId)) return { items: [], nextCursor: undefined }
      let query = db.selectFrom('watchlist_entries').selectAll().where('watchlist_id', '=', watchlistId)
      if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind)
      if (request.after !== undefined) {
        const [id] = decodeCursor('watchlist-entries', request.after, ['number'])
        query = query.where('id', '<', id)
      }
      const rows = await query
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute()
      return toPage(rows, limit, toEntry, (row) => encodeCursor('watchlist-entries', [row.id]))
    },
    removeEntry: (watchlistId, entryId) =>
      inTransaction(db, async (transaction) => {
        if (!isUuid(watchlistId) || !Number.isSafeInteger(entryId)) return undefined
        const row = await transaction
          .deleteFrom('watchlist_entries')
          .where('watchlist_id', '=', watchlistId)
          .where('id', '=', entryId)
          .returningAll()
          .executeTakeFirst()
        if (row === undefined) return undefined
        await bump(transaction, watchlistId)
        return toEntry(row)
      }),
    revision: async () =>
      Number(
        (await db.selectFrom('watchlist_revision').select('revision').where('id', '=', 1).executeTakeFirst())
          ?.revision ?? 0,
      ),
    snapshot: () =>
      inTransaction(db, async (transaction) => {
        const revision = Number(
          (await transaction.selectFrom('watchlist_revision').select('revision').where('id', '=', 1).executeTakeFirst())
            ?.revision ?? 0,
        )
        const lists = (await withCounts(transaction).orderBy('name').execute()).map(toWatchlist)
        const rows = await transaction.selectFrom('watchlist_entries').selectAll().orderBy('id').execute()
        const byList = new Map<string, StoredWatchlistEntry[]>(lists.map((list) => [list.id, []]))
        for (const row of rows) byList.get(row.watchlist_id)?.push(toEntry(row))
        return { revision, lists: lists.map((watchlist) => ({ watchlist, entries: byList.get(watchlist.id) ?? [] })) }
      }),
    listShareable: async (watchlistId) => {
      if (!isUuid(watchlistId)) return []
      const rows = await db
        .selectFrom('watchlist_entries')
        .selectAll()
        .where('watchlist_id', '=', watchlistId)
        .where('tlp', '<>', 'red')
        .orderBy('id')
        .execute()
      return rows.map(toEntry)
    },
  }
}

function entryRow(watchlistId: string, entry: NewWatchlistEntry) {
  return {
    watchlist_id: watchlistId,
    kind: entry.kind,
    value: entry.value,
    normalised: entry.normalised,
    severity: entry.severity,
    note: entry.note,
    source: entry.source,
    tlp: entry.tlp,
    confidence: entry.confidence,
    added_by: entry.addedBy,
  }
}

function toWatchlist(row: Selectable<WatchlistsTable> & { readonly entry_count: string | number | null }): Watchlist {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdBy: row.created_by,
    createdAt: row.created_at,
    revision: Number(row.revision),
    updatedAt: row.updated_at,
    entries: Number(row.entry_count ?? 0),
  }
}

function toEntry(row: Selectable<WatchlistEntriesTable>): StoredWatchlistEntry {
  return {
    id: Number(row.id),
    watchlistId: row.watchlist_id,
    kind: row.kind,
    value: row.value,
    normalised: row.normalised,
    severity: row.severity as Severity | null,
    note: row.note,
    source: row.source,
    tlp: row.tlp,
    confidence: row.confidence,
    addedBy: row.added_by,
    addedAt: row.added_at,
  }
}
