import { outcomes } from '@hirewall/core'
import type { Employee, EmployeeFilter, StoredEmployeeAssessment, Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import type { WorkforceService } from '../../workforce/workforce-service.js'
import { actorLabel } from '../audit/actor-label.js'
import { caseViewSchema, toCaseView } from '../cases/case-view.js'
import { pageQueryFields, pageRequestOf, readPage } from '../listing/page-query.js'
import { oneOrMany } from '../listing/query-values.js'
import { employeeTimeline, timelineKinds } from './employee-timeline.js'
import { registerFarmRoutes } from './farm-routes.js'

const assessmentSchema = z
  .object({
    version: z.number().int(),
    score: z.number(),
    outcome: z.enum(outcomes),
    holdGate: z.string(),
    signalCodes: z.array(z.string()),
    clusterId: z.string().nullable().describe('The farm cluster (`farm:<smallest employee id>`), if any.'),
    policyVersion: z.string(),
    assessedAt: z.iso.datetime(),
  })
  .meta({ id: 'EmployeeAssessmentSummary' })

const employeeSummarySchema = z
  .object({
    id: z.string(),
    legalName: z.string().nullable().describe('Null until the HR feed sends the hire.'),
    applicationId: z.string().nullable().describe('The screened application the hire came from, when known.'),
    homeCountry: z.string().nullable(),
    startDate: z.string().nullable(),
    manager: z.string().nullable(),
    latest: assessmentSchema.nullable(),
  })
  .meta({ id: 'EmployeeSummary' })

const employeeDetailSchema = employeeSummarySchema
  .extend({
    applicationRef: z.string().nullable().describe('The application id as the HR feed gave it.'),
    homeAddress: z.string().nullable(),
    logins: z.array(z.string()),
    signals: z
      .array(z.record(z.string(), z.unknown()))
      .describe(
        "The latest assessment's signals: `{ code, severity, message, evidence, category, weight, contribution }`.",
      ),
    dataVersions: z.unknown(),
    detectorFailures: z.unknown(),
    application: z
      .object({
        id: z.string(),
        candidateName: z.string().nullable(),
        sourceSystem: z.string(),
        submittedAt: z.iso.datetime(),
        latestResult: z.object({ score: z.number(), outcome: z.enum(outcomes), version: z.number().int() }).nullable(),
      })
      .nullable(),
    openCase: caseViewSchema.nullable(),
    timeline: z.array(
      z.object({
        at: z.iso.datetime(),
        kind: z.enum(timelineKinds),
        summary: z.string(),
        details: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'EmployeeDetail' })

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
}

/**
 * The after-hire reads under `applications.read`, each audit-logged: `GET /v1/employees` (riskiest first, by outcome
 * and score), `GET /v1/employees/:id` (the assessment with its signals and evidence, the application it came from and
 * the timeline), and the farms (`farm-routes.ts`).
 */
export function registerEmployeeRoutes(
  app: FastifyInstance,
  options: { readonly store: Store; readonly workforce: WorkforceService },
): void {
  const { store } = options
  const typed = app.withTypeProvider<ZodTypeProvider>()

  typed.get(
    '/v1/employees',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['workforce'],
        summary: 'Employees with their latest assessment, riskiest first',
        description: 'Written to the audit log (`employees.listed`).',
        querystring: z.strictObject({
          outcome: oneOrMany(z.enum(outcomes)).optional().describe('The latest outcome; repeat for several.'),
          minScore: z.coerce.number().min(0).max(100).optional().describe('The latest score at least this.'),
          ...pageQueryFields,
        }),
        response: {
          200: z.object({ items: z.array(employeeSummarySchema), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const query = request.query
      const filter: EmployeeFilter = {
        ...(query.outcome === undefined ? {} : { outcomes: query.outcome }),
        ...(query.minScore === undefined ? {} : { minScore: query.minScore }),
      }
      const page = await readPage(() => store.employees.list(filter, pageRequestOf(query)))
      await store.audit.append({
        actor: actorLabel(request),
        action: 'employees.listed',
        details: {
          filter: { outcome: query.outcome, minScore: query.minScore },
          isFirstPage: query.after === undefined,
          returned: page.items.length,
        },
      })
      return { items: page.items.map(toSummary), nextCursor: page.nextCursor ?? null }
    },
  )

  typed.get(
    '/v1/employees/:id',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['workforce'],
        summary: "An employee's assessment, signals with evidence, the application they came from, and the timeline",
        description:
          "The timeline runs from the application through the hire, shipments, devices' first check-ins, weekly " +
          'sign-in summaries and payroll changes to the latest assessment. Written to the audit log (`employee.read`).',
        params: z.object({ id: z.string().min(1).max(500).describe('The HR employee id.') }),
        response: { 200: employeeDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params
      const employee = await store.employees.find(id)
      if (employee === undefined) throw new ApiError('NOT_FOUND', `No employee ${id}.`, { path: 'params.id' })
      const [timeline, application, openCase] = await Promise.all([
        employeeTimeline(store, employee),
        applicationOf(store, employee),
        store.cases.openCaseFor({ kind: 'employee', id }),
      ])
      await store.audit.append({
        actor: actorLabel(request),
        action: 'employee.read',
        target: `employee:${id}`,
        details: {},
      })
      return {
        ...toSummary(employee),
        applicationRef: employee.applicationRef,
        homeAddress: employee.homeAddress,
        logins: [...employee.logins],
        signals: [...(employee.latest?.signals ?? [])],
        dataVersions: employee.latest?.dataVersions ?? [],
        detectorFailures: employee.latest?.detectorFailures ?? [],
        application,
        openCase: openCase === undefined ? null : toCaseView(openCase),
        timeline: timeline.map((entry) => ({ ...entry, details: { ...entry.details } })),
      }
    },
  )

  registerFarmRoutes(app, options)
}

function toAssessmentView(assessment: StoredEmployeeAssessment): z.infer<typeof assessmentSchema> {
  return {
    version: assessment.version,
    score: assessment.score,
    outcome: assessment.outcome,
    holdGate: assessment.holdGate,
    signalCodes: [...assessment.signalCodes],
    clusterId: assessment.clusterId,
    policyVersion: assessment.policyVersion,
    assessedAt: assessment.assessedAt.toISOString(),
  }
}

function toSummary(employee: Employee): z.infer<typeof employeeSummarySchema> {
  return {
    id: employee.id,
    legalName: employee.legalName,
    applicationId: employee.applicationId,
    homeCountry: employee.homeCountry,
    startDate: employee.startDate,
    manager: employee.manager,
    latest: employee.latest === null ? null : toAssessmentView(employee.latest),
  }
}

async function applicationOf(
  store: Store,
  employee: Employee,
): Promise<z.infer<typeof employeeDetailSchema>['application']> {
  if (employee.applicationId === null) return null
  const application = await store.applications.find(employee.applicationId)
  if (application === undefined) return null
  const result = await store.results.latest(application.id)
  return {
    id: application.id,
    candidateName: application.record.cv.basics?.name ?? null,
    sourceSystem: application.sourceSystem,
    submittedAt: application.submittedAt.toISOString(),
    latestResult:
      result === undefined ? null : { score: result.score, outcome: result.outcome, version: result.version },
  }
}
