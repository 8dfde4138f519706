import { describe, expect, it } from 'vitest'
import type { IdentityGraph } from '../api/api-types'
import {
  describeEdge,
  expandableNodes,
  graphElements,
  neighboursOf,
  standingColours,
  visibleGraph,
} from './graph-elements'

// a1 and a2 share a phone; a2 and a3 share a device; a3 and a4 share a photo: a chain of hops.
const ring: IdentityGraph = {
  nodes: [
    { type: 'application', id: 'a1', clusterId: 'c', score: 91.6, outcome: 'hold' },
    { type: 'application', id: 'a2', clusterId: 'c', outcome: 'review', verdict: 'confirmed-fraud' },
    { type: 'application', id: 'a3', clusterId: 'c', outcome: 'clear' },
    { type: 'application', id: 'a4', clusterId: 'c' },
    { type: 'identifier', id: 'phone:+14155550101', kind: 'phone', value: '+14155550101' },
    { type: 'identifier', id: 'device:d1', kind: 'device', value: 'd1' },
    { type: 'identifier', id: 'photo:ffee', kind: 'photo', value: 'ffee' },
  ],
  edges: [
    { source: 'a1', target: 'phone:+14155550101', kind: 'phone', weight: 1 },
    { source: 'a2', target: 'phone:+14155550101', kind: 'phone', weight: 1 },
    { source: 'a2', target: 'device:d1', kind: 'device', weight: 1 },
    { source: 'a3', target: 'device:d1', kind: 'device', weight: 1 },
    { source: 'a3', target: 'photo:ffee', kind: 'photo', weight: 0.9 },
    { source: 'a4', target: 'photo:ffee', kind: 'photo', weight: 0.9 },
  ],
}

const ids = (graph: IdentityGraph) => graph.nodes.map((node) => node.id)

describe('visibleGraph', () => {
  it('starts with the focus and its identifiers', () => {
    expect(ids(visibleGraph(ring, 'a1', new Set(['a1'])))).toEqual(['a1', 'phone:+14155550101'])
  })

  it('reveals one more hop for each node expanded', () => {
    const twoHops = visibleGraph(ring, 'a1', new Set(['a1', 'phone:+14155550101']))
    expect(ids(twoHops)).toEqual(['a1', 'a2', 'phone:+14155550101'])
    expect(twoHops.edges).toHaveLength(2)
    const threeHops = visibleGraph(ring, 'a1', new Set(['a1', 'phone:+14155550101', 'a2']))
    expect(ids(threeHops)).toEqual(['a1', 'a2', 'phone:+14155550101', 'device:d1'])
  })

  it('ignores expanded ids that are not in the graph', () => {
    expect(ids(visibleGraph(ring, 'a1', new Set(['a1', 'ghost'])))).toEqual(['a1', 'phone:+14155550101'])
  })
})

describe('expandableNodes', () => {
  it('names drawn nodes with neighbours out of sight', () => {
    const visible = visibleGraph(ring, 'a1', new Set(['a1']))
    expect([...expandableNodes(ring, visible)]).toEqual(['phone:+14155550101'])
  })
})

describe('neighboursOf', () => {
  it('follows edges both ways', () => {
    expect(neighboursOf(ring, 'device:d1')).toEqual(['a2', 'a3'])
  })
})

describe('graphElements', () => {
  it('colours applications by verdict before outcome and identifiers by kind', () => {
    const elements = graphElements(ring, 'a1', new Set())
    const byId = new Map(elements.map((element) => [element.data.id, element]))
    expect(byId.get('a1')?.data).toMatchObject({ label: 'a1 · 92', colour: standingColours.hold, isFocus: true })
    expect(byId.get('a1')?.classes).toBe('application hold focus')
    expect(byId.get('a2')?.data.standing).toBe('confirmed-fraud')
    expect(byId.get('a4')?.data.standing).toBe('unscreened')
    expect(byId.get('phone:+14155550101')?.classes).toBe('identifier phone')
    expect(elements.filter((element) => element.group === 'edges')).toHaveLength(6)
  })

  it('shortens long identifier values in labels', () => {
    const graph: IdentityGraph = {
      nodes: [{ type: 'identifier', id: 'cv-file:x', kind: 'cv-file', value: 'a'.repeat(64) }],
      edges: [],
    }
    expect(graphElements(graph, 'none', new Set())[0]?.data.label).toBe(`cv-file: ${'a'.repeat(12)}…${'a'.repeat(12)}`)
  })
})

// A farm: two employees behind one residential IP, one through the laptop that first checked in there, with AnyDesk.
const farm: IdentityGraph = {
  nodes: [
    { type: 'employee', id: 'employee:E-1', employeeId: 'E-1', score: 88.2, outcome: 'hold', tools: [] },
    { type: 'employee', id: 'employee:E-2', employeeId: 'E-2', score: 61, outcome: 'review', tools: ['AnyDesk'] },
    { type: 'employee', id: 'employee:E-3', employeeId: 'E-3', score: null, outcome: null, tools: [] },
    { type: 'identifier', id: 'ip:203.0.113.7', kind: 'ip', value: '203.0.113.7', tools: [] },
    { type: 'identifier', id: 'device:LT-2', kind: 'device', value: 'LT-2', tools: ['AnyDesk'] },
    { type: 'application', id: 'app-1', clusterId: null },
  ],
  edges: [
    { source: 'employee:E-1', target: 'ip:203.0.113.7', kind: 'ip', weight: 0.2 },
    { source: 'employee:E-2', target: 'device:LT-2', kind: 'device', weight: 0.8 },
    { source: 'device:LT-2', target: 'ip:203.0.113.7', kind: 'ip', weight: 0.2 },
    { source: 'employee:E-1', target: 'app-1', kind: 'hired-from', weight: 1 },
  ],
}

describe('graphElements for a farm', () => {
  const byId = new Map(graphElements(farm, 'employee:E-1', new Set()).map((element) => [element.data.id, element]))

  it('draws employees by their assessment, labelled with their id and score', () => {
    expect(byId.get('employee:E-1')?.data).toMatchObject({
      label: 'E-1 · 88',
      colour: standingColours.hold,
      standing: 'hold',
      isFocus: true,
    })
    expect(byId.get('employee:E-1')?.classes).toBe('employee hold focus')
    expect(byId.get('employee:E-3')?.data).toMatchObject({ label: 'E-3', standing: 'unscreened' })
  })

  it('names remote-access tools on the employee and the device they were found on', () => {
    expect(byId.get('employee:E-2')?.data.label).toBe('E-2 · 61 ⚠ AnyDesk')
    expect(byId.get('employee:E-2')?.classes).toBe('employee review has-tools')
    expect(byId.get('device:LT-2')?.data.label).toBe('device: LT-2 ⚠ AnyDesk')
    expect(byId.get('device:LT-2')?.classes).toBe('identifier device has-tools')
    expect(byId.get('ip:203.0.113.7')?.classes).toBe('identifier ip')
  })

  it('reaches the shared IP from each employee, directly or through the device', () => {
    expect(neighboursOf(farm, 'ip:203.0.113.7')).toEqual(['employee:E-1', 'device:LT-2'])
    expect(ids(visibleGraph(farm, 'employee:E-2', new Set(['employee:E-2', 'device:LT-2'])))).toEqual([
      'employee:E-2',
      'ip:203.0.113.7',
      'device:LT-2',
    ])
  })
})

describe('describeEdge', () => {
  it('says what an edge means', () => {
    expect(describeEdge({ source: 'a1', target: 'phone:+14155550101', kind: 'phone', weight: 1 })).toBe(
      'a1 shares phone +14155550101',
    )
    expect(describeEdge({ source: 'employee:E-1', target: 'app-1', kind: 'hired-from', weight: 1 })).toBe(
      'employee:E-1 was hired from application app-1',
    )
  })
})
