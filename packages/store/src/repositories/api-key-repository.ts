import { sql, type Kysely, type Selectable } from 'kysely'
import type { ApiKeysTable, Database } from '../database/database-schema.js'
import { isUuid } from '../database/is-uuid.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import type { ApiKeyScope } from '../store-vocabularies.js'

/** A machine client's key, without its hash. The key itself is shown once at creation and never stored. */
export type ApiKey = {
  readonly id: string
  readonly name: string
  /** The key's public first characters, unique: how a request's key is found before its hash is compared. */
  readonly prefix: string
  readonly scopes: readonly ApiKeyScope[]
  readonly createdBy: string
  readonly createdAt: Date
  readonly lastUsedAt: Date | null
  readonly expiresAt: Date | null
  readonly revokedAt: Date | null
}

export type NewApiKey = {
  readonly name: string
  readonly prefix: string
  /** Computed by the server; the store only keeps and returns it. */
  readonly keyHash: string
  readonly scopes: readonly ApiKeyScope[]
  readonly createdBy: string
  readonly expiresAt?: Date
}

export type ApiKeyRepository = {
  /** A `conflict` StoreError when the prefix is taken; `invalid-value` for no scopes. */
  create(key: NewApiKey): Promise<ApiKey>
  /** The key and its hash, revoked or expired ones included (check with `isApiKeyUsable`). */
  findByPrefix(prefix: string): Promise<{ readonly key: ApiKey; readonly keyHash: string } | undefined>
  /** Every key, newest first. */
  list(): Promise<readonly ApiKey[]>
  /** Revokes the key (once: revoking again keeps the first time); `not-found` for an unknown id. */
  revoke(id: string): Promise<ApiKey>
  /** Notes that the key was just used. */
  touch(id: string): Promise<void>
}

/** True when the key is neither revoked nor expired at `at`. */
export function isApiKeyUsable(key: ApiKey, at: Date = new Date()): boolean {
  return key.revokedAt === null && (key.expiresAt === null || key.expiresAt.getTime() > at.getTime())
}

export function createApiKeyRepository(db: Kysely<Database>): ApiKeyRepository {
  return {
    create: (key) =>
      translatingErrors(async () => {
        const row = await db
          .insertInto('api_keys')
          .values({
            name: key.name,
            prefix: key.prefix,
            key_hash: key.keyHash,
            scopes: [...new Set(key.scopes)],
            created_by: key.createdBy,
            expires_at: key.expiresAt ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        return toApiKey(row)
      }),
    findByPrefix: async (prefix) => {
      const row = await db.selectFrom('api_keys').selectAll().where('prefix', '=', prefix).executeTakeFirst()
      return row && { key: toApiKey(row), keyHash: row.key_hash }
    },
    list: async () =>
      (await db.selectFrom('api_keys').selectAll().orderBy('created_at', 'desc').orderBy('id').execute()).map(toApiKey),
    revoke: async (id) => {
      const row = isUuid(id)
        ? await db
            .updateTable('api_keys')
            .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirst()
        : undefined
      if (!row) throw new StoreError('not-found', `No API key ${id}`, { target: 'apiKeyId' })
      return toApiKey(row)
    },
    touch: async (id) => {
      if (!isUuid(id)) return
      await db.updateTable('api_keys').set({ last_used_at: new Date() }).where('id', '=', id).execute()
    },
  }
}

function toApiKey(row: Selectable<ApiKeysTable>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  }
}
