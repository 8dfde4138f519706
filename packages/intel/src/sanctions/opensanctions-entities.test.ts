import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { IntelParseResult } from '../source/intel-source.js'
import { parseOpenSanctionsEntities } from './opensanctions-entities.js'
import type { SanctionedEntity } from './sanctioned-entity.js'

const text = readFileSync(
  new URL('../../../../../shared/data/sanctions/opensanctions_zala_entities.ftm.json', import.meta.url),
  'utf8',
)
const parse = (content: string): IntelParseResult =>
  parseOpenSanctionsEntities([{ name: 'entities.ftm.json', text: content }])

function entitiesOf(result: IntelParseResult): readonly SanctionedEntity[] {
  if (result.status !== 'ok' || result.data.area !== 'sanctions') throw new Error(JSON.stringify(result).slice(0, 500))
  return result.data.entities
}

const line = (entity: Record<string, unknown>): string => JSON.stringify(entity)

describe('parseOpenSanctionsEntities on the real OpenSanctions sample (91 lines around ZALA Aero)', () => {
  const result = parse(text)
  const entities = entitiesOf(result)
  const byId = new Map(entities.map((entity) => [entity.id, entity]))

  it('keeps the 14 targets (6 Person, 8 Company as Organization) and skips the rest silently', () => {
    expect(result).toMatchObject({ status: 'ok', entries: 14, version: '2026-04-29T12:53:04', skipped: [] })
    expect(entities.filter((entity) => entity.schema === 'Person')).toHaveLength(6)
    expect(entities.filter((entity) => entity.schema === 'Organization')).toHaveLength(8)
  })

  it('reads a person with names, previous names, birth date, nationality, gender and programmes', () => {
    const person = byId.get('opensanctions:NK-2Tbri3s6GgNtAwsSXh4qpL')
    expect(person).toMatchObject({
      schema: 'Person',
      caption: 'Maria Aleksandrovna Osetrova',
      birthDates: ['1988-01-07'],
      nationalities: ['ru'],
      countries: ['ru'],
      gender: 'female',
      programs: ['UA-SA1644', 'US-RUSHAR', 'GB-RUS'],
      list: 'opensanctions',
    })
    expect(person?.names).toContainEqual({ value: 'OSETROVA, Maria Aleksandrovna', kind: 'primary' })
    expect(person?.names).toContainEqual({ value: 'Mariya Aleksandrovna Osetrova', kind: 'alias' })
    expect(person?.names).toContainEqual({ value: 'Мария Александровна Захарова', kind: 'alias' })
  })

  it('keeps weak aliases weak unless the entity also lists the name as a name or alias', () => {
    const names = byId.get('opensanctions:NK-abdzbEBkqyT29GyREbiURZ')?.names ?? []
    const kindOf = (value: string) => names.find((name) => name.value === value)?.kind
    expect([kindOf('ZALA'), kindOf('TsST LLC'), kindOf('LLC CST')]).toEqual(['weak-alias', 'weak-alias', 'primary'])
  })
})

describe('parseOpenSanctionsEntities on lines written for the test', () => {
  const person = {
    id: 'os-1',
    schema: 'Person',
    caption: 'Kim Il',
    properties: {
      name: ['Kim Il'],
      birthDate: ['1980-05', '1981-01-02T00:00:00', 'unknown'],
      nationality: ['kp', 'KP'],
    },
    target: true,
  }

  it('adds the programmes of the Sanction entities that name an entity, wherever they stand in the file', () => {
    const sanction = { id: 's-1', schema: 'Sanction', properties: { entity: ['os-1'], programId: ['US-DPRK3'] } }
    const entities = entitiesOf(parse([line(sanction), line(person)].join('\n')))
    expect(entities).toEqual([
      {
        id: 'opensanctions:os-1',
        schema: 'Person',
        caption: 'Kim Il',
        names: [{ value: 'Kim Il', kind: 'primary' }],
        birthDates: ['1980-05', '1981-01-02'],
        nationalities: ['kp'],
        countries: [],
        programs: ['US-DPRK3'],
        list: 'opensanctions',
      },
    ])
  })

  it.each([
    ['Company', 'Organization'],
    ['PublicBody', 'Organization'],
    ['LegalEntity', 'LegalEntity'],
    ['Vessel', 'Vessel'],
    ['Airplane', 'Airplane'],
  ])('reads a %s as %s', (schema, expected) => {
    const entity = { id: 'e', schema, properties: { name: ['ACME'], country: ['kp'], flag: ['pa'] } }
    expect(entitiesOf(parse(line(entity)))[0]).toMatchObject({ schema: expected, countries: ['kp', 'pa'] })
  })

  it('skips lines that are not entities, and entities without a name, with the reason', () => {
    const nameless = line({ id: 'x', schema: 'Person', properties: {} })
    const content = [line(person), '[1,2]', '', nameless, line({ id: 'y' }), line(person), line(person)]
    const result = parse(content.join('\n'))
    expect(result.status === 'ok' && result.skipped).toEqual([
      { file: 'entities.ftm.json', line: 2, message: 'not a JSON object; line skipped' },
      { file: 'entities.ftm.json', line: 5, message: 'an entity needs an id, a schema and properties; line skipped' },
      { file: 'entities.ftm.json', line: 4, message: 'entity x has no name; line skipped' },
    ])
  })

  it.each([
    ['an empty file', '\n\n', { message: 'the file is empty' }],
    [
      'an HTML page',
      '<html><body>Not found</body></html>',
      { message: 'not FollowTheMoney JSON lines: each line must be one JSON entity' },
    ],
    [
      'a file cut short',
      text.slice(0, 50_000),
      {
        line: text.slice(0, 50_000).split('\n').length,
        message: 'the last line is not a complete JSON entity, so the file looks cut short',
      },
    ],
    [
      'mostly other JSON',
      '{"a":1}\n{"b":2}\n' + line(person),
      { message: 'most lines are not FollowTheMoney entities' },
    ],
  ])('is invalid for %s, naming the file', (_, content, issue) => {
    expect(parse(content)).toEqual({ status: 'invalid', issues: [{ file: 'entities.ftm.json', ...issue }] })
  })
})
