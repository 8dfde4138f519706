import type { Kysely, Selectable } from 'kysely'
import type { CasesTable, Database } from '../database/database-schema.js'
import { isUuid } from '../database/is-uuid.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import type { CaseStatus, SubjectKind } from '../store-vocabularies.js'
import { decodeCursor, encodeCursor, pageLimit, toPage, type Page, type PageRequest } from './page.js'

/** What a case or decision is about: `{ kind: 'application', id: 'greenhouse:4021' }` or a cluster id. */
export type Subject = { readonly kind: SubjectKind; readonly id: string }

/** A review of one subject; at most one case per subject is open at a time. */
export type Case = {
  readonly id: string
  readonly subject: Subject
  readonly status: CaseStatus
  readonly openedBy: string
  readonly openedAt: Date
  readonly closedBy: string | null
  readonly closedAt: Date | null
}

export type CaseRepository = {
  /** The subject's open case, opening one when there is none (also under concurrency: one open case per subject). */
  open(subject: Subject, actor: string): Promise<Case>
  find(id: string): Promise<Case | undefined>
  openCaseFor(subject: Subject): Promise<Case | undefined>
  /** Cases with this status, oldest first (a review queue works from the oldest). */
  list(status: CaseStatus, request?: PageRequest): Promise<Page<Case>>
  /** Closes the case; a `not-found` StoreError when no open case has this id. */
  close(id: string, actor: string): Promise<Case>
}

export function createCaseRepository(db: Kysely<Database>): CaseRepository {
  const openCaseFor = async (subject: Subject): Promise<Case | undefined> => {
    const row = await db
      .selectFrom('cases')
      .selectAll()
      .where('subject_kind', '=', subject.kind)
      .where('subject_id', '=', subject.id)
      .where('status', '=', 'open')
      .executeTakeFirst()
    return row && toCase(row)
  }

  return {
    open: (subject, actor) =>
      translatingErrors(async () => {
        const inserted = await db
          .insertInto('cases')
          .values({ subject_kind: subject.kind, subject_id: subject.id, status: 'open', opened_by: actor })
          .onConflict((conflict) =>
            conflict.columns(['subject_kind', 'subject_id']).where('status', '=', 'open').doNothing(),
          )
          .returningAll()
          .executeTakeFirst()
        if (inserted) return toCase(inserted)
        const existing = await openCaseFor(subject)
        if (!existing)
          throw new StoreError('conflict', `The open case of ${subject.kind} ${subject.id} closed meanwhile`)
        return existing
      }),
    find: async (id) => {
      if (!isUuid(id)) return undefined
      const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toCase(row)
    },
    openCaseFor,
    list: async (status, request = {}) => {
      const limit = pageLimit(request)
      const list = `cases-${status}`
      let query = db.selectFrom('cases').selectAll().where('status', '=', status)
      if (request.after !== undefined) {
        const [time, id] = decodeCursor(list, request.after, ['number', 'string'])
        query = query.where((eb) => eb(eb.refTuple('opened_at', 'id'), '>', eb.tuple(new Date(time), id)))
      }
      const rows = await query
        .orderBy('opened_at')
        .orderBy('id')
        .limit(limit + 1)
        .execute()
      return toPage(rows, limit, toCase, (row) => encodeCursor(list, [row.opened_at.getTime(), row.id]))
    },
    close: (id, actor) =>
      translatingErrors(async () => {
        if (!isUuid(id)) throw new StoreError('not-found', `No open case ${id}`, { target: 'caseId' })
        const row = await db
          .updateTable('cases')
          .set({ status: 'closed', closed_by: actor, closed_at: new Date() })
          .where('id', '=', id)
          .where('status', '=', 'open')
          .returningAll()
          .executeTakeFirst()
        if (!row) throw new StoreError('not-found', `No open case ${id}`, { target: 'caseId' })
        return toCase(row)
      }),
  }
}

function toCase(row: Selectable<CasesTable>): Case {
  return {
    id: row.id,
    subject: { kind: row.subject_kind, id: row.subject_id },
    status: row.status,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    closedBy: row.closed_by,
    closedAt: row.closed_at,
  }
}
