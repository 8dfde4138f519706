import { severities } from '@hirewall/core'
import { watchlistIndicatorKinds } from '@hirewall/intel'
import { tlpLevels } from '@hirewall/sharing'
import { StoreError, type Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { rescreenAffected } from '../../watchlists/rescreen-affected.js'
import { readWatchlistEntryInput } from '../../watchlists/watchlist-entry-input.js'
import { actorLabel } from '../audit/actor-label.js'
import { pageQueryFields, pageRequestOf, readPage } from '../listing/page-query.js'
import type { RescreenJobStarter } from '../submission/rescreen-route.js'
import { registerWatchlistImportRoute } from './watchlist-import-route.js'
import {
  rescreenStartedSchema,
  toWatchlistEntryView,
  toWatchlistView,
  watchlistEntryViewSchema,
  watchlistViewSchema,
} from './watchlist-views.js'

/** Options of {@link registerWatchlistRoutes}. */
export type WatchlistRoutesOptions = {
  readonly store: Store
  readonly screening: Pick<ScreeningService, 'rescreen'>
  /** Background re-screening jobs; without them a change re-screens in this process. */
  readonly rescreenJobs?: RescreenJobStarter | undefined
}

const idParams = z.object({ id: z.string().describe('The watchlist id.') })
const entryParams = z.object({
  id: z.string().describe('The watchlist id.'),
  entryId: z.coerce.number().int().min(1).describe('The entry id.'),
})
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema }
const notFound = { 404: errorResponseSchema }

const createBody = z.strictObject({
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
      '1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
    )
    .describe('Signals cite the list as `watchlist:<name>`.'),
  description: z.string().trim().min(1).max(500).optional(),
})

const entryBody = z.strictObject({
  kind: z.enum(watchlistIndicatorKinds),
  value: z.string().trim().min(1).max(2000).describe('Written as you have it: it is normalised before matching.'),
  severity: z.enum(severities).optional().describe('Default: the signal default, high.'),
  note: z.string().trim().max(2000).optional(),
  source: z.string().trim().min(1).max(500).optional().describe('Where it came from; default: who adds it.'),
  tlp: z.enum(tlpLevels).optional().describe('Default amber. TLP:RED entries are never exported.'),
  confidence: z.number().int().min(0).max(100).optional(),
})

const entriesQuery = z.strictObject({ kind: z.enum(watchlistIndicatorKinds).optional(), ...pageQueryFields })

/**
 * Watchlists kept in the database (docs/intel/watchlists.md): anyone who may read intelligence (`intel.read`, viewers
 * up) lists them and their entries; admins (`intel.manage`) create lists and add, import and remove entries. Every
 * write and every page of entries read is written to the audit log. A write re-screens the applications the change
 * may affect, in the background.
 */
export async function registerWatchlistRoutes(app: FastifyInstance, options: WatchlistRoutesOptions): Promise<void> {
  const { store } = options
  const routes = app.withTypeProvider<ZodTypeProvider>()
  const findList = async (id: string) => {
    const watchlist = await store.watchlists.find(id)
    if (watchlist === undefined) throw new ApiError('NOT_FOUND', 'No such watchlist.', {})
    return watchlist
  }
  const rescreenContext = {
    store,
    screening: options.screening,
    rescreenJobs: options.rescreenJobs,
    onError: (error: unknown) => app.log.error({ err: error }, 'a re-screening after a watchlist change failed'),
  }

  routes.get(
    '/v1/watchlists',
    {
      preHandler: requirePermission('intel.read'),
      schema: {
        tags: ['intelligence'],
        summary: 'List the watchlists with their entry counts',
        response: { 200: z.object({ items: z.array(watchlistViewSchema) }), ...errors },
      },
    },
    async () => ({ items: (await store.watchlists.list()).map(toWatchlistView) }),
  )

  routes.post(
    '/v1/watchlists',
    {
      preHandler: requirePermission('intel.manage'),
      schema: {
        tags: ['intelligence'],
        summary: 'Create a watchlist',
        body: createBody,
        response: { 201: watchlistViewSchema, ...errors, 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = actorLabel(request)
      const { name, description } = request.body
      const created = await store
        .transaction(async (repositories) => {
          const watchlist = await repositories.watchlists.create({
            name,
            createdBy: actor,
            ...(description === undefined ? {} : { description }),
          })
          await repositories.audit.append({
            actor,
            action: 'watchlist.created',
            target: `watchlist:${watchlist.id}`,
            details: { name },
          })
          return watchlist
        })
        .catch((error: unknown) => {
          if (error instanceof StoreError && error.code === 'conflict') {
            throw new ApiError('CONFLICT', `A watchlist named "${name}" exists already.`, { field: 'body.name' })
          }
          throw error
        })
      return reply.code(201).header('location', `/v1/watchlists/${created.id}`).send(toWatchlistView(created))
    },
  )

  routes.get(
    '/v1/watchlists/:id',
    {
      preHandler: requirePermission('intel.read'),
      schema: {
        tags: ['intelligence'],
        summary: 'One watchlist',
        params: idParams,
        response: { 200: watchlistViewSchema, ...errors, ...notFound },
      },
    },
    async (request) => toWatchlistView(await findList(request.params.id)),
  )

  routes.get(
    '/v1/watchlists/:id/entries',
    {
      preHandler: requirePermission('intel.read'),
      schema: {
        tags: ['intelligence'],
        summary: 'The entries of a watchlist, newest first, paged',
        description: 'Each page read is written to the audit log (`watchlist.entries-listed`) with the caller.',
        params: idParams,
        querystring: entriesQuery,
        response: {
          200: z.object({ items: z.array(watchlistEntryViewSchema), nextCursor: z.string().nullable() }),
          ...errors,
          ...notFound,
        },
      },
    },
    async (request) => {
      const watchlist = await findList(request.params.id)
      const { kind } = request.query
      const page = await readPage(() =>
        store.watchlists.listEntries(watchlist.id, kind === undefined ? {} : { kind }, pageRequestOf(request.query)),
      )
      await store.audit.append({
        actor: actorLabel(request),
        action: 'watchlist.entries-listed',
        target: `watchlist:${watchlist.id}`,
        details: {
          ...(kind === undefined ? {} : { kind }),
          isFirstPage: request.query.after === undefined,
          returned: page.items.length,
        },
      })
      return { items: page.items.map(toWatchlistEntryView), nextCursor: page.nextCursor ?? null }
    },
  )

  routes.post(
    '/v1/watchlists/:id/entries',
    {
      preHandler: requirePermission('intel.manage'),
      schema: {
        tags: ['intelligence'],
        summary: 'Add one entry to a watchlist',
        description:
          'The value is read as matching reads it; one that cannot be matched is a 400 naming `body.value`. An entry ' +
          'the list already holds (however it is written) is a 409 with the stored entry in `details.entry`. The ' +
          'applications holding the indicator are re-screened in the background.',
        params: idParams,
        body: entryBody,
        response: {
          201: z.object({ entry: watchlistEntryViewSchema, rescreen: rescreenStartedSchema }),
          ...errors,
          ...notFound,
          409: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = actorLabel(request)
      const watchlist = await findList(request.params.id)
      const { body } = request
      const reading = readWatchlistEntryInput({ ...body, source: body.source ?? actor }, actor)
      if (reading.status === 'invalid') {
        throw new ApiError('VALIDATION_FAILED', 'The request body has one problem; see details.issues.', {
          issues: [{ path: 'body.value', message: reading.message, code: 'invalid_indicator' }],
        })
      }
      const { added, existing } = await store.transaction(async (repositories) => {
        const result = await repositories.watchlists.addEntries(watchlist.id, [reading.entry])
        const [entry] = result.added
        if (entry !== undefined) {
          await repositories.audit.append({
            actor,
            action: 'watchlist.entry-added',
            target: `watchlist:${watchlist.id}`,
            details: { entryId: entry.id, kind: entry.kind, value: entry.value, tlp: entry.tlp },
          })
        }
        return result
      })
      const [entry] = added
      if (entry === undefined) {
        throw new ApiError('CONFLICT', `The watchlist "${watchlist.name}" already lists this ${body.kind}.`, {
          field: 'body.value',
          ...(existing[0] === undefined ? {} : { entry: toWatchlistEntryView(existing[0]) }),
        })
      }
      const rescreen = await rescreenAffected(rescreenContext, [entry], actor)
      return reply.code(201).send({ entry: toWatchlistEntryView(entry), rescreen })
    },
  )

  routes.delete(
    '/v1/watchlists/:id/entries/:entryId',
    {
      preHandler: requirePermission('intel.manage'),
      schema: {
        tags: ['intelligence'],
        summary: 'Remove an entry from a watchlist',
        description: 'The applications that held the indicator are re-screened in the background.',
        params: entryParams,
        response: {
          200: z.object({ entry: watchlistEntryViewSchema, rescreen: rescreenStartedSchema }),
          ...errors,
          ...notFound,
        },
      },
    },
    async (request) => {
      const actor = actorLabel(request)
      const watchlist = await findList(request.params.id)
      const removed = await store.transaction(async (repositories) => {
        const entry = await repositories.watchlists.removeEntry(watchlist.id, request.params.entryId)
        if (entry !== undefined) {
          await repositories.audit.append({
            actor,
            action: 'watchlist.entry-removed',
            target: `watchlist:${watchlist.id}`,
            details: { entryId: entry.id, kind: entry.kind, value: entry.value },
          })
        }
        return entry
      })
      if (removed === undefined) throw new ApiError('NOT_FOUND', 'The watchlist has no such entry.', {})
      const rescreen = await rescreenAffected(rescreenContext, [removed], actor)
      return { entry: toWatchlistEntryView(removed), rescreen }
    },
  )

  await registerWatchlistImportRoute(app, { ...options, findList, rescreenContext })
}
