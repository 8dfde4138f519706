import { decisionVerdicts, type Store, type Subject, type SubjectKind } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { actorLabel } from '../audit/actor-label.js'
import { caseViewSchema, toCaseView } from '../cases/case-view.js'
import { caseDecidedEvent } from './case-decided-event.js'
import { decisionViewSchema, toDecisionView } from './decision-view.js'

const decisionBody = z
  .strictObject({
    verdict: z.enum(decisionVerdicts).describe('`needs-verification` asks for more evidence before a verdict.'),
    reason: z.string().trim().min(1, 'must not be empty').max(2000).describe('Why, in a sentence; required.'),
    note: z.string().trim().max(10_000).optional().describe('Anything else the next reviewer should know.'),
  })
  .meta({ id: 'NewDecision' })

const decisionResponse = z
  .object({
    decision: decisionViewSchema,
    case: caseViewSchema.nullable().describe('The case after the decision: closed by a verdict, open otherwise.'),
  })
  .meta({ id: 'RecordedDecision' })

const subjectPhrases: Readonly<Record<SubjectKind, string>> = {
  application: 'an application',
  cluster: 'a persona cluster',
  employee: 'an employee (after the hire)',
}

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
}

/**
 * `POST /v1/applications/:id/decisions`, `POST /v1/clusters/:id/decisions` and `POST /v1/employees/:id/decisions`, under `cases.decide` (people only:
 * no API key may decide). The decision, its case change, its audit entry and the `case.decided` event are written in
 * one transaction; nothing is ever deleted.
 */
export function registerDecisionRoutes(app: FastifyInstance, options: { readonly store: Store }): void {
  const { store } = options
  const typed = app.withTypeProvider<ZodTypeProvider>()
  const route = (kind: SubjectKind, path: string, exists: (id: string) => Promise<boolean>): void => {
    typed.post(
      path,
      {
        preHandler: requirePermission('cases.decide'),
        schema: {
          tags: ['review'],
          summary: `Record a decision on ${subjectPhrases[kind]}`,
          description:
            'A verdict (`confirmed-fraud`, `cleared`) closes the open case; `needs-verification` opens one. ' +
            'Decisions are labels for learning: never changed or deleted. Emits `case.decided`.',
          params: z.object({ id: z.string().min(1).max(500).describe(`The ${kind} id.`) }),
          body: decisionBody,
          response: { 201: decisionResponse, ...errors },
        },
      },
      async (request, reply) => {
        const { id } = request.params
        if (!(await exists(id))) throw new ApiError('NOT_FOUND', `No ${kind} ${id}.`, { path: 'params.id' })
        const subject: Subject = { kind, id }
        const actor = actorLabel(request)
        const { verdict, reason, note } = request.body
        const recorded = await store.transaction(async (transaction) => {
          const decision = await transaction.decisions.record({
            subject,
            verdict,
            reason,
            actor,
            ...(note === undefined || note === '' ? {} : { note }),
          })
          await transaction.outbox.enqueue(caseDecidedEvent(decision))
          const decidedCase = decision.caseId === null ? undefined : await transaction.cases.find(decision.caseId)
          return { decision, decidedCase }
        })
        return reply.code(201).send({
          decision: toDecisionView(recorded.decision),
          case: recorded.decidedCase === undefined ? null : toCaseView(recorded.decidedCase),
        })
      },
    )
  }
  route(
    'application',
    '/v1/applications/:id/decisions',
    async (id) => (await store.applications.find(id)) !== undefined,
  )
  route('cluster', '/v1/clusters/:id/decisions', async (id) => (await store.identity.cluster(id)) !== undefined)
  route('employee', '/v1/employees/:id/decisions', async (id) => (await store.employees.find(id)) !== undefined)
}
