import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { IntelParseResult } from '../source/intel-source.js'
import type { SanctionedEntity } from './sanctioned-entity.js'
import { parseUnConsolidatedList } from './un-consolidated-list.js'

const text = readFileSync(new URL('../../../../../shared/data/sanctions/UN_consolidated.xml', import.meta.url), 'utf8')
const parse = (content: string, name = 'consolidated.xml'): IntelParseResult =>
  parseUnConsolidatedList([{ name, text: content }])

function entitiesOf(result: IntelParseResult): readonly SanctionedEntity[] {
  if (result.status !== 'ok' || result.data.area !== 'sanctions') throw new Error(JSON.stringify(result).slice(0, 500))
  return result.data.entities
}

const result = parse(text)
const entities = entitiesOf(result)
const byId = new Map(entities.map((entity) => [entity.id, entity]))

describe('parseUnConsolidatedList on the real list of 2026-02-27', () => {
  it('loads 730 individuals and 273 entities, versioned by dateGenerated', () => {
    const people = entities.filter((entity) => entity.schema === 'Person').length
    const organisations = entities.filter((entity) => entity.schema === 'Organization').length
    expect([people, organisations]).toEqual([730, 273])
    expect(result).toMatchObject({ status: 'ok', entries: 1003, version: '2026-02-27T00:00:09.554Z', skipped: [] })
  })

  it.each([
    [
      'un:KPi.033',
      {
        caption: 'RI WON HO',
        schema: 'Person',
        names: [{ value: 'RI WON HO', kind: 'primary' }],
        birthDates: ['1964-07-17'],
        nationalities: ['kp'],
        programs: ['DPRK', '1718'],
        list: 'un-consolidated',
        listedOn: '2016-11-30',
      },
    ],
    [
      'un:KPi.006',
      {
        caption: 'PAEK CHANG-HO',
        names: [
          { value: 'PAEK CHANG-HO', kind: 'primary' },
          { value: 'Pak Chang-Ho', kind: 'alias' },
          { value: "Paek Ch'ang-Ho", kind: 'alias' },
        ],
        birthDates: ['1964-06-18'],
      },
    ],
    // BETWEEN 1967 and 1969; the gender only in the comments ("Gender: male").
    [
      'un:KPi.066',
      { caption: 'KIM JONG SIK', birthDates: ['1967', '1968', '1969'], gender: 'male', countries: ['kp'] },
    ],
    // Three DOBs: APPROXIMATELY 1966, EXACT 1960, EXACT 1953; the name in its original script as an alias.
    [
      'un:TAi.004',
      {
        birthDates: ['1966', '1960', '1953'],
        names: [
          { value: 'MOHAMMED OMAR GHULAM NABI', kind: 'primary' },
          { value: 'محمد عمر غلام نبی', kind: 'alias' },
        ],
        nationalities: ['af'],
        programs: ['Taliban', '1988'],
      },
    ],
    [
      'un:KPe.001',
      {
        schema: 'Organization',
        caption: 'KOREA MINING DEVELOPMENT TRADING CORPORATION',
        countries: ['kp'],
        birthDates: [],
        programs: ['DPRK', '1718'],
      },
    ],
  ])('reads %s as listed', (id, expected) => {
    expect(byId.get(id)).toMatchObject(expected)
  })

  it('marks the aliases of quality Low as weak', () => {
    expect(byId.get('un:IQi.001')?.names).toEqual([
      { value: 'SADDAM HUSSEIN AL-TIKRITI', kind: 'primary' },
      { value: 'صدام حسين التكريتي', kind: 'alias' },
      { value: 'Abu Ali', kind: 'weak-alias' },
    ])
    const weak = byId.get('un:QDi.006')?.names.filter((name) => name.kind === 'weak-alias')
    expect(weak?.map((name) => name.value)).toEqual(['Abu Fatma', 'Abu Mohammed'])
  })

  it('drops the quotes the UN puts around some aliases and keeps entity aliases as plain aliases', () => {
    expect(byId.get('un:KPe.001')?.names.map((name) => [name.value, name.kind])).toContainEqual(['KOMID', 'alias'])
  })
})

describe('parseUnConsolidatedList on malformed input', () => {
  it.each([
    ['an empty file', '', { file: 'consolidated.xml', message: 'the file is empty' }],
    [
      'an HTML error page',
      '<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1></body></html>',
      {
        file: 'consolidated.xml',
        message: 'no CONSOLIDATED_LIST element: this is not the UN Security Council consolidated list XML',
      },
    ],
    [
      'a file cut short in a tag',
      text.slice(0, 100_000),
      {
        file: 'consolidated.xml',
        line: 2373,
        message: 'not well-formed XML: the closing tag </LIST_TYP> is cut short',
      },
    ],
    [
      'a list without entries',
      '<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="x"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>',
      { file: 'consolidated.xml', message: 'the list has no INDIVIDUAL or ENTITY entries' },
    ],
  ])('is invalid for %s, naming the file', (_, content, issue) => {
    expect(parse(content)).toEqual({ status: 'invalid', issues: [issue] })
  })

  it('is invalid for a file cut short between elements', () => {
    const cut = parse(text.slice(0, text.indexOf('</INDIVIDUAL>', 500_000)))
    expect(cut.status === 'invalid' && cut.issues[0]?.message).toBe(
      'not well-formed XML: <INDIVIDUAL> is never closed: the file looks cut short',
    )
  })

  it('asks for consolidated.xml when it is missing', () => {
    expect(parse(text, 'other.xml')).toEqual({
      status: 'invalid',
      issues: [
        {
          file: 'consolidated.xml',
          message: 'consolidated.xml is missing: pass the UN Security Council consolidated list XML',
        },
      ],
    })
  })

  it('skips an entry without a reference number and loads the rest', () => {
    const xml = `<CONSOLIDATED_LIST dateGenerated="2026-01-01"><INDIVIDUALS>
      <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>NO</FIRST_NAME><SECOND_NAME>REFERENCE</SECOND_NAME></INDIVIDUAL>
      <INDIVIDUAL><DATAID>2</DATAID><FIRST_NAME>KIM</FIRST_NAME><REFERENCE_NUMBER>KPi.999</REFERENCE_NUMBER>
        <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1973</NOTE></INDIVIDUAL_DATE_OF_BIRTH>
      </INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`
    const parsed = parse(xml)
    expect(entitiesOf(parsed)).toMatchObject([{ id: 'un:KPi.999', caption: 'KIM', birthDates: ['1973-11'] }])
    expect(parsed.status === 'ok' && parsed.skipped).toEqual([
      { file: 'consolidated.xml', message: 'INDIVIDUAL 1 has no REFERENCE_NUMBER; entry skipped' },
    ])
  })
})
