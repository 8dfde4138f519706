import type { AuditEntry, Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { pageQueryFields, pageRequestOf, readPage } from '../listing/page-query.js'

const auditEntryViewSchema = z
  .object({
    id: z.number().int().describe('Increasing in the order entries were written.'),
    at: z.iso.datetime(),
    actor: z.string().describe('`user:<id>`, `api-key:<prefix>`, `system:<component>`, `ats:<vendor>`...'),
    action: z.string().describe('A stable dotted verb: `decision.recorded`, `application.viewed`...'),
    target: z.string().nullable().describe('`application:<id>`, `cluster:<id>`, `case:<id>`, `user:<id>`...'),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' })

const text = z.string().trim().min(1).max(500)

/** `GET /v1/audit`: the append-only audit log, newest first, under `audit.read` (a SIEM's API key or an admin). */
export function registerAuditRoute(app: FastifyInstance, options: { readonly store: Store }): void {
  const { store } = options
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/audit',
    {
      preHandler: requirePermission('audit.read'),
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, by actor, action or target',
        querystring: z.strictObject({
          actor: text.optional().describe('Exactly this actor, e.g. `user:<id>`.'),
          action: text.optional().describe('Exactly this action, e.g. `decision.recorded`.'),
          target: text.optional().describe('Exactly this target, e.g. `application:<id>`.'),
          ...pageQueryFields,
        }),
        response: {
          200: z.object({ items: z.array(auditEntryViewSchema), nextCursor: z.string().nullable() }),
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const { actor, action, target } = request.query
      const page = await readPage(() =>
        store.audit.list(
          {
            ...(actor === undefined ? {} : { actor }),
            ...(action === undefined ? {} : { action }),
            ...(target === undefined ? {} : { target }),
          },
          pageRequestOf(request.query),
        ),
      )
      return { items: page.items.map(toAuditEntryView), nextCursor: page.nextCursor ?? null }
    },
  )
}

function toAuditEntryView(entry: AuditEntry): z.infer<typeof auditEntryViewSchema> {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    details: { ...entry.details },
  }
}
