import { applicationRecordSchema, validateApplicationRecord, type ValidationIssue } from '@hirewall/core'
import type { StoredApplication } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema.js'
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import type { ValidationIssueDetail } from '../../errors/to-api-error.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { actorLabel } from '../audit/actor-label.js'
import { screeningResultViewSchema, toScreeningResultView } from '../applications/screening-result-view.js'
import { screeningErrorResponse } from './screening-error-response.js'

/** An idempotency key a client may choose: 1 to 255 visible ASCII characters. */
const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/

const submittedApplicationSchema = z
  .object({
    id: z.string(),
    idempotencyKey: z.string(),
    sourceSystem: z.string(),
    externalId: z.string().nullable().describe("The application's id in the source system."),
    requisitionId: z.string().nullable(),
    submittedAt: z.iso.datetime(),
    receivedAt: z.iso.datetime().describe('When HireWall stored it (the first submission, for `existing`).'),
    latestVersion: z.number().int().describe('The latest result version: 1 after a submission.'),
  })
  .meta({ id: 'SubmittedApplication' })

const submissionResponse = (status: 'created' | 'existing') =>
  z.object({
    status: z.literal(status),
    application: submittedApplicationSchema,
    result: screeningResultViewSchema,
  })

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  409: errorResponseSchema,
  413: errorResponseSchema,
  415: errorResponseSchema,
  503: errorResponseSchema,
}

/**
 * The body is validated by core's record validation in the handler, whose field paths and messages are the ones the
 * CLI and importers give; the schema is there for the OpenAPI document. Headers are validated as usual, and text
 * PostgreSQL cannot store is refused for every route by the app (`rejectUnstorableText`).
 */
function bodyCheckedByHandler<Schema>(route: FastifyRouteSchemaDef<Schema>): FastifyValidationResult {
  if (route.httpPart === 'body') return (data: unknown) => ({ value: data })
  // The route's other schemas are zod schemas, as on every route.
  return validatorCompiler(route as unknown as FastifyRouteSchemaDef<z.ZodType>)
}

/**
 * `POST /v1/applications`: screens one application synchronously. 201 with the new application and its result; 200
 * with `existing` and the stored result when its idempotency key (the `Idempotency-Key` header, else the source
 * system and external id) was submitted before.
 */
export function registerSubmitApplicationRoute(
  app: FastifyInstance,
  options: { readonly screening: ScreeningService },
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/applications',
    {
      preHandler: requirePermission('applications.submit'),
      validatorCompiler: bodyCheckedByHandler,
      schema: {
        tags: ['applications'],
        summary: 'Submit one application and get its screening result',
        description:
          'Stores the application exactly once per idempotency key, links it to every stored application, screens ' +
          'it and answers with the result. A repeated key answers 200 with the stored result and creates nothing. ' +
          'Review and hold outcomes open a review case; `screening.completed` goes to webhook subscribers.',
        headers: z.object({
          'idempotency-key': z
            .string()
            .regex(idempotencyKeyPattern, 'must be 1 to 255 visible ASCII characters')
            .optional()
            .describe('Default: `<source.system>:<source.applicationId, else id>`, e.g. `greenhouse:4021`.'),
        }),
        body: applicationRecordSchema.describe('A canonical application record (docs/application-record.md).'),
        response: { 200: submissionResponse('existing'), 201: submissionResponse('created'), ...errors },
      },
    },
    async (request, reply) => {
      const validation = validateApplicationRecord(request.body)
      if (validation.status === 'invalid') throw invalidBody(validation.issues.map(inBody))
      const idempotencyKey = request.headers['idempotency-key']
      const outcome = await options.screening
        .submit({
          record: validation.record,
          raw: request.body,
          actor: actorLabel(request),
          ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
        })
        .catch((error: unknown) => {
          throw screeningErrorResponse(error)
        })
      const body = {
        application: submittedApplicationView(outcome.application),
        result: toScreeningResultView(outcome.result),
      }
      void reply.header('location', `/v1/applications/${encodeURIComponent(outcome.application.id)}`)
      return outcome.status === 'created'
        ? reply.code(201).send({ status: 'created' as const, ...body })
        : reply.code(200).send({ status: 'existing' as const, ...body })
    },
  )
}

/** A record issue at its place in the request: `cv.basics.email` is `body.cv.basics.email`. */
function inBody(issue: ValidationIssue): ValidationIssueDetail {
  return { path: issue.path === '(record)' ? 'body' : `body.${issue.path}`, message: issue.message, code: 'invalid' }
}

function invalidBody(issues: readonly ValidationIssueDetail[]): ApiError {
  const count = issues.length === 1 ? 'one problem' : `${issues.length} problems`
  return new ApiError('VALIDATION_FAILED', `The request body has ${count}; see details.issues.`, { issues })
}

function submittedApplicationView(application: StoredApplication) {
  return {
    id: application.id,
    idempotencyKey: application.idempotencyKey,
    sourceSystem: application.sourceSystem,
    externalId: application.externalId,
    requisitionId: application.requisitionId,
    submittedAt: application.submittedAt.toISOString(),
    receivedAt: application.receivedAt.toISOString(),
    latestVersion: application.latestVersion,
  }
}
