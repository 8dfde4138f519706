import type { GraphEdge, GraphNode, IdentityGraph, Outcome, Verdict } from '../api/api-types'

/** Colours of identifier kinds, and of applications by their verdict (or outcome while undecided). */
export const kindColours: Readonly<Record<string, string>> = {
  phone: '#1f77b4',
  email: '#9467bd',
  address: '#8c564b',
  device: '#e377c2',
  ip: '#7f7f7f',
  'ip-prefix': '#b0b0b0',
  profile: '#17becf',
  'cv-file': '#bcbd22',
  'cv-text': '#dbdb8d',
  photo: '#ff9896',
  referrer: '#c5b0d5',
  payee: '#98df8a',
  'hired-from': '#374151',
}

/** What colours an application node: a verdict wins over the screening outcome. */
export type ApplicationStanding = Verdict | Outcome | 'unscreened'

export const standingColours: Readonly<Record<ApplicationStanding, string>> = {
  'confirmed-fraud': '#8b0000',
  'needs-verification': '#d97706',
  cleared: '#15803d',
  hold: '#dc2626',
  review: '#f59e0b',
  clear: '#16a34a',
  unscreened: '#6b7280',
}

/** How an application or employee node stands (an employee by their latest assessment). */
export function standingOf(node: Extract<GraphNode, { type: 'application' | 'employee' }>): ApplicationStanding {
  return (node.type === 'application' ? node.verdict : null) ?? node.outcome ?? 'unscreened'
}

/** An edge as a sentence, for the list beside the canvas. */
export function describeEdge(edge: GraphEdge): string {
  const value = edge.target.startsWith(`${edge.kind}:`) ? edge.target.slice(edge.kind.length + 1) : edge.target
  switch (edge.kind) {
    case 'hired-from':
      return `${edge.source} was hired from application ${edge.target}`
    default:
      return `${edge.source} shares ${edge.kind} ${value}`
  }
}

/** The nodes one hop from `id`. */
export function neighboursOf(graph: IdentityGraph, id: string): readonly string[] {
  const found = new Set<string>()
  for (const edge of graph.edges) {
    if (edge.source === id) found.add(edge.target)
    if (edge.target === id) found.add(edge.source)
  }
  return [...found]
}

/**
 * The part of the graph to draw: the focus and every neighbour of an expanded node, and the edges between drawn
 * nodes. Expanding a node reveals one more hop around it.
 */
export function visibleGraph(graph: IdentityGraph, focus: string, expanded: ReadonlySet<string>): IdentityGraph {
  const shown = new Set<string>([focus])
  for (const id of expanded) {
    if (!graph.nodes.some((node) => node.id === id)) continue
    shown.add(id)
    for (const neighbour of neighboursOf(graph, id)) shown.add(neighbour)
  }
  return {
    nodes: graph.nodes.filter((node) => shown.has(node.id)),
    edges: graph.edges.filter((edge) => shown.has(edge.source) && shown.has(edge.target)),
  }
}

/** Drawn nodes that still have neighbours out of sight (worth expanding). */
export function expandableNodes(graph: IdentityGraph, visible: IdentityGraph): ReadonlySet<string> {
  const shown = new Set(visible.nodes.map((node) => node.id))
  return new Set(
    visible.nodes
      .filter((node) => neighboursOf(graph, node.id).some((neighbour) => !shown.has(neighbour)))
      .map((node) => node.id),
  )
}

/** A cytoscape element description (kept plain so it is testable without a canvas). */
export type GraphElement = {
  readonly group: 'nodes' | 'edges'
  readonly data: Readonly<Record<string, string | number | boolean>>
  readonly classes: string
}

/** The elements cytoscape draws for `visible`, labelled and coloured; `focus` is outlined. */
export function graphElements(
  visible: IdentityGraph,
  focus: string,
  expandable: ReadonlySet<string>,
): readonly GraphElement[] {
  const nodes = visible.nodes.map((node): GraphElement => {
    const common = { id: node.id, isFocus: node.id === focus, isExpandable: expandable.has(node.id) }
    const states = [common.isFocus ? 'focus' : '', common.isExpandable ? 'expandable' : '']
    if (node.type === 'application' || node.type === 'employee') {
      const standing = standingOf(node)
      const score = node.score === undefined || node.score === null ? '' : ` · ${Math.round(node.score)}`
      const name = node.type === 'employee' ? node.employeeId : node.id
      const tools = node.type === 'employee' ? toolsLabel(node.tools) : ''
      return {
        group: 'nodes',
        data: { ...common, label: `${name}${score}${tools}`, colour: standingColours[standing], standing },
        classes: classList([node.type, standing, tools === '' ? '' : 'has-tools', ...states]),
      }
    }
    const tools = toolsLabel(node.tools ?? [])
    return {
      group: 'nodes',
      data: {
        ...common,
        label: `${node.kind}: ${shorten(node.value)}${tools}`,
        colour: kindColours[node.kind] ?? '#999999',
        kind: node.kind,
      },
      classes: classList(['identifier', node.kind, tools === '' ? '' : 'has-tools', ...states]),
    }
  })
  const edges = visible.edges.map((edge: GraphEdge, index): GraphElement => ({
    group: 'edges',
    data: {
      id: `edge-${index}-${edge.source}-${edge.target}`,
      source: edge.source,
      target: edge.target,
      kind: edge.kind,
      weight: edge.weight,
      colour: kindColours[edge.kind] ?? '#999999',
    },
    classes: edge.kind,
  }))
  return [...nodes, ...edges]
}

function classList(names: readonly string[]): string {
  return names.filter((name) => name !== '').join(' ')
}

/** Remote-access tools found on an employee's devices, named on the node so a farm's graph shows them at a glance. */
function toolsLabel(tools: readonly string[]): string {
  return tools.length === 0 ? '' : ` ⚠ ${tools.join(', ')}`
}

function shorten(value: string): string {
  return value.length > 28 ? `${value.slice(0, 12)}…${value.slice(-12)}` : value
}
