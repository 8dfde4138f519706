import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { IntelFile, IntelKind } from '../source/intel-source.js'
import { findSourceDefinition } from '../source/source-catalogue.js'
import { sanctionsSources } from './sanctions-sources.js'

const dataFolder = new URL('../../../../../shared/data/sanctions/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, dataFolder), 'utf8')

// The real files under the names `intel update` saves the official downloads as.
const realFiles: Readonly<Record<string, readonly IntelFile[]>> = {
  'ofac-sdn': [
    { name: 'sdn.csv', text: read('sdn_2024-05-03.csv') },
    { name: 'alt.csv', text: read('alt_2025-12.csv') },
    { name: 'add.csv', text: read('add_2025-12.csv') },
  ],
  'ofac-consolidated': [
    { name: 'cons_prim.csv', text: read('cons_prim.csv') },
    { name: 'cons_alt.csv', text: read('cons_alt.csv') },
  ],
  'un-consolidated': [{ name: 'consolidated.xml', text: read('UN_consolidated.xml') }],
  opensanctions: [{ name: 'entities.ftm.json', text: read('opensanctions_zala_entities.ftm.json') }],
}

describe('sanctionsSources', () => {
  it('defines each sanctions kind once', () => {
    expect(sanctionsSources.map((source) => source.kind)).toEqual([
      'ofac-sdn',
      'ofac-consolidated',
      'un-consolidated',
      'opensanctions',
    ])
  })

  it.each(sanctionsSources.map((source) => [source.kind, source] as const))(
    '%s downloads from official https addresses under distinct names',
    (_, source) => {
      expect(source.downloads.length).toBeGreaterThan(0)
      for (const download of source.downloads) expect(new URL(download.url).protocol).toBe('https:')
      const names = source.downloads.map((download) => download.name)
      expect(new Set(names).size).toBe(names.length)
      expect([source.title, source.publisher, source.licence, source.importHelp].every((text) => text.length > 0)).toBe(
        true,
      )
    },
  )

  it('says that OpenSanctions data needs a licence for commercial use', () => {
    expect(findSourceDefinition('opensanctions')?.licence).toMatch(/CC BY-NC 4\.0.*commercial use needs a licence/)
  })

  it.each([
    ['ofac-sdn', 14965],
    ['ofac-consolidated', 442],
    ['un-consolidated', 1003],
    ['opensanctions', 14],
  ] as const)('%s parses the real files through the catalogue (%i entities)', (kind: IntelKind, entries) => {
    const result = findSourceDefinition(kind)?.parse(realFiles[kind] ?? [])
    expect(result).toMatchObject({ status: 'ok', entries, data: { area: 'sanctions' } })
  })

  it.each(sanctionsSources.flatMap((source) => source.downloads.map((download) => [source.kind, download] as const)))(
    '%s loads without its optional files, not without its required ones: %o',
    (kind, download) => {
      const files = (realFiles[kind] ?? []).filter((file) => file.name !== download.name)
      expect(findSourceDefinition(kind)?.parse(files).status).toBe(download.isOptional ? 'ok' : 'invalid')
    },
  )

  const garbage: readonly (readonly [string, string])[] = [
    ['empty', ''],
    ['whitespace', ' \n\t\n'],
    ['an HTML page', '<!DOCTYPE html><html><head><title>Error</title></head><body>Try again</body></html>'],
    ['a JSON error', '{"error": "rate limited"}'],
    ['binary noise', '\u0000\u0001PK\u0003\u0004\u00ff\u00fe"unclosed'],
  ]
  it.each(sanctionsSources.flatMap((source) => garbage.map(([label, text]) => [source.kind, label, text] as const)))(
    '%s is invalid, never a throw, when every file is %s',
    (kind, _, text) => {
      const source = findSourceDefinition(kind)
      const files = (source?.downloads ?? []).map((download) => ({ name: download.name, text }))
      const result = source?.parse(files)
      expect(result?.status).toBe('invalid')
      if (result?.status === 'invalid') {
        expect(result.issues.length).toBeGreaterThan(0)
        for (const issue of result.issues) expect(files.map((file) => file.name)).toContain(issue.file)
      }
    },
  )
})
