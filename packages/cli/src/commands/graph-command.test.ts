import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli.js'

type Graph = {
  nodes: { type: string; id: string; clusterId?: string; kind?: string }[]
  edges: { source: string; target: string; kind: string; weight: number }[]
}
type Row = { result: { applicationId: string; clusterId: string; signals: { code: string }[] } }

const dir = mkdtempSync(join(tmpdir(), 'hirewall-graph-'))
const world = join(dir, 'world.jsonl')

beforeAll(async () => {
  expect((await runCli(['generate', '--count', '1200', '--seed', '21', '-o', world])).exitCode).toBe(0)
})

describe('hirewall screen links the pool', () => {
  it('finds the rings of a generated world and names them in the summary and results', async () => {
    const run = await runCli(['screen', world])
    expect(run.stderr).toMatch(/Linked: \d+ persona clusters of 2\+ applications, [1-9]\d* rings/)
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Row)
    const labels = new Map(
      readFileSync(world, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; label: { ringId?: string; pattern: string } })
        .map((record) => [record.id, record.label]),
    )
    const ringMember = rows.find(
      (row) =>
        labels.get(row.result.applicationId)?.pattern === 'persona-ring' &&
        row.result.signals.some((signal) => signal.code.startsWith('identity.')),
    )
    expect(ringMember?.result.clusterId).toMatch(/^cluster:syn-\d+$/)
  })

  it('screens records alone with --no-link', async () => {
    const run = await runCli(['screen', '--no-link', world])
    expect(run.stderr).not.toMatch(/Linked:/)
    expect(run.stdout).not.toMatch(/"code":"identity\./)
    expect(run.stdout).not.toMatch(/"clusterId"/)
  })
})

describe('hirewall graph', () => {
  it('writes the identity graph as JSON: applications, shared identifiers, typed weighted edges', async () => {
    const run = await runCli(['graph', world])
    expect(run.exitCode).toBe(0)
    const graph = JSON.parse(run.stdout) as Graph
    const ids = new Set(graph.nodes.map((node) => node.id))
    expect(graph.nodes.some((node) => node.type === 'application' && node.clusterId?.startsWith('cluster:'))).toBe(true)
    expect(graph.nodes.some((node) => node.type === 'identifier' && node.kind === 'phone')).toBe(true)
    expect(graph.edges.length).toBeGreaterThan(0)
    for (const edge of graph.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true)
      expect(edge.weight).toBeGreaterThan(0)
    }
    expect(run.stderr).toMatch(new RegExp(`graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges`))
  })

  it('writes GraphML with the same nodes and edges, and one cluster alone on request', async () => {
    const json = JSON.parse((await runCli(['graph', world])).stdout) as Graph
    const output = join(dir, 'graph.graphml')
    expect((await runCli(['graph', world, '-o', output])).exitCode).toBe(0)
    const xml = readFileSync(output, 'utf8')
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<graphml xmlns="http:\/\/graphml.graphdrawing.org\/xmlns"/,
    )
    expect(xml.match(/<node id=/g)).toHaveLength(json.nodes.length)
    expect(xml.match(/<edge id=/g)).toHaveLength(json.edges.length)

    const sizes = new Map<string, number>()
    for (const node of json.nodes) {
      if (node.type === 'application' && node.clusterId) sizes.set(node.clusterId, (sizes.get(node.clusterId) ?? 0) + 1)
    }
    const cluster = [...sizes].find(([, size]) => size > 1)?.[0] ?? ''
    const one = JSON.parse((await runCli(['graph', '--cluster', cluster, world])).stdout) as Graph
    const applications = one.nodes.filter((node) => node.type === 'application')
    expect(applications.length).toBeGreaterThan(1)
    expect(applications.every((node) => node.clusterId === cluster)).toBe(true)
  })

  it('refuses a cluster that does not exist', async () => {
    const run = await runCli(['graph', '--cluster', 'cluster:nope', world])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/no persona cluster cluster:nope/)
  })
})
