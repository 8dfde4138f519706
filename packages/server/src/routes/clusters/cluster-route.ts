import { identifierKinds, sharedIdentifierGraph, toGraphMl } from '@hirewall/core'
import type { Store } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { applicationSummaryViewSchema, toApplicationSummaryView } from '../applications/application-summary-view.js'
import { actorLabel } from '../audit/actor-label.js'
import { caseViewSchema, toCaseView } from '../cases/case-view.js'
import { decisionViewSchema, toDecisionView } from '../decisions/decision-view.js'

/** The most members a cluster view lists and draws; `applicationCount` counts them all. */
export const clusterMembersShown = 500

/** Core's `IdentityGraph`: applications, the identifiers they share, and an edge per application and identifier. */
export const identityGraphViewSchema = z
  .object({
    nodes: z.array(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('application'), id: z.string(), clusterId: z.string() }),
        z.object({
          type: z.literal('identifier'),
          id: z.string().describe('`<kind>:<value>`.'),
          kind: z.enum(identifierKinds),
          value: z.string(),
        }),
      ]),
    ),
    edges: z.array(
      z.object({
        source: z.string().describe('An application node id.'),
        target: z.string().describe('An identifier node id.'),
        kind: z.enum(identifierKinds),
        weight: z.number().describe('How much sharing this kind says two applications have one operator.'),
      }),
    ),
  })
  .meta({ id: 'IdentityGraph' })

const clusterViewSchema = z
  .object({
    cluster: z.object({
      id: z.string(),
      applicationCount: z.number().int(),
      claimedPeople: z.number().int().describe('Distinct claimed people among the members.'),
      isRing: z.boolean(),
      createdAt: z.iso.datetime(),
      updatedAt: z.iso.datetime(),
    }),
    members: z.array(applicationSummaryViewSchema).describe(`Earliest first, at most ${clusterMembersShown}.`),
    isTruncated: z.boolean().describe('True when the cluster has more members than are listed and drawn.'),
    graph: identityGraphViewSchema,
    case: caseViewSchema.nullable(),
    decisions: z.array(decisionViewSchema),
  })
  .meta({ id: 'ClusterView' })

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
}

/** `GET /v1/clusters/:id`: a persona cluster, its members and identity graph (JSON or GraphML); audit-logged. */
export function registerClusterRoute(app: FastifyInstance, options: { readonly store: Store }): void {
  const { store } = options
  app.withTypeProvider<ZodTypeProvider>().get(
    '/v1/clusters/:id',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['clusters'],
        summary: 'A persona cluster: members, the identifiers they share as a graph, its review',
        description:
          '`?format=graphml` answers the graph alone as GraphML (Gephi, Cytoscape, yEd, NetworkX). Written to ' +
          'the audit log (`cluster.viewed`) with the caller.',
        params: z.object({ id: z.string().min(1).max(500).describe('The cluster id, `cluster:<application id>`.') }),
        querystring: z.strictObject({
          format: z.enum(['json', 'graphml']).default('json').describe('`graphml` for the graph as GraphML.'),
        }),
        response: {
          200: {
            description: 'The cluster (JSON), or its graph (GraphML).',
            content: {
              'application/json': { schema: clusterViewSchema },
              'application/graphml+xml': { schema: z.string() },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params
      const cluster = await store.identity.cluster(id)
      if (cluster === undefined) throw new ApiError('NOT_FOUND', `No cluster ${id}.`, { path: 'params.id' })
      const shown = cluster.applicationIds.slice(0, clusterMembersShown)
      const shared = await store.identity.sharedIdentifiers(shown)
      const graph = sharedIdentifierGraph(
        shown.map((member) => ({ id: member, clusterId: cluster.id })),
        shared,
      )
      const { format } = request.query
      if (format === 'graphml') {
        await store.audit.append({
          actor: actorLabel(request),
          action: 'cluster.viewed',
          target: `cluster:${id}`,
          details: { format },
        })
        return reply
          .type('application/graphml+xml; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileNameOf(id)}.graphml"`)
          .send(toGraphMl(graph))
      }
      const subject = { kind: 'cluster', id } as const
      const [summaries, reviewCase, decisions] = await Promise.all([
        shown.length === 0
          ? Promise.resolve({ items: [] })
          : store.applications.list({ applicationIds: shown }, { limit: clusterMembersShown }),
        store.cases.latestFor(subject),
        store.decisions.listFor(subject),
      ])
      const byId = new Map(summaries.items.map((summary) => [summary.id, summary]))
      await store.audit.append({
        actor: actorLabel(request),
        action: 'cluster.viewed',
        target: `cluster:${id}`,
        details: { format },
      })
      return reply.type('application/json; charset=utf-8').send({
        cluster: {
          id: cluster.id,
          applicationCount: cluster.applicationIds.length,
          claimedPeople: cluster.claimedPeople,
          isRing: cluster.isRing,
          createdAt: cluster.createdAt.toISOString(),
          updatedAt: cluster.updatedAt.toISOString(),
        },
        members: shown.flatMap((member) => {
          const summary = byId.get(member)
          return summary === undefined ? [] : [toApplicationSummaryView(summary)]
        }),
        isTruncated: shown.length < cluster.applicationIds.length,
        graph: { nodes: [...graph.nodes], edges: [...graph.edges] },
        case: reviewCase === undefined ? null : toCaseView(reviewCase),
        decisions: decisions.map(toDecisionView),
      })
    },
  )
}

/** A file name from a cluster id: letters, digits, dots, dashes and underscores only. */
function fileNameOf(clusterId: string): string {
  return clusterId.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100)
}
