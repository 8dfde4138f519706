import type { Kysely, Selectable } from 'kysely'
import type { AuditLogTable, Database } from '../database/database-schema.js'
import { toJson } from '../database/json-text.js'
import { translatingErrors } from '../database/store-error.js'
import { decodeCursor, encodeCursor, pageLimit, toPage, type Page, type PageRequest } from './page.js'

/** One line of the audit log. Never changed or removed: the database refuses UPDATE, DELETE and TRUNCATE. */
export type AuditEntry = {
  readonly id: number
  readonly at: Date
  /** Who: `user:<id>`, `api-key:<prefix>`, `system:<component>`. */
  readonly actor: string
  /** What, as a stable dotted verb: `decision.recorded`, `applications.exported`, `api-key.revoked`. */
  readonly action: string
  /** On what: `application:<id>`, `cluster:<id>`, `user:<id>`... */
  readonly target: string | null
  readonly details: Readonly<Record<string, unknown>>
}

export type NewAuditEntry = {
  readonly actor: string
  readonly action: string
  readonly target?: string
  readonly details?: Readonly<Record<string, unknown>>
}

export type AuditFilter = { readonly actor?: string; readonly action?: string; readonly target?: string }

export type AuditLogRepository = {
  append(entry: NewAuditEntry): Promise<AuditEntry>
  /** Newest first. */
  list(filter?: AuditFilter, request?: PageRequest): Promise<Page<AuditEntry>>
}

export function createAuditLogRepository(db: Kysely<Database>): AuditLogRepository {
  return {
    append: (entry) =>
      translatingErrors(async () => {
        const row = await db
          .insertInto('audit_log')
          .values({
            actor: entry.actor,
            action: entry.action,
            target: entry.target ?? null,
            details: toJson(entry.details ?? {}),
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        return toAuditEntry(row)
      }),
    list: async (filter = {}, request = {}) => {
      const limit = pageLimit(request)
      let query = db.selectFrom('audit_log').selectAll()
      if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor)
      if (filter.action !== undefined) query = query.where('action', '=', filter.action)
      if (filter.target !== undefined) query = query.where('target', '=', filter.target)
      if (request.after !== undefined) {
        const [id] = decodeCursor('audit-log', request.after, ['number'])
        query = query.where('id', '<', id)
      }
      const rows = await query
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute()
      return toPage(rows, limit, toAuditEntry, (row) => encodeCursor('audit-log', [row.id]))
    },
  }
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return { id: row.id, at: row.at, actor: row.actor, action: row.action, target: row.target, details: row.details }
}
