import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, WorkforceRecordsTable } from '../database/database-schema.js'
import { toJson } from '../database/json-text.js'
import { translatingErrors } from '../database/store-error.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { openWorkforceRecord, sealWorkforceRecord } from '../privacy/workforce-personal-fields.js'
import type { WorkforceRecordKind } from '../store-vocabularies.js'

/**
 * The advisory lock key of workforce ingestion: the first 8 bytes of SHA-256("hirewall.workforce-ingest") as a signed
 * bigint. Distinct from the identity-linking key.
 */
export const workforceLockKey = -771_164_385_093_678_983n

/** A post-hire feed record to store: the normalised record JSON and how to find and order it. */
export type NewWorkforceRecord = {
  readonly kind: WorkforceRecordKind
  /** Unique per kind: re-sending the same event or row stores nothing new. */
  readonly naturalKey: string
  /** The employee id, sign-in name or device host the record is about. */
  readonly subjectKey: string
  /** The record's own time (start date, shipment, check-in, observation, sign-in, change), when it has one. */
  readonly at: Date | undefined
  readonly record: Readonly<Record<string, unknown>>
  /** The feed it came in by (`okta`, `payroll`...). */
  readonly source: string
  /** `user:<id>`, `api-key:<id>`. */
  readonly receivedBy: string
}

export type StoredWorkforceRecord = {
  readonly seq: number
  readonly kind: WorkforceRecordKind
  readonly naturalKey: string
  readonly subjectKey: string
  readonly at: Date | null
  readonly record: Readonly<Record<string, unknown>>
  readonly source: string
  readonly receivedBy: string
  readonly receivedAt: Date
}

/** For each record given to `append`, in order: its `seq` when it is new, or `duplicate` when it was stored before. */
export type AppendedWorkforceRecord =
  { readonly status: 'stored'; readonly seq: number } | { readonly status: 'duplicate' }

/** Where a time-ordered replay page ends: the next page starts after it. */
export type ReplayPosition = { readonly at: Date | null; readonly seq: number }

export type WorkforceRecordRepository = {
  /**
   * Takes the workforce ingestion lock (a transaction-level advisory lock) until the caller's transaction ends: `seq`
   * then grows with commit order, so reading above the last `seq` seen never skips a record committed later.
   */
  lock(): Promise<void>
  /** Stores the new records, skipping those whose kind and natural key are stored already (also within the list). */
  append(records: readonly NewWorkforceRecord[]): Promise<readonly AppendedWorkforceRecord[]>
  /** Records with `seq` above `afterSeq`, in `seq` order, at most `limit`. */
  after(afterSeq: number, limit: number): Promise<readonly StoredWorkforceRecord[]>
  /** The highest `seq` stored; 0 when there is none. */
  lastSeq(): Promise<number>
  /**
   * Records with `seq` up to `untilSeq`, in time order (records without a time first, ties by `seq`), the page after
   * `position`: how a process rebuilds its evaluator.
   */
  replay(
    untilSeq: number,
    position: ReplayPosition | undefined,
    limit: number,
  ): Promise<readonly StoredWorkforceRecord[]>
  /** The records about any of `subjectKeys`, of the given kinds, in time order (at most `limit`). */
  about(
    subjectKeys: readonly string[],
    kinds: readonly WorkforceRecordKind[],
    limit: number,
  ): Promise<readonly StoredWorkforceRecord[]>
  /** Device check-ins whose serial is one of `serials` (a device tied to its employee by the shipment's serial). */
  checkInsBySerial(serials: readonly string[], limit: number): Promise<readonly StoredWorkforceRecord[]>
  /** Sign-ins of the accounts per UTC day: events, successes, failures, distinct addresses and countries. */
  signInDays(logins: readonly string[]): Promise<readonly SignInDay[]>
}

/** One UTC day of an employee's sign-ins. */
export type SignInDay = {
  /** YYYY-MM-DD (UTC). */
  readonly day: string
  readonly events: number
  readonly successes: number
  readonly failures: number
  readonly addresses: number
  readonly countries: readonly string[]
  readonly firstAt: Date
  readonly lastAt: Date
}

/** `cipher` seals each record's personal keys on the way in and opens them on the way out. */
export function createWorkforceRecordRepository(
  db: Kysely<Database>,
  cipher: PersonalDataCipher = unencrypted,
): WorkforceRecordRepository {
  const toStoredRecord = (row: Selectable<WorkforceRecordsTable>): StoredWorkforceRecord => ({
    seq: row.seq,
    kind: row.kind,
    naturalKey: row.natural_key,
    subjectKey: row.subject_key,
    at: row.at,
    record: openWorkforceRecord(row.record, cipher),
    source: row.source,
    receivedBy: row.received_by,
    receivedAt: row.received_at,
  })
  return {
    lock: async () => {
      await sql`select pg_advisory_xact_lock(${workforceLockKey.toString()}::bigint)`.execute(db)
    },
    append: (records) =>
      translatingErrors(async () => {
        if (records.length === 0) return []
        // One row per natural key even when the batch repeats one: the first occurrence is stored.
        const firstIndex = new Map<string, number>()
        records.forEach((record, index) => {
          const key = `${record.kind}\u0000${record.naturalKey}`
          if (!firstIndex.has(key)) firstIndex.set(key, index)
        })
        const unique = [...firstIndex.values()].map((index) => records[index] as NewWorkforceRecord)
        const inserted = await db
          .insertInto('workforce_records')
          .values(
            unique.map((record) => ({
              kind: record.kind,
              natural_key: record.naturalKey,
              subject_key: record.subjectKey,
              at: record.at ?? null,
              record: toJson(sealWorkforceRecord(record.kind, record.record, cipher)),
              source: record.source,
              received_by: record.receivedBy,
            })),
          )
          .onConflict((conflict) => conflict.columns(['kind', 'natural_key']).doNothing())
          .returning(['seq', 'kind', 'natural_key'])
          .execute()
        const seqOf = new Map(inserted.map((row) => [`${row.kind}\u0000${row.natural_key}`, row.seq]))
        return records.map((record, index): AppendedWorkforceRecord => {
          const key = `${record.kind}\u0000${record.naturalKey}`
          const seq = seqOf.get(key)
          return seq !== undefined && firstIndex.get(key) === index
            ? { status: 'stored', seq }
            : { status: 'duplicate' }
        })
      }),
    after: async (afterSeq, limit) => {
      const rows = await db
        .selectFrom('workforce_records')
        .selectAll()
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute()
      return rows.map(toStoredRecord)
    },
    lastSeq: async () => {
      const row = await db
        .selectFrom('workforce_records')
        .select((eb) => eb.fn.max('seq').as('last'))
        .executeTakeFirst()
      return Number(row?.last ?? 0)
    },
    replay: async (untilSeq, position, limit) => {
      let query = db.selectFrom('workforce_records').selectAll().where('seq', '<=', untilSeq)
      if (position !== undefined) {
        query =
          position.at === null
            ? query.where((eb) =>
                eb.or([eb('at', 'is not', null), eb.and([eb('at', 'is', null), eb('seq', '>', position.seq)])]),
              )
            : query.where(sql<boolean>`(at, seq) > (${position.at}::timestamptz, ${position.seq}::bigint)`)
      }
      const rows = await query
        .orderBy(sql`at asc nulls first`)
        .orderBy('seq')
        .limit(limit)
        .execute()
      return rows.map(toStoredRecord)
    },
    about: async (subjectKeys, kinds, limit) => {
      if (subjectKeys.length === 0 || kinds.length === 0) return []
      const rows = await db
        .selectFrom('workforce_records')
        .selectAll()
        .where('subject_key', 'in', [...subjectKeys])
        .where('kind', 'in', [...kinds])
        .orderBy(sql`at asc nulls first`)
        .orderBy('seq')
        .limit(limit)
        .execute()
      return rows.map(toStoredRecord)
    },
    checkInsBySerial: async (serials, limit) => {
      if (serials.length === 0) return []
      const rows = await db
        .selectFrom('workforce_records')
        .selectAll()
        .where('kind', '=', 'device-check-in')
        .where(
          sql<boolean>`lower(btrim(record ->> 'serial')) = any(${serials.map((serial) => serial.trim().toLowerCase())}::text[])`,
        )
        .orderBy('at')
        .orderBy('seq')
        .limit(limit)
        .execute()
      return rows.map(toStoredRecord)
    },
    signInDays: async (logins) => {
      if (logins.length === 0) return []
      const { rows } = await sql<{
        day: string
        events: number
        successes: number
        failures: number
        addresses: number
        countries: string[] | null
        first_at: Date
        last_at: Date
      }>`
        select to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day,
          count(*)::int as events,
          count(*) filter (where record ->> 'outcome' = 'success')::int as successes,
          count(*) filter (where record ->> 'outcome' = 'failure')::int as failures,
          count(distinct coalesce(record ->> 'ipKey', record ->> 'ip'))::int as addresses,
          array_agg(distinct record ->> 'country') filter (where record ->> 'country' is not null) as countries,
          min(at) as first_at, max(at) as last_at
        from workforce_records
        where kind = 'sign-in' and subject_key = any(${[...logins]}::text[])
        group by 1
        order by 1
      `.execute(db)
      return rows.map((row) => ({
        day: row.day,
        events: Number(row.events),
        successes: Number(row.successes),
        failures: Number(row.failures),
        addresses: Number(row.addresses),
        countries: [...(row.countries ?? [])].sort(),
        firstAt: new Date(row.first_at),
        lastAt: new Date(row.last_at),
      }))
    },
  }
}
