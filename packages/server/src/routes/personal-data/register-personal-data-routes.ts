import {
  StoreError,
  eraseSubject,
  exportSubject,
  listRetentionPolicies,
  removeRetentionPolicy,
  retentionActions,
  runRetention,
  setRetentionPolicy,
  type Store,
  type SubjectQuery,
} from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { actorLabel } from '../audit/actor-label.js'

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema }

const policySchema = z
  .object({
    sourceSystem: z.string(),
    maxAgeDays: z.number().int(),
    action: z.enum(retentionActions),
    updatedBy: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'RetentionPolicy' })

const subjectBody = z
  .object({
    email: z.string().trim().min(1).max(320).optional(),
    phone: z.string().trim().min(1).max(64).optional(),
    applicationId: z.string().trim().min(1).max(300).optional(),
    employeeId: z.string().trim().min(1).max(300).optional(),
  })
  .strict()

/**
 * Personal-data administration under `privacy.manage` (admins, people only): per-source retention policies
 * and runs, and data-subject export and erasure (docs/security.md, "Personal data"). Every call is audit-logged with
 * the actor; an erasure's audit entry names application ids, never the email or phone asked for.
 */
export function registerPersonalDataRoutes(app: FastifyInstance, options: { readonly store: Store }): void {
  const { store } = options
  const typed = app.withTypeProvider<ZodTypeProvider>()
  const guard = requirePermission('privacy.manage')

  typed.get(
    '/v1/admin/retention-policies',
    {
      preHandler: guard,
      schema: {
        tags: ['personal-data'],
        summary: 'Retention policies by source system',
        response: { 200: z.object({ policies: z.array(policySchema) }), ...errors },
      },
    },
    async () => ({
      policies: (await listRetentionPolicies(store.db)).map((policy) => ({
        ...policy,
        updatedAt: policy.updatedAt.toISOString(),
      })),
    }),
  )

  typed.put(
    '/v1/admin/retention-policies/:sourceSystem',
    {
      preHandler: guard,
      schema: {
        tags: ['personal-data'],
        summary: "Set a source system's retention: keep applications maxAgeDays after receipt, then act",
        params: z.object({ sourceSystem: z.string().trim().min(1).max(100) }),
        body: z.object({ maxAgeDays: z.number().int().min(1).max(36_500), action: z.enum(retentionActions) }).strict(),
        response: { 200: z.object({ policy: policySchema }), ...errors },
      },
    },
    async (request) => {
      const { sourceSystem } = request.params
      // The store refuses what the schema cannot see: anonymising workforce feed records.
      await storeCall(() => setRetentionPolicy(store.db, { sourceSystem, ...request.body }, actorLabel(request)))
      const policy = (await listRetentionPolicies(store.db)).find((item) => item.sourceSystem === sourceSystem)
      if (policy === undefined) throw new Error('a retention policy just set is missing')
      return { policy: { ...policy, updatedAt: policy.updatedAt.toISOString() } }
    },
  )

  typed.delete(
    '/v1/admin/retention-policies/:sourceSystem',
    {
      preHandler: guard,
      schema: {
        tags: ['personal-data'],
        summary: "Remove a source system's retention policy (its applications are then kept)",
        params: z.object({ sourceSystem: z.string().trim().min(1).max(100) }),
        response: { 204: z.null(), 404: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const removed = await removeRetentionPolicy(store.db, request.params.sourceSystem, actorLabel(request))
      if (!removed) {
        throw new ApiError('NOT_FOUND', `No retention policy for ${request.params.sourceSystem}.`, {
          path: 'params.sourceSystem',
        })
      }
      return reply.status(204).send(null)
    },
  )

  typed.post(
    '/v1/admin/retention/run',
    {
      preHandler: guard,
      schema: {
        tags: ['personal-data'],
        summary: 'Apply every retention policy now, or count what it would change (dryRun)',
        body: z.object({ dryRun: z.boolean().default(false) }).strict(),
        response: {
          200: z.object({
            isDryRun: z.boolean(),
            policies: z.array(
              z.object({
                sourceSystem: z.string(),
                action: z.enum(retentionActions),
                maxAgeDays: z.number().int(),
                cutoff: z.iso.datetime(),
                due: z.number().int(),
                applied: z.number().int(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const report = await runRetention(store, { actor: actorLabel(request), isDryRun: request.body.dryRun })
      return { isDryRun: report.isDryRun, policies: report.policies.map((policy) => ({ ...policy })) }
    },
  )

  typed.post(
    '/v1/admin/subject-requests/export',
    {
      preHandler: guard,
      schema: {
        tags: ['personal-data'],
        summary:
          'Every row about a person (by email, phone, application id or employee id), personal data decrypted: ' +
          'applications and, for a hired person, the employee, post-hire records and assessments',
        body: subjectBody,
        response: {
          200: z.object({
            query: z.object({ kind: z.string(), value: z.string() }),
            exportedAt: z.iso.datetime(),
            applicationIds: z.array(z.string()),
            employeeIds: z.array(z.string()),
            tables: z.record(z.string(), z.array(z.unknown())),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const exported = await storeCall(() => exportSubject(store, subjectQuery(request.body), actorLabel(request)))
      return {
        query: { ...exported.query },
        exportedAt: exported.exportedAt,
        applicationIds: [...exported.applicationIds],
        employeeIds: [...exported.employeeIds],
        tables: Object.fromEntries(Object.entries(exported.tables).map(([table, rows]) => [table, [...rows]])),
      }
    },
  )

  typed.post(
    '/v1/admin/subject-requests/erase',
    {
      preHandler: guard,
      schema: {
        tags: ['personal-data'],
        summary:
          "Anonymise a person's applications and employment records; ids, times, scores, outcomes, signal codes " +
          'and decisions stay for counts, the audit trail and employment-record retention',
        body: subjectBody,
        response: {
          200: z.object({
            applicationIds: z.array(z.string()),
            employeeIds: z.array(z.string()),
            anonymised: z.number().int(),
            employeesAnonymised: z.number().int(),
            workforceRecordsAnonymised: z.number().int(),
            assessmentsRedacted: z.number().int(),
            kept: z.record(z.string(), z.number().int()),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const erased = await storeCall(() => eraseSubject(store, subjectQuery(request.body), actorLabel(request)))
      return {
        applicationIds: [...erased.applicationIds],
        employeeIds: [...erased.employeeIds],
        anonymised: erased.anonymised,
        employeesAnonymised: erased.employeesAnonymised,
        workforceRecordsAnonymised: erased.workforceRecordsAnonymised,
        assessmentsRedacted: erased.assessmentsRedacted,
        kept: { ...erased.kept },
      }
    },
  )
}

function subjectQuery(body: z.infer<typeof subjectBody>): SubjectQuery {
  const given = [
    body.email === undefined ? undefined : ({ kind: 'email', value: body.email } as const),
    body.phone === undefined ? undefined : ({ kind: 'phone', value: body.phone } as const),
    body.applicationId === undefined ? undefined : ({ kind: 'application', value: body.applicationId } as const),
    body.employeeId === undefined ? undefined : ({ kind: 'employee', value: body.employeeId } as const),
  ].filter((query) => query !== undefined)
  const [query] = given
  if (query === undefined || given.length > 1) {
    throw new ApiError('VALIDATION_FAILED', 'Give exactly one of email, phone, applicationId or employeeId.', {
      path: 'body',
    })
  }
  return query
}

/** A store refusal of the value given (a malformed email or phone) as a 400 naming the field. */
async function storeCall<Result>(work: () => Promise<Result>): Promise<Result> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof StoreError && error.code === 'invalid-value') {
      throw new ApiError('VALIDATION_FAILED', `${error.message}.`, { path: `body.${error.target ?? ''}` })
    }
    throw error
  }
}
