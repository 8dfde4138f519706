import { StoreError, type Repositories, type Store, type User } from '@hirewall/store'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { generateOneTimePassword } from '../../auth/one-time-password.js'
import { hashPassword } from '../../auth/password-hash.js'
import { describePrincipal } from '../../auth/principal.js'
import { requirePermission } from '../../auth/require-permission.js'
import { roles } from '../../auth/role.js'
import { withUserAdministrationLock } from '../../auth/user-administration-lock.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { toUserView, userViewSchema } from './user-view.js'

/** Options of {@link registerUserRoutes}. */
export type UserRoutesOptions = {
  readonly store: Store
}

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
}
const params = z.object({ id: z.uuid() })
const withOneTimePassword = z
  .object({
    user: userViewSchema,
    oneTimePassword: z
      .string()
      .describe('Shown this once and never again: hand it to the person, who must replace it at first sign-in.'),
  })
  .meta({ id: 'UserWithOneTimePassword' })

/**
 * User administration, all under the permission `users.manage` (admins only; no API key holds it): list and read
 * users, create one with a one-time password, change a role, disable (ending their sessions), and reset a password
 * to a new one-time one. Password hashes never leave the store. Every change is audited with the admin as actor, and
 * no change may leave the service without an active admin.
 */
export function registerUserRoutes(app: FastifyInstance, options: UserRoutesOptions): void {
  const { store } = options
  const typed = app.withTypeProvider<ZodTypeProvider>()
  const guard = requirePermission('users.manage')

  typed.get(
    '/v1/users',
    {
      preHandler: guard,
      schema: {
        tags: ['users'],
        summary: 'Every user, by email',
        response: { 200: z.object({ users: z.array(userViewSchema) }), ...errors },
      },
    },
    async () => ({ users: (await store.users.list()).map(toUserView) }),
  )

  typed.get(
    '/v1/users/:id',
    {
      preHandler: guard,
      schema: { tags: ['users'], summary: 'One user', params, response: { 200: userViewSchema, ...errors } },
    },
    async (request) => toUserView(await existingUser(store, request.params.id)),
  )

  typed.post(
    '/v1/users',
    {
      preHandler: guard,
      schema: {
        tags: ['users'],
        summary: 'Create a user with a one-time password, shown once',
        body: z.object({
          email: z.email().max(320),
          role: z.enum(roles),
          displayName: z.string().trim().min(1).max(200).optional(),
        }),
        response: { 201: withOneTimePassword, ...errors },
      },
    },
    async (request, reply) => {
      const { email, role, displayName } = request.body
      const oneTimePassword = generateOneTimePassword()
      const passwordHash = await hashPassword(oneTimePassword)
      const user = await store
        .transaction(async (repositories) => {
          const created = await repositories.users.create({
            email,
            role,
            passwordHash,
            mustChangePassword: true,
            ...(displayName === undefined ? {} : { displayName }),
          })
          await audit(repositories, request, 'user.created', created, { email: created.email, role })
          return created
        })
        .catch((error: unknown) => {
          if (error instanceof StoreError && error.code === 'conflict') {
            throw new ApiError('CONFLICT', `A user with the email ${email.toLowerCase()} already exists.`, {
              path: 'body.email',
            })
          }
          throw error
        })
      return reply.code(201).send({ user: toUserView(user), oneTimePassword })
    },
  )

  typed.patch(
    '/v1/users/:id',
    {
      preHandler: guard,
      schema: {
        tags: ['users'],
        summary: "Change a user's role (effective at their next request)",
        params,
        body: z.object({ role: z.enum(roles) }),
        response: { 200: userViewSchema, ...errors },
      },
    },
    async (request) => {
      const { role } = request.body
      const user = await withUserAdministrationLock(store, async (repositories) => {
        const before = await existingUser(repositories, request.params.id)
        if (before.role === role) return before
        if (role !== 'admin') await keepAnActiveAdmin(repositories, before, 'change the role of')
        const after = await repositories.users.setRole(before.id, role)
        await audit(repositories, request, 'user.role-changed', after, { from: before.role, to: role })
        return after
      })
      return toUserView(user)
    },
  )

  typed.post(
    '/v1/users/:id/disable',
    {
      preHandler: guard,
      schema: {
        tags: ['users'],
        summary: 'Disable a user: they can no longer sign in and their sessions end',
        params,
        response: { 200: userViewSchema, ...errors },
      },
    },
    async (request) => {
      const user = await withUserAdministrationLock(store, async (repositories) => {
        const before = await existingUser(repositories, request.params.id)
        if (before.disabledAt !== null) return before
        await keepAnActiveAdmin(repositories, before, 'disable')
        const after = await repositories.users.disable(before.id)
        const sessionsEnded = await repositories.sessions.revokeAllFor(before.id)
        await audit(repositories, request, 'user.disabled', after, { sessionsEnded })
        return after
      })
      return toUserView(user)
    },
  )

  typed.post(
    '/v1/users/:id/password-reset',
    {
      preHandler: guard,
      schema: {
        tags: ['users'],
        summary: "Replace a user's password with a one-time password, shown once; their sessions end",
        params,
        response: { 200: withOneTimePassword, ...errors },
      },
    },
    async (request) => {
      const oneTimePassword = generateOneTimePassword()
      const passwordHash = await hashPassword(oneTimePassword)
      const user = await store.transaction(async (repositories) => {
        const before = await existingUser(repositories, request.params.id)
        const after = await repositories.users.setPassword(before.id, passwordHash, { mustChangePassword: true })
        const sessionsEnded = await repositories.sessions.revokeAllFor(before.id)
        await audit(repositories, request, 'user.password-reset', after, { sessionsEnded })
        return after
      })
      return { user: toUserView(user), oneTimePassword }
    },
  )
}

async function existingUser(repositories: Pick<Repositories, 'users'>, id: string): Promise<User> {
  const user = await repositories.users.find(id)
  if (user === undefined) throw new ApiError('NOT_FOUND', `No user ${id}.`, { path: 'params.id' })
  return user
}

/** Refuses a change that would leave no enabled admin: nobody could then manage users or keys. */
async function keepAnActiveAdmin(repositories: Repositories, user: User, verb: string): Promise<void> {
  if (user.role !== 'admin' || user.disabledAt !== null) return
  const otherAdmins = (await repositories.users.list()).filter(
    (other) => other.id !== user.id && other.role === 'admin' && other.disabledAt === null,
  )
  if (otherAdmins.length === 0) {
    throw new ApiError('CONFLICT', `Cannot ${verb} the last active admin; make another user admin first.`, {
      path: 'params.id',
    })
  }
}

async function audit(
  repositories: Pick<Repositories, 'audit'>,
  request: FastifyRequest,
  action: string,
  user: User,
  details: Readonly<Record<string, unknown>>,
): Promise<void> {
  const principal = request.principal
  if (principal === null) throw new Error('user administration reached without a principal')
  await repositories.audit.append({ actor: describePrincipal(principal), action, target: `user:${user.id}`, details })
}
