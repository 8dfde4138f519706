import { importJsonValue } from '../import-json-value.js'
import { toInputRow, type InputRow } from './input-row.js'

/**
 * A whole JSON document: one value (line 1) or an array whose elements are read one by one (`line` is the element's
 * 1-based position). A document that is not JSON is one invalid row (path `(file)`).
 */
export async function* jsonDocumentRows(
  chunks: AsyncIterable<Buffer>,
  file: string,
  receivedAt: string,
): AsyncGenerator<InputRow> {
  const parts: Buffer[] = []
  for await (const chunk of chunks) parts.push(chunk)
  let text = Buffer.concat(parts).toString('utf8')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.trim() === '') return
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    yield { file, line: 1, status: 'invalid', issues: [{ path: '(file)', message: `is not valid JSON: ${message}` }] }
    return
  }
  const values: readonly unknown[] = Array.isArray(document) ? document : [document]
  for (const [index, value] of values.entries()) {
    const line = index + 1
    for (const result of importJsonValue(value, { id: `${file}#${line}`, receivedAt }))
      yield toInputRow(file, line, result, value)
  }
}
