import { importJobStatuses, importRowStatuses, type Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { actorLabel } from '../audit/actor-label.js'
import { pageQueryFields, pageRequestOf, readPage } from '../listing/page-query.js'
import { importJobViewSchema, importRowViewSchema, toImportJobView, toImportRowView } from './import-views.js'

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema }
const idParams = z.strictObject({ id: z.string().min(1).max(100).describe('The import job id.') })

/** `GET /v1/imports`, `GET /v1/imports/:id` and `GET /v1/imports/:id/rows`, under `applications.read`. */
export function registerImportReadRoutes(app: FastifyInstance, options: { readonly store: Store }): void {
  const { store } = options
  const routes = app.withTypeProvider<ZodTypeProvider>()

  routes.get(
    '/v1/imports',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['imports'],
        summary: 'Bulk imports, newest first',
        querystring: z.strictObject({
          status: z.enum(importJobStatuses).optional().describe('Only imports in this status.'),
          ...pageQueryFields,
        }),
        response: {
          200: z.object({ items: z.array(importJobViewSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { status } = request.query
      const page = await readPage(() =>
        store.importJobs.list(status === undefined ? {} : { status }, pageRequestOf(request.query)),
      )
      return { items: page.items.map((job) => toImportJobView(job)), nextCursor: page.nextCursor ?? null }
    },
  )

  routes.get(
    '/v1/imports/:id',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['imports'],
        summary: "One import's progress: its status and how many rows were created, existing, invalid or failed",
        params: idParams,
        response: { 200: importJobViewSchema, ...errors, 404: errorResponseSchema },
      },
    },
    async (request) => {
      const job = await store.importJobs.find(request.params.id)
      if (job === undefined) throw notFound(request.params.id)
      return toImportJobView(job, await store.importUploads.find(job.id))
    },
  )

  routes.get(
    '/v1/imports/:id/rows',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['imports'],
        summary: "An import's rows in file order, with the issues of invalid and failed ones",
        description:
          'Issues quote what the file held, so each call is written to the audit log (`import.rows.read`) with the caller.',
        params: idParams,
        querystring: z.strictObject({
          status: z.enum(importRowStatuses).optional().describe('Only rows with this result, e.g. `invalid`.'),
          ...pageQueryFields,
        }),
        response: {
          200: z.object({ items: z.array(importRowViewSchema), nextCursor: z.string().nullable() }),
          ...errors,
          404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const { id } = request.params
      const job = await store.importJobs.find(id)
      if (job === undefined) throw notFound(id)
      const { status } = request.query
      const page = await readPage(() =>
        store.importJobs.rows(job.id, status === undefined ? {} : { status }, pageRequestOf(request.query)),
      )
      await store.audit.append({
        actor: actorLabel(request),
        action: 'import.rows.read',
        target: `import:${job.id}`,
        details: { status: status ?? null, rows: page.items.length },
      })
      return { items: page.items.map(toImportRowView), nextCursor: page.nextCursor ?? null }
    },
  )
}

export function notFound(id: string): ApiError {
  return new ApiError('NOT_FOUND', 'No import has this id.', { id })
}
