import { outcomes } from '@hirewall/core'
import {
  caseQueueOrders,
  caseStatuses,
  StoreError,
  subjectKinds,
  type CaseQueueFilter,
  type QueuedCase,
  type Store,
} from '@hirewall/store'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { hasRoleAtLeast } from '../../auth/role.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { actorLabel } from '../audit/actor-label.js'
import { pageQueryFields, pageRequestOf, readPage } from '../listing/page-query.js'
import { oneOrMany } from '../listing/query-values.js'
import { caseViewSchema, toCaseView } from './case-view.js'

const queuedCaseViewSchema = z
  .object({
    case: caseViewSchema,
    risk: z
      .object({
        applicationId: z
          .string()
          .nullable()
          .describe(
            "The application the score is from (a cluster's riskiest member); null for an employee, whose score is " +
              'their latest assessment.',
          ),
        score: z.number(),
        outcome: z.enum(outcomes),
      })
      .nullable()
      .describe("The subject's latest screening (an employee's latest assessment); null before the first."),
    candidateName: z.string().nullable().describe("The candidate's name; an employee's legal name."),
    applicationCount: z.number().int().describe("1 for an application, a cluster's member count, 0 for an employee."),
  })
  .meta({ id: 'QueuedCase' })

const queueQuery = z.strictObject({
  status: z.enum(caseStatuses).default('open'),
  kind: z.enum(subjectKinds).optional().describe('Only cases about applications, clusters, or employees.'),
  outcome: oneOrMany(z.enum(outcomes)).optional().describe("The subject's latest outcome; repeat for several."),
  assignee: z
    .union([z.uuid(), z.literal('me'), z.literal('none')])
    .optional()
    .describe('A user id, `me` (the signed-in person) or `none` (unassigned).'),
  order: z.enum(caseQueueOrders).default('riskiest').describe('`riskiest` first (then oldest), or `oldest` first.'),
  ...pageQueryFields,
})

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
}

/**
 * The review queue: `GET /v1/cases` (under `applications.read`, audit-logged as `cases.listed` since it names
 * candidates) and `POST /v1/cases/:id/assign` (under `cases.decide`).
 */
export function registerCaseRoutes(app: FastifyInstance, options: { readonly store: Store }): void {
  const { store } = options
  const typed = app.withTypeProvider<ZodTypeProvider>()

  typed.get(
    '/v1/cases',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['review'],
        summary: "The review queue: cases with their subject's latest score, riskiest first",
        description:
          "A cluster's score is its riskiest member's. Scores are read at request time, so a re-screening moves a " +
          'case at once. Written to the audit log (`cases.listed`).',
        querystring: queueQuery,
        response: {
          200: z.object({ items: z.array(queuedCaseViewSchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const query = request.query
      const filter: CaseQueueFilter = {
        status: query.status,
        ...(query.kind === undefined ? {} : { subjectKind: query.kind }),
        ...(query.outcome === undefined ? {} : { outcomes: query.outcome }),
        ...(query.assignee === undefined ? {} : { assignedTo: assigneeOf(request, query.assignee) }),
      }
      const page = await readPage(() => store.cases.queue(filter, { ...pageRequestOf(query), order: query.order }))
      await store.audit.append({
        actor: actorLabel(request),
        action: 'cases.listed',
        details: {
          filter: { status: query.status, kind: query.kind, outcome: query.outcome, assignee: query.assignee },
          order: query.order,
          isFirstPage: query.after === undefined,
          returned: page.items.length,
        },
      })
      return { items: page.items.map(toQueuedCaseView), nextCursor: page.nextCursor ?? null }
    },
  )

  typed.post(
    '/v1/cases/:id/assign',
    {
      preHandler: requirePermission('cases.decide'),
      schema: {
        tags: ['review'],
        summary: 'Assign an open case to an analyst, or unassign it',
        description: 'Written to the audit log (`case.assigned`). Only open cases can be assigned.',
        params: z.object({ id: z.string().min(1).max(100).describe('The case id.') }),
        body: z.strictObject({
          assignee: z.uuid().nullable().describe('The user id of an analyst or admin; null to unassign.'),
        }),
        response: { 200: caseViewSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params
      const { assignee } = request.body
      if (assignee !== null) {
        const user = await store.users.find(assignee)
        if (user === undefined || user.disabledAt !== null || !hasRoleAtLeast(user.role, 'analyst')) {
          throw new ApiError('VALIDATION_FAILED', 'The request body has one problem; see details.issues.', {
            issues: [{ path: 'body.assignee', message: 'is not an active analyst or admin', code: 'invalid_assignee' }],
          })
        }
      }
      try {
        return toCaseView(await store.cases.assign(id, assignee, actorLabel(request)))
      } catch (error) {
        if (error instanceof StoreError && error.code === 'not-found') {
          throw new ApiError('NOT_FOUND', `No case ${id}.`, { path: 'params.id' })
        }
        if (error instanceof StoreError && error.code === 'conflict') {
          throw new ApiError('CONFLICT', `Case ${id} is closed; only an open case can be assigned.`, {
            path: 'params.id',
          })
        }
        throw error
      }
    },
  )
}

/** The user id `assignee` names: `me` is the caller, who must be a person; `none` is unassigned. */
function assigneeOf(request: FastifyRequest, assignee: string): string | null {
  if (assignee === 'none') return null
  if (assignee !== 'me') return assignee
  const principal = request.principal
  if (principal?.kind === 'user') return principal.userId
  throw new ApiError('VALIDATION_FAILED', 'The request querystring has one problem; see details.issues.', {
    issues: [
      { path: 'querystring.assignee', message: 'is `me`, but an API key is not a person', code: 'invalid_value' },
    ],
  })
}

function toQueuedCaseView(item: QueuedCase): z.infer<typeof queuedCaseViewSchema> {
  return {
    case: toCaseView(item.case),
    risk: item.risk === null ? null : { ...item.risk },
    candidateName: item.candidateName,
    applicationCount: item.applicationCount,
  }
}
