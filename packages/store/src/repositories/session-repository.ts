import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database, SessionsTable } from '../database/database-schema.js'
import { isUuid } from '../database/is-uuid.js'
import { translatingErrors } from '../database/store-error.js'
import { createUserRepository, type User } from './user-repository.js'

/** A console sign-in. The cookie holds a random token; the store keeps only its hash. */
export type Session = {
  readonly id: string
  readonly userId: string
  readonly createdAt: Date
  readonly expiresAt: Date
  readonly lastSeenAt: Date
  readonly revokedAt: Date | null
  readonly ip: string | null
  readonly userAgent: string | null
}

export type NewSession = {
  readonly tokenHash: string
  readonly userId: string
  readonly expiresAt: Date
  readonly ip?: string
  readonly userAgent?: string
}

export type SessionRepository = {
  /** An `invalid-reference` StoreError when the user does not exist. */
  create(session: NewSession): Promise<Session>
  /** The session and its user, when the session is neither revoked nor expired and the user not disabled. */
  findActive(tokenHash: string, at?: Date): Promise<{ readonly session: Session; readonly user: User } | undefined>
  /** Notes activity and, when given, slides the expiry. */
  touch(id: string, expiresAt?: Date): Promise<void>
  revoke(id: string): Promise<void>
  /** Signs the user out everywhere (password change, role change, disabling). */
  revokeAllFor(userId: string): Promise<number>
}

export function createSessionRepository(db: Kysely<Database>): SessionRepository {
  const users = createUserRepository(db)
  return {
    create: (session) =>
      translatingErrors(async () => {
        const row = await db
          .insertInto('sessions')
          .values({
            token_hash: session.tokenHash,
            user_id: session.userId,
            expires_at: session.expiresAt,
            last_seen_at: new Date(),
            ip: session.ip ?? null,
            user_agent: session.userAgent ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        return toSession(row)
      }),
    findActive: async (tokenHash, at = new Date()) => {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst()
      if (!row) return undefined
      const user = await users.find(row.user_id)
      return user && user.disabledAt === null ? { session: toSession(row), user } : undefined
    },
    touch: async (id, expiresAt) => {
      if (!isUuid(id)) return
      await db
        .updateTable('sessions')
        .set(
          expiresAt === undefined ? { last_seen_at: new Date() } : { last_seen_at: new Date(), expires_at: expiresAt },
        )
        .where('id', '=', id)
        .execute()
    },
    revoke: async (id) => {
      if (!isUuid(id)) return
      await db
        .updateTable('sessions')
        .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
        .where('id', '=', id)
        .execute()
    },
    revokeAllFor: async (userId) => {
      if (!isUuid(userId)) return 0
      const result = await db
        .updateTable('sessions')
        .set({ revoked_at: new Date() })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst()
      return Number(result.numUpdatedRows)
    },
  }
}

function toSession(row: Selectable<SessionsTable>): Session {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    revokedAt: row.revoked_at,
    ip: row.ip,
    userAgent: row.user_agent,
  }
}
