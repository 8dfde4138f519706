import type { Kysely, Selectable } from 'kysely'
import type { CasesTable, Database } from '../database/database-schema.js'
import { inTransaction } from '../database/in-transaction.js'
import { isUuid } from '../database/is-uuid.js'
import { toJson } from '../database/json-text.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import type { CaseStatus, SubjectKind } from '../store-vocabularies.js'
import { listCaseQueue, type CaseQueueFilter, type CaseQueueRequest, type QueuedCase } from './list-case-queue.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
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
  /** The user id of whoever works the case; kept after it closes. */
  readonly assignedTo: string | null
  readonly assignedAt: Date | null
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
  /** The review queue: cases with their subject's current risk, riskiest first by default, a page at a time. */
  queue(filter?: CaseQueueFilter, request?: CaseQueueRequest): Promise<Page<QueuedCase>>
  /** The subject's open case, else its most recently opened one. */
  latestFor(subject: Subject): Promise<Case | undefined>
  /**
   * Assigns an open case to a user (`null` unassigns) and writes `case.assigned` to the audit log, in one transaction.
   * `not-found` when no case has this id, `conflict` when it is closed, `invalid-reference` for an unknown user.
   */
  assign(id: string, assignee: string | null, actor: string): Promise<Case>
}

export function createCaseRepository(db: Kysely<Database>, cipher: PersonalDataCipher = unencrypted): CaseRepository {
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
    queue: (filter = {}, request = {}) => listCaseQueue(db, filter, request, toCase, cipher),
    latestFor: async (subject) => {
      const row = await db
        .selectFrom('cases')
        .selectAll()
        .where('subject_kind', '=', subject.kind)
        .where('subject_id', '=', subject.id)
        // An open case sorts first ('open' > 'closed'), then the newest.
        .orderBy('status', 'desc')
        .orderBy('opened_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      return row && toCase(row)
    },
    assign: (id, assignee, actor) =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          if (!isUuid(id)) throw new StoreError('not-found', `No case ${id}`, { target: 'caseId' })
          const current = await transaction
            .selectFrom('cases')
            .selectAll()
            .where('id', '=', id)
            .forUpdate()
            .executeTakeFirst()
          if (!current) throw new StoreError('not-found', `No case ${id}`, { target: 'caseId' })
          if (current.status !== 'open') {
            throw new StoreError('conflict', `Case ${id} is closed; only an open case can be assigned`, {
              target: 'status',
            })
          }
          if (assignee !== null && !isUuid(assignee)) {
            throw new StoreError('invalid-reference', `No user ${assignee}`, { target: 'assignedTo' })
          }
          const row = await transaction
            .updateTable('cases')
            .set({ assigned_to: assignee, assigned_at: assignee === null ? null : new Date() })
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirstOrThrow()
          await transaction
            .insertInto('audit_log')
            .values({
              actor,
              action: 'case.assigned',
              target: `case:${id}`,
              details: toJson({
                subject: `${row.subject_kind}:${row.subject_id}`,
                assignedTo: assignee,
                previouslyAssignedTo: current.assigned_to,
              }),
            })
            .execute()
          return toCase(row)
        }),
      ),
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
    assignedTo: row.assigned_to,
    assignedAt: row.assigned_at,
  }
}
