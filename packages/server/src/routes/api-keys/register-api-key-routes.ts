import { isApiKeyUsable, StoreError, type ApiKey, type Store } from '@hirewall/store'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { generateApiKey } from '../../auth/api-key.js'
import { apiKeyScopes } from '../../auth/api-key-scope.js'
import { describePrincipal, type Principal } from '../../auth/principal.js'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'

/** Options of {@link registerApiKeyRoutes}. */
export type ApiKeyRoutesOptions = {
  readonly store: Store
  /** The clock for expiry checks; the app's access-control clock by default. */
  readonly now?: () => Date
}

const apiKeyViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The public part of `hw_<prefix>_<secret>`, safe to show and log.'),
    scopes: z.array(z.enum(apiKeyScopes)),
    status: z.enum(['active', 'revoked', 'expired']),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable().describe('Written at most once a minute.'),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' })

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema }
const maxLifetimeMs = 5 * 366 * 86_400_000

/**
 * API key administration under the permission `api-keys.manage` (admins, and keys with the `admin` scope): create a
 * key with a name, scopes and an optional expiry (the token is in the response once and never again; the store
 * keeps its SHA-256), list keys (never a token or hash), and revoke one (it stays listed, refused from then on).
 * Creations and revocations are audited with the actor.
 */
export function registerApiKeyRoutes(app: FastifyInstance, options: ApiKeyRoutesOptions): void {
  const { store } = options
  const now = options.now ?? app.accessControl?.now ?? (() => new Date())
  const typed = app.withTypeProvider<ZodTypeProvider>()
  const guard = requirePermission('api-keys.manage')
  const view = (key: ApiKey): z.infer<typeof apiKeyViewSchema> => toApiKeyView(key, now())

  typed.get(
    '/v1/api-keys',
    {
      preHandler: guard,
      schema: {
        tags: ['api-keys'],
        summary: 'Every API key, newest first (never the token)',
        response: { 200: z.object({ apiKeys: z.array(apiKeyViewSchema) }), ...errors },
      },
    },
    async () => ({ apiKeys: (await store.apiKeys.list()).map(view) }),
  )

  typed.post(
    '/v1/api-keys',
    {
      preHandler: guard,
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key; the token is shown once',
        body: z.object({
          name: z.string().trim().min(1).max(100),
          scopes: z.array(z.enum(apiKeyScopes)).min(1).max(apiKeyScopes.length),
          expiresAt: z.iso.datetime({ offset: true }).optional(),
        }),
        response: {
          201: z
            .object({
              apiKey: apiKeyViewSchema,
              token: z.string().describe('`hw_<prefix>_<secret>`: shown this once; send as `Authorization: Bearer`.'),
            })
            .meta({ id: 'CreatedApiKey' }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { name, scopes } = request.body
      const expiresAt = request.body.expiresAt === undefined ? undefined : new Date(request.body.expiresAt)
      if (expiresAt !== undefined) checkExpiry(expiresAt, now())
      const actor = describePrincipal(principalOf(request))
      const generated = generateApiKey()
      const key = await store.transaction(async (repositories) => {
        const created = await repositories.apiKeys.create({
          name,
          prefix: generated.prefix,
          keyHash: generated.tokenHash,
          scopes,
          createdBy: actor,
          ...(expiresAt === undefined ? {} : { expiresAt }),
        })
        await repositories.audit.append({
          actor,
          action: 'api-key.created',
          target: `api-key:${created.id}`,
          details: {
            name,
            prefix: created.prefix,
            scopes: created.scopes,
            expiresAt: expiresAt?.toISOString() ?? null,
          },
        })
        return created
      })
      return reply.code(201).send({ apiKey: view(key), token: generated.token })
    },
  )

  typed.delete(
    '/v1/api-keys/:id',
    {
      preHandler: guard,
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key: refused from now on, kept in the list',
        params: z.object({ id: z.uuid() }),
        response: { 200: apiKeyViewSchema, ...errors, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const actor = describePrincipal(principalOf(request))
      const key = await store
        .transaction(async (repositories) => {
          const revoked = await repositories.apiKeys.revoke(request.params.id)
          await repositories.audit.append({
            actor,
            action: 'api-key.revoked',
            target: `api-key:${revoked.id}`,
            details: { name: revoked.name, prefix: revoked.prefix },
          })
          return revoked
        })
        .catch((error: unknown) => {
          if (error instanceof StoreError && error.code === 'not-found') {
            throw new ApiError('NOT_FOUND', `No API key ${request.params.id}.`, { path: 'params.id' })
          }
          throw error
        })
      // This process refuses it from the next request; others within their key cache's time (2 s by default).
      app.accessControl?.apiKeys.forget?.(key.prefix)
      return view(key)
    },
  )
}

/** The API's view of a key at `at`: never its hash. */
function toApiKeyView(key: ApiKey, at: Date): z.infer<typeof apiKeyViewSchema> {
  const status = isApiKeyUsable(key, at) ? 'active' : key.revokedAt !== null ? 'revoked' : 'expired'
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: [...key.scopes],
    status,
    createdBy: key.createdBy,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  }
}

function checkExpiry(expiresAt: Date, at: Date): void {
  const path = 'body.expiresAt'
  const problem =
    expiresAt.getTime() <= at.getTime()
      ? 'must be in the future'
      : expiresAt.getTime() - at.getTime() > maxLifetimeMs
        ? 'must be within five years'
        : undefined
  if (problem !== undefined) {
    throw new ApiError('VALIDATION_FAILED', `${path} ${problem}.`, {
      issues: [{ path, message: problem, code: 'range' }],
    })
  }
}

function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw new Error('API key administration reached without a principal')
  return request.principal
}
