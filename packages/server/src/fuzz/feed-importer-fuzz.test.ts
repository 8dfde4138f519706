import { readFileSync } from 'node:fs'
import {
  exportMispEvent,
  exportStixBundle,
  importMispEvent,
  importStixBundle,
  readIndicatorCsv,
  type ImportResult,
  type SharedIndicator,
} from '@hirewall/sharing'
import {
  importEntraSignIns,
  importHiresCsv,
  importHiresJson,
  importMdmCsv,
  importOktaSystemLog,
  importOsqueryLog,
  importPayrollCsv,
  importShipmentsCsv,
  type ImportedRow,
} from '@hirewall/workforce'
import { describe, expect, it } from 'vitest'
import { prototypePollution, stringsIn } from './check-api-response.js'
import { fuzzOptionsFromEnv } from './fuzz-options.js'
import { hostileBody } from './hostile-body.js'
import { mutateJson } from './hostile-json.js'
import { byteOrderMarks, hostileByteSequences, hostileString } from './hostile-strings.js'
import type { FuzzFailure } from './run-api-fuzz.js'
import { seededRandom, type SeededRandom } from './seeded-random.js'

// The after-hire feeds (packages/workforce) and the threat-sharing formats (packages/sharing) read files an operator
// was sent by another system or another company: hostile input by nature. Each is read here as the CLI reads it
// (bytes decoded as UTF-8, JSON parsed before the sharing importers), after generated damage.

const { seed, runs } = fuzzOptionsFromEnv(process.env, { seed: 20_260_323, runs: 300 })

const workforceFixture = (name: string): string =>
  readFileSync(new URL(`../../../workforce/src/import/fixtures/${name}`, import.meta.url), 'utf8')

/** A CSV feed: its fixture, and the columns whose text a valid row keeps (trimmed) in its record. */
type CsvFeed = {
  readonly name: string
  readonly fixture: string
  readonly freeTextColumns: readonly number[]
  readonly read: (text: string) => readonly ImportedRow<unknown>[]
}
/** A JSON feed: its fixture's values, and how it is written (JSON Lines, an array, Graph's `{ value: [...] }`). */
type JsonFeed = {
  readonly name: string
  readonly values: readonly unknown[]
  readonly read: (text: string) => readonly ImportedRow<unknown>[]
}

const csvFeeds: readonly CsvFeed[] = [
  { name: 'HR hires (CSV)', fixture: workforceFixture('hires.csv'), freeTextColumns: [2, 6], read: importHiresCsv },
  { name: 'shipments', fixture: workforceFixture('shipments.csv'), freeTextColumns: [6], read: importShipmentsCsv },
  { name: 'MDM check-ins', fixture: workforceFixture('mdm.csv'), freeTextColumns: [0, 6], read: importMdmCsv },
  {
    name: 'payroll',
    fixture: workforceFixture('payroll.csv'),
    freeTextColumns: [4, 6],
    read: (text) => importPayrollCsv(text, { accountKey: 'fuzz-account-key' }),
  },
]

/** The values of a JSON Lines fixture; the fixtures' own broken lines are left out (the fuzzer breaks its own). */
function jsonLines(text: string): unknown[] {
  return text.split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as unknown]
    } catch {
      return []
    }
  })
}

const jsonFeeds: readonly JsonFeed[] = [
  { name: 'HR hires (JSON)', values: jsonLines(workforceFixture('hires.jsonl')), read: importHiresJson },
  { name: 'osquery', values: jsonLines(workforceFixture('osquery-results.log')), read: importOsqueryLog },
  {
    name: 'Okta System Log',
    values: JSON.parse(workforceFixture('okta-system-log.json')) as unknown[],
    read: importOktaSystemLog,
  },
  {
    name: 'Entra sign-ins',
    values: (JSON.parse(workforceFixture('entra-sign-ins.json')) as { value: unknown[] }).value,
    read: importEntraSignIns,
  },
]

const indicators: readonly SharedIndicator[] = [
  { kind: 'phone', value: '+1 (415) 555-0100', source: 'ring-a', tlp: 'green', confidence: 90, note: 'burner' },
  { kind: 'email', value: 'jdoe.dev@gmail.com', source: 'ring-a', tlp: 'amber', severity: 'critical' },
  { kind: 'domain', value: 'front-co.com', source: 'ring-a', tlp: 'clear' },
  { kind: 'address', value: '9 Elm Road, Apt 2, Dover, DE 19901', source: 'ring-a', tlp: 'amber+strict' },
  { kind: 'handle', value: 'github:jdoe-dev', source: 'ring-a', tlp: 'amber' },
  { kind: 'ip', value: '203.0.113.7', source: 'ring-a', tlp: 'amber', firstSeen: '2026-01-10T00:00:00.000Z' },
]
const producer = { name: 'Example Corp' }
const createdAt = '2026-11-23T12:00:00.000Z'
const sharingDocuments = [
  {
    name: 'STIX 2.1 bundle',
    value: exportStixBundle(indicators, { producer, createdAt }).bundle,
    read: importStixBundle,
  },
  { name: 'MISP event', value: exportMispEvent(indicators, { producer, createdAt }).event, read: importMispEvent },
] as const

const indicatorCsv = [
  'kind,value,tlp,confidence,note',
  ...indicators.map((indicator) => `${indicator.kind},"${indicator.value}",${indicator.tlp},80,seen`),
].join('\n')

/** One case: what was read, and the violations found. */
type Outcome = { readonly target: string; readonly description: string; readonly violations: string[] }

function runFeedFuzz(): FuzzFailure[] {
  const failures: FuzzFailure[] = []
  const targets = csvFeeds.length + jsonFeeds.length + sharingDocuments.length + 1
  for (let caseNumber = 0; caseNumber < runs; caseNumber += 1) {
    const random = seededRandom(seed * 1_000_037 + caseNumber)
    const which = caseNumber % targets
    let outcome: Outcome
    try {
      outcome =
        which < csvFeeds.length
          ? csvCase(csvFeeds[which] as CsvFeed, random)
          : which < csvFeeds.length + jsonFeeds.length
            ? jsonCase(jsonFeeds[which - csvFeeds.length] as JsonFeed, random)
            : which < targets - 1
              ? sharingCase(sharingDocuments[which - csvFeeds.length - jsonFeeds.length] ?? sharingDocuments[0], random)
              : indicatorCsvCase(random)
    } catch (error) {
      outcome = { target: targetName(which), description: 'threw', violations: [`threw ${describeError(error)}`] }
    }
    const polluted = prototypePollution()
    if (polluted.length > 0) outcome.violations.push(`Object.prototype polluted: ${polluted.join(', ')}`)
    if (outcome.violations.length > 0) {
      failures.push({
        seed,
        caseNumber,
        target: outcome.target,
        request: outcome.description,
        violations: outcome.violations,
      })
    }
  }
  return failures
}

function targetName(which: number): string {
  const names = [...csvFeeds, ...jsonFeeds, ...sharingDocuments].map((target) => target.name)
  return names[which] ?? 'indicator CSV'
}

/** The fixture with hostile cells in its data rows, sometimes with broken quoting, bytes or a huge cell. */
function csvCase(feed: CsvFeed, random: SeededRandom): Outcome {
  const lines = feed.fixture.trimEnd().split('\n')
  const header = lines[0] ?? ''
  const columns = header.split(',').length
  const planted: string[] = []
  const rows = [header]
  for (const line of lines.slice(1, 2 + random.int(lines.length - 1))) {
    const cells = splitCsvLine(line)
    while (cells.length < columns) cells.push('')
    const hostileCells = new Map<number, string>()
    for (let count = random.int(4); count > 0; count -= 1) hostileCells.set(random.int(columns), hostileString(random))
    for (const [at, cell] of hostileCells) {
      cells[at] = cell
      // As the decoded file holds it (a lone surrogate becomes U+FFFD), trimmed as the importers trim cells.
      if (feed.freeTextColumns.includes(at)) planted.push(Buffer.from(cell, 'utf8').toString('utf8').trim())
    }
    rows.push(cells.map(quoteCsv).join(','))
  }
  let text = rows.join(random.chance(0.3) ? '\r\n' : '\n')
  if (random.chance(0.15)) text += '\n"unterminated, ' + hostileString(random)
  const damaged = damageBytes(Buffer.from(text, 'utf8'), random)
  const read = feed.read(damaged.bytes.toString('utf8'))
  const violations = checkRows(read)
  if (damaged.isClean && !text.includes('"unterminated') && read.every((row) => row.status !== 'invalid')) {
    const kept = new Set(read.flatMap((row) => (row.status === 'ok' ? [...stringsIn(row.record)] : [])))
    for (const cell of planted) {
      // A free-text cell of a valid row comes through unchanged: no escaping, stripping or formula neutering here
      // (exports that open in a spreadsheet neutralise formulas when they write).
      if (cell !== '' && !kept.has(cell))
        violations.push(`a valid row lost the cell ${JSON.stringify(cell).slice(0, 80)}`)
    }
  }
  return { target: feed.name, description: `${rows.length - 1} rows; ${damaged.description}`, violations }
}

/** The fixture's values mutated, written as JSON Lines, an array or `{ value: [...] }`, sometimes broken on the wire. */
function jsonCase(feed: JsonFeed, random: SeededRandom): Outcome {
  const picked = Array.from({ length: 1 + random.int(3) }, () => random.pick(feed.values))
  const mutated = picked.map((value) => mutateJson(value, random))
  const mutations = mutated.flatMap((result) => result.mutations.map((mutation) => mutation.kind)).join(', ')
  const layout = random.int(3)
  let bytes: Buffer
  let wire: string
  if (layout === 0) {
    const lines = mutated.map((result) => hostileBody(result.value, random))
    wire = lines.map((line) => line.kind).join(' ')
    bytes = Buffer.from(lines.map((line) => line.payload.toString('latin1').replaceAll('\n', ' ')).join('\n'), 'latin1')
  } else {
    const values = mutated.map((result) => result.value)
    const body = hostileBody(layout === 1 ? values : { '@odata.context': 'fuzz', value: values }, random)
    wire = body.kind
    bytes = body.payload
  }
  const read = feed.read(bytes.toString('utf8'))
  const violations = checkRows(read)
  return {
    target: feed.name,
    description: `${['jsonl', 'array', 'graph'][layout]}; ${mutations}; ${wire}; ${bytes.length} bytes`,
    violations,
  }
}

/** A valid bundle or event mutated, read back through the wire as a CLI reads a file. */
function sharingCase(target: (typeof sharingDocuments)[number], random: SeededRandom): Outcome {
  const { value, mutations } = mutateJson(target.value, random)
  const body = hostileBody(value, random)
  const description = `${mutations.map((mutation) => `${mutation.kind} at ${mutation.path.join('.')}`).join(', ')}; ${body.kind}; ${body.payload.length} bytes`
  let document: unknown
  try {
    document = JSON.parse(body.payload.toString('utf8'))
  } catch {
    // Not JSON: the CLI refuses the file before any importer sees it.
    return { target: target.name, description, violations: [] }
  }
  return { target: target.name, description, violations: checkSharingResult(target.read(document)) }
}

/** The watchlist indicator CSV (`hirewall share import --format csv`) with hostile cells and damage. */
function indicatorCsvCase(random: SeededRandom): Outcome {
  const rows = indicatorCsv.split('\n')
  const cells = splitCsvLine(rows[1 + random.int(rows.length - 1)] ?? '')
  cells[random.int(cells.length)] = hostileString(random)
  rows.push(cells.map(quoteCsv).join(','))
  const damaged = damageBytes(Buffer.from(rows.join('\n'), 'utf8'), random)
  const reading = readIndicatorCsv(damaged.bytes.toString('utf8'), { source: 'fuzz', tlp: 'amber' })
  const violations: string[] = []
  for (const issue of reading.issues) {
    if (!Number.isInteger(issue.line) || issue.line < 1)
      violations.push(`an issue without a line: ${JSON.stringify(issue)}`)
    if (typeof issue.message !== 'string' || issue.message === '') violations.push('an issue without a message')
  }
  violations.push(...serialisable(reading))
  return { target: 'indicator CSV', description: damaged.description, violations }
}

function checkRows(rows: readonly ImportedRow<unknown>[]): string[] {
  const violations: string[] = []
  for (const row of rows) {
    if (!Number.isInteger(row.line) || row.line < 1) violations.push(`a row at line ${row.line}`)
    switch (row.status) {
      case 'invalid':
        if (row.issues.length === 0) violations.push(`line ${row.line}: invalid without issues`)
        for (const issue of row.issues) {
          if (typeof issue.path !== 'string' || issue.path === '')
            violations.push(`line ${row.line}: an issue without a path`)
          if (typeof issue.message !== 'string' || issue.message === '')
            violations.push(`line ${row.line}: an issue without a message`)
        }
        break
      case 'skipped':
        if (typeof row.reason !== 'string' || row.reason === '') violations.push(`line ${row.line}: skipped, no reason`)
        break
      case 'ok':
        violations.push(...serialisable(row.record))
        break
    }
  }
  return violations
}

function checkSharingResult(result: ImportResult): string[] {
  const violations: string[] = []
  for (const issue of result.issues) {
    if (typeof issue.path !== 'string' || issue.path === '')
      violations.push(`an issue without a path: ${JSON.stringify(issue)}`)
    if (typeof issue.message !== 'string' || issue.message === '') violations.push('an issue without a message')
  }
  if (result.status === 'ok') {
    for (const object of result.unsupported) {
      if (typeof object.path !== 'string' || object.path === '') violations.push('an unsupported object without a path')
    }
    for (const indicator of result.indicators) {
      if (typeof indicator.value !== 'string' || indicator.value === '') violations.push('an indicator without a value')
      // Stored in PostgreSQL later: text it cannot hold must have been refused here.
      if (indicator.value.includes('\u0000'))
        violations.push(`an indicator value with U+0000: ${JSON.stringify(indicator.value)}`)
    }
  }
  violations.push(...serialisable(result))
  return violations
}

/**
 * A record goes into the database as JSON: it must hold only plain data (no function found through a prototype key,
 * no undefined in an array) and serialise.
 */
function serialisable(value: unknown): string[] {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }]
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string }
    if (typeof current === 'function' || typeof current === 'symbol' || typeof current === 'bigint')
      return [`holds a ${typeof current} at ${path || '(root)'}`]
    if (typeof current === 'number' && !Number.isFinite(current)) return [`holds ${current} at ${path || '(root)'}`]
    if (typeof current === 'object' && current !== null) {
      for (const [key, child] of Object.entries(current)) {
        if (child !== undefined || Array.isArray(current)) stack.push({ value: child, path: `${path}.${key}` })
      }
    }
    if (current === undefined && path !== '') return [`holds undefined at ${path}`]
  }
  try {
    JSON.stringify(value)
    return []
  } catch (error) {
    return [`does not serialise: ${describeError(error)}`]
  }
}

function damageBytes(bytes: Buffer, random: SeededRandom): { bytes: Buffer; description: string; isClean: boolean } {
  switch (random.int(6)) {
    case 0:
      return {
        bytes: Buffer.concat([Buffer.from(random.pick(byteOrderMarks)), bytes]),
        description: 'byte order mark',
        isClean: false,
      }
    case 1: {
      const at = random.int(bytes.length)
      return {
        bytes: Buffer.concat([
          bytes.subarray(0, at),
          Buffer.from(random.pick(hostileByteSequences)),
          bytes.subarray(at),
        ]),
        description: `bytes that are not UTF-8 at ${at}`,
        isClean: false,
      }
    }
    case 2:
      return { bytes: bytes.subarray(0, random.int(bytes.length)), description: 'cut short', isClean: false }
    case 3:
      return {
        bytes: Buffer.concat([bytes, Buffer.from(`\nE9,${'A'.repeat(200_000)},x\n`)]),
        description: 'a 200 kB cell',
        isClean: false,
      }
    default:
      return { bytes, description: 'clean bytes', isClean: true }
  }
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  let isQuoted = false
  for (const character of line) {
    if (character === '"') isQuoted = !isQuoted
    else if (character === ',' && !isQuoted) {
      cells.push(cell)
      cell = ''
    } else cell += character
  }
  cells.push(cell)
  return cells
}

function quoteCsv(cell: string): string {
  return /[",\r\n;\t]/.test(cell) || cell !== cell.trim() ? `"${cell.replaceAll('"', '""')}"` : cell
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

describe('hostile input to the after-hire feeds and the threat-sharing importers', () => {
  it(
    `reads ${runs} generated HR, shipment, MDM, payroll, osquery, Okta, Entra, STIX, MISP and indicator CSV inputs (seed ${seed})`,
    { timeout: 600_000 },
    () => {
      expect(runFeedFuzz()).toEqual([])
    },
  )
})
