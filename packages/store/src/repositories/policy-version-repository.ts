import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, PolicyVersionsTable } from '../database/database-schema.js'
import { inTransaction } from '../database/in-transaction.js'
import { toJson } from '../database/json-text.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import { linkingLockKey } from './linking-repository.js'

/** `draft`: saved, never screened with; `published`: screens now (one at a time); `retired`: published before. */
export const policyVersionStatuses = ['draft', 'published', 'retired'] as const
export type PolicyVersionStatus = (typeof policyVersionStatuses)[number]

/** One saved version of the scoring policy. */
export type StoredPolicyVersion = {
  /** 1, 2, 3... in the order versions were saved. */
  readonly version: number
  /** The policy's own `version` string: what screening results record as `policyVersion`. Unique. */
  readonly policyVersion: string
  /** The policy document as stored; the server validates it before screening with it. */
  readonly policy: Readonly<Record<string, unknown>>
  readonly status: PolicyVersionStatus
  /** Who saved it: `user:<id>`, `api-key:<prefix>`, `system:serve`. */
  readonly author: string
  readonly note: string | null
  readonly createdAt: Date
  /** When it was last published; null for a draft. */
  readonly publishedAt: Date | null
}

export type NewPolicyVersion = {
  readonly policy: Readonly<Record<string, unknown>> & { readonly version: string }
  readonly author: string
  readonly note?: string | undefined
}

/** What publishing did: the version now published and the one it replaced, if any. */
export type PublishedPolicy = {
  readonly published: StoredPolicyVersion
  readonly retired: StoredPolicyVersion | undefined
  /** False when the version was published already: nothing changed. */
  readonly isChange: boolean
}

export type PolicyVersionRepository = {
  /** The version that screens now; undefined before the first is published. */
  published(): Promise<StoredPolicyVersion | undefined>
  /** Just the published version's number: the cheap check a screening batch makes. */
  publishedNumber(): Promise<number | undefined>
  find(version: number): Promise<StoredPolicyVersion | undefined>
  /** Newest first, at most `limit` (default 100). */
  list(request?: { readonly limit?: number }): Promise<readonly StoredPolicyVersion[]>
  /** Saves a draft as the next version; `conflict` (target `policy_version`) when its `version` string is taken. */
  saveDraft(draft: NewPolicyVersion): Promise<StoredPolicyVersion>
  /**
   * Publishes a draft or a retired version (a rollback) and retires the published one, in one transaction that holds
   * the linking lock, so no screening batch writes a result between the switch and its commit; writes
   * `policy.published` to the audit log with `actor`. `not-found` for an unknown version; publishing the published
   * version changes nothing and writes nothing.
   */
  publish(
    version: number,
    audit: { readonly actor: string; readonly note?: string | undefined },
  ): Promise<PublishedPolicy>
  /**
   * The published version, or, when there is none, `initial` saved and published as the first: how a new store's
   * history starts with the policy the server was started with. `isNew` says which. Safe when several processes
   * start at once. `conflict` when `initial`'s `version` string is stored with other content.
   */
  publishInitial(initial: NewPolicyVersion): Promise<{ readonly stored: StoredPolicyVersion; readonly isNew: boolean }>
  /**
   * Screened applications in id order after `after`, each with its latest result's outcome, score and signal codes
   * and severities (the database picks them out of the stored signals, so a page is small): what a backtest replays.
   */
  /** How many applications a backtest would replay: those with a screening result. */
  screenedCount(): Promise<number>
  backtestPage(request: {
    readonly after?: string | undefined
    readonly limit: number
  }): Promise<readonly BacktestEntry[]>
}

/** A stored application's latest result as a backtest replays it: the outcome and the signals that were scored. */
export type BacktestEntry = {
  readonly applicationId: string
  readonly score: number
  readonly outcome: string
  readonly policyVersion: string
  /** Each scored signal's code and severity: all scoring reads of a signal. */
  readonly signals: readonly (readonly [code: string, severity: string])[]
}

/**
 * The advisory lock key that orders saving and publishing policy versions: the first 8 bytes of
 * SHA-256("hirewall.policy-versions") as a signed bigint.
 */
export const policyVersionsLockKey = 2_398_060_312_878_163_460n

export function createPolicyVersionRepository(db: Kysely<Database>): PolicyVersionRepository {
  const published = async (handle: Kysely<Database>) => {
    const row = await handle
      .selectFrom('policy_versions')
      .selectAll()
      .where('status', '=', 'published')
      .executeTakeFirst()
    return row === undefined ? undefined : toPolicyVersion(row)
  }
  const find = async (handle: Kysely<Database>, version: number) => {
    const row = await handle.selectFrom('policy_versions').selectAll().where('version', '=', version).executeTakeFirst()
    return row === undefined ? undefined : toPolicyVersion(row)
  }
  const insert = async (handle: Kysely<Database>, draft: NewPolicyVersion, isPublished: boolean) => {
    await lock(handle, policyVersionsLockKey)
    const taken = await handle
      .selectFrom('policy_versions')
      .select('version')
      .where('policy_version', '=', draft.policy.version)
      .executeTakeFirst()
    if (taken !== undefined) {
      throw new StoreError(
        'conflict',
        `Policy version "${draft.policy.version}" is already stored as version ${taken.version}; give the policy another version.`,
        { target: 'policy_version' },
      )
    }
    const last = await handle
      .selectFrom('policy_versions')
      .select((eb) => eb.fn.max('version').as('version'))
      .executeTakeFirst()
    const row = await handle
      .insertInto('policy_versions')
      .values({
        version: (last?.version ?? 0) + 1,
        policy_version: draft.policy.version,
        policy: toJson(draft.policy),
        status: isPublished ? 'published' : 'draft',
        author: draft.author,
        note: draft.note ?? null,
        published_at: isPublished ? new Date() : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    return toPolicyVersion(row)
  }

  return {
    published: () => published(db),
    publishedNumber: async () =>
      (await db.selectFrom('policy_versions').select('version').where('status', '=', 'published').executeTakeFirst())
        ?.version,
    find: (version) => find(db, version),
    list: async (request = {}) =>
      (
        await db
          .selectFrom('policy_versions')
          .selectAll()
          .orderBy('version', 'desc')
          .limit(Math.min(Math.max(1, request.limit ?? 100), 1000))
          .execute()
      ).map(toPolicyVersion),
    screenedCount: async () => {
      const row = await db
        .selectFrom('applications')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('latest_result_id', 'is not', null)
        .executeTakeFirstOrThrow()
      return Number(row.count)
    },
    backtestPage: async (request) => {
      let query = db
        .selectFrom('applications as a')
        .innerJoin('screening_results as r', 'r.id', 'a.latest_result_id')
        .select([
          'a.id',
          'r.score',
          'r.outcome',
          'r.policy_version',
          sql<[string, string][]>`coalesce((select jsonb_agg(jsonb_build_array(s->>'code', s->>'severity'))
            from jsonb_array_elements(r.signals) as s), '[]'::jsonb)`.as('signals'),
        ])
      if (request.after !== undefined) query = query.where('a.id', '>', request.after)
      const rows = await query.orderBy('a.id').limit(request.limit).execute()
      return rows.map((row) => ({
        applicationId: row.id,
        score: row.score,
        outcome: row.outcome,
        policyVersion: row.policy_version,
        signals: row.signals,
      }))
    },
    saveDraft: (draft) =>
      translatingErrors(() => inTransaction(db, (transaction) => insert(transaction, draft, false))),
    publish: (version, audit) =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          // The linking lock first, as screening batches take it: a batch scores with the policy it reads under it.
          await lock(transaction, linkingLockKey)
          await lock(transaction, policyVersionsLockKey)
          const target = await find(transaction, version)
          if (target === undefined) {
            throw new StoreError('not-found', `No policy version ${version}.`, { target: 'version' })
          }
          const current = await published(transaction)
          if (current?.version === version) return { published: current, retired: undefined, isChange: false }
          if (current !== undefined) {
            await transaction
              .updateTable('policy_versions')
              .set({ status: 'retired' })
              .where('version', '=', current.version)
              .execute()
          }
          const row = await transaction
            .updateTable('policy_versions')
            .set({ status: 'published', published_at: new Date() })
            .where('version', '=', version)
            .returningAll()
            .executeTakeFirstOrThrow()
          await transaction
            .insertInto('audit_log')
            .values({
              actor: audit.actor,
              action: 'policy.published',
              target: `policy-version:${version}`,
              details: toJson({
                version,
                policyVersion: row.policy_version,
                ...(current === undefined
                  ? {}
                  : { previousVersion: current.version, previousPolicyVersion: current.policyVersion }),
                ...(audit.note === undefined ? {} : { note: audit.note }),
              }),
            })
            .execute()
          return {
            published: toPolicyVersion(row),
            retired: current === undefined ? undefined : { ...current, status: 'retired' as const },
            isChange: true,
          }
        }),
      ),
    publishInitial: (initial) =>
      translatingErrors(() =>
        inTransaction(db, async (transaction) => {
          await lock(transaction, linkingLockKey)
          await lock(transaction, policyVersionsLockKey)
          const current = await published(transaction)
          if (current !== undefined) return { stored: current, isNew: false }
          const same = await transaction
            .selectFrom('policy_versions')
            .selectAll()
            .where('policy_version', '=', initial.policy.version)
            .executeTakeFirst()
          if (same !== undefined) {
            if (JSON.stringify(sortedKeys(same.policy)) !== JSON.stringify(sortedKeys(initial.policy))) {
              throw new StoreError(
                'conflict',
                `Policy version "${initial.policy.version}" is stored as version ${same.version} with other content.`,
                { target: 'policy_version' },
              )
            }
            const row = await transaction
              .updateTable('policy_versions')
              .set({ status: 'published', published_at: new Date() })
              .where('version', '=', same.version)
              .returningAll()
              .executeTakeFirstOrThrow()
            const stored = toPolicyVersion(row)
            await auditInitial(transaction, initial.author, stored)
            return { stored, isNew: false }
          }
          const stored = await insert(transaction, initial, true)
          await auditInitial(transaction, initial.author, stored)
          return { stored, isNew: true }
        }),
      ),
  }
}

async function lock(db: Kysely<Database>, key: bigint): Promise<void> {
  await sql`select pg_advisory_xact_lock(${key.toString()}::bigint)`.execute(db)
}

async function auditInitial(db: Kysely<Database>, actor: string, stored: StoredPolicyVersion): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor,
      action: 'policy.published',
      target: `policy-version:${stored.version}`,
      details: toJson({ version: stored.version, policyVersion: stored.policyVersion, initial: true }),
    })
    .execute()
}

/** JSON with object keys in order, so two equal policies compare equal however their keys were written. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => [key, sortedKeys(item)]),
  )
}

function toPolicyVersion(row: Selectable<PolicyVersionsTable>): StoredPolicyVersion {
  const status = row.status
  if (!(policyVersionStatuses as readonly string[]).includes(status)) {
    throw new StoreError('invalid-data', `policy version ${row.version} has status ${String(status)}`)
  }
  return {
    version: row.version,
    policyVersion: row.policy_version,
    policy: row.policy,
    status,
    author: row.author,
    note: row.note,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  }
}
