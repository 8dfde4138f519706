import { describe, expect, it } from 'vitest'
import { toGraphMl } from './to-graphml.js'

describe('toGraphMl', () => {
  it('writes every node and edge with its data, escaping markup and dropping characters XML cannot carry', () => {
    const xml = toGraphMl({
      nodes: [
        { type: 'application', id: 'app-<1>', clusterId: 'cluster:app-<1>' },
        { type: 'application', id: 'app-2', clusterId: 'cluster:app-<1>' },
        { type: 'identifier', id: 'email:a&b@example.com', kind: 'email', value: 'a&b@example.com\u0007' },
      ],
      edges: [
        { source: 'app-<1>', target: 'email:a&b@example.com', kind: 'email', weight: 0.9 },
        { source: 'app-2', target: 'email:a&b@example.com', kind: 'email', weight: 0.9 },
      ],
    })
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml')).toBe(true)
    expect(xml.match(/<node id=/g)).toHaveLength(3)
    expect(xml.match(/<edge id=/g)).toHaveLength(2)
    expect(xml).toContain('<node id="app-&#60;1&#62;">')
    expect(xml).toContain('<data key="label">a&#38;b@example.com</data>')
    expect(xml).toContain('<edge id="e1" source="app-2" target="email:a&#38;b@example.com">')
    expect(xml).not.toContain('\u0007')
  })
})
