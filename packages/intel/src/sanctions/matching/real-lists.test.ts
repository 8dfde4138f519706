import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { findSourceDefinition } from '../../source/source-catalogue.js'
import type { IntelKind, LoadedList } from '../../source/intel-source.js'
import type { SanctionedEntity } from '../sanctioned-entity.js'
import { createSanctionsMatcher } from './sanctions-matcher.js'

// The real OFAC SDN and UN lists of the shared reference data, read through the product's own parsers.
const sanctionsData = fileURLToPath(new URL('../../../../../../shared/data/sanctions/', import.meta.url))

function load(kind: IntelKind, files: Readonly<Record<string, string>>): LoadedList<SanctionedEntity> {
  const parsed = findSourceDefinition(kind)?.parse(
    Object.entries(files).map(([name, file]) => ({ name, text: readFileSync(`${sanctionsData}${file}`, 'utf8') })),
  )
  if (parsed?.status !== 'ok' || parsed.data.area !== 'sanctions') throw new Error(`${kind} did not parse`)
  return {
    source: { name: kind, version: parsed.version ?? 'test', entries: parsed.entries },
    items: parsed.data.entities,
  }
}

describe.runIf(existsSync(sanctionsData))('the matcher on the real OFAC SDN and UN lists', () => {
  const sdn = load('ofac-sdn', { 'sdn.csv': 'sdn_2024-05-03.csv', 'alt.csv': 'alt_2025-12.csv' })
  const un = load('un-consolidated', { 'consolidated.xml': 'UN_consolidated.xml' })
  const matcher = createSanctionsMatcher([sdn, un])
  const latinOnly = createSanctionsMatcher(
    [un].map((list) => ({
      ...list,
      items: list.items.map((entity) => ({
        ...entity,
        names: entity.names.filter((name) => !/[\u0600-\u06ff]/.test(name.value)),
      })),
    })),
  )
  const topId = (name: string, schema: 'Person' | 'Organization' = 'Person'): string | undefined =>
    matcher.match({ schema, properties: { name: [name] } }).results.find((result) => result.match)?.id

  it.each([
    ['Kim Jong-un', 'ofac-sdn:20157'],
    ['김정은', 'ofac-sdn:20157'],
    ['Gim Jeong Eun', 'ofac-sdn:20157'],
    ['Evgeny Viktorovich Prigozhin', 'ofac-sdn:21171'],
  ])('%s is %s', (name, id) => {
    expect(topId(name)).toBe(id)
  })

  it('finds a UN entry from its Arabic original-script name among Latin names only', () => {
    const response = latinOnly.match({ schema: 'Person', properties: { name: ['صدام حسين التكريتي'] } })
    expect(response.results[0]).toMatchObject({ id: 'un:IQi.001', match: true })
  })

  it.each(['Jordan Avery Miller', 'Ingeborg Abrahamsen', 'Kathryn Barr', 'Maria Alice Nathan Leão'])(
    '%s (not listed) is no match',
    (name) => {
      expect(topId(name)).toBeUndefined()
    },
  )
})
