import type { Outcome } from '@hirewall/core'
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely'
import type { CasesTable, Database } from '../database/database-schema.js'
import { isUuid } from '../database/is-uuid.js'
import { StoreError } from '../database/store-error.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import type { CaseStatus, SubjectKind } from '../store-vocabularies.js'
import type { Case } from './case-repository.js'
import { checkedOutcome } from './list-applications.js'
import { decodeCursor, encodeCursor, pageLimit, toPage, type Page, type PageRequest } from './page.js'

/** Which cases a review queue shows; all given filters must hold. */
export type CaseQueueFilter = {
  /** Default `open`. */
  readonly status?: CaseStatus
  readonly subjectKind?: SubjectKind
  /** The subject's current outcome (a cluster's: its riskiest member's; an employee's: the latest assessment's). */
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
   * The subject's latest screening: an application's own; a cluster's riskiest member's (whose id this names); an
   * employee's latest assessment (`applicationId` null). Null while nothing in the subject has been screened.
   */
  readonly risk: { readonly applicationId: string | null; readonly score: number; readonly outcome: Outcome } | null
  /**
   * `cv.basics.name` of that application (of the application itself when it is not screened yet); an employee's
   * legal name.
   */
  readonly candidateName: string | null
  /** 1 for an application; a cluster's current member count; 0 for an employee. */
  readonly applicationCount: number
}

/** A case and its subject's risk, before names and member counts are read for the page. */
type RankedRow = Selectable<CasesTable> & {
  readonly risk_application_id: string | null
  readonly risk_score: number | null
  readonly risk_outcome: string | null
  /** What the queue sorts on: the risk score, -1 before screening (so unscreened subjects come last). */
  readonly sort_score: number
}

type Cursor = { readonly score: number; readonly time: Date; readonly id: string }

/**
 * Lists cases with their subject's current risk, riskiest (or oldest) first, by keyset pagination. The risk is read
 * at query time from the latest results, so a re-screening moves a case in the queue at once.
 *
 * Riskiest first reads in three parts so a page costs about its size, not the queue's: application cases in the
 * order of the results' score index; cluster cases (each scored by its riskiest member); and, only once those run
 * out, application cases whose subject has no result yet. Each part fetches one page past the cursor, and the page is
 * the first `limit` of their merge.
 */
export async function listCaseQueue(
  db: Kysely<Database>,
  filter: CaseQueueFilter,
  request: CaseQueueRequest,
  toCase: (row: Selectable<CasesTable>) => Case,
  cipher: PersonalDataCipher = unencrypted,
): Promise<Page<QueuedCase>> {
  const limit = pageLimit(request)
  const order = request.order ?? 'riskiest'
  const list = `case-queue-${order}`
  let cursor: Cursor | undefined
  if (request.after !== undefined) {
    if (order === 'riskiest') {
      const [score, time, id] = decodeCursor(list, request.after, ['number', 'number', 'string'])
      cursor = { score, time: new Date(time), id }
    } else {
      const [time, id] = decodeCursor(list, request.after, ['number', 'string'])
      cursor = { score: 0, time: new Date(time), id }
    }
    if (!isUuid(cursor.id)) {
      throw new StoreError('invalid-cursor', `The cursor is not one this ${list} list issued`, { target: 'after' })
    }
  }
  if (filter.assignedTo !== undefined && filter.assignedTo !== null && !isUuid(filter.assignedTo)) {
    return { items: [], nextCursor: undefined }
  }
  const rows =
    order === 'riskiest'
      ? await riskiestRows(db, filter, cursor, limit + 1)
      : await oldestRows(db, filter, cursor, limit + 1)
  const labels = await labelsOf(db, rows, cipher)
  return toPage(
    rows,
    limit,
    (row): QueuedCase => ({
      case: toCase(row),
      risk:
        row.risk_score === null || (row.risk_application_id === null && row.subject_kind !== 'employee')
          ? null
          : {
              applicationId: row.risk_application_id,
              score: row.risk_score,
              outcome: checkedOutcome(row.risk_outcome, row.risk_application_id ?? row.subject_id),
            },
      candidateName:
        row.subject_kind === 'employee'
          ? (labels.employeeNames.get(row.subject_id) ?? null)
          : (labels.names.get(namedApplicationOf(row) ?? '') ?? null),
      applicationCount:
        row.subject_kind === 'application'
          ? 1
          : row.subject_kind === 'employee'
            ? 0
            : (labels.memberCounts.get(row.subject_id) ?? 0),
    }),
    (row) =>
      order === 'riskiest'
        ? encodeCursor(list, [row.sort_score, row.opened_at.getTime(), row.id])
        : encodeCursor(list, [row.opened_at.getTime(), row.id]),
  )
}

async function riskiestRows(
  db: Kysely<Database>,
  filter: CaseQueueFilter,
  cursor: Cursor | undefined,
  count: number,
): Promise<RankedRow[]> {
  const wants = (kind: SubjectKind): boolean => filter.subjectKind === undefined || filter.subjectKind === kind
  const isPastScored = cursor !== undefined && cursor.score < 0
  const parts: RankedRow[][] = []
  if (wants('application') && !isPastScored) {
    // Driven by the index on screening_results.score: it stops after `count` open cases.
    const { rows } = await sql<RankedRow>`
      select c.*, a.id as risk_application_id, r.score as risk_score, r.outcome as risk_outcome, r.score as sort_score
      from screening_results r
      join applications a on a.latest_result_id = r.id
      join cases c on c.subject_kind = 'application' and c.subject_id = a.id
      where ${sql.join([...caseConditions(filter), ...outcomeConditions(filter, sql`r.outcome`)], sql` and `)}
        ${cursor === undefined ? sql`` : sql`and r.score <= ${cursor.score}::float8 and (r.score < ${cursor.score}::float8 or ${afterCase(cursor)})`}
      order by r.score desc, c.opened_at, c.id
      limit ${count}
    `.execute(db)
    parts.push(rows)
  }
  for (const kind of ['cluster', 'employee'] as const) {
    if (!wants(kind)) continue
    const { rows } = await sql<RankedRow>`
      select q.* from (${scoredSubjectCases(kind, filter)}) q
      where ${sql.join(outcomeConditions(filter, sql`q.risk_outcome`), sql` and `)}
        ${cursor === undefined ? sql`` : sql`and (q.sort_score < ${cursor.score}::float8 or (q.sort_score = ${cursor.score}::float8 and ${afterCase(cursor, 'q')}))`}
      order by q.sort_score desc, q.opened_at, q.id
      limit ${count}
    `.execute(db)
    parts.push(rows)
  }
  let merged = mergeRiskiest(parts, count)
  // Subjects not screened yet have no outcome, so an outcome filter never shows them.
  if (merged.length < count && wants('application') && filter.outcomes === undefined) {
    const { rows } = await sql<RankedRow>`
      select c.*, null as risk_application_id, null as risk_score, null as risk_outcome, -1::float8 as sort_score
      from cases c
      left join applications a on a.id = c.subject_id
      where c.subject_kind = 'application' and ${sql.join(caseConditions(filter), sql` and `)}
        and (a.id is null or a.latest_result_id is null)
        ${isPastScored ? sql`and ${afterCase(cursor)}` : sql``}
      order by c.opened_at, c.id
      limit ${count}
    `.execute(db)
    merged = mergeRiskiest([merged, rows], count)
  }
  return merged
}

async function oldestRows(
  db: Kysely<Database>,
  filter: CaseQueueFilter,
  cursor: Cursor | undefined,
  count: number,
): Promise<RankedRow[]> {
  const kind = filter.subjectKind === undefined ? [] : [sql`c.subject_kind = ${filter.subjectKind}`]
  const conditions = [...caseConditions(filter), ...kind, ...(cursor === undefined ? [] : [afterCase(cursor)])]
  // Without an outcome filter the page is picked from cases alone, then scored; with one, every case is scored first.
  const picked =
    filter.outcomes === undefined
      ? sql`(select * from cases c where ${sql.join(conditions, sql` and `)} order by c.opened_at, c.id limit ${count})`
      : sql`(select * from cases c where ${sql.join(conditions, sql` and `)})`
  const { rows } = await sql<RankedRow>`
    select q.* from (
      select c.*, risk.application_id as risk_application_id, risk.score as risk_score, risk.outcome as risk_outcome,
        coalesce(risk.score, -1) as sort_score
      from ${picked} c
      left join lateral (${riskOfSubject}) risk on true
    ) q
    where ${sql.join(outcomeConditions(filter, sql`q.risk_outcome`), sql` and `)}
    order by q.opened_at, q.id
    limit ${count}
  `.execute(db)
  return rows
}

/** The open (or closed) cluster or employee cases of the filter, each scored by its riskiest member or assessment. */
function scoredSubjectCases(kind: 'cluster' | 'employee', filter: CaseQueueFilter): RawBuilder<unknown> {
  return sql`
    select c.*, risk.application_id as risk_application_id, risk.score as risk_score, risk.outcome as risk_outcome,
      coalesce(risk.score, -1) as sort_score
    from cases c
    left join lateral (${riskOfSubject}) risk on true
    where c.subject_kind = ${kind} and ${sql.join(caseConditions(filter), sql` and `)}`
}

/** For the case `c`: its application's latest result, or its cluster's riskiest member's; one row or none. */
const riskOfSubject = sql`
  (select a.id as application_id, r.score, r.outcome
    from applications a left join screening_results r on r.id = a.latest_result_id
    where c.subject_kind = 'application' and a.id = c.subject_id)
  union all
  (select a.id, r.score, r.outcome
    from cluster_members m
    join applications a on a.id = m.application_id
    left join screening_results r on r.id = a.latest_result_id
    where c.subject_kind = 'cluster' and m.cluster_id = c.subject_id
    order by r.score desc nulls last, a.id
    limit 1)
  union all
  (select null::text, r.score, r.outcome
    from employees e join employee_assessments r on r.id = e.latest_assessment_id
    where c.subject_kind = 'employee' and e.id = c.subject_id)`

function caseConditions(filter: CaseQueueFilter): RawBuilder<unknown>[] {
  const conditions = [sql`c.status = ${filter.status ?? 'open'}`]
  if (filter.assignedTo === null) conditions.push(sql`c.assigned_to is null`)
  else if (filter.assignedTo !== undefined) conditions.push(sql`c.assigned_to = ${filter.assignedTo}::uuid`)
  return conditions
}

function outcomeConditions(filter: CaseQueueFilter, outcome: RawBuilder<unknown>): RawBuilder<unknown>[] {
  if (filter.outcomes === undefined) return [sql`true`]
  // An empty list matches nothing.
  return [filter.outcomes.length > 0 ? sql`${outcome} = any(${[...filter.outcomes]}::text[])` : sql`false`]
}

/** Opened after the cursor's case (the tie-breaker within one score). */
function afterCase(cursor: Cursor, table = 'c'): RawBuilder<unknown> {
  return sql`(${sql.ref(`${table}.opened_at`)}, ${sql.ref(`${table}.id`)}) > (${cursor.time}::timestamptz, ${cursor.id}::uuid)`
}

/** The first `count` rows of parts each sorted riskiest first. */
function mergeRiskiest(parts: readonly (readonly RankedRow[])[], count: number): RankedRow[] {
  return parts
    .flat()
    .sort(
      (a, b) =>
        b.sort_score - a.sort_score ||
        a.opened_at.getTime() - b.opened_at.getTime() ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, count)
}

function namedApplicationOf(row: RankedRow): string | null {
  if (row.subject_kind === 'employee') return null
  return row.risk_application_id ?? (row.subject_kind === 'application' ? row.subject_id : null)
}

/** Candidate names and cluster sizes for the rows of one page: two small lookups instead of one per case. */
async function labelsOf(
  db: Kysely<Database>,
  rows: readonly RankedRow[],
  cipher: PersonalDataCipher,
): Promise<{
  names: ReadonlyMap<string, string | null>
  memberCounts: ReadonlyMap<string, number>
  employeeNames: ReadonlyMap<string, string | null>
}> {
  const applicationIds = [...new Set(rows.map(namedApplicationOf).filter((id) => id !== null))]
  const clusterIds = [...new Set(rows.filter((row) => row.subject_kind === 'cluster').map((row) => row.subject_id))]
  const employeeIds = [...new Set(rows.filter((row) => row.subject_kind === 'employee').map((row) => row.subject_id))]
  const [names, counts, employees] = await Promise.all([
    applicationIds.length === 0
      ? []
      : db
          .selectFrom('applications')
          .select(['id', sql<string | null>`record -> 'cv' -> 'basics' ->> 'name'`.as('name')])
          .where('id', 'in', applicationIds)
          .execute(),
    clusterIds.length === 0
      ? []
      : db
          .selectFrom('cluster_members')
          .select(['cluster_id', (eb) => eb.fn.countAll<number>().as('members')])
          .where('cluster_id', 'in', clusterIds)
          .groupBy('cluster_id')
          .execute(),
    employeeIds.length === 0
      ? []
      : db.selectFrom('employees').select(['id', 'legal_name']).where('id', 'in', employeeIds).execute(),
  ])
  return {
    names: new Map(names.map((row) => [row.id, cipher.open(row.name) as string | null])),
    memberCounts: new Map(counts.map((row) => [row.cluster_id, Number(row.members)])),
    employeeNames: new Map(employees.map((row) => [row.id, cipher.open(row.legal_name) as string | null])),
  }
}
