import { describe, expect, it } from 'vitest'
import { readCsvRecords, type CsvRecord } from './csv-records.js'

function records(text: string): CsvRecord[] {
  const read: CsvRecord[] = []
  const result = readCsvRecords(text, (record) => read.push(record))
  expect(result).toEqual({ status: 'ok', records: read.length })
  return read
}

describe('readCsvRecords', () => {
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
    expect(records(text).map((record) => record.fields)).toEqual(expected)
  })

  it('gives the line each record starts on, counting line breaks inside quoted fields', () => {
    const text = 'a,b\n"multi\nline\nvalue",x\r\n\r\nlast,"y"\n'
    expect(records(text).map((record) => record.line)).toEqual([1, 2, 6])
  })

  it('rejects a quoted field that is never closed, naming the line it starts on', () => {
    expect(readCsvRecords('a,b\nc,"never closed\nmore', () => undefined)).toEqual({
      status: 'invalid',
      line: 2,
      message: 'a quoted field is never closed',
    })
  })
})
