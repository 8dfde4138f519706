import { describe, expect, it } from 'vitest'
import { parseHighRiskList } from './parse-high-risk-list.js'

const file = 'mills.csv'

describe('parseHighRiskList', () => {
  it('reads names, countries (codes or names), domains and reasons', () => {
    const text = [
      'name,country,domains,reason',
      'Almeda University,US,almeda.edu;https://www.almedauniversity.org/,unaccredited degree supplier',
      'Columbia State University,United States,,sold degrees by mail (closed 1998)',
      '"Rochville University, Online",,rochvilleuniversity.org,',
    ].join('\n')
    expect(parseHighRiskList([{ name: file, text }])).toEqual({
      status: 'ok',
      data: {
        area: 'high-risk-institutions',
        entries: [
          {
            name: 'Almeda University',
            countryCode: 'US',
            domains: ['almeda.edu', 'almedauniversity.org'],
            reason: 'unaccredited degree supplier',
            list: 'mills',
          },
          {
            name: 'Columbia State University',
            countryCode: 'US',
            domains: [],
            reason: 'sold degrees by mail (closed 1998)',
            list: 'mills',
          },
          {
            name: 'Rochville University, Online',
            domains: ['rochvilleuniversity.org'],
            reason: "on the organisation's high-risk institution list",
            list: 'mills',
          },
        ],
      },
      entries: 3,
      skipped: [],
    })
  })

  it('takes the columns in any order, ignores extra ones, and needs only a name', () => {
    const text = 'Notes,Reason,Name\nseen in case 12,fake transcripts,Belford University\n'
    const result = parseHighRiskList([{ name: file, text }])
    expect(result.status === 'ok' && result.data).toEqual({
      area: 'high-risk-institutions',
      entries: [{ name: 'Belford University', domains: [], reason: 'fake transcripts', list: 'mills' }],
    })
  })

  it('rejects the list naming the file, line and column of every bad cell', () => {
    const text = [
      'name,country,domains,reason',
      'Good Mill University,US,goodmill.edu,listed',
      ',US,,no name',
      'Bad Country College,Atlantis,,listed',
      '"Multi-line',
      'Name College",ZZ,not a domain;ok.edu,listed',
    ].join('\n')
    expect(parseHighRiskList([{ name: file, text }])).toEqual({
      status: 'invalid',
      issues: [
        { file, line: 3, column: 1, field: 'name', message: 'name is empty' },
        { file, line: 4, column: 2, field: 'country', message: 'country "Atlantis" is not a known country' },
        { file, line: 5, column: 2, field: 'country', message: 'country "ZZ" is not a known country' },
        { file, line: 5, column: 3, field: 'domains', message: 'domain "not a domain" is not a domain name' },
      ],
    })
  })

  it.each([
    ['no header with a name column', 'school,reason\nX,Y\n', 'has no name column (header: school,reason)', 1],
    ['an unclosed quote', 'name,reason\n"Open Quote University,listed\n', 'is not valid CSV', 2],
    ['an empty file', '', 'is empty: expected a header row', 1],
  ])('rejects %s', (_case, text, message, line) => {
    const result = parseHighRiskList([{ name: file, text }])
    expect(result.status).toBe('invalid')
    if (result.status !== 'invalid') return
    expect(result.issues[0]).toMatchObject({ file, line })
    expect(result.issues[0]?.message).toContain(message)
  })

  it('rejects a list with a header but no entries', () => {
    expect(parseHighRiskList([{ name: file, text: 'name,country,domains,reason\n' }])).toEqual({
      status: 'invalid',
      issues: [{ file, message: 'has no entries' }],
    })
  })
})
