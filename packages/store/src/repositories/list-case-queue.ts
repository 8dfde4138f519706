import type { Outcome } from '@hirewall/core'
import { sql, type Kysely, type Selectable } from 'kysely'
import type { CasesTable, Database } from '../database/database-schema.js'
import { isUuid } from '../database/is-uuid.js'
import type { CaseStatus, SubjectKind } from '../store-vocabularies.js'
import type { Case } from './case-repository.js'
import { checkedOutcome } from './list-applications.js'
import { decodeCursor, encodeCursor, pageLimit, toPage, type Page, type PageRequest } from './page.js'

/** Which cases a review queue shows; all given filters must hold. */
export type CaseQueueFilter = {
  /** Default `open`. */
  readonly status?: CaseStatus
  readonly subjectKind?: SubjectKind
  /** The subject's current outcome (a cluster's: its riskiest member's) is one of these. */
  readonly outcomes?: readonly Outcome[]
  /** Cases assigned to this user id; `null` for unassigned ones. */
  readonly assignedTo?: string | null
}

/** `riskiest`: the subject's current score, highest first, then oldest; `oldest`: by when the case opened. */
export const caseQueueOrders = ['riskiest', 'oldest'] as const
export type CaseQueueOrder = (typeof caseQueueOrders)[number]

export type CaseQueueRequest = PageRequest & { readonly order?: CaseQueueOrder }

/** A case with what a reviewer needs to pick it: how risky its subject is now and whom it is about. */
export type QueuedCase = {
  readonly case: Case
  /**
   * The subject's latest screening: an application's own; a cluster's riskiest member's (whose id this names). Null
   * while nothing in the subject has been screened.
   */
  readonly risk: { readonly applicationId: string; readonly score: number; readonly outcome: Outcome } | null
  /** `cv.basics.name` of that application (of the application itself when it is not screened yet). */
  readonly candidateName: string | null
  /** 1 for an application; a cluster's current member count. */
  readonly applicationCount: number
}

type QueueRow = Selectable<CasesTable> & {
  readonly risk_application_id: string | null
  readonly risk_score: number | null
  readonly risk_outcome: string | null
  readonly candidate_name: string | null
  readonly application_count: number
  /** The score the queue sorts on: -1 before screening, so unscreened subjects come last. */
  readonly sort_score: number
}

/**
 * Lists cases with their subject's current risk, riskiest (or oldest) first, by keyset pagination. The risk is read
 * at query time from the applications' latest results, so a re-screening moves a case in the queue at once.
 */
export async function listCaseQueue(
  db: Kysely<Database>,
  filter: CaseQueueFilter,
  request: CaseQueueRequest,
  toCase: (row: Selectable<CasesTable>) => Case,
): Promise<Page<QueuedCase>> {
  const limit = pageLimit(request)
  const order = request.order ?? 'riskiest'
  const status = filter.status ?? 'open'
  const list = `case-queue-${order}`
  if (filter.assignedTo !== undefined && filter.assignedTo !== null && !isUuid(filter.assignedTo)) {
    return { items: [], nextCursor: undefined }
  }
  const conditions = [sql`c.status = ${status}`]
  if (filter.subjectKind !== undefined) conditions.push(sql`c.subject_kind = ${filter.subjectKind}`)
  if (filter.assignedTo === null) conditions.push(sql`c.assigned_to is null`)
  else if (filter.assignedTo !== undefined) conditions.push(sql`c.assigned_to = ${filter.assignedTo}::uuid`)
  if (filter.outcomes !== undefined) {
    conditions.push(filter.outcomes.length > 0 ? sql`risk.outcome = any(${[...filter.outcomes]}::text[])` : sql`false`)
  }
  const after: ReturnType<typeof sql>[] = []
  if (request.after !== undefined) {
    if (order === 'riskiest') {
      const [score, time, id] = decodeCursor(list, request.after, ['number', 'number', 'string'])
      after.push(
        sql`(q.sort_score < ${score}::float8 or (q.sort_score = ${score}::float8
          and (q.opened_at, q.id) > (${new Date(time)}::timestamptz, ${id}::uuid)))`,
      )
    } else {
      const [time, id] = decodeCursor(list, request.after, ['number', 'string'])
      after.push(sql`(q.opened_at, q.id) > (${new Date(time)}::timestamptz, ${id}::uuid)`)
    }
  }
  const orderBy = order === 'riskiest' ? sql`q.sort_score desc, q.opened_at, q.id` : sql`q.opened_at, q.id`
  // Each branch of the lateral join uses its own index: the application by id, or the cluster's members.
  const { rows } = await sql<QueueRow>`
    select q.* from (
      select c.*,
        risk.application_id as risk_application_id,
        risk.score as risk_score,
        risk.outcome as risk_outcome,
        risk.candidate_name,
        case when c.subject_kind = 'application' then 1
          else (select count(*) from cluster_members m where m.cluster_id = c.subject_id)::int end as application_count,
        coalesce(risk.score, -1) as sort_score
      from cases c
      left join lateral (
        (select a.id as application_id, r.score, r.outcome, a.record -> 'cv' -> 'basics' ->> 'name' as candidate_name
          from applications a left join screening_results r on r.id = a.latest_result_id
          where c.subject_kind = 'application' and a.id = c.subject_id)
        union all
        (select a.id, r.score, r.outcome, a.record -> 'cv' -> 'basics' ->> 'name'
          from cluster_members m
          join applications a on a.id = m.application_id
          left join screening_results r on r.id = a.latest_result_id
          where c.subject_kind = 'cluster' and m.cluster_id = c.subject_id
          order by r.score desc nulls last, a.id
          limit 1)
      ) risk on true
      where ${sql.join(conditions, sql` and `)}
    ) q
    ${after.length > 0 ? sql`where ${after[0]}` : sql``}
    order by ${orderBy}
    limit ${limit + 1}
  `.execute(db)
  return toPage(
    rows,
    limit,
    (row): QueuedCase => ({
      case: toCase(row),
      risk:
        row.risk_application_id === null || row.risk_score === null
          ? null
          : {
              applicationId: row.risk_application_id,
              score: row.risk_score,
              outcome: checkedOutcome(row.risk_outcome, row.risk_application_id),
            },
      candidateName: row.candidate_name,
      applicationCount: row.application_count,
    }),
    (row) =>
      order === 'riskiest'
        ? encodeCursor(list, [row.sort_score, row.opened_at.getTime(), row.id])
        : encodeCursor(list, [row.opened_at.getTime(), row.id]),
  )
}
