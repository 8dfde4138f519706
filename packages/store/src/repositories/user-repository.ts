import type { Kysely, Selectable } from 'kysely'
import type { Database, UsersTable } from '../database/database-schema.js'
import { isUuid } from '../database/is-uuid.js'
import { StoreError, translatingErrors } from '../database/store-error.js'
import type { UserRole } from '../store-vocabularies.js'

/** A person who signs in to the console. The password hash is not part of it: see `findCredentials`. */
export type User = {
  readonly id: string
  /** Lower-case; unique. */
  readonly email: string
  readonly displayName: string | null
  readonly role: UserRole
  /** Set for a one-time password: the next sign-in must choose a new one. */
  readonly mustChangePassword: boolean
  /** False for people who sign in only through single sign-on. */
  readonly hasPassword: boolean
  readonly createdAt: Date
  readonly lastLoginAt: Date | null
  readonly disabledAt: Date | null
}

export type NewUser = {
  readonly email: string
  readonly role: UserRole
  readonly displayName?: string
  /** A memory-hard hash computed by the server (the store never sees a password). */
  readonly passwordHash?: string
  readonly mustChangePassword?: boolean
}

export type UserRepository = {
  /** A `conflict` StoreError when the email is taken (case-insensitively). */
  create(user: NewUser): Promise<User>
  find(id: string): Promise<User | undefined>
  findByEmail(email: string): Promise<User | undefined>
  /** The user and their password hash, for the server to verify a sign-in. */
  findCredentials(email: string): Promise<{ readonly user: User; readonly passwordHash: string | null } | undefined>
  /** Everyone, by email. */
  list(): Promise<readonly User[]>
  count(): Promise<number>
  setPassword(id: string, passwordHash: string, options?: { readonly mustChangePassword?: boolean }): Promise<User>
  /** Leaves the user without a password (single sign-on only) and clears `mustChangePassword`. */
  removePassword(id: string): Promise<User>
  setRole(id: string, role: UserRole): Promise<User>
  recordLogin(id: string): Promise<void>
  /** Disabled users keep their history (decisions, audit entries) but cannot sign in. */
  disable(id: string): Promise<User>
}

export function createUserRepository(db: Kysely<Database>): UserRepository {
  const findRow = async (column: 'id' | 'email', value: string): Promise<Selectable<UsersTable> | undefined> => {
    if (column === 'id' && !isUuid(value)) return undefined
    return db
      .selectFrom('users')
      .selectAll()
      .where(column, '=', column === 'email' ? normaliseEmail(value) : value)
      .executeTakeFirst()
  }
  const update = (id: string, changes: Partial<Pick<Selectable<UsersTable>, UpdatableColumn>>): Promise<User> =>
    translatingErrors(async () => {
      const row = isUuid(id)
        ? await db
            .updateTable('users')
            .set({ ...changes, updated_at: new Date() })
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirst()
        : undefined
      if (!row) throw new StoreError('not-found', `No user ${id}`, { target: 'userId' })
      return toUser(row)
    })

  return {
    create: (user) =>
      translatingErrors(async () => {
        const row = await db
          .insertInto('users')
          .values({
            email: normaliseEmail(user.email),
            role: user.role,
            display_name: user.displayName ?? null,
            password_hash: user.passwordHash ?? null,
            must_change_password: user.mustChangePassword ?? false,
            updated_at: new Date(),
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        return toUser(row)
      }),
    find: async (id) => {
      const row = await findRow('id', id)
      return row && toUser(row)
    },
    findByEmail: async (email) => {
      const row = await findRow('email', email)
      return row && toUser(row)
    },
    findCredentials: async (email) => {
      const row = await findRow('email', email)
      return row && { user: toUser(row), passwordHash: row.password_hash }
    },
    list: async () => (await db.selectFrom('users').selectAll().orderBy('email').execute()).map(toUser),
    count: async () => {
      const { count } = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow()
      return Number(count)
    },
    setPassword: (id, passwordHash, options = {}) =>
      update(id, { password_hash: passwordHash, must_change_password: options.mustChangePassword ?? false }),
    removePassword: (id) => update(id, { password_hash: null, must_change_password: false }),
    setRole: (id, role) => update(id, { role }),
    recordLogin: async (id) => {
      await update(id, { last_login_at: new Date() })
    },
    disable: (id) => update(id, { disabled_at: new Date() }),
  }
}

type UpdatableColumn = 'password_hash' | 'must_change_password' | 'role' | 'last_login_at' | 'disabled_at'

/** Emails compare case-insensitively; surrounding spaces are a typing accident. */
function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    mustChangePassword: row.must_change_password,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    disabledAt: row.disabled_at,
  }
}
