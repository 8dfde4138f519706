// The floor the screening benchmark is compared with: stream a JSONL file, split lines and JSON.parse each one,
// touching one field so the work cannot be skipped. Nothing else.
import { createReadStream } from 'node:fs'

const file = process.argv[2]
if (!file) throw new Error('usage: node bench/parse-only.mjs FILE.jsonl')
let records = 0
let idLength = 0
let rest = ''
for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const text = rest + chunk
  let start = 0
  for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
    if (end > start) {
      idLength += JSON.parse(text.slice(start, end)).id.length
      records += 1
    }
    start = end + 1
  }
  rest = text.slice(start)
}
if (rest.trim()) {
  idLength += JSON.parse(rest).id.length
  records += 1
}
process.stdout.write(JSON.stringify({ records, idLength }) + '\n')
