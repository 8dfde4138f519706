import { parseEmail, parsePhone } from '@hirewall/core'
import { sql, type Kysely, type Selectable } from 'kysely'
import type { ApplicationsTable, Database } from '../database/database-schema.js'
import { StoreError } from '../database/store-error.js'
import { toStoredApplication } from '../repositories/application-repository.js'
import { createAuditLogRepository } from '../repositories/audit-log-repository.js'
import { anonymiseApplications } from './anonymise-applications.js'
import { anonymiseEmployees, employeeSubjectKeys, type EmployeeAnonymisation } from './anonymise-employees.js'
import type { PersonalDataCipher } from './personal-data-cipher.js'
import { personalDataTables } from './personal-data-tables.js'
import { openIdentifier } from './personal-fields.js'
import { openSignalDetails, openWorkforceRecord } from './workforce-personal-fields.js'

/**
 * The person a data-subject request is about: by email, by phone (international form), by one application, or by one
 * employee (the HR feed's employee id).
 */
export type SubjectQuery =
  | { readonly kind: 'email'; readonly value: string }
  | { readonly kind: 'phone'; readonly value: string }
  | { readonly kind: 'application'; readonly value: string }
  | { readonly kind: 'employee'; readonly value: string }

export const subjectQueryKinds = ['email', 'phone', 'application', 'employee'] as const

/** What the store needs for personal-data work: its database and cipher (a `Store` is one). */
export type PersonalDataContext = {
  readonly db: Kysely<Database>
  readonly cipher: PersonalDataCipher
}

/** Every row about the subject, by table, personal data decrypted; secrets (password and token hashes) left out. */
export type SubjectExport = {
  readonly query: SubjectQuery
  readonly exportedAt: string
  readonly applicationIds: readonly string[]
  /** The employees found: the one asked for, those hired from the applications, those signing in with the email. */
  readonly employeeIds: readonly string[]
  readonly tables: Readonly<Record<string, readonly unknown[]>>
}

/** What an erasure did, and the rows it kept by design (see `personalDataTables`), by table. */
export type SubjectErasure = {
  readonly query: SubjectQuery
  readonly applicationIds: readonly string[]
  readonly employeeIds: readonly string[]
  /** Applications anonymised. */
  readonly anonymised: number
  readonly kept: Readonly<Record<string, number>>
} & EmployeeAnonymisation

type Row = Record<string, unknown>

/** The applications a query names, oldest first. An email or phone is matched on the identity graph's identifiers. */
export async function findSubjectApplications(
  context: PersonalDataContext,
  query: SubjectQuery,
): Promise<readonly string[]> {
  const { db, cipher } = context
  if (query.kind === 'employee') {
    const row = await db
      .selectFrom('employees')
      .select('application_id')
      .where('id', '=', query.value)
      .executeTakeFirst()
    return row?.application_id == null ? [] : [row.application_id]
  }
  if (query.kind === 'application') {
    const row = await db.selectFrom('applications').select('id').where('id', '=', query.value).executeTakeFirst()
    return row === undefined ? [] : [row.id]
  }
  const value = matchingValue(query)
  // Every identifier key's hash (a rotation may be under way) and the value as stored before keys were set.
  const forms = [...new Set([...cipher.identifierHashes(query.kind, value), value])]
  const rows = await db
    .selectFrom('application_identifiers as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .select(['a.id', 'a.received_at'])
    .distinct()
    .where('i.kind', '=', query.kind)
    .where(sql<boolean>`i.value = any(${forms}::text[])`)
    .orderBy('a.received_at')
    .orderBy('a.id')
    .execute()
  return rows.map((row) => row.id)
}

/**
 * The employees a query names: the one asked for, the employees hired from the subject's applications, and for an
 * email the employees who sign in with it.
 */
export async function findSubjectEmployees(
  { db }: PersonalDataContext,
  query: SubjectQuery,
  applicationIds: readonly string[],
): Promise<readonly string[]> {
  const email = query.kind === 'email' ? query.value.trim().toLowerCase() : undefined
  const rows = await db
    .selectFrom('employees')
    .select('id')
    .where((eb) =>
      eb.or([
        sql<boolean>`id = ${query.kind === 'employee' ? query.value : null}::text`,
        sql<boolean>`application_id = any(${[...applicationIds]}::text[])`,
        sql<boolean>`${email ?? null}::text = any(logins)`,
      ]),
    )
    .orderBy('id')
    .execute()
  return rows.map((row) => row.id)
}

/** Every row about the subject across the store, and an audit entry saying who exported what (ids only). */
export async function exportSubject(
  context: PersonalDataContext,
  query: SubjectQuery,
  actor: string,
): Promise<SubjectExport> {
  const { db, cipher } = context
  const applicationIds = await findSubjectApplications(context, query)
  const employeeIds = await findSubjectEmployees(context, query, applicationIds)
  const tables = await rowsAbout(db, cipher, query, applicationIds, employeeIds)
  await createAuditLogRepository(db).append({
    actor,
    action: 'subject.exported',
    details: { matchedBy: query.kind, applicationIds, employeeIds, rows: countRows(tables) },
  })
  return { query, exportedAt: new Date().toISOString(), applicationIds, employeeIds, tables }
}

/**
 * Erases the subject's applications and employment records (anonymised: see `anonymiseApplications` and
 * `anonymiseEmployees`) in one transaction with an audit entry that names the application and employee ids, never the
 * email or phone asked for.
 */
export async function eraseSubject(
  context: PersonalDataContext,
  query: SubjectQuery,
  actor: string,
  now = new Date(),
): Promise<SubjectErasure> {
  const { cipher } = context
  return context.db.transaction().execute(async (transaction) => {
    const applicationIds = await findSubjectApplications({ db: transaction, cipher }, query)
    const employeeIds = await findSubjectEmployees({ db: transaction, cipher }, query, applicationIds)
    const anonymised = await anonymiseApplications(transaction, cipher, applicationIds, now)
    const employees = await anonymiseEmployees(transaction, cipher, employeeIds, now)
    const remaining = await rowsAbout(transaction, cipher, query, applicationIds, employeeIds)
    const kept = Object.fromEntries(
      Object.entries(remaining)
        .filter(([table, rows]) => rows.length > 0 && isKept(table))
        .map(([table, rows]) => [table, rows.length]),
    )
    await createAuditLogRepository(transaction).append({
      actor,
      action: 'subject.erased',
      details: { matchedBy: query.kind, applicationIds, employeeIds, anonymised, ...employees, kept },
    })
    return { query, applicationIds, employeeIds, anonymised, ...employees, kept }
  })
}

/** The normalised form identifiers hold: the canonical email, or the phone in E.164. */
function matchingValue(query: SubjectQuery & { readonly kind: 'email' | 'phone' }): string {
  if (query.kind === 'email') {
    const email = parseEmail(query.value)
    if (!email.isValid) throw new StoreError('invalid-value', 'email is not an email address', { target: 'email' })
    return email.canonical
  }
  const phone = parsePhone(query.value)
  if (phone.e164 === undefined) {
    throw new StoreError('invalid-value', 'phone must be a full international number such as +14155550132', {
      target: 'phone',
    })
  }
  return phone.e164
}

function isKept(table: string): boolean {
  const classification = personalDataTables[table]
  return classification?.kind === 'subject' && classification.erase === 'keep'
}

function countRows(tables: Readonly<Record<string, readonly unknown[]>>): Readonly<Record<string, number>> {
  return Object.fromEntries(Object.entries(tables).map(([table, rows]) => [table, rows.length]))
}

/** The rows of every table whose classification has a lookup, for the tables this database has. */
async function rowsAbout(
  db: Kysely<Database>,
  cipher: PersonalDataCipher,
  query: SubjectQuery,
  applicationIds: readonly string[],
  employeeIds: readonly string[],
): Promise<Record<string, readonly unknown[]>> {
  const present = new Set(
    (
      await sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = current_schema()`.execute(db)
    ).rows.map((row) => row.name),
  )
  const ids = [...applicationIds]
  const select = async (table: string, where: ReturnType<typeof sql>): Promise<Row[]> =>
    present.has(table) ? (await sql<Row>`select * from ${sql.table(table)} where ${where}`.execute(db)).rows : []
  const byApplication = (column: string) => sql`${sql.ref(column)}::text = any(${ids}::text[])`
  const employees = [...employeeIds]
  const subjectIs = sql`(subject_kind = 'application' and subject_id = any(${ids}::text[]))
    or (subject_kind = 'employee' and subject_id = any(${employees}::text[]))`

  const tables: Record<string, readonly unknown[]> = {}
  tables.applications = (await select('applications', byApplication('id'))).map((row) =>
    toStoredApplication(row as unknown as Selectable<ApplicationsTable>, cipher),
  )
  tables.application_identifiers = (await select('application_identifiers', byApplication('application_id'))).map(
    (row) => ({ ...row, ...openIdentifier(row as { value: string; display: string }, cipher) }),
  )
  tables.screening_results = (await select('screening_results', byApplication('application_id'))).map((row) => ({
    ...row,
    signals: openSignalDetails(row.signals, cipher),
  }))
  tables.decisions = await select('decisions', subjectIs)
  tables.cases = await select('cases', subjectIs)
  tables.cluster_members = await select('cluster_members', byApplication('application_id'))
  tables.import_job_rows = await select('import_job_rows', byApplication('application_id'))
  tables.ats_hires = await select('ats_hires', byApplication('application_id'))
  tables.outbox_events = await select('outbox_events', sql`payload ->> 'applicationId' = any(${ids}::text[])`)
  tables.audit_log = await select('audit_log', sql`target = any(${ids.map((id) => `application:${id}`)}::text[])`)
  tables.employees = (await select('employees', sql`id = any(${employees}::text[])`)).map((row) => ({
    ...row,
    legal_name: cipher.open(row.legal_name),
    home_address: cipher.open(row.home_address),
    manager: cipher.open(row.manager),
  }))
  tables.employee_assessments = (
    await select('employee_assessments', sql`employee_id = any(${employees}::text[])`)
  ).map((row) => ({ ...row, signals: openSignalDetails(row.signals, cipher) }))
  const subjectKeys = present.has('employees') ? [...(await employeeSubjectKeys(db, employees)).keys()] : []
  tables.workforce_records = (await select('workforce_records', sql`subject_key = any(${subjectKeys}::text[])`)).map(
    (row) => ({ ...row, record: openWorkforceRecord(row.record as Record<string, unknown>, cipher) }),
  )
  const email = query.kind === 'email' ? query.value.trim().toLowerCase() : undefined
  const users = email === undefined ? [] : await select('users', sql`email = ${email}`)
  tables.users = users.map(({ password_hash: _hash, ...user }) => user)
  const userIds = users.map((row) => String(row.id))
  tables.sessions = (await select('sessions', sql`user_id::text = any(${userIds}::text[])`)).map(
    ({ token_hash: _hash, ...session }) => session,
  )
  tables.watchlist_entries =
    query.kind === 'application' || query.kind === 'employee'
      ? []
      : await select('watchlist_entries', sql`kind = ${query.kind} and normalised = ${matchingValue(query)}`)
  return tables
}
