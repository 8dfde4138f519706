import { invalidRow, type ImportedRow } from './import-row.js'

/** One JSON value of a feed and the 1-based line it starts on. */
export type JsonRow = { readonly line: number; readonly value: unknown; readonly pathPrefix: string }

/**
 * The values of a JSON feed, whichever way it was exported: JSON Lines (one value per line), a JSON array of values
 * (Okta's System Log API), or an object whose `value` array holds them (Microsoft Graph list responses). Each value
 * comes with the line it starts on and the path prefix its issues need (`value[3].`). A line or document that is not
 * JSON becomes an invalid row and the rest still reads.
 */
export function* jsonRows(text: string): Generator<JsonRow | ImportedRow<never>> {
  const start = firstSignificant(text)
  const first = text[start]
  if (first === '[' || (first === '{' && looksLikeDocument(text, start))) {
    let document: unknown
    try {
      document = JSON.parse(text)
    } catch (error) {
      // Not one document after all (JSON Lines whose first object spans lines is not a format anyone writes).
      if (first === '[') {
        yield invalidRow(lineAt(text, start), [{ path: '(file)', message: `is not valid JSON: ${messageOf(error)}` }])
        return
      }
      yield* jsonLines(text)
      return
    }
    const isArray = Array.isArray(document)
    const items = isArray ? document : (document as { value?: unknown }).value
    if (!Array.isArray(items)) {
      yield invalidRow(lineAt(text, start), [
        {
          path: '(file)',
          message: 'is a JSON object without a "value" array: expected JSON Lines, an array, or {"value": [...]}',
        },
      ])
      return
    }
    const lines = elementLines(text, start, isArray ? undefined : 'value')
    for (let index = 0; index < items.length; index++) {
      yield { line: lines[index] ?? 1, value: items[index], pathPrefix: isArray ? `[${index}].` : `value[${index}].` }
    }
    return
  }
  yield* jsonLines(text)
}

function* jsonLines(text: string): Generator<JsonRow | ImportedRow<never>> {
  let line = 0
  let position = 0
  while (position <= text.length) {
    let end = text.indexOf('\n', position)
    if (end === -1) end = text.length
    line++
    const content = text.slice(position, end).trim()
    position = end + 1
    if (content === '') continue
    try {
      yield { line, value: JSON.parse(content), pathPrefix: '' }
    } catch (error) {
      yield invalidRow(line, [{ path: '(line)', message: `is not valid JSON: ${messageOf(error)}` }])
    }
  }
}

/** A JSON object that spans several lines is a document; one per line is JSON Lines. */
function looksLikeDocument(text: string, start: number): boolean {
  const lineEnd = text.indexOf('\n', start)
  if (lineEnd === -1) return /"value"\s*:\s*\[/.test(text)
  try {
    JSON.parse(text.slice(start, lineEnd))
    return false
  } catch {
    return true
  }
}

function firstSignificant(text: string): number {
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0
  while (index < text.length && /\s/.test(text[index] ?? '')) index++
  return index
}

function lineAt(text: string, position: number): number {
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < position; index = text.indexOf('\n', index + 1)) line++
  return line
}

/**
 * The line each element of the array starts on: the top-level array, or the array under `key` of the top-level
 * object. A small scanner over the already-validated text (strings and nesting), so positions cost one pass.
 */
function elementLines(text: string, start: number, key: string | undefined): number[] {
  const lines: number[] = []
  let line = 1
  for (let index = 0; index < start; index++) if (text.charCodeAt(index) === 10) line++
  let depth = 0
  let arrayDepth = key === undefined ? 1 : -1
  let expectingElement = false
  let lastKey: string | undefined
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10) {
      line++
      continue
    }
    if (code === 0x22) {
      let end = index + 1
      while (end < text.length && text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1
      if (depth === arrayDepth && expectingElement) {
        lines.push(line)
        expectingElement = false
      }
      if (depth === 1 && key !== undefined && arrayDepth === -1) lastKey = text.slice(index + 1, end)
      index = end
      continue
    }
    if (code === 0x20 || code === 0x09 || code === 0x0d) continue
    if (code === 0x5b || code === 0x7b) {
      if (depth === arrayDepth && expectingElement) {
        lines.push(line)
        expectingElement = false
      }
      depth++
      if (code === 0x5b && key !== undefined && arrayDepth === -1 && depth === 2 && lastKey === key) arrayDepth = 2
      if (depth === arrayDepth && code === 0x5b) expectingElement = true
      continue
    }
    if (code === 0x5d || code === 0x7d) {
      if (depth === arrayDepth) arrayDepth = key === undefined ? 1 : -2
      depth--
      continue
    }
    if (code === 0x2c) {
      if (depth === arrayDepth) expectingElement = true
      continue
    }
    if (depth === arrayDepth && expectingElement) {
      lines.push(line)
      expectingElement = false
    }
  }
  return lines
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
