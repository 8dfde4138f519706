/** One record of a CSV file: its fields and the 1-based line it starts on. */
export type CsvRecord = { readonly line: number; readonly fields: readonly string[] }

/** A record the reader could not read: the line it starts on, the 1-based field at fault and why. */
export type CsvRecordIssue = { readonly line: number; readonly column?: number; readonly message: string }

export type CsvReadResult =
  | { readonly status: 'ok'; readonly records: number }
  | { readonly status: 'invalid'; readonly line: number; readonly message: string }

/**
 * How quotes that break RFC 4180 are read:
 * - `strict`: a quote inside an unquoted field, or text after a closing quote, makes the record invalid;
 * - `join`: text after a closing quote is joined to the field (`"ab"c` is `abc`), quotes inside unquoted fields kept;
 * - `relaxed`: a quoted field with a stray quote inside is kept verbatim, quotes included (`"?hl="x"&y"`), as
 *   csv-parse's `relax_quotes` reads it; quotes inside unquoted fields kept.
 */
export const csvQuoteModes = ['strict', 'join', 'relaxed'] as const
export type CsvQuoteMode = (typeof csvQuoteModes)[number]

/** The separators a CSV file may use; `detect` picks the one the first line has most of. */
export const csvDelimiters = [',', ';', '\t', 'detect'] as const
export type CsvDelimiter = (typeof csvDelimiters)[number]

export type CsvReadOptions = {
  /** `,` unless told; spreadsheets in many locales save `;`, some tools tabs. */
  readonly delimiter?: CsvDelimiter
  /** `strict` unless told. */
  readonly quotes?: CsvQuoteMode
  /**
   * Given, an invalid record (see `quotes`) or an unclosed quote is handed here and reading goes on; without it the
   * first one makes the whole read `invalid`.
   */
  readonly onInvalidRecord?: (issue: CsvRecordIssue) => void
  /** Given, lines whose first non-blank character is `#` are comments: handed here with their line, not read. */
  readonly onComment?: (text: string, line: number) => void
}

const quote = 0x22
const hash = 0x23
const space = 0x20
const tab = 0x09
const carriageReturn = 0x0d
const lineFeed = 0x0a
const unclosedMessage = 'a quoted field is never closed'

/**
 * Reads CSV (quoted fields with separators, doubled quotes and line breaks; CRLF, LF or CR; a byte order mark) and
 * hands each record to `onRecord` with the line it starts on; blank lines are dropped and rows may differ in length.
 * Written by hand rather than with csv-parse because the sanctions lists are read at every start: this reads OFAC's
 * three SDN files (7 MB) several times faster, and handing records over one by one lets the caller keep only what it
 * needs.
 */
export function readCsv(
  text: string,
  onRecord: (record: CsvRecord) => void,
  options: CsvReadOptions = {},
): CsvReadResult {
  const { quotes = 'strict', onInvalidRecord, onComment } = options
  const delimiter = (options.delimiter ?? ',') === 'detect' ? detectDelimiter(text) : (options.delimiter ?? ',')
  const separator = delimiter.charCodeAt(0)
  const length = text.length
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  let records = 0
  // The next line feed at or after the scan position, found once and reused: quoted fields rarely span lines.
  let nextLineFeed = -2
  while (position < length) {
    const startLine = line
    if (onComment !== undefined && isCommentAt(text, position)) {
      const end = lineEndOf(text, position)
      onComment(text.slice(position, end).trim(), startLine)
      position = end
      if (text.charCodeAt(position) === carriageReturn) position++
      if (text.charCodeAt(position) === lineFeed) position++
      line++
      continue
    }
    const recordStart = position
    const fields: string[] = []
    let issue: CsvRecordIssue | undefined
    for (;;) {
      let value = ''
      const isQuoted = text.charCodeAt(position) === quote
      if (isQuoted) {
        let from = position + 1
        for (;;) {
          const close = text.indexOf('"', from)
          if (close === -1) {
            const unclosed = { line: startLine, column: fields.length + 1, message: unclosedMessage }
            if (onInvalidRecord === undefined) return { status: 'invalid', line: startLine, message: unclosedMessage }
            onInvalidRecord(unclosed)
            return { status: 'ok', records }
          }
          if (nextLineFeed !== -1 && nextLineFeed < from) nextLineFeed = text.indexOf('\n', from)
          while (nextLineFeed !== -1 && nextLineFeed < close) {
            line++
            nextLineFeed = text.indexOf('\n', nextLineFeed + 1)
          }
          const next = text.charCodeAt(close + 1)
          if (next === quote) {
            value += text.slice(from, close + 1)
            from = close + 2
            continue
          }
          value += text.slice(from, close)
          position = close + 1
          if (next !== separator && next !== lineFeed && next !== carriageReturn && close + 1 < length) {
            // A stray quote: the rest of the field is read unquoted below.
            if (quotes === 'relaxed') value = `"${value}"`
            else if (quotes === 'strict') {
              issue ??= { line: startLine, column: fields.length + 1, message: textAfterQuote(fields.length + 1) }
            }
          }
          break
        }
      }
      const start = position
      let code = text.charCodeAt(position)
      while (position < length && code !== separator && code !== lineFeed && code !== carriageReturn) {
        code = text.charCodeAt(++position)
      }
      if (position > start) {
        const rest = text.slice(start, position)
        if (quotes === 'strict' && !isQuoted && issue === undefined && rest.includes('"')) {
          issue = { line: startLine, column: fields.length + 1, message: quoteInField(fields.length + 1) }
        }
        value += rest
      }
      fields.push(value)
      if (code === separator) {
        position++
        continue
      }
      if (code === carriageReturn) position++
      if (text.charCodeAt(position) === lineFeed) position++
      line++
      break
    }
    // A blank line, not a record of one empty quoted field (`""`).
    if (fields.length === 1 && fields[0] === '' && text.charCodeAt(recordStart) !== quote) continue
    if (issue !== undefined) {
      if (onInvalidRecord === undefined) return { status: 'invalid', line: issue.line, message: issue.message }
      onInvalidRecord(issue)
      continue
    }
    records++
    onRecord({ line: startLine, fields })
  }
  return { status: 'ok', records }
}

/** The header line says which separator a file uses: the one it has most of (`,` on a tie). */
function detectDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const count = (delimiter: string): number => firstLine.split(delimiter).length - 1
  const [best = ','] = ([',', ';', '\t'] as const).slice().sort((a, b) => count(b) - count(a))
  return best
}

function isCommentAt(text: string, position: number): boolean {
  let code = text.charCodeAt(position)
  while (code === space || code === tab) code = text.charCodeAt(++position)
  return code === hash
}

function lineEndOf(text: string, position: number): number {
  let code = text.charCodeAt(position)
  while (position < text.length && code !== lineFeed && code !== carriageReturn) code = text.charCodeAt(++position)
  return position
}

function textAfterQuote(column: number): string {
  return `field ${column} has text after its closing quote (write a quote inside a quoted field as "")`
}

function quoteInField(column: number): string {
  return `field ${column} has a quote inside an unquoted value (quote the whole field and write the quote as "")`
}
