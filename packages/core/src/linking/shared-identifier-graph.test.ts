import { describe, expect, it } from 'vitest'
import { identifierWeights } from './identifier-kind.js'
import { sharedIdentifierGraph } from './shared-identifier-graph.js'

const cluster = 'cluster:a'
const members = ['a', 'b', 'c', 'd'].map((id) => ({ id, clusterId: cluster }))

describe('sharedIdentifierGraph', () => {
  it('links each application to each identifier it shares with another, and leaves out the ones it alone carries', () => {
    const graph = sharedIdentifierGraph(members, [
      { applicationId: 'a', kind: 'phone', value: '+14155550132' },
      { applicationId: 'b', kind: 'phone', value: '+14155550132' },
      { applicationId: 'b', kind: 'email', value: 'ring@example.com' },
      { applicationId: 'c', kind: 'email', value: 'ring@example.com' },
      { applicationId: 'a', kind: 'email', value: 'only-a@example.com' },
      { applicationId: 'c', kind: 'cv-text', value: '' },
      { applicationId: 'd', kind: 'cv-text', value: '' },
    ])
    expect(graph.nodes).toEqual([
      ...members.map(({ id }) => ({ type: 'application', id, clusterId: cluster })),
      { type: 'identifier', id: 'phone:+14155550132', kind: 'phone', value: '+14155550132' },
      { type: 'identifier', id: 'email:ring@example.com', kind: 'email', value: 'ring@example.com' },
    ])
    expect(graph.edges).toEqual([
      { source: 'a', target: 'phone:+14155550132', kind: 'phone', weight: identifierWeights.phone },
      { source: 'b', target: 'phone:+14155550132', kind: 'phone', weight: identifierWeights.phone },
      { source: 'b', target: 'email:ring@example.com', kind: 'email', weight: identifierWeights.email },
      { source: 'c', target: 'email:ring@example.com', kind: 'email', weight: identifierWeights.email },
    ])
  })

  it('ignores identifiers of applications outside the set, and one application listing an identifier twice', () => {
    const graph = sharedIdentifierGraph(members.slice(0, 1), [
      { applicationId: 'a', kind: 'device', value: 'dev-1' },
      { applicationId: 'a', kind: 'device', value: 'dev-1' },
      { applicationId: 'z', kind: 'device', value: 'dev-1' },
    ])
    expect(graph).toEqual({ nodes: [{ type: 'application', id: 'a', clusterId: cluster }], edges: [] })
  })
})
