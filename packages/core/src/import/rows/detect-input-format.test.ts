import { describe, expect, it } from 'vitest'
import { formatFromExtension, isEnoughToSniff, sniffFormat } from './detect-input-format.js'

describe('sniffFormat', () => {
  it.each([
    ['[{"id":1}]', 'json'],
    ['\n  [\n', 'json'],
    ['{"schemaVersion":1}\n{"schemaVersion":1}\n', 'jsonl'],
    ['\uFEFF{"a":1}', 'jsonl'],
    ['{\n  "action": "new_candidate_application"\n}', 'json'],
    ['application_id,submitted_at\n', 'csv'],
    ['\uFEFFApplication ID;Name\n', 'csv'],
    ['', 'jsonl'],
    [' \r\n\t', 'jsonl'],
  ])('reads %j as %s', (text, format) => {
    expect(sniffFormat(Buffer.from(text))).toBe(format)
  })

  it('waits for the end of the first content line', () => {
    expect(isEnoughToSniff(Buffer.from('\n\n'))).toBe(false)
    expect(isEnoughToSniff(Buffer.from('\n{"a":'))).toBe(false)
    expect(isEnoughToSniff(Buffer.from('\n{"a":1}\n'))).toBe(true)
  })
})

describe('formatFromExtension', () => {
  it.each([
    ['a.jsonl', 'jsonl'],
    ['a.NDJSON', 'jsonl'],
    ['dir.v2/a.json', 'json'],
    ['a.CSV', 'csv'],
    ['a.txt', undefined],
    ['-', undefined],
  ])('%s -> %s', (path, format) => {
    expect(formatFromExtension(path)).toBe(format)
  })
})
