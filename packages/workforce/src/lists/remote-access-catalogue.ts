import type { ReferenceSource } from '@hirewall/core'
import { problem, readListFile, type ListFile } from './list-file.js'

/** What a catalogue entry is: each kind raises its own signal. */
export const toolKinds = ['remote-access', 'rmm', 'ip-kvm', 'mouse-jiggler', 'vpn-client'] as const
export type ToolKind = (typeof toolKinds)[number]

/** Where in osquery's tables an entry is looked for. */
export const toolMatches = ['program', 'process', 'usb-id', 'usb-name', 'interface'] as const
export type ToolMatch = (typeof toolMatches)[number]

export type CatalogueEntry = {
  readonly kind: ToolKind
  /** The tool, as analysts read it ("AnyDesk"); several rows may share a name. */
  readonly name: string
  readonly match: ToolMatch
  /** Lower case; for `usb-id` the normalised `vvvv:pppp`. */
  readonly pattern: string
  readonly note: string
  readonly line: number
}

export type RemoteAccessCatalogue = { readonly source: ReferenceSource; readonly entries: readonly CatalogueEntry[] }

/** The name signals cite for the catalogue that ships with HireWall. */
export const shippedCatalogueName = 'hirewall remote-access catalogue'

/** `1D6B:0104`, `0x1d6b:0x0104` → `1d6b:0104`; undefined when it is not two 16-bit hex ids. */
export function normaliseUsbId(text: string): string | undefined {
  const match = /^(?:0x)?([0-9a-f]{1,4})\s*:\s*(?:0x)?([0-9a-f]{1,4})$/i.exec(text.trim())
  return match ? `${match[1]?.toLowerCase().padStart(4, '0')}:${match[2]?.toLowerCase().padStart(4, '0')}` : undefined
}

/** Parses a catalogue file (see data/remote-access-catalogue.csv for its columns). */
export function parseRemoteAccessCatalogue(text: string, name: string): ListFile<CatalogueEntry> {
  return readListFile(text, name, ['kind', 'name', 'match', 'pattern', 'note'] as const, (cells, line) => {
    const kind = cells.kind.toLowerCase()
    if (!(toolKinds as readonly string[]).includes(kind))
      return problem(line, 'kind', `must be one of ${toolKinds.join(', ')}, not "${cells.kind}"`)
    const match = cells.match.toLowerCase()
    if (!(toolMatches as readonly string[]).includes(match))
      return problem(line, 'match', `must be one of ${toolMatches.join(', ')}, not "${cells.match}"`)
    if (cells.name === '') return problem(line, 'name', 'is required: the tool as analysts read it')
    if (cells.pattern === '') return problem(line, 'pattern', 'is required: what to look for')
    let pattern = cells.pattern.toLowerCase()
    if (match === 'usb-id') {
      const id = normaliseUsbId(cells.pattern)
      if (id === undefined)
        return problem(line, 'pattern', `must be vendor:product in hex such as 1d6b:0104, not "${cells.pattern}"`)
      pattern = id
    } else if (match === 'process') pattern = pattern.replace(/\.exe$/, '')
    return { kind: kind as ToolKind, name: cells.name, match: match as ToolMatch, pattern, note: cells.note, line }
  })
}
