import { describe, expect, it } from 'vitest'
import type { IdentityGraph } from '../api/api-types'
import { expandableNodes, graphElements, neighboursOf, standingColours, visibleGraph } from './graph-elements'

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
