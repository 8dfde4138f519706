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

/** How an application node stands. */
export function standingOf(node: Extract<GraphNode, { type: 'application' }>): ApplicationStanding {
  return node.verdict ?? node.outcome ?? 'unscreened'
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
    if (node.type === 'application') {
      const standing = standingOf(node)
      const score = node.score === undefined || node.score === null ? '' : ` · ${Math.round(node.score)}`
      return {
        group: 'nodes',
        data: { ...common, label: `${node.id}${score}`, colour: standingColours[standing], standing },
        classes: ['application', standing, common.isFocus ? 'focus' : '', common.isExpandable ? 'expandable' : '']
          .filter((name) => name !== '')
          .join(' '),
      }
    }
    return {
      group: 'nodes',
      data: {
        ...common,
        label: `${node.kind}: ${shorten(node.value)}`,
        colour: kindColours[node.kind] ?? '#999999',
        kind: node.kind,
      },
      classes: ['identifier', node.kind, common.isFocus ? 'focus' : '', common.isExpandable ? 'expandable' : '']
        .filter((name) => name !== '')
        .join(' '),
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

function shorten(value: string): string {
  return value.length > 28 ? `${value.slice(0, 12)}…${value.slice(-12)}` : value
}
