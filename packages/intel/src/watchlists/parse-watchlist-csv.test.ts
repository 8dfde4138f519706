import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { IntelParseResult } from '../source/intel-source.js'
import type { WatchlistEntry } from './watchlist-entry.js'
import { parseWatchlistCsv } from './parse-watchlist-csv.js'
import { watchlistSources } from './watchlist-sources.js'

const parseOne = (text: string, name = 'fraud-ring.csv'): IntelParseResult => parseWatchlistCsv([{ name, text }])

function entriesOf(result: IntelParseResult): readonly WatchlistEntry[] {
  if (result.status !== 'ok' || result.data.area !== 'watchlist')
    throw new Error(`not parsed: ${JSON.stringify(result)}`)
  return result.data.entries
}

describe('parseWatchlistCsv: the format', () => {
  it('reads every kind, with optional severity and note', () => {
    const result = parseOne(
      [
        'kind,value,severity,note',
        'phone,+1 (415) 555-0100,critical,Ring A burner',
        'email,J.Doe+jobs@GMail.com,,',
        'domain,front-co.com,medium,"Front company, seized 2024"',
        'address,"123 Main Street, Apt 4B, Springfield, IL 62701",high,Laptop farm',
        'handle,github:jdoe,,',
        'ip,203.0.113.0/24,,',
        'cv-sha256,e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855,low,',
      ].join('\n'),
    )
    expect(result).toMatchObject({ status: 'ok', entries: 7, skipped: [] })
    expect(entriesOf(result)).toEqual([
      { kind: 'phone', value: '+1 (415) 555-0100', severity: 'critical', note: 'Ring A burner', list: 'fraud-ring' },
      { kind: 'email', value: 'J.Doe+jobs@GMail.com', list: 'fraud-ring' },
      {
        kind: 'domain',
        value: 'front-co.com',
        severity: 'medium',
        note: 'Front company, seized 2024',
        list: 'fraud-ring',
      },
      {
        kind: 'address',
        value: '123 Main Street, Apt 4B, Springfield, IL 62701',
        severity: 'high',
        note: 'Laptop farm',
        list: 'fraud-ring',
      },
      { kind: 'handle', value: 'github:jdoe', list: 'fraud-ring' },
      { kind: 'ip', value: '203.0.113.0/24', list: 'fraud-ring' },
      {
        kind: 'cv-sha256',
        value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        severity: 'low',
        list: 'fraud-ring',
      },
    ])
  })

  it.each([
    [
      'the aliases users try',
      'Type,Indicator,Level,Comment\nphone_number,14155550100,High,x\nE-Mail,a@front-co.com,,\nSHA256,' +
        'a'.repeat(64) +
        ',,',
    ],
    [
      'columns in any order, extra ones ignored',
      'note,source,value,kind\nx,SentinelLabs,14155550100,phone\n,,a@front-co.com,email\n,,' +
        'a'.repeat(64) +
        ',cv-sha256',
    ],
    [
      'a semicolon-separated export',
      'kind;value;severity\nphone;+1 415 555 0100;high\nemail;a@front-co.com;\ncv_sha256;' + 'a'.repeat(64) + ';',
    ],
    [
      'a byte-order mark, CRLF lines and blank lines',
      '\uFEFFkind,value\r\nphone,+14155550100\r\n\r\n,\r\nemail,a@front-co.com\r\ncv-sha256,' + 'a'.repeat(64) + '\r\n',
    ],
  ])('reads %s', (_, text) => {
    const result = parseOne(text)
    expect(result).toMatchObject({ status: 'ok', entries: 3, skipped: [] })
    expect(entriesOf(result).map((entry) => entry.kind)).toEqual(['phone', 'email', 'cv-sha256'])
  })

  it('counts an indicator listed twice once, however it is written, and says which line it repeats', () => {
    const result = parseOne(
      [
        'kind,value',
        'phone,+1 (415) 555-0100',
        'phone,14155550100',
        'email,jdoe@gmail.com',
        'email,J.Doe+x@GMail.com',
      ].join('\n'),
    )
    expect(result).toMatchObject({ status: 'ok', entries: 2 })
    expect(result.status === 'ok' && result.skipped).toEqual([
      {
        file: 'fraud-ring.csv',
        line: 3,
        column: 2,
        field: 'value',
        message: 'repeats the indicator of fraud-ring.csv line 2: counted once',
      },
      {
        file: 'fraud-ring.csv',
        line: 5,
        column: 2,
        field: 'value',
        message: 'repeats the indicator of fraud-ring.csv line 4: counted once',
      },
    ])
  })

  it('counts lines as the file has them when a quoted value spans several', () => {
    const result = parseOne('kind,value,note\nphone,+14155550100,"two\nlines"\nphone,12,\n')
    expect(result.status === 'ok' && result.skipped.map((issue) => issue.line)).toEqual([4])
  })

  it('reads several files as one list', () => {
    const result = parseWatchlistCsv([
      { name: 'a.csv', text: 'kind,value\nphone,+14155550100' },
      { name: 'b.csv', text: 'type,indicator\nemail,a@front-co.com\nphone,14155550100' },
    ])
    expect(result).toMatchObject({ status: 'ok', entries: 2 })
    expect(result.status === 'ok' && result.skipped[0]).toMatchObject({ file: 'b.csv', line: 3 })
  })
})

describe('parseWatchlistCsv: every bad row names its file, line and column', () => {
  const text = [
    'Type,Indicator,severity,note', // line 1
    'phone,+1 415 555 0100,,', // 2: valid
    'fax,+1 415 555 0101,,', // 3
    ',+1 415 555 0102,,', // 4
    'email,,,', // 5
    'email,jdoe.front-co.com,,', // 6
    'phone,415 555 0103,,', // 7
    'ip,203.0.113.0/33,,', // 8
    'ip,203.0.113.999,,', // 9
    'cv-sha256,abc123,,', // 10
    'domain,front-co.com,urgent,', // 11
    'handle,jdoe,,', // 12
  ].join('\n')
  const result = parseOne(text, 'lists/ring.csv')
  const issues = result.status === 'ok' ? result.skipped : []

  it('keeps the good rows', () => {
    expect(result).toMatchObject({ status: 'ok', entries: 1 })
  })

  it.each([
    [3, 1, 'Type', 'unknown kind "fax": expected phone, email, domain, address, handle, ip, cv-sha256'],
    [4, 1, 'Type', 'kind is empty'],
    [5, 2, 'Indicator', 'value is empty'],
    [6, 2, 'Indicator', '"jdoe.front-co.com" is not an email address: it has no @ or nothing before it'],
    [7, 2, 'Indicator', '"415 555 0103" has no country code: write it in international form (+1 415 555 0100)'],
    [
      8,
      2,
      'Indicator',
      '"203.0.113.0/33" is not an IP address or CIDR range: /33 is not a prefix length of an IPv4 address',
    ],
    [9, 2, 'Indicator', '"203.0.113.999" is not an IP address or CIDR range'],
    [10, 2, 'Indicator', '"abc123" is not a SHA-256 (64 hexadecimal digits)'],
    [11, 3, 'severity', 'unknown severity "urgent": expected info, low, medium, high, critical'],
    [
      12,
      2,
      'Indicator',
      '"jdoe" is neither network:username (github:jdoe) nor the URL of a LinkedIn, GitHub, GitLab, X, Stack Overflow or Facebook profile',
    ],
  ])('line %i, column %i (%s)', (line, column, field, message) => {
    expect(issues.filter((issue) => issue.line === line)).toEqual([
      { file: 'lists/ring.csv', line, column, field, message },
    ])
  })

  it('reports a CSV syntax error with its line', () => {
    const broken = parseOne('kind,value\nphone,+14155550100\nemail,"a@front-co.com"x\n')
    expect(broken).toMatchObject({ status: 'ok', entries: 1 })
    expect(broken.status === 'ok' && broken.skipped[0]).toMatchObject({ file: 'fraud-ring.csv', line: 3 })
  })
})

describe('parseWatchlistCsv: files that cannot be a watchlist are invalid', () => {
  it.each([
    ['no file', [], [{ file: '', message: 'no watchlist file was given' }]],
    [
      'an empty file',
      [{ name: 'w.csv', text: '' }],
      [{ file: 'w.csv', message: 'is empty: expected a header row kind,value,severity,note' }],
    ],
    [
      'no value column',
      [{ name: 'w.csv', text: 'kind,indicator_value\nphone,+14155550100' }],
      [
        {
          file: 'w.csv',
          line: 1,
          field: 'value',
          message: 'has no value column: the header must name kind,value,severity,note (severity and note optional)',
        },
      ],
    ],
    [
      'no header at all',
      [{ name: 'w.csv', text: '+14155550100\n+14155550101' }],
      [
        {
          file: 'w.csv',
          line: 1,
          field: 'kind',
          message: 'has no kind column: the header must name kind,value,severity,note (severity and note optional)',
        },
        {
          file: 'w.csv',
          line: 1,
          field: 'value',
          message: 'has no value column: the header must name kind,value,severity,note (severity and note optional)',
        },
      ],
    ],
    [
      'a column named twice',
      [{ name: 'w.csv', text: 'kind,value,indicator\nphone,+14155550100,+14155550101' }],
      [
        {
          file: 'w.csv',
          line: 1,
          column: 3,
          field: 'indicator',
          message: '"indicator" names the value column a second time (column 2 is "value")',
        },
      ],
    ],
    [
      'only a header',
      [{ name: 'w.csv', text: 'kind,value\n' }],
      [{ file: 'w.csv', message: 'has no valid indicator row' }],
    ],
  ])('%s', (_, files, issues) => {
    expect(parseWatchlistCsv(files)).toEqual({ status: 'invalid', issues })
  })

  it('a file with rows but none valid is invalid, and its row issues come with it', () => {
    const result = parseOne('kind,value\nphone,12\nfax,+14155550100')
    expect(result.status).toBe('invalid')
    expect(
      result.status === 'invalid' && result.issues.map((issue) => [issue.line, issue.message.slice(0, 20)]),
    ).toEqual([
      [undefined, 'has no valid indicat'],
      [2, '"12" is not a phone '],
      [3, 'unknown kind "fax": '],
    ])
  })

  it('one unusable file rejects the import', () => {
    const result = parseWatchlistCsv([
      { name: 'good.csv', text: 'kind,value\nphone,+14155550100' },
      { name: 'bad.csv', text: 'name,number\nx,+14155550101' },
    ])
    expect(result.status).toBe('invalid')
  })
})

describe('the watchlist source definition', () => {
  it('is a named list with no downloads, parsed by the watchlist CSV reader', () => {
    expect(watchlistSources).toHaveLength(1)
    expect(watchlistSources[0]).toMatchObject({ kind: 'watchlist', isNamedList: true, downloads: [] })
    expect(watchlistSources[0]?.parse([{ name: 'w.csv', text: 'kind,value\nphone,+14155550100' }])).toMatchObject({
      status: 'ok',
      entries: 1,
    })
  })

  it('reads the real front-company file of public reporting as it is (its header uses the aliases)', () => {
    const url = new URL('../../../../../shared/data/dprk/dprk_it_front_domains_public_reporting.csv', import.meta.url)
    const result = parseWatchlistCsv([
      { name: 'dprk_it_front_domains_public_reporting.csv', text: readFileSync(url, 'utf8') },
    ])
    expect(result).toMatchObject({ status: 'ok', entries: 8, skipped: [] })
    const kinds = entriesOf(result).map((entry) => entry.kind)
    expect(kinds.filter((kind) => kind === 'domain')).toHaveLength(5)
    expect(kinds.filter((kind) => kind === 'ip')).toHaveLength(3)
  })
})
