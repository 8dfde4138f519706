import { parseEmail, parsePhone } from '@hirewall/core'
import { sql, type Kysely, type Selectable } from 'kysely'
import type { ApplicationsTable, Database } from '../database/database-schema.js'
import { StoreError } from '../database/store-error.js'
import { toStoredApplication } from '../repositories/application-repository.js'
import { createAuditLogRepository } from '../repositories/audit-log-repository.js'
import { anonymiseApplications } from './anonymise-applications.js'
import type { PersonalDataCipher } from './personal-data-cipher.js'
import { personalDataTables } from './personal-data-tables.js'
import { openIdentifier } from './personal-fields.js'

/** The person a data-subject request is about: by email, by phone (international form), or by one application. */
export type SubjectQuery =
  | { readonly kind: 'email'; readonly value: string }
  | { readonly kind: 'phone'; readonly value: string }
  | { readonly kind: 'application'; readonly value: string }

export const subjectQueryKinds = ['email', 'phone', 'application'] as const

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
  readonly tables: Readonly<Record<string, readonly unknown[]>>
}

/** What an erasure did, and the rows it kept by design (see `personalDataTables`), by table. */
export type SubjectErasure = {
  readonly query: SubjectQuery
  readonly applicationIds: readonly string[]
  readonly anonymised: number
  readonly kept: Readonly<Record<string, number>>
}

type Row = Record<string, unknown>

/** The applications a query names, oldest first. An email or phone is matched on the identity graph's identifiers. */
export async function findSubjectApplications(
  context: PersonalDataContext,
  query: SubjectQuery,
): Promise<readonly string[]> {
  const { db, cipher } = context
  if (query.kind === 'application') {
    const row = await db.selectFrom('applications').select('id').where('id', '=', query.value).executeTakeFirst()
    return row === undefined ? [] : [row.id]
  }
  const value = matchingValue(query)
  const forms = [...new Set([cipher.hashIdentifier(query.kind, value), value])]
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

/** Every row about the subject across the store, and an audit entry saying who exported what (ids only). */
export async function exportSubject(
  context: PersonalDataContext,
  query: SubjectQuery,
  actor: string,
): Promise<SubjectExport> {
  const { db, cipher } = context
  const applicationIds = await findSubjectApplications(context, query)
  const tables = await rowsAbout(db, cipher, query, applicationIds)
  await createAuditLogRepository(db).append({
    actor,
    action: 'subject.exported',
    details: { matchedBy: query.kind, applicationIds, rows: countRows(tables) },
  })
  return { query, exportedAt: new Date().toISOString(), applicationIds, tables }
}

/**
 * Erases the subject's applications (anonymised: see `anonymiseApplications`) in one transaction with an audit entry
 * that names the application ids, never the email or phone asked for.
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
    const anonymised = await anonymiseApplications(transaction, cipher, applicationIds, now)
    const remaining = await rowsAbout(transaction, cipher, query, applicationIds)
    const kept = Object.fromEntries(
      Object.entries(remaining)
        .filter(([table, rows]) => rows.length > 0 && isKept(table))
        .map(([table, rows]) => [table, rows.length]),
    )
    await createAuditLogRepository(transaction).append({
      actor,
      action: 'subject.erased',
      details: { matchedBy: query.kind, applicationIds, anonymised, kept },
    })
    return { query, applicationIds, anonymised, kept }
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
  const subjectIs = sql`subject_kind = 'application' and subject_id = any(${ids}::text[])`

  const tables: Record<string, readonly unknown[]> = {}
  tables.applications = (await select('applications', byApplication('id'))).map((row) =>
    toStoredApplication(row as unknown as Selectable<ApplicationsTable>, cipher),
  )
  tables.application_identifiers = (await select('application_identifiers', byApplication('application_id'))).map(
    (row) => ({ ...row, ...openIdentifier(row as { value: string; display: string }, cipher) }),
  )
  tables.screening_results = await select('screening_results', byApplication('application_id'))
  tables.decisions = await select('decisions', subjectIs)
  tables.cases = await select('cases', subjectIs)
  tables.cluster_members = await select('cluster_members', byApplication('application_id'))
  tables.import_job_rows = await select('import_job_rows', byApplication('application_id'))
  tables.ats_hires = await select('ats_hires', byApplication('application_id'))
  tables.outbox_events = await select('outbox_events', sql`payload ->> 'applicationId' = any(${ids}::text[])`)
  tables.audit_log = await select('audit_log', sql`target = any(${ids.map((id) => `application:${id}`)}::text[])`)
  const employees = await select('employees', byApplication('application_id'))
  const employeeIds = employees.map((row) => String(row.id))
  tables.employees = employees
  tables.employee_assessments = await select('employee_assessments', sql`employee_id = any(${employeeIds}::text[])`)
  tables.workforce_records = await select('workforce_records', sql`subject_key = any(${employeeIds}::text[])`)
  const email = query.kind === 'email' ? query.value.trim().toLowerCase() : undefined
  const users = email === undefined ? [] : await select('users', sql`email = ${email}`)
  tables.users = users.map(({ password_hash: _hash, ...user }) => user)
  const userIds = users.map((row) => String(row.id))
  tables.sessions = (await select('sessions', sql`user_id::text = any(${userIds}::text[])`)).map(
    ({ token_hash: _hash, ...session }) => session,
  )
  tables.watchlist_entries =
    query.kind === 'application'
      ? []
      : await select('watchlist_entries', sql`kind = ${query.kind} and normalised = ${matchingValue(query)}`)
  return tables
}
