import type { Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { actorLabel } from '../audit/actor-label.js'
import { notFound } from './import-read-routes.js'
import { importJobViewSchema, toImportJobView } from './import-views.js'

/**
 * `POST /v1/imports/:id/cancel` (`applications.submit`): stops a queued or running import. Rows already screened stay
 * (their applications are stored); the rest are not screened and the upload is dropped. Cancelling a cancelled import
 * answers it again; one that completed or failed is a 409.
 */
export function registerCancelImportRoute(app: FastifyInstance, options: { readonly store: Store }): void {
  const { store } = options
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/imports/:id/cancel',
    {
      preHandler: requirePermission('applications.submit'),
      schema: {
        tags: ['imports'],
        summary: 'Cancel a queued or running import',
        params: z.strictObject({ id: z.string().min(1).max(100) }),
        response: {
          200: importJobViewSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const { id } = request.params
      const found = await store.importJobs.find(id)
      if (found === undefined) throw notFound(id)
      if (found.status === 'cancelled') return toImportJobView(found)
      const actor = actorLabel(request)
      const job = await store.transaction(async (repositories) => {
        const ended = await repositories.importJobs.finish(id, { status: 'cancelled' })
        if (ended.status !== 'cancelled') return ended
        await repositories.importUploads.release(id)
        await repositories.audit.append({
          actor,
          action: 'import.cancelled',
          target: `import:${id}`,
          details: { processedRows: ended.processedRows, totalRows: ended.totalRows },
        })
        return ended
      })
      if (job.status !== 'cancelled') {
        throw new ApiError('CONFLICT', `The import has already ${job.status === 'failed' ? 'failed' : 'completed'}.`, {
          status: job.status,
        })
      }
      return toImportJobView(job)
    },
  )
}
