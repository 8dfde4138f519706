import type { IdentityGraph } from './identity-index.js'

// XML 1.0 cannot carry most control characters at all, even escaped: drop them.
const escapeXml = (text: string): string =>
  [...text]
    .filter((char) => char >= ' ' || char === '\t' || char === '\n' || char === '\r')
    .join('')
    .replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`)

/**
 * The identity graph as GraphML (graphml.graphdrawing.org), which Gephi, Cytoscape, yEd and NetworkX read: nodes with
 * `type`, `label`, `kind` and `cluster`; edges with `kind` and `weight`.
 */
export function toGraphMl(graph: IdentityGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="nodeKind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="cluster" for="node" attr.name="cluster" attr.type="string"/>',
    '  <key id="edgeKind" for="edge" attr.name="kind" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <graph id="hirewall-identity-graph" edgedefault="undirected">',
  ]
  for (const node of graph.nodes) {
    lines.push(`    <node id="${escapeXml(node.id)}">`, `      <data key="type">${node.type}</data>`)
    if (node.type === 'application') {
      lines.push(
        `      <data key="label">${escapeXml(node.id)}</data>`,
        `      <data key="cluster">${escapeXml(node.clusterId)}</data>`,
      )
    } else {
      lines.push(
        `      <data key="label">${escapeXml(node.value)}</data>`,
        `      <data key="nodeKind">${node.kind}</data>`,
      )
    }
    lines.push('    </node>')
  }
  graph.edges.forEach((edge, index) => {
    lines.push(
      `    <edge id="e${index}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`,
      `      <data key="edgeKind">${edge.kind}</data>`,
      `      <data key="weight">${edge.weight}</data>`,
      '    </edge>',
    )
  })
  lines.push('  </graph>', '</graphml>')
  return `${lines.join('\n')}\n`
}
