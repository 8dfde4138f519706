import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, SharingExportsTable } from '../database/database-schema.js'
import { inTransaction } from '../database/in-transaction.js'
import { isUuid } from '../database/is-uuid.js'
import { toJson } from '../database/json-text.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import { decodeCursor, encodeCursor, pageLimit, toPage, type Page, type PageRequest } from './page.js'

/** The formats an export is written in. */
export const sharingExportFormats = ['stix', 'misp'] as const
export type SharingExportFormat = (typeof sharingExportFormats)[number]

/** The TLP levels an export may carry: TLP:RED never leaves, so no export and no TAXII collection has it. */
export const exportTlpLevels = ['clear', 'green', 'amber', 'amber+strict'] as const
export type ExportTlpLevel = (typeof exportTlpLevels)[number]

/** One export as listed: what was shared, by whom, when, and how much. */
export type SharingExportSummary = {
  readonly id: string
  readonly format: SharingExportFormat
  readonly tlp: ExportTlpLevel
  readonly isHashed: boolean
  readonly keyFingerprint: string | null
  /** The admin's selection (date range, cluster...), as the server recorded it. */
  readonly selection: Readonly<Record<string, unknown>>
  readonly actor: string
  readonly createdAt: Date
  readonly indicatorCount: number
  readonly withheldCount: number
  /** STIX objects in the bundle, or MISP attributes in the event. */
  readonly objectCount: number
}

/** One export with the document exactly as it left. */
export type SharingExport = SharingExportSummary & { readonly document: unknown }

/** A STIX object to publish on the TAXII server; it needs a string `id` and `type`. */
export type PublishedObject = Readonly<Record<string, unknown>> & { readonly id: string; readonly type: string }

export type NewSharingExport = Omit<SharingExportSummary, 'id' | 'createdAt' | 'objectCount'> & {
  readonly document: unknown
  readonly objectCount: number
  /** The objects TAXII clients may read from now on, in the collection of the export's TLP (a STIX export's objects). */
  readonly published: readonly PublishedObject[]
  /** The audit entry written in the same transaction (`sharing.exported`), with the export id added to its details. */
  readonly audit: { readonly action: string; readonly details: Readonly<Record<string, unknown>> }
}

/** An application whose current verdict, or whose cluster's current verdict, is confirmed fraud. */
export type ConfirmedFraudApplication = {
  /** Load it with `applications.find` (which reads personal data as the store keeps it). */
  readonly applicationId: string
  /** The decision that confirmed it: on the application itself or on the cluster it is in now. */
  readonly decision: {
    readonly id: number
    readonly subjectKind: 'application' | 'cluster'
    readonly subjectId: string
    readonly decidedAt: Date
  }
}

/** Which confirmed-fraud decisions an export takes: decided within a time range, about one cluster. */
export type ConfirmedFraudSelection = {
  /** Decided at or after. */
  readonly decidedFrom?: Date
  /** Decided before. */
  readonly decidedBefore?: Date
  /** Only this cluster: its own decision and decisions on its current members. */
  readonly clusterId?: string
}

export type SharingExportRepository = {
  /**
   * Records an export, its published TAXII objects and its audit entry in one transaction. Objects are added to the
   * collection of the export's TLP with a `date_added` after every object added before (one microsecond apart, under
   * a lock, so polling by `added_after` never misses a later commit); a version already in the collection is kept.
   */
  record(newExport: NewSharingExport): Promise<SharingExportSummary>
  /** Newest first. */
  list(request?: PageRequest): Promise<Page<SharingExportSummary>>
  find(id: string): Promise<SharingExport | undefined>
  /** Applications confirmed as fraud by their current verdict or their cluster's, oldest decision first (at most 10,000). */
  confirmedFraud(selection?: ConfirmedFraudSelection): Promise<readonly ConfirmedFraudApplication[]>
}

/** The advisory lock key of TAXII publishing: the first 8 bytes of SHA-256("hirewall.sharing-exports"). */
export const sharingExportLockKey = -3_185_503_663_717_283_406n

const maxConfirmedApplications = 10_000
const insertChunk = 200

export function createSharingExportRepository(db: Kysely<Database>): SharingExportRepository {
  return {
    record: (newExport) =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          const row = await transaction
            .insertInto('sharing_exports')
            .values({
              format: newExport.format,
              tlp: newExport.tlp,
              is_hashed: newExport.isHashed,
              key_fingerprint: newExport.keyFingerprint,
              selection: toJson(newExport.selection),
              actor: newExport.actor,
              indicator_count: newExport.indicatorCount,
              withheld_count: newExport.withheldCount,
              object_count: newExport.objectCount,
              document: toJson(newExport.document),
            })
            .returningAll()
            .executeTakeFirstOrThrow()
          if (newExport.published.length > 0) {
            await sql`select pg_advisory_xact_lock(${sharingExportLockKey.toString()}::bigint)`.execute(transaction)
            const last = await sql<{ last: number | null }>`
              select (extract(epoch from max(date_added)) * 1000000)::float8 as last from taxii_objects`.execute(
              transaction,
            )
            const lastMicros = last.rows[0]?.last ?? 0
            const start = Math.max(Date.now() * 1000, lastMicros + 1)
            const rows = newExport.published.map((object, index) => {
              const dateAdded = microsecondTimestamp(start + index)
              const stamped = versionOf(object)
              return {
                collection: newExport.tlp,
                object_id: object.id,
                object_type: object.type,
                version: stamped ?? dateAdded,
                is_versioned: stamped !== undefined,
                date_added: dateAdded,
                export_id: row.id,
                object: toJson(object),
              }
            })
            for (let offset = 0; offset < rows.length; offset += insertChunk) {
              await transaction
                .insertInto('taxii_objects')
                .values(rows.slice(offset, offset + insertChunk))
                .onConflict((conflict) => conflict.doNothing())
                .execute()
            }
          }
          await transaction
            .insertInto('audit_log')
            .values({
              actor: newExport.actor,
              action: newExport.audit.action,
              target: `sharing-export:${row.id}`,
              details: toJson({ exportId: row.id, ...newExport.audit.details }),
            })
            .execute()
          return toSummary(row)
        }),
      ),
    list: async (request = {}) => {
      const limit = pageLimit(request)
      let query = db.selectFrom('sharing_exports').select(summaryColumns)
      if (request.after !== undefined) {
        const [time, id] = decodeCursor('sharing-exports', request.after, ['number', 'string'])
        const at = new Date(time)
        query = query.where((eb) =>
          eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
        )
      }
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute()
      return toPage(rows, limit, toSummary, (row) =>
        encodeCursor('sharing-exports', [row.created_at.getTime(), row.id]),
      )
    },
    find: async (id) => {
      if (!isUuid(id)) return undefined
      const row = await db.selectFrom('sharing_exports').selectAll().where('id', '=', id).executeTakeFirst()
      return row === undefined ? undefined : { ...toSummary(row), document: row.document }
    },
    confirmedFraud: async (selection = {}) => {
      // The current verdict of each subject is its latest decision.
      const current = db
        .selectFrom('decisions')
        .distinctOn(['subject_kind', 'subject_id'])
        .select(['id', 'subject_kind', 'subject_id', 'verdict', 'decided_at'])
        .orderBy('subject_kind')
        .orderBy('subject_id')
        .orderBy('id', 'desc')
      let query = db
        .with('current', () => current)
        .with('confirmed', (w) =>
          w
            .selectFrom('current')
            .leftJoin('cluster_members', (join) =>
              join
                .onRef('cluster_members.cluster_id', '=', 'current.subject_id')
                .on('current.subject_kind', '=', 'cluster'),
            )
            .select((eb) => [
              'current.id as decision_id',
              'current.subject_kind',
              'current.subject_id',
              'current.decided_at',
              eb
                .case()
                .when('current.subject_kind', '=', 'application')
                .then(eb.ref('current.subject_id'))
                .else(eb.ref('cluster_members.application_id'))
                .end()
                .as('application_id'),
            ])
            .where('current.verdict', '=', 'confirmed-fraud')
            .where('current.subject_kind', 'in', ['application', 'cluster']),
        )
        .selectFrom('confirmed')
        .innerJoin('applications', 'applications.id', 'confirmed.application_id')
        .leftJoin('cluster_members', 'cluster_members.application_id', 'applications.id')
        .distinctOn(['applications.id'])
        .select([
          'applications.id as application_id',
          'confirmed.decision_id',
          'confirmed.subject_kind',
          'confirmed.subject_id',
          'confirmed.decided_at',
        ])
      // An application an analyst cleared on its own stays out, even in a cluster confirmed as fraud.
      query = query.where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('current as own')
              .select('own.id')
              .whereRef('own.subject_id', '=', 'applications.id')
              .where('own.subject_kind', '=', 'application')
              .where('own.verdict', '=', 'cleared'),
          ),
        ),
      )
      if (selection.decidedFrom !== undefined) query = query.where('confirmed.decided_at', '>=', selection.decidedFrom)
      if (selection.decidedBefore !== undefined)
        query = query.where('confirmed.decided_at', '<', selection.decidedBefore)
      if (selection.clusterId !== undefined) {
        const clusterId = selection.clusterId
        query = query.where((eb) =>
          eb.or([
            eb.and([eb('confirmed.subject_kind', '=', 'cluster'), eb('confirmed.subject_id', '=', clusterId)]),
            eb('cluster_members.cluster_id', '=', clusterId),
          ]),
        )
      }
      const rows = await query
        .orderBy('applications.id')
        .orderBy('confirmed.decision_id')
        .limit(maxConfirmedApplications + 1)
        .execute()
      if (rows.length > maxConfirmedApplications) {
        throw new StoreError(
          'invalid-value',
          `more than ${maxConfirmedApplications} confirmed-fraud applications match: narrow the selection`,
          { target: 'selection' },
        )
      }
      return rows
        .map((row): ConfirmedFraudApplication => ({
          applicationId: row.application_id,
          decision: {
            id: row.decision_id,
            subjectKind: row.subject_kind === 'cluster' ? 'cluster' : 'application',
            subjectId: row.subject_id,
            decidedAt: row.decided_at,
          },
        }))
        .sort((a, b) => a.decision.id - b.decision.id || a.applicationId.localeCompare(b.applicationId))
    },
  }
}

const summaryColumns = [
  'id',
  'format',
  'tlp',
  'is_hashed',
  'key_fingerprint',
  'selection',
  'actor',
  'created_at',
  'indicator_count',
  'withheld_count',
  'object_count',
] as const

function toSummary(row: Omit<Selectable<SharingExportsTable>, 'document'>): SharingExportSummary {
  return {
    id: row.id,
    format: row.format,
    tlp: row.tlp,
    isHashed: row.is_hashed,
    keyFingerprint: row.key_fingerprint,
    selection: row.selection,
    actor: row.actor,
    createdAt: row.created_at,
    indicatorCount: row.indicator_count,
    withheldCount: row.withheld_count,
    objectCount: row.object_count,
  }
}

/** The TAXII version of a STIX object: `modified`, else `created`; observables and some markings have neither. */
function versionOf(object: PublishedObject): string | undefined {
  const stamp = object['modified'] ?? object['created']
  return typeof stamp === 'string' ? stamp : undefined
}

/** `2026-11-23T10:00:00.123456Z` for microseconds since the epoch. */
export function microsecondTimestamp(micros: number): string {
  const millis = Math.floor(micros / 1000)
  const rest = micros - millis * 1000
  return `${new Date(millis).toISOString().slice(0, 23)}${String(rest).padStart(3, '0')}Z`
}
