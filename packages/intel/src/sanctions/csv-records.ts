/** One record of a CSV file: its fields and the 1-based line it starts on. */
export type CsvRecord = { readonly line: number; readonly fields: readonly string[] }

export type CsvReadResult =
  | { readonly status: 'ok'; readonly records: number }
  | { readonly status: 'invalid'; readonly line: number; readonly message: string }

const quote = 0x22
const comma = 0x2c
const carriageReturn = 0x0d
const lineFeed = 0x0a

/**
 * Reads RFC 4180 CSV (quoted fields with commas, doubled quotes and line breaks; CRLF or LF) and hands each record to
 * `onRecord` with the line it starts on; blank lines are dropped. Written by hand rather than with csv-parse because
 * the sanctions lists are read at every start: this reads OFAC's three SDN files (7 MB) several times faster, and
 * handing records over one by one lets the caller keep only what it needs.
 */
export function readCsvRecords(text: string, onRecord: (record: CsvRecord) => void): CsvReadResult {
  const length = text.length
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  let records = 0
  // The next line feed at or after the scan position, found once and reused: quoted fields rarely span lines.
  let nextLineFeed = -2
  while (position < length) {
    const startLine = line
    const fields: string[] = []
    for (;;) {
      let value = ''
      if (text.charCodeAt(position) === quote) {
        let from = position + 1
        for (;;) {
          const close = text.indexOf('"', from)
          if (close === -1) return { status: 'invalid', line: startLine, message: 'a quoted field is never closed' }
          if (nextLineFeed !== -1 && nextLineFeed < from) nextLineFeed = text.indexOf('\n', from)
          while (nextLineFeed !== -1 && nextLineFeed < close) {
            line++
            nextLineFeed = text.indexOf('\n', nextLineFeed + 1)
          }
          if (text.charCodeAt(close + 1) === quote) {
            value += text.slice(from, close + 1)
            from = close + 2
            continue
          }
          value += text.slice(from, close)
          position = close + 1
          break
        }
      }
      // An unquoted field, or stray characters after a closing quote (kept, as spreadsheets do).
      const start = position
      let code = text.charCodeAt(position)
      while (position < length && code !== comma && code !== lineFeed && code !== carriageReturn) {
        code = text.charCodeAt(++position)
      }
      if (position > start) value += text.slice(start, position)
      fields.push(value)
      if (code === comma) {
        position++
        continue
      }
      if (code === carriageReturn) position++
      if (text.charCodeAt(position) === lineFeed) position++
      line++
      break
    }
    if (fields.length > 1 || fields[0] !== '') {
      records++
      onRecord({ line: startLine, fields })
    }
  }
  return { status: 'ok', records }
}
