import { StringDecoder } from 'node:string_decoder'
import { importJsonValue } from '../import-json-value.js'
import { toInputRow, type InputRow } from './input-row.js'

/**
 * JSONL, streamed: one JSON value per line (any format `importJsonValue` reads), never holding more than the line
 * being read. Blank lines are skipped; a line that is not JSON is an invalid row (path `(line)`) and the rest go on.
 */
export async function* jsonlRows(
  chunks: AsyncIterable<Buffer>,
  file: string,
  receivedAt: string,
): AsyncGenerator<InputRow> {
  const decoder = new StringDecoder('utf8')
  let pending = ''
  let line = 0
  for await (const chunk of chunks) {
    const text = pending + decoder.write(chunk)
    let start = 0
    let newline = text.indexOf('\n', pending.length)
    while (newline !== -1) {
      line += 1
      for (const row of rowsOfLine(text, start, newline, file, line, receivedAt)) yield row
      start = newline + 1
      newline = text.indexOf('\n', start)
    }
    pending = start === 0 ? text : text.slice(start)
  }
  const rest = pending + decoder.end()
  if (rest !== '') {
    line += 1
    for (const row of rowsOfLine(rest, 0, rest.length, file, line, receivedAt)) yield row
  }
}

function rowsOfLine(
  text: string,
  start: number,
  end: number,
  file: string,
  line: number,
  receivedAt: string,
): readonly InputRow[] {
  if (end > start && text.charCodeAt(end - 1) === 0x0d) end -= 1
  if (line === 1 && text.charCodeAt(start) === 0xfeff) start += 1
  if (end === start || isBlank(text, start, end)) return []
  let value: unknown
  try {
    value = JSON.parse(text.slice(start, end))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return [{ file, line, status: 'invalid', issues: [{ path: '(line)', message: `is not valid JSON: ${message}` }] }]
  }
  return importJsonValue(value, { id: `${file}#${line}`, receivedAt }).map((result) =>
    toInputRow(file, line, result, value),
  )
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index)
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return false
  }
  return true
}
