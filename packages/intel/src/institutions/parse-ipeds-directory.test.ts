import { describe, expect, it } from 'vitest'
import type { Institution } from './institution.js'
import { parseIpedsDirectory, splitAliases } from './parse-ipeds-directory.js'
import { readSharedFile } from './testing/real-institution-lists.js'

function institutionsOf(result: ReturnType<typeof parseIpedsDirectory>): readonly Institution[] {
  if (result.status !== 'ok' || result.data.area !== 'institutions') throw new Error(JSON.stringify(result))
  return result.data.institutions
}

const header = 'UNITID,INSTNM,IALIAS,CITY,STABBR,WEBADDR,HLOFFER,PSET4FLG,CLOSEDAT'

describe('parseIpedsDirectory', () => {
  const real = parseIpedsDirectory([{ name: 'hd2022.csv', text: readSharedFile('ipeds_hd2022.csv', 'latin1') }])
  const byId = new Map(institutionsOf(real).map((institution) => [institution.id, institution]))

  it('reads every institution of the real HD2022 file, with the year as its version', () => {
    expect(real.status).toBe('ok')
    if (real.status !== 'ok') return
    expect(real.entries).toBe(6256)
    expect(real.skipped).toEqual([])
    expect(real.version).toBe('HD2022')
  })

  it('maps the highest award, Title IV eligibility, aliases and website', () => {
    expect(byId.get('ipeds:166683')).toEqual({
      id: 'ipeds:166683',
      name: 'Massachusetts Institute of Technology',
      alternateNames: ['MIT', 'M.I.T.'],
      countryCode: 'US',
      region: 'MA',
      city: 'Cambridge',
      domains: ['web.mit.edu'],
      highestDegree: 'doctorate',
      isAccredited: true,
      list: 'ipeds',
    })
  })

  it.each([
    ['a community college: associate', 'ipeds:219888', 'associate'],
    ['a cosmetology school: certificate', 'ipeds:113449', 'certificate'],
    ['a university: doctorate', 'ipeds:145637', 'doctorate'],
  ] as const)('reads HLOFFER for %s', (_case, id, level) => {
    expect(byId.get(id)?.highestDegree).toBe(level)
  })

  it('gives Puerto Rico its own country code and keeps the accented names of the Windows-1252 file', () => {
    const institution = [...byId.values()].find((item) => item.name.startsWith('Dewey University-Juana'))
    expect(institution).toMatchObject({ name: 'Dewey University-Juana Díaz', countryCode: 'PR', region: 'PR' })
  })

  it('keeps closed institutions, with the date they closed', () => {
    const closed = [...byId.values()].filter((institution) => institution.closedOn !== undefined)
    expect(closed.length).toBe(46)
    expect(closed.every((institution) => /^\d{4}-\d{2}-\d{2}$/.test(institution.closedOn ?? ''))).toBe(true)
  })

  it('reads the file the same whether the bytes were decoded as Latin-1 or as UTF-8', () => {
    const bytes = Buffer.from(
      `${header}\n1,"Colegio de Cinematograf\xeda","Cinema \x96 Art",San Juan,PR,www.ccat.edu,5,1,-2\n`,
      'latin1',
    )
    const asLatin1 = institutionsOf(parseIpedsDirectory([{ name: 'hd2024.csv', text: bytes.toString('latin1') }]))
    const asUtf8 = institutionsOf(parseIpedsDirectory([{ name: 'hd2024.csv', text: bytes.toString('utf8') }]))
    expect(asLatin1[0]).toMatchObject({ name: 'Colegio de Cinematografía', alternateNames: ['Cinema – Art'] })
    expect(asUtf8[0]).toMatchObject({ name: 'Colegio de Cinematografa', alternateNames: ['Cinema Art'] })
  })

  it('skips a row without a UNITID, naming its line and column', () => {
    const text = `${header}\n1,Good College,,Town,OH,good.edu,3,1,-2\n,Nameless Row,,Town,OH,,3,1,-2\n`
    const result = parseIpedsDirectory([{ name: 'hd2024.csv', text }])
    expect(result.status === 'ok' && result.skipped).toEqual([
      { file: 'hd2024.csv', line: 3, column: 1, field: 'UNITID', message: 'UNITID is empty or not valid' },
    ])
  })

  it('rejects a file without the required columns, naming the header line', () => {
    const result = parseIpedsDirectory([{ name: 'hd2024.csv', text: 'UNITID,NAME\n1,A\n' }])
    expect(result).toEqual({
      status: 'invalid',
      issues: [
        {
          file: 'hd2024.csv',
          line: 1,
          message: 'has no INSTNM, STABBR column (header: unitid,name)',
        },
      ],
    })
  })
})

describe('splitAliases', () => {
  it.each([
    [
      'AUM||Auburn University at Montgomery|Auburn Montgomery',
      ['AUM', 'Auburn University at Montgomery', 'Auburn Montgomery'],
    ],
    ['Jeff State | JSCC | Jefferson State', ['Jeff State', 'JSCC', 'Jefferson State']],
    ['Southern Christian University  Regions University', ['Southern Christian University', 'Regions University']],
    ['Lurleen B. Wallace Community College, LBWCC', ['Lurleen B. Wallace Community College', 'LBWCC']],
    ['Trinity College, Washington, D.C.', ['Trinity College, Washington, D.C.']],
    [' ', []],
  ])('splits %j', (text, aliases) => {
    expect(splitAliases(text, 'Some Name')).toEqual(aliases)
  })

  it('drops an alias that repeats the name', () => {
    expect(splitAliases('Faulkner University|Faulkner', 'Faulkner University')).toEqual(['Faulkner'])
  })
})
