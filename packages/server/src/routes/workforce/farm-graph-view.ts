import { identifierWeights, outcomes, type Outcome } from '@hirewall/core'
import type { FarmCluster } from '@hirewall/workforce'
import { z } from 'zod'

/** The device signals whose evidence names tools found on a device (osquery against the remote-access catalogue). */
export const toolSignalCodes = [
  'device.remote-access',
  'device.ip-kvm',
  'device.mouse-jiggler',
  'device.vpn-client',
] as const

/** What the farm graph knows of one member: their stored employee row and latest assessment. */
export type FarmMemberFacts = {
  readonly employeeId: string
  readonly legalName: string | null
  readonly applicationId: string | null
  /** The identity cluster of the application the employee was hired from. */
  readonly applicationClusterId: string | null
  readonly score: number | null
  readonly outcome: Outcome | null
  /** The latest assessment's signals as stored (`{ code, evidence, ... }`). */
  readonly signals: readonly Readonly<Record<string, unknown>>[]
}

/** One catalogue tool found on a member's device. */
export type ToolHit = {
  readonly code: (typeof toolSignalCodes)[number]
  readonly tool: string
  readonly device: string
  readonly isPresent: boolean
}

const farmNodeSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('employee'),
    id: z.string().describe('`employee:<employee id>`.'),
    employeeId: z.string(),
    score: z.number().nullable(),
    outcome: z.enum(outcomes).nullable(),
    tools: z.array(z.string()).describe('Remote-access, IP-KVM, mouse-jiggler and VPN tools found on their devices.'),
  }),
  z.object({
    type: z.literal('application'),
    id: z.string().describe('The application the employee was hired from.'),
    clusterId: z.string().nullable().describe("The application's identity cluster."),
  }),
  z.object({
    type: z.literal('identifier'),
    id: z.string().describe('`<kind>:<value>`.'),
    kind: z.enum(['ip', 'address', 'device']),
    value: z.string(),
    tools: z.array(z.string()).describe('For a device: the tools found on it.'),
  }),
])

/** The farm as a graph the console draws with the identity graph's component. */
export const farmGraphViewSchema = z
  .object({
    nodes: z.array(farmNodeSchema),
    edges: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        kind: z
          .enum(['ip', 'address', 'device', 'hired-from'])
          .describe(
            '`ip`: habitually signs in from or first checked in at this residential IP; `address`: equipment shipped ' +
              'there; `device`: the employee uses this device; `hired-from`: the application of the hire.',
          ),
        weight: z.number(),
      }),
    ),
  })
  .meta({ id: 'FarmGraph' })

export type FarmGraphView = z.infer<typeof farmGraphViewSchema>
type FarmNode = FarmGraphView['nodes'][number]
type FarmEdge = FarmGraphView['edges'][number]

const sharedEgressSchema = z.object({
  addresses: z.array(z.object({ ip: z.string(), via: z.string(), device: z.string().optional() })),
})
const toolEvidenceSchema = z.object({
  findings: z.array(z.object({ device: z.string(), tool: z.string(), isPresent: z.boolean() })),
})

/** The tools found on the member's devices, from their latest assessment's device signals. */
export function toolHitsOf(member: FarmMemberFacts): readonly ToolHit[] {
  const hits: ToolHit[] = []
  for (const signal of member.signals) {
    const code = toolSignalCodes.find((known) => known === signal['code'])
    if (code === undefined) continue
    const evidence = toolEvidenceSchema.safeParse(signal['evidence'])
    if (!evidence.success) continue
    for (const finding of evidence.data.findings) hits.push({ code, ...finding })
  }
  return hits
}

/** How the member came from each shared IP, by their farm signal: through sign-ins, or a device's first check-in. */
function usesOf(member: FarmMemberFacts): readonly z.infer<typeof sharedEgressSchema>['addresses'][number][] {
  const signal = member.signals.find((candidate) => candidate['code'] === 'farm.shared-egress')
  const evidence = sharedEgressSchema.safeParse(signal?.['evidence'])
  return evidence.success ? evidence.data.addresses : []
}

/**
 * The farm drawn as the identity graph draws persona clusters: each member an employee node (score, outcome and the
 * tools found on their devices), joined to the residential IPs and ship-to addresses that put them in the farm. A
 * member who came from the IP through a device's first check-in reaches it through that device node; devices with
 * tools on them are drawn too. Each member with a known application links to it, and that to its identity cluster.
 */
export function farmGraphView(farm: FarmCluster, members: readonly FarmMemberFacts[]): FarmGraphView {
  const nodes = new Map<string, FarmNode>()
  const edges = new Map<string, FarmEdge>()
  const byId = new Map(members.map((member) => [member.employeeId, member]))
  const employeeNode = (employeeId: string) => `employee:${employeeId}`
  const addEdge = (source: string, target: string, kind: FarmEdge['kind']) => {
    const weight = kind === 'hired-from' ? 1 : identifierWeights[kind]
    edges.set(`${source}|${target}|${kind}`, { source, target, kind, weight })
  }
  const addIdentifier = (kind: 'ip' | 'address' | 'device', value: string, tools: readonly string[] = []) => {
    const id = `${kind}:${value}`
    const known = nodes.get(id)
    const merged = [...new Set([...(known?.type === 'identifier' ? known.tools : []), ...tools])].sort()
    nodes.set(id, { type: 'identifier', id, kind, value, tools: merged })
    return id
  }
  for (const employeeId of farm.employeeIds) {
    const member = byId.get(employeeId)
    const hits = member === undefined ? [] : toolHitsOf(member)
    nodes.set(employeeNode(employeeId), {
      type: 'employee',
      id: employeeNode(employeeId),
      employeeId,
      score: member?.score ?? null,
      outcome: member?.outcome ?? null,
      tools: [...new Set(hits.map((hit) => hit.tool))].sort(),
    })
    for (const device of new Set(hits.map((hit) => hit.device))) {
      const tools = hits.filter((hit) => hit.device === device).map((hit) => hit.tool)
      addEdge(employeeNode(employeeId), addIdentifier('device', device, tools), 'device')
    }
    if (member?.applicationId) {
      nodes.set(member.applicationId, {
        type: 'application',
        id: member.applicationId,
        clusterId: member.applicationClusterId,
      })
      addEdge(employeeNode(employeeId), member.applicationId, 'hired-from')
    }
  }
  for (const link of farm.links) {
    const target = addIdentifier(link.kind === 'ip' ? 'ip' : 'address', link.value)
    for (const employeeId of link.employeeIds) {
      if (!nodes.has(employeeNode(employeeId))) continue
      const member = byId.get(employeeId)
      const uses =
        link.kind === 'ip' && member !== undefined ? usesOf(member).filter((use) => use.ip === link.value) : []
      const devices = uses.flatMap((use) => (use.via === 'check-in' && use.device ? [use.device] : []))
      for (const device of devices) {
        const deviceNode = addIdentifier('device', device)
        addEdge(employeeNode(employeeId), deviceNode, 'device')
        addEdge(deviceNode, target, 'ip')
      }
      // Sign-ins, or a use the stored assessment does not (yet) describe: straight to the shared address.
      if (devices.length === 0 || uses.some((use) => use.via !== 'check-in'))
        addEdge(employeeNode(employeeId), target, link.kind === 'ip' ? 'ip' : 'address')
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] }
}
