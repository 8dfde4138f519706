import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { IntelFile, IntelParseResult } from '../source/intel-source.js'
import { parseOfacCsvList } from './ofac-csv-list.js'
import type { SanctionedEntity } from './sanctioned-entity.js'

const dataFolder = new URL('../../../../../shared/data/sanctions/', import.meta.url)
const shared = (name: string, path: string): IntelFile => ({
  name,
  text: readFileSync(new URL(path, dataFolder), 'utf8'),
})

function entitiesOf(result: IntelParseResult): readonly SanctionedEntity[] {
  if (result.status !== 'ok' || result.data.area !== 'sanctions') throw new Error(JSON.stringify(result).slice(0, 500))
  return result.data.entities
}

const sdn = [
  shared('sdn.csv', 'sdn_2024-05-03.csv'),
  shared('alt.csv', 'alt_2025-12.csv'),
  shared('add.csv', 'add_2025-12.csv'),
]
const sdnResult = parseOfacCsvList(sdn, 'ofac-sdn')
const sdnEntities = entitiesOf(sdnResult)
const byId = new Map(sdnEntities.map((entity) => [entity.id, entity]))

describe('parseOfacCsvList on the real SDN list (sdn.csv of 2024-05-03, alt.csv and add.csv of 2025-12)', () => {
  it('loads every row of sdn.csv', () => {
    expect(sdnResult.status === 'ok' && sdnResult.entries).toBe(14965)
    expect(new Set(sdnEntities.map((entity) => entity.id)).size).toBe(14965)
  })

  it('skips, with the reason, the alias and address rows of entries newer than sdn.csv', () => {
    const skipped = sdnResult.status === 'ok' ? sdnResult.skipped : []
    const count = (file: string) => skipped.filter((issue) => issue.file === file).length
    expect([count('alt.csv'), count('add.csv'), count('sdn.csv')]).toEqual([2460, 4893, 0])
    expect(skipped[0]).toEqual({
      file: 'alt.csv',
      line: 5838,
      message: 'ent_num 17016 is not in sdn.csv (is alt.csv newer?); row skipped',
    })
  })

  it('maps SDN_Type to schemas', () => {
    const schemas = new Map<string, number>()
    for (const entity of sdnEntities) schemas.set(entity.schema, (schemas.get(entity.schema) ?? 0) + 1)
    expect(Object.fromEntries(schemas)).toEqual({ Organization: 6884, Person: 6854, Vessel: 851, Airplane: 376 })
  })

  it.each([
    [
      'ofac-sdn:20157',
      {
        caption: 'KIM, Jong Un',
        schema: 'Person',
        birthDates: ['1984-01-08'],
        countries: ['kp'],
        programs: ['DPRK3'],
      },
    ],
    ['ofac-sdn:21444', { caption: 'KIM, Yo Jong', birthDates: ['1989-09-26'], gender: 'female', programs: ['DPRK2'] }],
    [
      'ofac-sdn:43377',
      {
        caption: 'KIM, Sang Man',
        names: [
          { value: 'KIM, Sang Man', kind: 'primary' },
          { value: 'KIM, Sangman', kind: 'alias' },
        ],
        birthDates: ['1965-04-25'],
        nationalities: ['kp'],
        countries: ['ru', 'kp'],
        gender: 'male',
        programs: ['DPRK4'],
      },
    ],
    [
      'ofac-sdn:43379',
      {
        caption: 'CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY',
        schema: 'Organization',
        names: [
          { value: 'CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY', kind: 'primary' },
          { value: 'JINYONG IT COOPERATION COMPANY', kind: 'alias' },
        ],
        birthDates: [],
        countries: ['kp'],
      },
    ],
    ['ofac-sdn:12211', { caption: 'KIM, Yong Chol', birthDates: ['1947', '1946'], programs: ['DPRK'] }],
    ['ofac-sdn:24977', { programs: ['DPRK3', 'DPRK4'], countries: ['cn'] }],
  ])('reads %s as listed', (id, expected) => {
    expect(byId.get(id)).toMatchObject(expected)
  })

  it("marks the aliases OFAC writes in the remarks as weak, and alt.csv's as plain aliases", () => {
    expect(byId.get('ofac-sdn:48260')?.names).toEqual([
      { value: 'LIMITED LIABILITY COMPANY ALIS', kind: 'primary' },
      { value: 'ALIAS LLC', kind: 'weak-alias' },
      { value: 'ALIS LLC', kind: 'weak-alias' },
    ])
    expect(byId.get('ofac-sdn:8219')?.names).toEqual([
      { value: 'ALLANE, Hacene', kind: 'primary' },
      { value: 'ABU AL-FOUTOUH', kind: 'weak-alias' },
      { value: 'BOULAHIA', kind: 'weak-alias' },
      { value: 'HASSAN THE OLD', kind: 'weak-alias' },
      { value: 'ABDELHAY, al-Sheikh', kind: 'alias' },
      { value: 'AHCENE, Cheib', kind: 'alias' },
    ])
    const weak = sdnEntities.flatMap((entity) => entity.names.filter((name) => name.kind === 'weak-alias'))
    expect(weak).toHaveLength(3664)
  })

  it('keeps the remarks for the analyst and gives no gender to organisations', () => {
    expect(byId.get('ofac-sdn:306')?.remarks).toBe("a.k.a. 'BNC'.")
    expect(sdnEntities.filter((entity) => entity.schema !== 'Person' && entity.gender !== undefined)).toEqual([])
  })
})

describe('parseOfacCsvList on the real consolidated list', () => {
  it('loads cons_prim.csv with cons_alt.csv, names in any case', () => {
    const result = parseOfacCsvList(
      [shared('CONS_PRIM.CSV', 'cons_prim.csv'), shared('cons_alt.csv', 'cons_alt.csv')],
      'ofac-consolidated',
    )
    const entities = entitiesOf(result)
    expect(entities).toHaveLength(442)
    expect(entities.find((entity) => entity.id === 'ofac-consolidated:9639')).toMatchObject({
      caption: 'HANIYA, Ismail Abdul Salah',
      names: [
        { value: 'HANIYA, Ismail Abdul Salah', kind: 'primary' },
        { value: 'HANIYA, Ismail', kind: 'alias' },
        { value: 'HANIYYA, Ismaeel', kind: 'alias' },
      ],
      birthDates: ['1962'],
      programs: ['NS-PLC'],
      list: 'ofac-consolidated',
    })
  })
})

const row = (entNum: number, name: string, remarks: string) =>
  `${entNum},"${name}","individual","DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"${remarks}"\r\n`
const fixture = {
  sdn: row(1, 'PAK, Il', "DOB 1980; a.k.a. 'PAKKY'; Passport 12") + row(2, 'RI, Su', '-0-') + '\u001a',
  alt: '1,10,"aka","PAK, Il-u",-0- \r\n',
  add: '1,20,-0- ,"Pyongyang","Korea, North",-0- \r\n',
}
const fixtureFiles = (overrides: Record<string, string | undefined>): IntelFile[] =>
  Object.entries({ 'sdn.csv': fixture.sdn, 'alt.csv': fixture.alt, 'add.csv': fixture.add, ...overrides }).flatMap(
    ([name, text]) => (text === undefined ? [] : [{ name, text }]),
  )

describe('parseOfacCsvList on files written for the test', () => {
  it('joins sdn_comments.csv to the remarks it continues (OFAC cuts remarks at 1,000 characters)', () => {
    const sdnText = row(5, 'CHO, Ok', "DOB 01 Feb 1970; a.k.a. 'CUT") + row(6, 'HAN, Na', 'Gender Female')
    const comments = '5," SHORT\'; nationality Korea, North; Gender Male."\r\n'
    const entities = entitiesOf(
      parseOfacCsvList(fixtureFiles({ 'sdn.csv': sdnText, 'sdn_comments.csv': comments }), 'ofac-sdn'),
    )
    expect(entities[0]).toMatchObject({
      names: [
        { value: 'CHO, Ok', kind: 'primary' },
        { value: 'CUT SHORT', kind: 'weak-alias' },
      ],
      nationalities: ['kp'],
      gender: 'male',
      remarks: "DOB 01 Feb 1970; a.k.a. 'CUT SHORT'; nationality Korea, North; Gender Male.",
    })
  })

  it('reads the optional add.csv when present and loads without it', () => {
    expect(entitiesOf(parseOfacCsvList(fixtureFiles({}), 'ofac-sdn'))[0]?.countries).toEqual(['kp'])
    expect(entitiesOf(parseOfacCsvList(fixtureFiles({ 'add.csv': undefined }), 'ofac-sdn'))[0]?.countries).toEqual([])
  })

  it('drops a header row that a mirror added', () => {
    const header =
      'ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,Vess_flag,Vess_owner,Remarks\n'
    expect(entitiesOf(parseOfacCsvList(fixtureFiles({ 'sdn.csv': header + fixture.sdn }), 'ofac-sdn'))).toHaveLength(2)
  })

  it('skips odd rows with the reason and loads the rest', () => {
    const sdnText =
      fixture.sdn.replace('\u001a', '') +
      'x1,"BAD",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n' +
      row(1, 'AGAIN', '-0-') +
      row(3, 'KO, Un', '-0-')
    const result = parseOfacCsvList(fixtureFiles({ 'sdn.csv': sdnText }), 'ofac-sdn')
    expect(entitiesOf(result).map((entity) => entity.id)).toEqual(['ofac-sdn:1', 'ofac-sdn:2', 'ofac-sdn:3'])
    expect(result.status === 'ok' && result.skipped).toEqual([
      { file: 'sdn.csv', line: 3, message: 'ent_num must be a whole number, found "x1"; row skipped' },
      { file: 'sdn.csv', line: 4, message: 'ent_num 1 is listed twice; row skipped' },
    ])
  })

  const html = '<!DOCTYPE html><html><body>Service Unavailable</body></html>'
  it.each([
    [
      'sdn.csv is missing',
      { 'sdn.csv': undefined },
      [{ file: 'sdn.csv', message: "sdn.csv is missing: OFAC's ofac-sdn list needs it" }],
    ],
    [
      'alt.csv is missing',
      { 'alt.csv': undefined },
      [{ file: 'alt.csv', message: "alt.csv is missing: OFAC's ofac-sdn list needs it" }],
    ],
    ['sdn.csv is empty', { 'sdn.csv': '' }, [{ file: 'sdn.csv', message: 'the file is empty' }]],
    [
      'add.csv is an HTML error page',
      { 'add.csv': html },
      [{ file: 'add.csv', message: 'the file is an HTML or XML page, not one of OFAC’s CSV files' }],
    ],
    [
      'alt.csv was saved as sdn.csv',
      { 'sdn.csv': fixture.alt },
      [
        {
          file: 'sdn.csv',
          line: 1,
          message:
            'no row has the 12 columns (ent_num, sdn_name, sdn_type, program, title, call_sign, vess_type, tonnage, grt, vess_flag, vess_owner, remarks)',
        },
      ],
    ],
    [
      'sdn.csv was cut short in a quoted field',
      { 'sdn.csv': fixture.sdn.slice(0, fixture.sdn.indexOf('DOB') + 3) },
      [{ file: 'sdn.csv', line: 1, message: 'a quoted field is never closed' }],
    ],
    [
      'alt.csv was cut short between fields',
      { 'alt.csv': fixture.alt + '1,11,"aka"' },
      [
        {
          file: 'alt.csv',
          line: 2,
          message:
            'the last row is incomplete, so the file looks cut short: expected 5 columns (ent_num, alt_num, alt_type, alt_name, alt_remarks), found 3',
        },
      ],
    ],
  ])('is invalid, naming the file, when %s', (_, overrides, issues) => {
    expect(parseOfacCsvList(fixtureFiles(overrides), 'ofac-sdn')).toEqual({ status: 'invalid', issues })
  })
})
