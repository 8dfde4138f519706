import { applicationRecordSchema } from '@hirewall/core'
import type { Store, StoredApplication } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { actorLabel } from '../audit/actor-label.js'
import { caseViewSchema, toCaseView } from '../cases/case-view.js'
import { decisionViewSchema, toDecisionView } from '../decisions/decision-view.js'
import { linkedApplicationViewSchema, toLinkedApplicationViews } from './linked-application-view.js'
import {
  resultVersionViewSchema,
  screeningResultViewSchema,
  toResultVersionView,
  toScreeningResultView,
} from './screening-result-view.js'

/** How many other members of its cluster an application's page lists; `linked.total` counts them all. */
export const linkedApplicationsShown = 100

const applicationDetailSchema = z
  .object({
    application: z.object({
      id: z.string(),
      idempotencyKey: z.string(),
      sourceSystem: z.string(),
      externalId: z.string().nullable(),
      requisitionId: z.string().nullable(),
      submittedAt: z.iso.datetime(),
      receivedAt: z.iso.datetime(),
      latestVersion: z.number().int().describe('The latest result version; 0 before the first screening.'),
      record: applicationRecordSchema.describe('The canonical application record (docs/application-record.md).'),
    }),
    latestResult: screeningResultViewSchema.nullable(),
    history: z.array(resultVersionViewSchema).describe('Every result version, oldest first.'),
    cluster: z
      .object({
        id: z.string(),
        applicationCount: z.number().int(),
        claimedPeople: z.number().int().describe('Distinct claimed people in the cluster.'),
        isRing: z.boolean(),
      })
      .nullable()
      .describe('The persona cluster the application is in now.'),
    linked: z.object({
      total: z.number().int().describe('Other applications in the cluster.'),
      items: z.array(linkedApplicationViewSchema).describe(`The first ${linkedApplicationsShown}, earliest first.`),
    }),
    case: caseViewSchema.nullable().describe('The open case, else the latest closed one.'),
    decisions: z.array(decisionViewSchema).describe('Oldest first; the last is the current verdict.'),
  })
  .meta({ id: 'ApplicationDetail' })

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
}

/** `GET /v1/applications/:id`: everything an analyst reviews about one application; audit-logged. */
export function registerApplicationDetailRoute(app: FastifyInstance, options: { readonly store: Store }): void {
  const { store } = options
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/applications/:id',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['applications'],
        summary: 'One application: the record, its latest result with evidence, history, linked applications, review',
        description: 'Written to the audit log (`application.viewed`) with the caller.',
        params: z.object({ id: z.string().min(1).max(500).describe('The application id.') }),
        response: { 200: applicationDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params
      const application = await store.applications.find(id)
      if (application === undefined) {
        throw new ApiError('NOT_FOUND', `No application ${id}.`, { path: 'params.id' })
      }
      const subject = { kind: 'application', id } as const
      const [latest, history, clusterId, reviewCase, decisions] = await Promise.all([
        store.results.latest(id),
        store.results.history(id),
        store.identity.clusterOf(id),
        store.cases.latestFor(subject),
        store.decisions.listFor(subject),
      ])
      const detail = {
        application: applicationView(application),
        latestResult: latest === undefined ? null : toScreeningResultView(latest),
        history: history.map(toResultVersionView),
        ...(await clusterAndLinked(store, id, clusterId)),
        case: reviewCase === undefined ? null : toCaseView(reviewCase),
        decisions: decisions.map(toDecisionView),
      }
      await store.audit.append({
        actor: actorLabel(request),
        action: 'application.viewed',
        target: `application:${id}`,
      })
      return detail
    },
  )
}

function applicationView(application: StoredApplication) {
  return {
    id: application.id,
    idempotencyKey: application.idempotencyKey,
    sourceSystem: application.sourceSystem,
    externalId: application.externalId,
    requisitionId: application.requisitionId,
    submittedAt: application.submittedAt.toISOString(),
    receivedAt: application.receivedAt.toISOString(),
    latestVersion: application.latestVersion,
    // The schema's output type has mutable arrays where the record's are readonly; the serializer checks the record.
    record: application.record as z.output<typeof applicationRecordSchema>,
  }
}

async function clusterAndLinked(store: Store, id: string, clusterId: string | undefined) {
  const cluster = clusterId === undefined ? undefined : await store.identity.cluster(clusterId)
  if (cluster === undefined) return { cluster: null, linked: { total: 0, items: [] } }
  const others = cluster.applicationIds.filter((member) => member !== id)
  const shown = others.slice(0, linkedApplicationsShown)
  const [summaries, shared] = await Promise.all([
    shown.length === 0
      ? Promise.resolve({ items: [] })
      : store.applications.list({ applicationIds: shown }, { limit: linkedApplicationsShown }),
    store.identity.sharedIdentifiers([id, ...shown]),
  ])
  return {
    cluster: {
      id: cluster.id,
      applicationCount: cluster.applicationIds.length,
      claimedPeople: cluster.claimedPeople,
      isRing: cluster.isRing,
    },
    linked: { total: others.length, items: toLinkedApplicationViews(id, shown, summaries.items, shared) },
  }
}
