import type { ApplicationRecord, NormalisedApplication } from '@hirewall/core'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database/database-schema.js'
import { unencrypted, type PersonalDataCipher } from '../privacy/personal-data-cipher.js'
import { openDocument, openRecord } from '../privacy/personal-fields.js'

/** An application as the identity graph replays it: its place in link order, its record and normalised facts. */
export type LinkedApplication = {
  readonly id: string
  readonly linkSeq: number
  readonly record: ApplicationRecord
  readonly facts: NormalisedApplication
}

/** An application already stored under one of the idempotency keys or ids asked about. */
export type TakenApplication = {
  readonly id: string
  readonly idempotencyKey: string
  /** The version of its latest screening result; 0 when it was stored without screening. */
  readonly latestVersion: number
}

/**
 * What the screening pipeline needs to link applications consistently across server processes: one lock that
 * serialises linking, the applications linked since a point in link order (to replay them into an in-memory index),
 * and which idempotency keys and ids are already taken.
 */
export type LinkingRepository = {
  /**
   * Takes the linking lock (a PostgreSQL transaction-level advisory lock) until the caller's transaction ends.
   * Only a repository bound to a transaction (`store.transaction`) may take it.
   */
  lock(): Promise<void>
  /** Applications with `link_seq` above `afterSeq`, in link order, at most `limit`. */
  linkedAfter(afterSeq: number, limit: number): Promise<readonly LinkedApplication[]>
  /** The highest `link_seq` stored; 0 when nothing is linked. */
  lastLinkSeq(): Promise<number>
  /** Stored applications holding any of these idempotency keys or ids. */
  findTaken(query: {
    readonly idempotencyKeys: readonly string[]
    readonly ids: readonly string[]
  }): Promise<readonly TakenApplication[]>
}

/**
 * The advisory lock key of linking: the first 8 bytes of SHA-256("hirewall.identity-linking") as a signed bigint. Any
 * other use of advisory locks in the database must pick another key.
 */
export const linkingLockKey = 8_315_464_927_985_616_794n

export function createLinkingRepository(
  db: Kysely<Database>,
  cipher: PersonalDataCipher = unencrypted,
): LinkingRepository {
  return {
    lock: async () => {
      // A session-level lock would outlive a failed transaction on a pooled connection; this one cannot.
      if (!db.isTransaction) throw new Error('linking.lock() needs a repository bound to a transaction')
      await sql`select pg_advisory_xact_lock(${linkingLockKey.toString()}::bigint)`.execute(db)
    },
    linkedAfter: async (afterSeq, limit) => {
      const rows = await db
        .selectFrom('applications')
        .select(['id', 'link_seq', 'record', 'facts'])
        .where('link_seq', '>', afterSeq)
        .orderBy('link_seq')
        .limit(limit)
        .execute()
      return rows.map((row) => ({
        id: row.id,
        linkSeq: row.link_seq ?? 0,
        record: openRecord(row.record, cipher),
        facts: openDocument(row.facts, cipher) as NormalisedApplication,
      }))
    },
    lastLinkSeq: async () => {
      const row = await db
        .selectFrom('applications')
        .select((eb) => eb.fn.max('link_seq').as('last'))
        .executeTakeFirst()
      return Number(row?.last ?? 0)
    },
    findTaken: async ({ idempotencyKeys, ids }) => {
      if (idempotencyKeys.length === 0 && ids.length === 0) return []
      const rows = await db
        .selectFrom('applications')
        .select(['id', 'idempotency_key', 'latest_version'])
        .where((eb) =>
          eb.or([
            eb('idempotency_key', '=', sql<string>`any(${[...idempotencyKeys]}::text[])`),
            eb('id', '=', sql<string>`any(${[...ids]}::text[])`),
          ]),
        )
        .execute()
      return rows.map((row) => ({ id: row.id, idempotencyKey: row.idempotency_key, latestVersion: row.latest_version }))
    },
  }
}
