import { outcomes } from '@hirewall/core'
import type { Store } from '@hirewall/store'
import type { FarmCluster } from '@hirewall/workforce'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import type { WorkforceService } from '../../workforce/workforce-service.js'
import { actorLabel } from '../audit/actor-label.js'
import { oneOrMany } from '../listing/query-values.js'
import { farmGraphView, farmGraphViewSchema, toolHitsOf, toolSignalCodes } from './farm-graph-view.js'
import { readFarmMembers } from './farm-members.js'

const farmSchema = z
  .object({
    id: z.string().describe('`farm:<smallest employee id>`.'),
    employeeIds: z.array(z.string()),
    links: z.array(
      z.object({
        kind: z.enum(['ip', 'ship-to']),
        value: z.string().describe('The shared IP address, or the ship-to address as first written.'),
        employeeIds: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'FarmCluster' })

const farmMemberSchema = z
  .object({
    employeeId: z.string(),
    legalName: z.string().nullable(),
    applicationId: z.string().nullable().describe('The screened application the hire came from, when known.'),
    applicationClusterId: z.string().nullable().describe("That application's identity cluster."),
    score: z.number().nullable(),
    outcome: z.enum(outcomes).nullable(),
    signalCodes: z.array(z.string()),
    toolHits: z.array(
      z.object({ code: z.enum(toolSignalCodes), tool: z.string(), device: z.string(), isPresent: z.boolean() }),
    ),
    openCaseId: z.string().nullable().describe("The employee's open case in the review queue, if any."),
  })
  .meta({ id: 'FarmMember' })

const farmDetailSchema = z
  .object({ farm: farmSchema, members: z.array(farmMemberSchema), graph: farmGraphViewSchema })
  .meta({ id: 'FarmDetail' })

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
}

/**
 * The farms under `applications.read`, each read audit-logged: `GET /v1/farms` (every farm cluster, or those holding
 * given applications' hires) and `GET /v1/farms/:id` (one farm, its members and its graph).
 */
export function registerFarmRoutes(
  app: FastifyInstance,
  options: { readonly store: Store; readonly workforce: WorkforceService },
): void {
  const { store, workforce } = options
  const typed = app.withTypeProvider<ZodTypeProvider>()

  typed.get(
    '/v1/farms',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['workforce'],
        summary: 'Farm clusters: employees joined by a shared residential IP or ship-to address, largest first',
        description: 'As of every stored record. Written to the audit log (`farms.listed`).',
        querystring: z.strictObject({
          applicationId: oneOrMany(z.string().min(1).max(500))
            .optional()
            .describe('Only farms holding the hire of this application; repeat for several.'),
        }),
        response: { 200: z.object({ items: z.array(farmSchema) }), ...errors },
      },
    },
    async (request) => {
      const wanted = request.query.applicationId
      const all = await workforce.farms()
      const farms = wanted === undefined ? all : await farmsHolding(store, all, wanted)
      const items = farms.map(toFarmView)
      await store.audit.append({
        actor: actorLabel(request),
        action: 'farms.listed',
        details: { applicationIds: wanted, returned: items.length },
      })
      return { items }
    },
  )

  typed.get(
    '/v1/farms/:id',
    {
      preHandler: requirePermission('applications.read'),
      schema: {
        tags: ['workforce'],
        summary: 'A farm: its members, what joins them, the tools on their devices, as a graph',
        description:
          'Employee nodes link to the residential IPs and ship-to addresses they share (through the device that ' +
          'first checked in there, when that is how), to devices with remote-access tools, and to the application ' +
          'each was hired from. Written to the audit log (`farm.read`).',
        params: z.object({ id: z.string().min(1).max(500).describe('The farm id, `farm:<smallest employee id>`.') }),
        response: { 200: farmDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params
      const farm = (await workforce.farms()).find((candidate) => candidate.id === id)
      if (farm === undefined) throw new ApiError('NOT_FOUND', `No farm ${id}.`, { path: 'params.id' })
      const members = await readFarmMembers(store, farm.employeeIds)
      const openCases = await Promise.all(
        members.map((member) => store.cases.openCaseFor({ kind: 'employee', id: member.employeeId })),
      )
      await store.audit.append({
        actor: actorLabel(request),
        action: 'farm.read',
        target: id,
        details: { members: farm.employeeIds.length },
      })
      return {
        farm: toFarmView(farm),
        members: members.map((member, index) => ({
          employeeId: member.employeeId,
          legalName: member.legalName,
          applicationId: member.applicationId,
          applicationClusterId: member.applicationClusterId,
          score: member.score,
          outcome: member.outcome,
          signalCodes: member.signals.flatMap((signal) => (typeof signal['code'] === 'string' ? [signal['code']] : [])),
          toolHits: [...toolHitsOf(member)],
          openCaseId: openCases[index]?.id ?? null,
        })),
        graph: farmGraphView(farm, members),
      }
    },
  )
}

/** The farms with a member hired from one of the applications (the store knows which application each hire was). */
async function farmsHolding(
  store: Store,
  farms: readonly FarmCluster[],
  applicationIds: readonly string[],
): Promise<readonly FarmCluster[]> {
  const wanted = new Set(applicationIds)
  const held = await Promise.all(
    farms.map(async (farm) => {
      const employees = await Promise.all(farm.employeeIds.map((id) => store.employees.find(id)))
      return employees.some((employee) => wanted.has(employee?.applicationId ?? ''))
    }),
  )
  return farms.filter((_farm, index) => held[index])
}

function toFarmView(farm: FarmCluster): z.infer<typeof farmSchema> {
  return {
    id: farm.id,
    employeeIds: [...farm.employeeIds],
    links: farm.links.map((link) => ({ kind: link.kind, value: link.value, employeeIds: [...link.employeeIds] })),
  }
}
