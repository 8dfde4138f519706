import type cytoscapeFactory from 'cytoscape'
import type { Core, EventObject, NodeSingular } from 'cytoscape'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { IdentityGraph } from '../api/api-types'
import { navigate } from '../routing/use-route'
import {
  describeEdge,
  expandableNodes,
  graphElements,
  kindColours,
  standingColours,
  visibleGraph,
} from './graph-elements'

/**
 * The identity graph drawn with cytoscape (canvas, no network access): applications as circles coloured by verdict
 * or outcome, a farm's employees as hexagons coloured by their assessment (outlined when remote-access tools were
 * found on their devices), shared identifiers as squares coloured by kind. Clicking a node expands it a hop;
 * double-clicking an application or employee opens it. Export as PNG here, and as GraphML from the API when it has it.
 */
export function LinkGraph(props: {
  readonly graph: IdentityGraph
  readonly focus: string
  readonly graphMlHref?: string
  /** Draw every node at once (a farm is small) rather than the focus and its neighbours. */
  readonly isExpandedAtStart?: boolean
}) {
  const { graph, focus, isExpandedAtStart = false } = props
  const container = useRef<HTMLDivElement>(null)
  const cy = useRef<Core | null>(null)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(
    () => new Set(isExpandedAtStart ? graph.nodes.map((node) => node.id) : [focus]),
  )
  const [selected, setSelected] = useState<string | null>(null)
  useEffect(
    () => setExpanded(new Set(isExpandedAtStart ? graph.nodes.map((node) => node.id) : [focus])),
    [focus, graph, isExpandedAtStart],
  )
  const visible = useMemo(() => visibleGraph(graph, focus, expanded), [graph, focus, expanded])
  const expandable = useMemo(() => expandableNodes(graph, visible), [graph, visible])
  const elements = useMemo(() => graphElements(visible, focus, expandable), [visible, focus, expandable])

  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    const element = container.current
    if (element === null) return
    let instance: Core | null = null
    let isCancelled = false
    // cytoscape is loaded with the first graph shown: the queue and application pages do not wait for it.
    import('cytoscape').then(
      ({ default: cytoscape }) => {
        if (isCancelled) return
        instance = draw(cytoscape, element)
        cy.current = instance
      },
      () => setFailure('The graph library could not be loaded; reload the page.'),
    )
    return () => {
      isCancelled = true
      instance?.destroy()
      cy.current = null
    }
  }, [elements])

  const draw = (cytoscape: typeof cytoscapeFactory, element: HTMLElement): Core => {
    markCytoscapeStylesheetPresent()
    const instance = cytoscape({
      container: element,
      elements: elements.map((element) => ({ ...element, data: { ...element.data } })),
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            label: 'data(label)',
            'font-size': 10,
            color: '#1f2937',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            width: 22,
            height: 22,
          },
        },
        { selector: 'node.identifier', style: { shape: 'round-rectangle', width: 16, height: 16 } },
        { selector: 'node.employee', style: { shape: 'hexagon', width: 26, height: 26 } },
        { selector: 'node.has-tools', style: { 'border-width': 3, 'border-color': '#7f1d1d' } },
        { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#111827', width: 30, height: 30 } },
        {
          selector: 'node.expandable',
          style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#374151' },
        },
        { selector: 'node:selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#2563eb' } },
        {
          selector: 'edge',
          style: { 'line-color': 'data(colour)', width: 'mapData(weight, 0, 1, 1, 4)', opacity: 0.8 },
        },
      ],
      layout: { name: 'cose', animate: false, padding: 24, randomize: false },
      // A small cluster fitted to the canvas would be drawn huge; keep it at a readable size.
      maxZoom: 1.6,
      minZoom: 0.1,
      wheelSensitivity: 0.3,
    })
    const idOf = (event: EventObject) => (event.target as NodeSingular).id()
    instance.on('tap', 'node', (event) => {
      const id = idOf(event)
      setSelected(id)
      setExpanded((current) => new Set([...current, id]))
    })
    instance.on('dbltap', 'node.application', (event) => navigate({ page: 'application', id: idOf(event) }))
    instance.on('dbltap', 'node.employee', (event) =>
      navigate({ page: 'employee', id: idOf(event).slice('employee:'.length) }),
    )
    return instance
  }

  const exportPng = async () => {
    const instance = cy.current
    if (instance === null) return
    const blob = await instance.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' })
    const url = URL.createObjectURL(blob)
    const anchor = document.createElement('a')
    anchor.href = url
    anchor.download = `hirewall-graph-${focus.replace(/[^\w.-]+/g, '_')}.png`
    anchor.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  const hiddenCount = graph.nodes.length - visible.nodes.length
  const kindsShown = [...new Set(visible.nodes.flatMap((node) => (node.type === 'identifier' ? [node.kind] : [])))]
  return (
    <section className="link-graph" aria-labelledby="link-graph-title">
      <div className="section-heading">
        <h2 id="link-graph-title">Link graph</h2>
        <div className="toolbar">
          <button
            type="button"
            onClick={() => setExpanded(new Set(visible.nodes.map((node) => node.id)))}
            disabled={expandable.size === 0}
          >
            Expand one hop
          </button>
          <button
            type="button"
            onClick={() => setExpanded(new Set(graph.nodes.map((node) => node.id)))}
            disabled={hiddenCount === 0}
          >
            Show all
          </button>
          <button type="button" onClick={() => setExpanded(new Set([focus]))}>
            Collapse
          </button>
          <button type="button" onClick={() => void exportPng()}>
            Export PNG
          </button>
          {props.graphMlHref === undefined ? null : (
            <a className="button" href={props.graphMlHref} download>
              Export GraphML
            </a>
          )}
        </div>
      </div>
      <p className="muted" role="status">
        {visible.nodes.length} of {graph.nodes.length} nodes shown
        {hiddenCount > 0 ? '; click a dashed node to expand it a hop' : ''}. Double-click an application or employee to
        open it.
        {selected === null ? '' : ` Selected: ${selected}.`}
      </p>
      {failure === null ? null : (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <div
        ref={container}
        className="graph-canvas"
        role="img"
        aria-label={`Identity graph around ${focus}: ${visible.nodes.length} nodes, ${visible.edges.length} links`}
      />
      <ul className="legend" aria-label="Legend">
        {(['hold', 'review', 'clear', 'confirmed-fraud', 'cleared', 'needs-verification'] as const).map((standing) => (
          <li key={standing}>
            <span
              className="swatch round"
              data-colour={standing}
              style={{ backgroundColor: standingColours[standing] }}
            />
            {standing}
          </li>
        ))}
        {kindsShown.map((kind) => (
          <li key={kind}>
            <span className="swatch" style={{ backgroundColor: kindColours[kind] ?? '#999999' }} />
            {kind}
          </li>
        ))}
      </ul>
      <details>
        <summary>The graph as a list</summary>
        <ul className="graph-list">
          {visible.edges.map((edge) => (
            <li key={`${edge.source}-${edge.target}`}>{describeEdge(edge)}</li>
          ))}
        </ul>
      </details>
    </section>
  )
}

/** The id under which cytoscape looks for the stylesheet it would otherwise add to the page itself. */
const cytoscapeStylesheetId = '__________cytoscape_stylesheet'

/**
 * cytoscape adds a `<style>` element unless one with its id exists, which the console's CSP (no inline styles)
 * refuses. The rule it would add is in styles.css, so an empty marker with that id stands in for it.
 */
function markCytoscapeStylesheetPresent(): void {
  if (document.getElementById(cytoscapeStylesheetId) !== null) return
  const marker = document.createElement('meta')
  marker.id = cytoscapeStylesheetId
  marker.name = 'cytoscape-stylesheet'
  marker.content = 'styles.css'
  document.head.appendChild(marker)
}
