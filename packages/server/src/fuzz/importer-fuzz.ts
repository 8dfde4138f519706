import { readRows, type InputFormat, type InputRow } from '@hirewall/core'
import { readFileSync } from 'node:fs'
import { anApplicationRecord } from '../testing/application-fixtures.js'
import { prototypePollution } from './check-api-response.js'
import { hostileBody } from './hostile-body.js'
import { mutateJson } from './hostile-json.js'
import { byteOrderMarks, hostileByteSequences, hostileString } from './hostile-strings.js'
import type { SeededRandom } from './seeded-random.js'
import { seededRandom } from './seeded-random.js'
import type { FuzzFailure } from './run-api-fuzz.js'

const coreFixture = (name: string): string =>
  readFileSync(new URL(`../../../core/src/import/fixtures/${name}`, import.meta.url), 'utf8')

/** A valid document of every JSON format the importers read: the vendors' own shapes and the canonical record. */
const jsonDocuments: readonly { readonly name: string; readonly value: unknown }[] = [
  { name: 'canonical record', value: anApplicationRecord('fuzz-import') },
  {
    name: 'JSON Resume',
    value: {
      basics: {
        name: 'Jordan Miller',
        email: 'jordan@gmail.com',
        phone: '+1 415 555 0132',
        location: { city: 'Oakland' },
      },
      work: [{ name: 'Acme', position: 'Engineer', startDate: '2019-07' }],
      education: [{ institution: 'State University', studyType: 'BSc', startDate: '2012', endDate: '2016' }],
      meta: { lastModified: '2026-03-02T15:04:05Z' },
    },
  },
  { name: 'Greenhouse Harvest', value: JSON.parse(coreFixture('greenhouse-harvest-candidate.json')) },
  { name: 'Greenhouse webhook', value: JSON.parse(coreFixture('greenhouse-webhook-new-candidate-application.json')) },
  { name: 'Lever', value: JSON.parse(coreFixture('lever-opportunity-with-resume.json')) },
  { name: 'Ashby', value: JSON.parse(coreFixture('ashby-candidate-info.json')) },
]

const csvText = coreFixture('applications.csv')

/** One importer input: its bytes, how they are cut into chunks, and the CSV cells planted in it. */
type ImporterCase = {
  readonly description: string
  readonly bytes: Buffer
  readonly format: InputFormat
  readonly chunkSize: number
  /** Hostile CSV cells: a valid row must keep each byte for byte in its raw `{ header: cell }`. */
  readonly plantedCells: readonly string[]
}

/**
 * Runs `runs` generated hostile inputs through `readRows` (CSV, JSON and JSONL; canonical records, JSON Resume,
 * Greenhouse, Lever and Ashby), cut into random chunk sizes, and checks: no throw, every row valid with a record or
 * invalid with issues that each name a path, a valid CSV row keeps its hostile cells byte for byte, lines increase,
 * and `Object.prototype` stays clean.
 */
export async function runImporterFuzz(options: {
  readonly seed: number
  readonly runs: number
}): Promise<FuzzFailure[]> {
  const failures: FuzzFailure[] = []
  for (let caseNumber = 0; caseNumber < options.runs; caseNumber += 1) {
    const random = seededRandom(options.seed * 1_000_033 + caseNumber)
    const input = caseNumber % 3 === 0 ? csvCase(random) : jsonCase(random, caseNumber % 3 === 1 ? 'json' : 'jsonl')
    const violations: string[] = []
    let rows: InputRow[] = []
    try {
      rows = await collect(input)
    } catch (error) {
      violations.push(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`)
    }
    violations.push(...checkRows(rows, input))
    const polluted = prototypePollution()
    if (polluted.length > 0) violations.push(`Object.prototype polluted: ${polluted.join(', ')}`)
    if (violations.length > 0) {
      failures.push({
        seed: options.seed,
        caseNumber,
        target: `import ${input.format}`,
        request: input.description,
        violations,
      })
    }
  }
  return failures
}

async function collect(input: ImporterCase): Promise<InputRow[]> {
  // At most about 2,000 chunks: tiny chunks test the boundaries, not a megabyte read a byte at a time.
  const chunkSize = Math.max(input.chunkSize, Math.ceil(input.bytes.length / 2_000))
  function* chunks(): Generator<Buffer> {
    for (let at = 0; at < input.bytes.length; at += chunkSize) yield input.bytes.subarray(at, at + chunkSize)
  }
  const rows: InputRow[] = []
  for await (const row of readRows(toAsync(chunks()), {
    file: 'fuzz',
    format: input.format,
    receivedAt: '2026-03-02T00:00:00Z',
  })) {
    rows.push(row)
  }
  return rows
}

function checkRows(rows: readonly InputRow[], input: ImporterCase): string[] {
  const violations: string[] = []
  let previousLine = 0
  const rawCells = new Set<string>()
  for (const row of rows) {
    if (!Number.isInteger(row.line) || row.line < previousLine || row.line < 1) {
      violations.push(`row line ${row.line} after ${previousLine}`)
    }
    previousLine = row.line
    if (row.status === 'invalid') {
      if (row.issues.length === 0) violations.push(`line ${row.line}: invalid without issues`)
      for (const issue of row.issues) {
        if (typeof issue.path !== 'string' || issue.path === '')
          violations.push(`line ${row.line}: an issue without a path`)
        if (typeof issue.message !== 'string' || issue.message === '')
          violations.push(`line ${row.line}: an issue without a message`)
      }
    } else if (input.format === 'csv') {
      for (const cell of Object.values(row.raw as Record<string, string>)) rawCells.add(cell)
    }
  }
  const hasValidRow = rows.some((row) => row.status === 'valid')
  if (input.format === 'csv' && hasValidRow) {
    for (const cell of input.plantedCells) {
      // Only when the row holding it was read as valid; a cell can also land in an invalid row.
      if (!rawCells.has(cell) && rows.every((row) => row.status === 'valid')) {
        violations.push(`valid CSV rows do not keep the cell ${JSON.stringify(cell).slice(0, 80)} byte for byte`)
      }
    }
  }
  return violations
}

/** The fixture CSV with hostile cells (quoted as a spreadsheet would), and sometimes broken bytes. */
function csvCase(random: SeededRandom): ImporterCase {
  const lines = csvText.trimEnd().split('\n')
  const header = lines[0] ?? ''
  const columns = header.split(',').length
  const planted: string[] = []
  const rows: string[] = [header]
  const rowCount = 1 + random.int(4)
  for (let row = 0; row < rowCount; row += 1) {
    const cells = [`FUZZ-${row}`, '2026-03-02T15:04:05Z', 'Jordan Miller', 'jordan@gmail.com']
    while (cells.length < columns) cells.push('')
    for (let count = random.int(4); count > 0; count -= 1) {
      const at = 2 + random.int(columns - 2)
      const cell = hostileString(random)
      cells[at] = cell
      // Only free-text columns: a hostile value in a typed column makes the row invalid, which is its own check.
      // As the file's bytes hold it: a lone surrogate is written as U+FFFD.
      if (at === 2 || at === 10 || at === 19) planted.push(Buffer.from(cell, 'utf8').toString('utf8'))
    }
    rows.push(cells.map(quoteCsv).join(','))
  }
  let text = rows.join(random.chance(0.3) ? '\r\n' : '\n')
  if (random.chance(0.2)) text += '\n"unterminated, ' + hostileString(random)
  let bytes = Buffer.from(text, 'utf8')
  let description = `${rowCount} rows`
  const corruption = random.int(6)
  if (corruption === 0) {
    bytes = Buffer.concat([Buffer.from(random.pick(byteOrderMarks)), bytes])
    description += '; byte order mark'
  } else if (corruption === 1) {
    const at = random.int(bytes.length)
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(random.pick(hostileByteSequences)), bytes.subarray(at)])
    description += `; bytes that are not UTF-8 at ${at}`
  } else if (corruption === 2) {
    bytes = bytes.subarray(0, random.int(bytes.length))
    description += '; cut short'
  } else if (corruption === 3) {
    bytes = Buffer.concat([bytes, Buffer.from(`\nFUZZ-X,2026-03-02T15:04:05Z,${'A'.repeat(200_000)}\n`)])
    description += '; a 200 kB cell'
  }
  const isClean = corruption > 3
  return {
    description: `${description}; cells ${JSON.stringify(planted).slice(0, 120)}`,
    bytes,
    format: 'csv',
    chunkSize: random.pick([1, 7, 64, 4096, 1 << 20]),
    plantedCells: isClean ? planted : [],
  }
}

function quoteCsv(cell: string): string {
  return /[",\r\n]/.test(cell) || cell.startsWith(' ') ? `"${cell.replaceAll('"', '""')}"` : cell
}

/** Mutated documents of every JSON format, as one JSON array or as JSONL, sometimes broken on the wire. */
function jsonCase(random: SeededRandom, format: 'json' | 'jsonl'): ImporterCase {
  const documents = Array.from({ length: 1 + random.int(3) }, () => random.pick(jsonDocuments))
  const mutated = documents.map((document) => mutateJson(document.value, random))
  const names = documents.map((document) => document.name).join(', ')
  const mutations = mutated.flatMap((result) => result.mutations.map((mutation) => mutation.kind)).join(', ')
  let bytes: Buffer
  let wire = 'json'
  if (format === 'jsonl') {
    const lines = mutated.map((result) => {
      const body = hostileBody(result.value, random)
      wire = body.kind
      return body.payload.toString('latin1').replaceAll('\n', ' ')
    })
    bytes = Buffer.from(lines.join('\n'), 'latin1')
  } else {
    const body = hostileBody(mutated.length === 1 ? mutated[0]?.value : mutated.map((result) => result.value), random)
    wire = body.kind
    bytes = body.payload
  }
  return {
    description: `${names}; ${mutations}; ${wire}; ${bytes.length} bytes`,
    bytes,
    format,
    chunkSize: random.pick([1, 13, 512, 65_536, 1 << 20]),
    plantedCells: [],
  }
}

async function* toAsync(chunks: Iterable<Buffer>): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield await Promise.resolve(chunk)
}
