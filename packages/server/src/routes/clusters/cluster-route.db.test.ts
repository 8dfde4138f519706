import type { IdentityGraph } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { generateWorld } from '@hirewall/synth'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aPlantedRing, seedScreenedPool, type SeededPool } from '../../testing/seed-screened-pool.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerReadRoutes } from '../register-read-routes.js'

type ClusterBody = {
  cluster: { id: string; applicationCount: number; claimedPeople: number; isRing: boolean }
  members: { id: string; latestResult: { score: number } | null }[]
  isTruncated: boolean
  graph: IdentityGraph
  case: unknown
  decisions: unknown[]
}

const ringPhone = '+14155550199'

describe.each(storeTestTargets())('the cluster route on $name', (target) => {
  let test: TestApp
  let pool: SeededPool

  beforeAll(async () => {
    test = await openTestApp(target)
    registerReadRoutes(test.app, { store: test.store })
    await test.app.ready()
    const world = generateWorld({ count: 40, seed: 'cluster-route', fraudShare: 0.4 })
    pool = await seedScreenedPool(test.store, [...world, ...aPlantedRing('ring', '2026-11-10')])
  }, openTimeoutMs)
  afterAll(() => test.close())

  const get = (url: string, headers: AuthHeaders = test.people.viewer) =>
    test.app.inject({ method: 'GET', url, headers })

  it("draws the planted ring: each member, the phone all share, the device two share, and nothing they don't share", async () => {
    const response = await get('/v1/clusters/cluster:ring-1')
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json<ClusterBody>()
    expect(body.cluster).toMatchObject({ id: 'cluster:ring-1', applicationCount: 4, claimedPeople: 4, isRing: true })
    expect(body.members.map((member) => member.id)).toEqual(['ring-1', 'ring-2', 'ring-3', 'ring-4'])
    expect(body.isTruncated).toBe(false)
    expect(body.graph.nodes).toEqual([
      ...['ring-1', 'ring-2', 'ring-3', 'ring-4'].map((id) => ({
        type: 'application',
        id,
        clusterId: 'cluster:ring-1',
      })),
      { type: 'identifier', id: 'device:ring-laptop-7', kind: 'device', value: 'ring-laptop-7' },
      { type: 'identifier', id: `phone:${ringPhone}`, kind: 'phone', value: ringPhone },
    ])
    const edges = body.graph.edges.map((edge) => `${edge.source} -> ${edge.target}`).sort()
    expect(edges).toEqual([
      'ring-1 -> phone:+14155550199',
      'ring-2 -> phone:+14155550199',
      'ring-3 -> device:ring-laptop-7',
      'ring-3 -> phone:+14155550199',
      'ring-4 -> device:ring-laptop-7',
      'ring-4 -> phone:+14155550199',
    ])
    expect(body.case).toBeNull()
    expect(body.decisions).toEqual([])
    const audit = await test.store.audit.list({ action: 'cluster.viewed', target: 'cluster:cluster:ring-1' })
    expect(audit.items[0]).toMatchObject({ actor: `user:${test.people.viewer.userId}`, details: { format: 'json' } })
  })

  it("draws every generated cluster's graph from identifiers its members share", async () => {
    const generated = pool.clusters.filter((cluster) => !cluster.id.startsWith('cluster:ring'))
    expect(generated.length).toBeGreaterThan(0)
    for (const cluster of generated) {
      const body = (await get(`/v1/clusters/${encodeURIComponent(cluster.id)}`)).json<ClusterBody>()
      const members = new Set(cluster.applicationIds)
      const applications = body.graph.nodes.filter((node) => node.type === 'application').map((node) => node.id)
      expect(new Set(applications)).toEqual(members)
      const identifiers = body.graph.nodes.filter((node) => node.type === 'identifier').map((node) => node.id)
      for (const edge of body.graph.edges) {
        expect(members.has(edge.source)).toBe(true)
        expect(identifiers).toContain(edge.target)
      }
      for (const identifier of identifiers) {
        const carriers = body.graph.edges.filter((edge) => edge.target === identifier)
        expect(new Set(carriers.map((edge) => edge.source)).size, identifier).toBeGreaterThanOrEqual(2)
      }
    }
  })

  it('exports the graph as GraphML that parses, with the same nodes and edges', async () => {
    const json = (await get('/v1/clusters/cluster%3Aring-1')).json<ClusterBody>()
    const response = await get('/v1/clusters/cluster%3Aring-1?format=graphml', test.keys.read)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/graphml+xml; charset=utf-8')
    expect(response.headers['content-disposition']).toBe('attachment; filename="cluster-ring-1.graphml"')
    expect(XMLValidator.validate(response.body)).toBe(true)
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
    }).parse(response.body) as {
      graphml: { graph: { node: { id: string }[]; edge: { source: string; target: string }[] }[] }[]
    }
    const graph = parsed.graphml[0]?.graph[0]
    expect(graph?.node.map((node) => node.id)).toEqual(json.graph.nodes.map((node) => node.id))
    expect(graph?.edge.map((edge) => [edge.source, edge.target])).toEqual(
      json.graph.edges.map((edge) => [edge.source, edge.target]),
    )
    const audit = await test.store.audit.list({ action: 'cluster.viewed', target: 'cluster:cluster:ring-1' })
    expect(audit.items[0]?.details).toEqual({ format: 'graphml' })
  })

  it('answers 404 naming the id for an unknown cluster, and 400 for an unknown format', async () => {
    const missing = await get('/v1/clusters/cluster:nobody')
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { path: 'params.id' } } })
    const format = await get('/v1/clusters/cluster:ring-1?format=svg')
    expect(format.statusCode).toBe(400)
    expect(format.json()).toMatchObject({ error: { details: { issues: [{ path: 'querystring.format' }] } } })
  })

  it('lets readers in and keeps a submit key and anonymous callers out', async () => {
    for (const headers of [test.people.viewer, test.people.analyst, test.keys.read, test.keys.admin]) {
      expect((await get('/v1/clusters/cluster:ring-1', headers)).statusCode).toBe(200)
    }
    expect((await get('/v1/clusters/cluster:ring-1', test.keys.submit)).statusCode).toBe(403)
    expect((await get('/v1/clusters/cluster:ring-1?format=graphml', test.keys.submit)).statusCode).toBe(403)
    expect((await get('/v1/clusters/cluster:ring-1', {})).statusCode).toBe(401)
  })
})
