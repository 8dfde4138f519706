// Loads the real sanctions lists of ../shared/data (a sibling of the checkout) with the product's own parsers, as
// `intel import` would: OFAC SDN (sdn, alt, add), OFAC consolidated (cons_prim, cons_alt) and the UN consolidated XML.
// Shared by the sanctions evaluation and benchmark; needs `npm run build` first.
import { performance } from 'node:perf_hooks'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { findSourceDefinition } from '@hirewall/intel'

export const sharedData = fileURLToPath(new URL('../../shared/data/', import.meta.url))

const listFiles = [
  {
    kind: 'ofac-sdn',
    version: '2024-05-03',
    files: { 'sdn.csv': 'sdn_2024-05-03.csv', 'alt.csv': 'alt_2025-12.csv', 'add.csv': 'add_2025-12.csv' },
  },
  {
    kind: 'ofac-consolidated',
    version: 'test snapshot',
    files: { 'cons_prim.csv': 'cons_prim.csv', 'cons_alt.csv': 'cons_alt.csv' },
  },
  { kind: 'un-consolidated', version: undefined, files: { 'consolidated.xml': 'UN_consolidated.xml' } },
]

/** Every list as a LoadedList ({ source: { name, version, entries }, items }), with parse time in milliseconds. */
export function loadSanctionsLists() {
  return listFiles.map(({ kind, version, files }) => {
    const texts = Object.entries(files).map(([name, file]) => ({
      name,
      text: readFileSync(`${sharedData}sanctions/${file}`, 'utf8'),
    }))
    const started = performance.now()
    const result = findSourceDefinition(kind).parse(texts)
    const parseMs = performance.now() - started
    if (result.status !== 'ok') throw new Error(`${kind}: ${JSON.stringify(result.issues.slice(0, 3))}`)
    const items = result.data.entities
    return {
      source: { name: kind, version: result.version ?? version ?? 'unknown', entries: items.length },
      items,
      parseMs,
    }
  })
}

/** Reads a small CSV with quoted fields (the name-matching fixtures): rows as objects keyed by the header. */
export function readCsv(path) {
  const rows = []
  const text = readFileSync(path, 'utf8')
  let field = ''
  let row = []
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const character = text[i]
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (character === '"') quoted = false
      else field += character
    } else if (character === '"') quoted = true
    else if (character === ',') {
      row.push(field)
      field = ''
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[i + 1] === '\n') i += 1
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += character
  }
  if (field.length > 0 || row.length > 0) rows.push([...row, field])
  const [header, ...body] = rows
  return body
    .filter((cells) => cells.length > 1)
    .map((cells) => Object.fromEntries(header.map((key, i) => [key, cells[i] ?? ''])))
}
