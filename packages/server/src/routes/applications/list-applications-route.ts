import { isSignalCode, outcomes, sourceSystems } from '@hirewall/core'
import { applicationOrders, type ApplicationFilter, type Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { actorLabel } from '../audit/actor-label.js'
import { pageQueryFields, pageRequestOf, readPage } from '../listing/page-query.js'
import { instantQuery, oneOrMany } from '../listing/query-values.js'
import { applicationSummaryViewSchema, toApplicationSummaryView } from './application-summary-view.js'

const score = z.coerce.number().min(0).max(100)
const text = z.string().trim().min(1).max(200)

const listQuery = z
  .strictObject({
    outcome: oneOrMany(z.enum(outcomes)).optional().describe('Latest outcome; repeat for several.'),
    minScore: score.optional().describe('Latest score at least this (0-100).'),
    maxScore: score.optional().describe('Latest score at most this (0-100).'),
    signal: oneOrMany(z.string().refine(isSignalCode, 'is not a signal code (docs/signals.md)'))
      .optional()
      .describe('The latest result carries this signal code; repeat to require several.'),
    cluster: text.optional().describe('In this persona cluster now, or screened into it.'),
    submittedFrom: instantQuery.optional().describe('Submitted at or after.'),
    submittedBefore: instantQuery.optional().describe('Submitted before.'),
    receivedFrom: instantQuery.optional().describe('Received by HireWall at or after.'),
    receivedBefore: instantQuery.optional().describe('Received by HireWall before.'),
    requisition: text.optional(),
    source: z.enum(sourceSystems).optional().describe('The source system.'),
    staffingVendor: text.optional().describe("The staffing vendor's name, in any case."),
    order: z.enum(applicationOrders).default('newest').describe('`newest` submitted first, or `riskiest` first.'),
    ...pageQueryFields,
  })
  .superRefine((query, context) => {
    if (query.minScore !== undefined && query.maxScore !== undefined && query.minScore > query.maxScore) {
      context.addIssue({ code: 'custom', path: ['maxScore'], message: 'must not be less than minScore' })
    }
  })

type ListQuery = z.output<typeof listQuery>

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema }

/** `GET /v1/applications`: summaries filtered and paged; each page read is written to the audit log. */
export function registerListApplicationsRoute(app: FastifyInstance, options: { readonly store: Store }): void {
  const { store } = options
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/applications',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['applications'],
        summary: 'List applications with their latest result, filtered, newest or riskiest first',
        description:
          'Summaries only (no CV). Keyset paging: pass `nextCursor` as `after` for the next page. Each call is ' +
          'written to the audit log (`applications.listed`) with the caller and the filter.',
        querystring: listQuery,
        response: {
          200: z.object({ items: z.array(applicationSummaryViewSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const query = request.query
      const filter = toFilter(query)
      const page = await readPage(() =>
        store.applications.list(filter, { ...pageRequestOf(query), order: query.order }),
      )
      await store.audit.append({
        actor: actorLabel(request),
        action: 'applications.listed',
        details: {
          filter: auditedFilter(query),
          order: query.order,
          isFirstPage: query.after === undefined,
          returned: page.items.length,
        },
      })
      return { items: page.items.map(toApplicationSummaryView), nextCursor: page.nextCursor ?? null }
    },
  )
}

function toFilter(query: ListQuery): ApplicationFilter {
  return {
    ...(query.outcome === undefined ? {} : { outcomes: query.outcome }),
    ...(query.minScore === undefined ? {} : { minScore: query.minScore }),
    ...(query.maxScore === undefined ? {} : { maxScore: query.maxScore }),
    ...(query.signal === undefined ? {} : { signalCodes: query.signal }),
    ...(query.cluster === undefined ? {} : { clusterId: query.cluster }),
    ...(query.submittedFrom === undefined ? {} : { submittedFrom: query.submittedFrom }),
    ...(query.submittedBefore === undefined ? {} : { submittedBefore: query.submittedBefore }),
    ...(query.receivedFrom === undefined ? {} : { receivedFrom: query.receivedFrom }),
    ...(query.receivedBefore === undefined ? {} : { receivedBefore: query.receivedBefore }),
    ...(query.requisition === undefined ? {} : { requisitionId: query.requisition }),
    ...(query.source === undefined ? {} : { sourceSystem: query.source }),
    ...(query.staffingVendor === undefined ? {} : { staffingVendor: query.staffingVendor }),
  }
}

/** The filter as the audit log keeps it: the parameters given, dates as ISO strings, no paging. */
function auditedFilter(query: ListQuery): Record<string, unknown> {
  const paging = new Set(['limit', 'after', 'order'])
  return Object.fromEntries(
    Object.entries(query)
      .filter(([key, value]) => value !== undefined && !paging.has(key))
      .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  )
}
