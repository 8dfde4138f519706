import type { FarmCluster } from '@hirewall/workforce'
import { describe, expect, it } from 'vitest'
import { farmGraphView, toolHitsOf, type FarmMemberFacts } from './farm-graph-view.js'

// E-1 and E-2 sign in from 203.0.113.7; E-3's laptop first checked in there; E-2 and E-3 had equipment shipped to
// one flat, and AnyDesk sits on E-3's laptop.
const farm: FarmCluster = {
  id: 'farm:E-1',
  employeeIds: ['E-1', 'E-2', 'E-3'],
  links: [
    { kind: 'ip', value: '203.0.113.7', employeeIds: ['E-1', 'E-2', 'E-3'] },
    { kind: 'ship-to', value: '12 Elm St, Austin', employeeIds: ['E-2', 'E-3'] },
  ],
}

const member = (employeeId: string, facts: Partial<FarmMemberFacts> = {}): FarmMemberFacts => ({
  employeeId,
  legalName: `Person ${employeeId}`,
  applicationId: null,
  applicationClusterId: null,
  score: 80,
  outcome: 'hold',
  signals: [],
  ...facts,
})

const members = [
  member('E-1', {
    applicationId: 'app-1',
    applicationClusterId: 'cluster:app-0',
    signals: [
      { code: 'farm.shared-egress', evidence: { addresses: [{ ip: '203.0.113.7', via: 'sign-in', days: 9 }] } },
    ],
  }),
  member('E-2', { score: 55, outcome: 'review' }),
  member('E-3', {
    signals: [
      {
        code: 'farm.shared-egress',
        evidence: { addresses: [{ ip: '203.0.113.7', via: 'check-in', days: 1, device: 'LT-3' }] },
      },
      {
        code: 'device.remote-access',
        evidence: { tools: ['AnyDesk'], findings: [{ device: 'LT-3', tool: 'AnyDesk', isPresent: true }] },
      },
      { code: 'device.remote-access', evidence: 'not what a detector writes' },
    ],
  }),
]

const edgesOf = (graph: ReturnType<typeof farmGraphView>) =>
  graph.edges.map((edge) => `${edge.source} -${edge.kind}-> ${edge.target}`).sort()

describe('farmGraphView', () => {
  it('draws members, the shared IP and ship-to address, devices with their tools, and hires', () => {
    const graph = farmGraphView(farm, members)
    expect(edgesOf(graph)).toEqual([
      'device:LT-3 -ip-> ip:203.0.113.7',
      'employee:E-1 -hired-from-> app-1',
      'employee:E-1 -ip-> ip:203.0.113.7',
      'employee:E-2 -address-> address:12 Elm St, Austin',
      'employee:E-2 -ip-> ip:203.0.113.7',
      'employee:E-3 -address-> address:12 Elm St, Austin',
      'employee:E-3 -device-> device:LT-3',
    ])
    const byId = new Map(graph.nodes.map((node) => [node.id, node]))
    expect(byId.get('employee:E-3')).toEqual({
      type: 'employee',
      id: 'employee:E-3',
      employeeId: 'E-3',
      score: 80,
      outcome: 'hold',
      tools: ['AnyDesk'],
    })
    expect(byId.get('device:LT-3')).toMatchObject({ type: 'identifier', kind: 'device', tools: ['AnyDesk'] })
    expect(byId.get('app-1')).toEqual({ type: 'application', id: 'app-1', clusterId: 'cluster:app-0' })
    expect(byId.get('address:12 Elm St, Austin')).toMatchObject({ kind: 'address', value: '12 Elm St, Austin' })
    expect(graph.nodes.filter((node) => node.type === 'employee')).toHaveLength(3)
  })

  it('draws a member the store does not know yet without facts, and never an edge to a missing node', () => {
    const graph = farmGraphView(farm, members.slice(0, 1))
    expect(graph.nodes.find((node) => node.id === 'employee:E-2')).toMatchObject({ score: null, outcome: null })
    const ids = new Set(graph.nodes.map((node) => node.id))
    for (const edge of graph.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true)
  })
})

describe('toolHitsOf', () => {
  it('reads the findings of device tool signals and skips evidence it cannot read', () => {
    expect(toolHitsOf(members[2] as FarmMemberFacts)).toEqual([
      { code: 'device.remote-access', tool: 'AnyDesk', device: 'LT-3', isPresent: true },
    ])
    expect(toolHitsOf(members[0] as FarmMemberFacts)).toEqual([])
  })
})
