import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { readCsv, type CsvReadOptions, type CsvRecord, type CsvRecordIssue } from './read-csv.js'

function records(text: string, options: CsvReadOptions = { quotes: 'join' }): CsvRecord[] {
  const read: CsvRecord[] = []
  const result = readCsv(text, (record) => read.push(record), options)
  expect(result).toEqual({ status: 'ok', records: read.length })
  return read
}

function fields(text: string, options?: CsvReadOptions): (readonly string[])[] {
  return records(text, options).map((record) => record.fields)
}

describe('readCsv', () => {
  it.each([
    [
      'plain fields',
      'a,b,c\n1,2,3\n',
      [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    ],
    ['quoted commas', '36,"AEROCARIBBEAN, S.A.",-0- \n', [['36', 'AEROCARIBBEAN, S.A.', '-0- ']]],
    ['doubled quotes', '1,"say ""hi""",x\n', [['1', 'say "hi"', 'x']]],
    [
      'CRLF endings',
      'a,b\r\nc,d\r\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    [
      'no final line break',
      'a,b\nc,d',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a byte order mark', '\uFEFFa,b\n', [['a', 'b']]],
    ['empty fields and a trailing comma', ',x,\n', [['', 'x', '']]],
    ['blank lines dropped', 'a\n\n\r\nb\n', [['a'], ['b']]],
    [
      'a line break inside quotes',
      '1,"two\nlines",3\n4,5,6\n',
      [
        ['1', 'two\nlines', '3'],
        ['4', '5', '6'],
      ],
    ],
    ['characters after a closing quote kept', '"ab"c,d\n', [['abc', 'd']]],
  ])('%s', (_, text, expected) => {
    expect(fields(text)).toEqual(expected)
  })

  it('gives the line each record starts on, counting line breaks inside quoted fields', () => {
    const text = 'a,b\n"multi\nline\nvalue",x\r\n\r\nlast,"y"\n'
    expect(records(text).map((record) => record.line)).toEqual([1, 2, 6])
  })

  it('rejects a quoted field that is never closed, naming the line it starts on', () => {
    expect(readCsv('a,b\nc,"never closed\nmore', () => undefined)).toEqual({
      status: 'invalid',
      line: 2,
      message: 'a quoted field is never closed',
    })
  })
})

describe('readCsv: stray quotes, by quote mode', () => {
  it.each([
    ['join', 'a,"x?hl="vet"&y",b\n', ['a', 'x?hl=vet"&y"', 'b']],
    ['relaxed', 'a,"x?hl="vet"&y",b\n', ['a', '"x?hl="vet"&y"', 'b']],
    ['relaxed', 'a,"ab"c,d\n', ['a', '"ab"c', 'd']],
    ['relaxed', 'a,b"c, "q"\n', ['a', 'b"c', ' "q"']],
    ['relaxed', 'a,"x""y",z\n', ['a', 'x"y', 'z']],
    ['join', 'a,b"c,d\n', ['a', 'b"c', 'd']],
    ['strict', 'a,"x""y",""\n', ['a', 'x"y', '']],
  ] as const)('%s reads %j', (quotes, text, expected) => {
    expect(fields(text, { quotes })).toEqual([expected])
  })

  it.each([
    ['text after a closing quote', 'k,v\nemail,"a@b.c"x\n', 2, 'field 2 has text after its closing quote'],
    ['a quote inside an unquoted field', 'k,v\nname,O"Brien\n', 2, 'field 2 has a quote inside an unquoted value'],
    ['a space before an opening quote', 'k,v\n1, "q"\n', 2, 'field 2 has a quote inside an unquoted value'],
  ])('strict: %s makes the read invalid at its line', (_, text, line, message) => {
    const result = readCsv(text, () => undefined, { quotes: 'strict' })
    expect(result.status === 'invalid' && [result.line, result.message.slice(0, message.length)]).toEqual([
      line,
      message,
    ])
  })

  it('strict with onInvalidRecord: skips the bad record, reports it with line and column, and reads on', () => {
    const issues: CsvRecordIssue[] = []
    const read = records('k,v\nemail,"a@b.c"x\n"multi\nline",ok\nphone,1\n"open\n', {
      onInvalidRecord: (issue) => issues.push(issue),
    })
    expect(read).toEqual([
      { line: 1, fields: ['k', 'v'] },
      { line: 3, fields: ['multi\nline', 'ok'] },
      { line: 5, fields: ['phone', '1'] },
    ])
    expect(issues.map(({ line, column, message }) => [line, column, message.slice(0, 10)])).toEqual([
      [2, 2, 'field 2 ha'],
      [6, 1, 'a quoted f'],
    ])
  })
})

describe('readCsv: separators and comments', () => {
  it.each([
    [';', 'kind;value\nphone;"+1; 415"\n', ['phone', '+1; 415']],
    ['\t', 'kind\tvalue\nphone\t+1 415\n', ['phone', '+1 415']],
    ['detect', 'kind;value;note\nphone;+1,415;a\n', ['phone', '+1,415', 'a']],
    ['detect', 'kind\tvalue\nphone\t+1;415\n', ['phone', '+1;415']],
    ['detect', 'kind,value\nphone,+1;415\n', ['phone', '+1;415']],
  ] as const)('%j', (delimiter, text, expected) => {
    expect(fields(text, { delimiter })[1]).toEqual(expected)
  })

  it('hands comment lines to onComment, keeping the line numbers of the records', () => {
    const comments: [string, number][] = []
    const read = records('# version: 1, "quoted"\nnetwork,kind\n  # note\r\nAS1,vpn\n', {
      onComment: (text, line) => comments.push([text, line]),
    })
    expect(comments).toEqual([
      ['# version: 1, "quoted"', 1],
      ['# note', 3],
    ])
    expect(read.map((record) => [record.line, record.fields[0]])).toEqual([
      [2, 'network'],
      [4, 'AS1'],
    ])
  })

  it('reads # as data without onComment', () => {
    expect(fields('#a,b\n')).toEqual([['#a', 'b']])
  })
})

describe('readCsv reads as csv-parse does (strict, and relax_quotes for relaxed)', () => {
  // Short random texts of the characters that matter, from a fixed seed: every quote placement csv-parse has a rule for.
  const pieces = ['a', ',', '"', '""', ' ', '\n', '\r\n']
  let seed = 7
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const texts = Array.from({ length: 3000 }, () => {
    let text = random() < 0.2 ? '\uFEFF' : ''
    for (let length = 1 + Math.floor(random() * 12); length > 0; length--) {
      text += pieces[Math.floor(random() * pieces.length)] ?? ''
    }
    return text.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text
  })

  it.each(['strict', 'relaxed'] as const)('%s', (quotes) => {
    const differences = texts.flatMap((text) => {
      let expected: unknown
      try {
        const options = {
          bom: true,
          relax_column_count: true,
          relax_quotes: quotes === 'relaxed',
          skip_empty_lines: true,
        }
        expected = parse(text, options)
      } catch {
        expected = 'invalid'
      }
      const read: (readonly string[])[] = []
      const actual = readCsv(text, (record) => read.push(record.fields), { quotes }).status === 'ok' ? read : 'invalid'
      return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ text, actual, expected }]
    })
    expect(differences.slice(0, 3)).toEqual([])
  })
})
