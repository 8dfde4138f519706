import type { Outcome } from '@hirewall/core'
import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, EmployeeAssessmentsTable, EmployeesTable } from '../database/database-schema.js'
import { toJson } from '../database/json-text.js'
import { translatingErrors } from '../database/store-error.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { openSignalDetails, sealSignalDetails } from '../privacy/workforce-personal-fields.js'
import { checkedOutcome } from './list-applications.js'
import { decodeCursor, encodeCursor, pageLimit, toPage, type Page, type PageRequest } from './page.js'

/** What the HR feed says about an employee (the latest hire record wins). */
export type EmployeeFacts = {
  readonly id: string
  /** The application id the HR feed gave: HireWall's application id or the ATS's own. */
  readonly applicationRef?: string | undefined
  readonly legalName: string
  readonly homeAddress: string
  /** The home address as the identity graph compares addresses (normaliseAddressText). */
  readonly homeAddressKey?: string | undefined
  readonly homeCountry?: string | undefined
  readonly startDate: string
  readonly manager?: string | undefined
  readonly logins: readonly string[]
}

/** One version of an employee's assessment, as the evaluator made it. */
export type NewEmployeeAssessment = {
  readonly employeeId: string
  readonly applicationId?: string | undefined
  readonly score: number
  readonly outcome: Outcome
  readonly holdGate: string
  /** The scored signals with their evidence. */
  readonly signals: readonly { readonly code: string }[]
  readonly clusterId?: string | undefined
  readonly policyVersion: string
  readonly dataVersions: unknown
  readonly detectorFailures: unknown
  /** A digest of what the assessment says: a new version is written only when it differs from the latest. */
  readonly fingerprint: string
}

export type StoredEmployeeAssessment = {
  readonly id: number
  readonly employeeId: string
  readonly version: number
  readonly applicationId: string | null
  readonly score: number
  readonly outcome: Outcome
  readonly holdGate: string
  readonly signals: readonly Readonly<Record<string, unknown>>[]
  readonly signalCodes: readonly string[]
  readonly clusterId: string | null
  readonly policyVersion: string
  readonly dataVersions: unknown
  readonly detectorFailures: unknown
  readonly assessedAt: Date
}

/** An employee and their latest assessment. */
export type Employee = {
  readonly id: string
  readonly applicationRef: string | null
  /** The stored application the hire came from: the HR feed's id, or the ATS hire whose external id it gave. */
  readonly applicationId: string | null
  readonly atsHireId: string | null
  /** Null for an employee only other feeds name so far (no hire record yet). */
  readonly legalName: string | null
  readonly homeAddress: string | null
  readonly homeCountry: string | null
  readonly startDate: string | null
  readonly manager: string | null
  readonly logins: readonly string[]
  readonly createdAt: Date
  readonly updatedAt: Date
  readonly latest: StoredEmployeeAssessment | null
}

export type EmployeeFilter = {
  readonly outcomes?: readonly Outcome[]
  /** Latest score at least this. */
  readonly minScore?: number
}

export type EmployeeRepository = {
  /**
   * Creates or updates the employees of hire records in one statement, linking the application each came from when it
   * is stored: the HR feed's application id when it is HireWall's, else the application the ATS hire with that
   * external id was linked to. Of several hires of one employee the last wins.
   */
  recordHires(facts: readonly EmployeeFacts[]): Promise<void>
  /** Creates bare rows for employees other feeds name before their hire arrives. */
  ensure(ids: readonly string[]): Promise<void>
  /**
   * Writes a new version for each assessment that differs from the employee's latest (by fingerprint) and points the
   * employee at it; returns the versions written.
   */
  appendAssessments(assessments: readonly NewEmployeeAssessment[]): Promise<readonly StoredEmployeeAssessment[]>
  find(id: string): Promise<Employee | undefined>
  /** Employees riskiest first (latest score, then id; unassessed last), a page at a time. */
  list(filter?: EmployeeFilter, request?: PageRequest): Promise<Page<Employee>>
  /** Every version of the employee's assessment, newest first (at most `limit`). */
  history(id: string, limit: number): Promise<readonly StoredEmployeeAssessment[]>
  /**
   * Opens a case for each employee that has none open (a closed case stays closed: a new one re-opens the review), in
   * one statement, also under concurrency; returns the cases it opened.
   */
  raiseCases(employeeIds: readonly string[], actor: string): Promise<readonly RaisedCase[]>
}

/** A case `raiseCases` opened. */
export type RaisedCase = { readonly caseId: string; readonly employeeId: string; readonly isReopened: boolean }

type EmployeeRow = Selectable<EmployeesTable> & {
  readonly a_id: number | null
  readonly a_version: number | null
  readonly a_application_id: string | null
  readonly a_score: number | null
  readonly a_outcome: string | null
  readonly a_hold_gate: string | null
  readonly a_signals: unknown
  readonly a_signal_codes: string[] | null
  readonly a_cluster_id: string | null
  readonly a_policy_version: string | null
  readonly a_data_versions: unknown
  readonly a_detector_failures: unknown
  readonly a_assessed_at: Date | null
  readonly sort_score: number
}

/**
 * `cipher` seals the legal name, home address and manager and each assessment signal's message and evidence on the
 * way in, opens them on the way out, and keeps the home address's matching form as a keyed hash.
 */
export function createEmployeeRepository(
  db: Kysely<Database>,
  cipher: PersonalDataCipher = unencrypted,
): EmployeeRepository {
  const toAssessment = (row: Selectable<EmployeeAssessmentsTable>) => assessmentOf(row, cipher)
  const toEmployee = (row: EmployeeRow) => employeeOf(row, cipher)
  const selectEmployees = () =>
    db
      .selectFrom('employees as e')
      .leftJoin('employee_assessments as a', 'a.id', 'e.latest_assessment_id')
      .selectAll('e')
      .select([
        'a.id as a_id',
        'a.version as a_version',
        'a.application_id as a_application_id',
        'a.score as a_score',
        'a.outcome as a_outcome',
        'a.hold_gate as a_hold_gate',
        'a.signals as a_signals',
        'a.signal_codes as a_signal_codes',
        'a.cluster_id as a_cluster_id',
        'a.policy_version as a_policy_version',
        'a.data_versions as a_data_versions',
        'a.detector_failures as a_detector_failures',
        'a.assessed_at as a_assessed_at',
        sql<number>`coalesce(a.score, -1)`.as('sort_score'),
      ])

  return {
    recordHires: (hires) =>
      translatingErrors(async () => {
        if (hires.length === 0) return
        // One row per employee (a row cannot be upserted twice in one statement): the last hire of each.
        const latest = [...new Map(hires.map((facts) => [facts.id, facts])).values()]
        const rows = latest.map((facts) => ({
          id: facts.id,
          ref: facts.applicationRef ?? null,
          legal_name: cipher.seal(facts.legalName) as string,
          home_address: cipher.seal(facts.homeAddress) as string,
          home_address_key:
            facts.homeAddressKey === undefined ? null : cipher.hashIdentifier('address', facts.homeAddressKey),
          home_country: facts.homeCountry ?? null,
          start_date: facts.startDate,
          manager: facts.manager === undefined ? null : (cipher.seal(facts.manager) as string),
          logins: [...facts.logins],
        }))
        await sql`
          insert into employees (id, application_ref, application_id, ats_hire_id, legal_name, home_address,
            home_address_key, home_country, start_date, manager, logins)
          select v.id, v.ref,
            coalesce(
              (select a.id from applications a where a.id = v.ref),
              (select h.application_id from ats_hires h where h.external_application_id = v.ref
                and h.application_id is not null order by h.hired_at, h.id limit 1)
            ),
            (select h.id from ats_hires h where h.application_id = v.ref or h.external_application_id = v.ref
              order by h.hired_at, h.id limit 1),
            v.legal_name, v.home_address, v.home_address_key, v.home_country, v.start_date, v.manager,
            coalesce(v.logins, '{}')
          from jsonb_to_recordset(${toJson(rows)}::jsonb) as v(id text, ref text, legal_name text, home_address text,
            home_address_key text, home_country text, start_date text, manager text, logins text[])
          on conflict (id) do update set
            application_ref = excluded.application_ref, application_id = excluded.application_id,
            ats_hire_id = excluded.ats_hire_id, legal_name = excluded.legal_name, home_address = excluded.home_address,
            home_address_key = excluded.home_address_key, home_country = excluded.home_country,
            start_date = excluded.start_date, manager = excluded.manager, logins = excluded.logins, updated_at = now()
        `.execute(db)
      }),
    ensure: (ids) =>
      translatingErrors(async () => {
        if (ids.length === 0) return
        await db
          .insertInto('employees')
          .values([...new Set(ids)].map((id) => ({ id })))
          .onConflict((conflict) => conflict.column('id').doNothing())
          .execute()
      }),
    appendAssessments: (assessments) =>
      translatingErrors(async () => {
        if (assessments.length === 0) return []
        const ids = [...new Set(assessments.map((assessment) => assessment.employeeId))]
        await db
          .insertInto('employees')
          .values(ids.map((id) => ({ id })))
          .onConflict((conflict) => conflict.column('id').doNothing())
          .execute()
        const current = await db
          .selectFrom('employees as e')
          .leftJoin('employee_assessments as a', 'a.id', 'e.latest_assessment_id')
          .select(['e.id', 'e.latest_fingerprint', 'a.version'])
          .where('e.id', 'in', ids)
          .forUpdate('e')
          .execute()
        const latest = new Map(current.map((row) => [row.id, row]))
        const changed = assessments.filter(
          (assessment) => latest.get(assessment.employeeId)?.latest_fingerprint !== assessment.fingerprint,
        )
        if (changed.length === 0) return []
        const rows = await db
          .insertInto('employee_assessments')
          .values(
            changed.map((assessment) => ({
              employee_id: assessment.employeeId,
              version: (latest.get(assessment.employeeId)?.version ?? 0) + 1,
              application_id: assessment.applicationId ?? null,
              score: assessment.score,
              outcome: assessment.outcome,
              hold_gate: assessment.holdGate,
              signals: toJson(sealSignalDetails(assessment.signals, cipher)),
              signal_codes: assessment.signals.map((signal) => signal.code),
              cluster_id: assessment.clusterId ?? null,
              policy_version: assessment.policyVersion,
              data_versions: toJson(assessment.dataVersions),
              detector_failures: toJson(assessment.detectorFailures),
              fingerprint: assessment.fingerprint,
            })),
          )
          .returningAll()
          .execute()
        await sql`
          update employees e set latest_assessment_id = v.id, latest_fingerprint = v.fingerprint, updated_at = now()
          from (select unnest(${rows.map((row) => row.employee_id)}::text[]) as employee_id,
                       unnest(${rows.map((row) => row.id)}::bigint[]) as id,
                       unnest(${rows.map((row) => row.fingerprint)}::text[]) as fingerprint) v
          where e.id = v.employee_id
        `.execute(db)
        return rows.map(toAssessment)
      }),
    find: async (id) => {
      const row = await selectEmployees().where('e.id', '=', id).executeTakeFirst()
      return row && toEmployee(row)
    },
    list: (filter = {}, request = {}) =>
      translatingErrors(async () => {
        const limit = pageLimit(request)
        let query = selectEmployees()
        if (filter.outcomes !== undefined) {
          const wanted = [...filter.outcomes]
          query = wanted.length === 0 ? query.where(sql<boolean>`false`) : query.where('a.outcome', 'in', wanted)
        }
        if (filter.minScore !== undefined) query = query.where('a.score', '>=', filter.minScore)
        if (request.after !== undefined) {
          const [score, id] = decodeCursor('employees', request.after, ['number', 'string'])
          query = query.where(
            sql<boolean>`(coalesce(a.score, -1) < ${score}::float8 or (coalesce(a.score, -1) = ${score}::float8 and e.id > ${id}))`,
          )
        }
        const rows = (await query
          .orderBy(sql`coalesce(a.score, -1)`, 'desc')
          .orderBy('e.id')
          .limit(limit + 1)
          .execute()) as EmployeeRow[]
        return toPage(rows, limit, toEmployee, (row) => encodeCursor('employees', [row.sort_score, row.id]))
      }),
    raiseCases: (employeeIds, actor) =>
      translatingErrors(async () => {
        if (employeeIds.length === 0) return []
        const { rows } = await sql<{ id: string; subject_id: string; is_reopened: boolean }>`
          insert into cases (subject_kind, subject_id, status, opened_by)
          select 'employee', id, 'open', ${actor} from unnest(${[...new Set(employeeIds)]}::text[]) as id
          on conflict (subject_kind, subject_id) where status = 'open' do nothing
          returning id, subject_id,
            exists (select 1 from cases old where old.subject_kind = 'employee' and old.subject_id = cases.subject_id
              and old.status = 'closed') as is_reopened
        `.execute(db)
        return rows.map((row) => ({ caseId: row.id, employeeId: row.subject_id, isReopened: row.is_reopened }))
      }),
    history: async (id, limit) => {
      const rows = await db
        .selectFrom('employee_assessments')
        .selectAll()
        .where('employee_id', '=', id)
        .orderBy('version', 'desc')
        .limit(limit)
        .execute()
      return rows.map(toAssessment)
    },
  }
}

function assessmentOf(row: Selectable<EmployeeAssessmentsTable>, cipher: PersonalDataCipher): StoredEmployeeAssessment {
  return {
    id: row.id,
    employeeId: row.employee_id,
    version: row.version,
    applicationId: row.application_id,
    score: row.score,
    outcome: checkedOutcome(row.outcome, row.employee_id),
    holdGate: row.hold_gate,
    signals: openSignalDetails(row.signals, cipher) as readonly Readonly<Record<string, unknown>>[],
    signalCodes: row.signal_codes,
    clusterId: row.cluster_id,
    policyVersion: row.policy_version,
    dataVersions: row.data_versions,
    detectorFailures: row.detector_failures,
    assessedAt: row.assessed_at,
  }
}

function employeeOf(row: EmployeeRow, cipher: PersonalDataCipher): Employee {
  return {
    id: row.id,
    applicationRef: row.application_ref,
    applicationId: row.application_id,
    atsHireId: row.ats_hire_id,
    legalName: cipher.open(row.legal_name) as string | null,
    homeAddress: cipher.open(row.home_address) as string | null,
    homeCountry: row.home_country,
    startDate: row.start_date,
    manager: cipher.open(row.manager) as string | null,
    logins: row.logins,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    latest:
      row.a_id === null
        ? null
        : {
            id: row.a_id,
            employeeId: row.id,
            version: row.a_version ?? 1,
            applicationId: row.a_application_id,
            score: row.a_score ?? 0,
            outcome: checkedOutcome(row.a_outcome, row.id),
            holdGate: row.a_hold_gate ?? '',
            signals: openSignalDetails(row.a_signals, cipher) as readonly Readonly<Record<string, unknown>>[],
            signalCodes: row.a_signal_codes ?? [],
            clusterId: row.a_cluster_id,
            policyVersion: row.a_policy_version ?? '',
            dataVersions: row.a_data_versions,
            detectorFailures: row.a_detector_failures,
            assessedAt: row.a_assessed_at ?? row.updated_at,
          },
  }
}
