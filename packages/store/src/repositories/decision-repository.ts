import type { Kysely, Selectable } from 'kysely'
import type { Database, DecisionsTable } from '../database/database-schema.js'
import { inTransaction } from '../database/in-transaction.js'
import { toJson } from '../database/json-text.js'
import { translatingErrors } from '../database/store-error.js'
import type { DecisionVerdict } from '../store-vocabularies.js'
import type { Subject } from './case-repository.js'

/** An analyst's verdict on an application or a cluster: a label for learning, never changed or deleted. */
export type Decision = {
  /** Increasing in the order decisions were recorded. */
  readonly id: number
  /** The case the decision was recorded in, if one was open. */
  readonly caseId: string | null
  readonly subject: Subject
  readonly verdict: DecisionVerdict
  readonly reason: string
  readonly note: string | null
  readonly actor: string
  readonly decidedAt: Date
}

export type NewDecision = {
  readonly subject: Subject
  readonly verdict: DecisionVerdict
  /** Why, in a sentence; required. */
  readonly reason: string
  readonly note?: string
  readonly actor: string
}

export type DecisionRepository = {
  /**
   * Records the decision, and in the same transaction: attaches it to the subject's open case; closes that case on a
   * verdict (`confirmed-fraud`, `cleared`) or opens one on `needs-verification`; writes `decision.recorded` to the
   * audit log. A blank reason is an `invalid-value` StoreError.
   */
  record(decision: NewDecision): Promise<Decision>
  /** The subject's decisions, oldest first; the last is the current verdict. */
  listFor(subject: Subject): Promise<readonly Decision[]>
}

export function createDecisionRepository(db: Kysely<Database>): DecisionRepository {
  return {
    record: (decision) =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          const { subject, actor } = decision
          let openCase = await transaction
            .selectFrom('cases')
            .select('id')
            .where('subject_kind', '=', subject.kind)
            .where('subject_id', '=', subject.id)
            .where('status', '=', 'open')
            .forUpdate()
            .executeTakeFirst()
          if (!openCase && decision.verdict === 'needs-verification') {
            openCase = await transaction
              .insertInto('cases')
              .values({ subject_kind: subject.kind, subject_id: subject.id, status: 'open', opened_by: actor })
              .returning('id')
              .executeTakeFirstOrThrow()
          }
          const row = await transaction
            .insertInto('decisions')
            .values({
              case_id: openCase?.id ?? null,
              subject_kind: subject.kind,
              subject_id: subject.id,
              verdict: decision.verdict,
              reason: decision.reason.trim(),
              note: decision.note ?? null,
              actor,
            })
            .returningAll()
            .executeTakeFirstOrThrow()
          if (openCase && decision.verdict !== 'needs-verification') {
            await transaction
              .updateTable('cases')
              .set({ status: 'closed', closed_by: actor, closed_at: new Date() })
              .where('id', '=', openCase.id)
              .execute()
          }
          await transaction
            .insertInto('audit_log')
            .values({
              actor,
              action: 'decision.recorded',
              target: `${subject.kind}:${subject.id}`,
              details: toJson({ decisionId: row.id, verdict: row.verdict, reason: row.reason, caseId: row.case_id }),
            })
            .execute()
          return toDecision(row)
        }),
      ),
    listFor: async (subject) => {
      const rows = await db
        .selectFrom('decisions')
        .selectAll()
        .where('subject_kind', '=', subject.kind)
        .where('subject_id', '=', subject.id)
        .orderBy('id')
        .execute()
      return rows.map(toDecision)
    },
  }
}

function toDecision(row: Selectable<DecisionsTable>): Decision {
  return {
    id: row.id,
    caseId: row.case_id,
    subject: { kind: row.subject_kind, id: row.subject_id },
    verdict: row.verdict,
    reason: row.reason,
    note: row.note,
    actor: row.actor,
    decidedAt: row.decided_at,
  }
}
