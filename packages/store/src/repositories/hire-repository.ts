import { sql, type Kysely, type Selectable } from 'kysely'
import type { AtsHiresTable, Database } from '../database/database-schema.js'
import { isUuid } from '../database/is-uuid.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import { decodeCursor, encodeCursor, pageLimit, toPage, type Page, type PageRequest } from './page.js'

/** A hire an ATS reported: which of its applications, which stored application that is, and when. */
export type Hire = {
  readonly id: string
  /** `greenhouse`, `ashby`, `lever`: the same value as the application's `source.system`. */
  readonly sourceSystem: string
  /** The application's (Lever: the opportunity's) id in the ATS. */
  readonly externalApplicationId: string
  readonly externalCandidateId: string | null
  /** The stored application, or null when HireWall never received it (hired before HireWall was connected). */
  readonly applicationId: string | null
  /** When the ATS says the offer was accepted, else when the hire was reported. */
  readonly hiredAt: Date
  /** The first working day, `YYYY-MM-DD`, when the ATS gives it. */
  readonly startDate: string | null
  /** `ats:greenhouse`, or the user who recorded it. */
  readonly recordedBy: string
  readonly recordedAt: Date
}

export type NewHire = {
  readonly sourceSystem: string
  readonly externalApplicationId: string
  readonly externalCandidateId?: string | undefined
  readonly applicationId?: string | undefined
  readonly hiredAt: Date
  readonly startDate?: string | undefined
  readonly recordedBy: string
}

/** `existing`: the ATS had reported this hire before (a redelivery); the stored hire is returned. */
export type RecordHireOutcome = { readonly status: 'created' | 'existing'; readonly hire: Hire }

export type HireFilter = {
  readonly sourceSystem?: string
  /** Hires from this time on (`hiredAt >= since`). */
  readonly since?: Date
}

export type HireRepository = {
  /**
   * Records a hire once per source system and external application id, also under concurrency. A repeat keeps the
   * first report and only fills in what it lacked: the stored application, the candidate id and the start date.
   */
  record(hire: NewHire): Promise<RecordHireOutcome>
  find(sourceSystem: string, externalApplicationId: string): Promise<Hire | undefined>
  /** The hire of a stored application, if it was hired. */
  findByApplication(applicationId: string): Promise<Hire | undefined>
  /** Hires in the order they happened (oldest first), a page at a time: what post-hire checks work through. */
  list(filter?: HireFilter, request?: PageRequest): Promise<Page<Hire>>
}

export function createHireRepository(db: Kysely<Database>): HireRepository {
  return {
    record: (hire) =>
      translatingErrors(async () => {
        // `xmax = 0` tells an inserted row from one the conflict clause updated.
        const row = await db
          .insertInto('ats_hires')
          .values({
            source_system: hire.sourceSystem,
            external_application_id: hire.externalApplicationId,
            external_candidate_id: hire.externalCandidateId ?? null,
            application_id: hire.applicationId ?? null,
            hired_at: hire.hiredAt,
            start_date: hire.startDate ?? null,
            recorded_by: hire.recordedBy,
          })
          .onConflict((conflict) =>
            conflict.columns(['source_system', 'external_application_id']).doUpdateSet({
              application_id: sql<string | null>`coalesce(ats_hires.application_id, excluded.application_id)`,
              external_candidate_id: sql<
                string | null
              >`coalesce(ats_hires.external_candidate_id, excluded.external_candidate_id)`,
              start_date: sql<string | null>`coalesce(ats_hires.start_date, excluded.start_date)`,
            }),
          )
          .returningAll()
          .returning(sql<boolean>`xmax = 0`.as('inserted'))
          .executeTakeFirstOrThrow()
        return { status: row.inserted ? 'created' : 'existing', hire: toHire(row) }
      }),
    find: async (sourceSystem, externalApplicationId) => {
      const row = await db
        .selectFrom('ats_hires')
        .selectAll()
        .where('source_system', '=', sourceSystem)
        .where('external_application_id', '=', externalApplicationId)
        .executeTakeFirst()
      return row && toHire(row)
    },
    findByApplication: async (applicationId) => {
      const row = await db
        .selectFrom('ats_hires')
        .selectAll()
        .where('application_id', '=', applicationId)
        .orderBy('hired_at')
        .executeTakeFirst()
      return row && toHire(row)
    },
    list: (filter = {}, request = {}) =>
      translatingErrors(async () => {
        const limit = pageLimit(request)
        let query = db.selectFrom('ats_hires').selectAll()
        if (filter.sourceSystem !== undefined) query = query.where('source_system', '=', filter.sourceSystem)
        if (filter.since !== undefined) query = query.where('hired_at', '>=', filter.since)
        if (request.after !== undefined) {
          const [time, id] = decodeCursor('hires', request.after, ['number', 'string'])
          if (!isUuid(id)) throw new StoreError('invalid-cursor', 'The cursor is not one this hires list issued')
          query = query.where(sql<boolean>`(hired_at, id) > (${new Date(time)}::timestamptz, ${id}::uuid)`)
        }
        const rows = await query
          .orderBy('hired_at')
          .orderBy('id')
          .limit(limit + 1)
          .execute()
        return toPage(rows, limit, toHire, (row) => encodeCursor('hires', [row.hired_at.getTime(), row.id]))
      }),
  }
}

function toHire(row: Selectable<AtsHiresTable>): Hire {
  return {
    id: row.id,
    sourceSystem: row.source_system,
    externalApplicationId: row.external_application_id,
    externalCandidateId: row.external_candidate_id,
    applicationId: row.application_id,
    hiredAt: row.hired_at,
    startDate: row.start_date,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  }
}
