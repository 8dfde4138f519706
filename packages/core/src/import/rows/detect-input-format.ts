/** The file formats the row readers handle; `auto` picks one per file. */
export const inputFormats = ['auto', 'jsonl', 'json', 'csv'] as const
export type InputFormat = (typeof inputFormats)[number]
export type FileFormat = Exclude<InputFormat, 'auto'>

const byExtension: Readonly<Record<string, FileFormat>> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.csv': 'csv',
}

/** The format a file name's extension says, if it says one. */
export function formatFromExtension(path: string): FileFormat | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? byExtension[name.slice(dot).toLowerCase()] : undefined
}

/** Enough of the head to sniff: the first line, once a non-blank byte has been seen. */
export function isEnoughToSniff(head: Buffer): boolean {
  const start = firstContentByte(head)
  return start !== -1 && head.indexOf(0x0a, start) !== -1
}

/**
 * The format of content without a telling extension, from its first non-blank byte: `[` is a JSON array; `{` is JSONL
 * when the first line is a complete JSON value, else one (pretty-printed) JSON document; anything else is CSV.
 * Empty input counts as JSONL (no rows).
 */
export function sniffFormat(head: Buffer): FileFormat {
  const start = firstContentByte(head)
  if (start === -1) return 'jsonl'
  const first = head[start]
  if (first === 0x5b) return 'json'
  if (first !== 0x7b) return 'csv'
  const newline = head.indexOf(0x0a, start)
  const firstLine = head.toString('utf8', start, newline === -1 ? head.length : newline)
  try {
    JSON.parse(firstLine)
    return 'jsonl'
  } catch {
    return 'json'
  }
}

/** Index of the first byte that is not a UTF-8 byte-order mark or whitespace; -1 when there is none yet. */
function firstContentByte(head: Buffer): number {
  let index = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0
  while (index < head.length) {
    const byte = head[index]
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return index
    index += 1
  }
  return -1
}
