import { describe, expect, it } from 'vitest'
import { findSourceDefinition } from '../source/source-catalogue.js'
import { institutionSources } from './institution-sources.js'
import { readSharedFile } from './testing/real-institution-lists.js'

describe('institutionSources', () => {
  it('defines the three institution kinds, only the organisation list being named and download-free', () => {
    expect(institutionSources.map((source) => [source.kind, source.isNamedList, source.downloads.length > 0])).toEqual([
      ['world-universities', false, true],
      ['ipeds', false, true],
      ['high-risk-institutions', true, false],
    ])
  })

  it('downloads IPEDS as a zip whose member is the file the parser expects', () => {
    const [download] = findSourceDefinition('ipeds')?.downloads ?? []
    expect(download?.url).toMatch(/^https:\/\/nces\.ed\.gov\/ipeds\/datacenter\/data\/HD\d{4}\.zip$/)
    expect(download?.zipMember).toBe(download?.name)
    expect(download?.name).toMatch(/^hd\d{4}\.csv$/)
  })

  it.each([
    ['world-universities', 'world_universities_and_domains.json', 'utf8', 10251],
    ['ipeds', 'ipeds_hd2022.csv', 'latin1', 6256],
  ] as const)('parses the real %s file through the catalogue', (kind, file, encoding, entries) => {
    const definition = findSourceDefinition(kind)
    const result = definition?.parse([{ name: file, text: readSharedFile(file, encoding) }])
    expect(result?.status === 'ok' && result.entries).toBe(entries)
  })

  it('parses a high-risk list through the catalogue', () => {
    const result = findSourceDefinition('high-risk-institutions')?.parse([
      { name: 'own.csv', text: 'name,country,domains,reason\nAlmeda University,US,almeda.edu,mill\n' },
    ])
    expect(result?.status === 'ok' && result.data.area).toBe('high-risk-institutions')
  })
})
