import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { readApplications, type InputRow, type ReadOptions } from './read-applications.js'

const directory = mkdtempSync(join(tmpdir(), 'hirewall-read-'))
const receivedAt = '2026-03-05T10:00:00Z'
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function file(name: string, content: string | Buffer): string {
  const path = join(directory, name)
  writeFileSync(path, content)
  return path
}

async function readAll(paths: readonly string[], options: ReadOptions = {}): Promise<InputRow[]> {
  const rows: InputRow[] = []
  for await (const row of readApplications(paths, { receivedAt, ...options })) rows.push(row)
  return rows
}

/** Rows as `line status id-or-first-issue` strings: compact to compare. */
function summarise(rows: readonly InputRow[]): string[] {
  return rows.map((row) =>
    row.status === 'valid'
      ? `${row.line} valid ${row.record.id}`
      : `${row.line} invalid ${row.issues.map((issue) => `${issue.path}: ${issue.message}`).join(' | ')}`,
  )
}

/** A small valid canonical record. */
function anApplication(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'app-1',
    submittedAt: '2026-03-02T15:04:05Z',
    source: { system: 'json' },
    cv: { basics: { name: 'Jordan Miller', phone: '(415) 555-0132' } },
    ...overrides,
  }
}

const record = (id: string): string => JSON.stringify(anApplication({ id }))

describe('readApplications', () => {
  it('reads JSONL line by line: a bad line is one invalid row and the rest go on', async () => {
    const path = file(
      'mixed.jsonl',
      `\uFEFF${record('a-1')}\r\n\r\n{"schemaVersion":1,"id":\r\n${record('a-4')}\n   \n${JSON.stringify({ ...anApplication({ id: 'a-6' }), submittedAt: 'soon' })}\n${record('a-7')}`,
    )
    const rows = await readAll([path])
    expect(summarise(rows)).toEqual([
      '1 valid a-1',
      expect.stringMatching(/^3 invalid \(line\): is not valid JSON: /) as string,
      '4 valid a-4',
      expect.stringMatching(/^6 invalid submittedAt: must be an ISO 8601 date-time/) as string,
      '7 valid a-7',
    ])
    expect(rows.every((row) => row.file === path)).toBe(true)
    expect(rows[0]).toEqual({
      file: path,
      line: 1,
      status: 'valid',
      record: anApplication({ id: 'a-1' }),
      raw: anApplication({ id: 'a-1' }),
    })
  })

  it('reads CSV with quoted multi-line cells (CRLF), reporting rows at the line where they start', async () => {
    const header = 'application_id,submitted_at,name,home_address,utc_offset_minutes,shoe_size'
    const path = file(
      'export.csv',
      [
        header,
        'c-1,2026-03-02T15:04:05Z,Jordan Miller,"12 Elm St\r\nOakland, CA",-480,9',
        'c-2,2026-03-02T15:04:05Z,"Kim\r\nLee","A\r\nB\r\nC",five hundred,8',
        '',
        'c-3,2026-03-02T15:04:05Z,"Ana ""Nana"" Silva",,60,7',
      ].join('\r\n'),
    )
    const rows = await readAll([path])
    expect(summarise(rows)).toEqual([
      '1 invalid header.shoe_size: is not a column HireWall reads (see docs/csv-columns.md): it is ignored',
      '2 valid c-1',
      '4 invalid utc_offset_minutes: must be a whole number, not "five hundred"',
      '9 valid c-3',
    ])
    const first = rows[1]
    expect(first?.status === 'valid' && first.record.contacts?.addresses).toEqual([
      { type: 'home', value: '12 Elm St\r\nOakland, CA' },
    ])
    const third = rows[3]
    expect(third?.status === 'valid' && third.record.cv.basics?.name).toBe('Ana "Nana" Silva')
  })

  it('counts lines right with LF files and lone CRs inside cells', async () => {
    const path = file(
      'lf.csv',
      'application_id,submitted_at,cv_text\nl-1,2026-03-02T15:04:05Z,"one\ntwo\rthree"\nl-2,2026-03-02T15:04:05Z,x\n',
    )
    expect(summarise(await readAll([path]))).toEqual(['2 valid l-1', '5 valid l-2'])
  })

  it('ends a malformed CSV with one invalid row at the line where it went wrong', async () => {
    const path = file('broken.csv', 'application_id,submitted_at\nb-1,2026-03-02T15:04:05Z\nb-2,"2026-03-02\n')
    expect(summarise(await readAll([path]))).toEqual([
      '2 valid b-1',
      expect.stringMatching(/^\d invalid \(file\): is not valid CSV: .*[Qq]uote/) as string,
    ])
  })

  it('reads stdin for -, sniffing the format', async () => {
    const stdin = Readable.from([Buffer.from(`${record('s-1')}\n`), Buffer.from(`${record('s-2')}\n`)])
    const rows = await readAll(['-'], { stdin })
    expect(summarise(rows)).toEqual(['1 valid s-1', '2 valid s-2'])
    expect(rows[0]?.file).toBe('<stdin>')
  })

  it('reads CSV from stdin given as text chunks', async () => {
    const stdin = Readable.from(['application_id,submitted_at\n', 'x-1,2026-03-02T15:04:05Z\n'])
    expect(summarise(await readAll(['-'], { stdin }))).toEqual(['2 valid x-1'])
  })

  it('reads a JSON array, numbering elements from 1, and a single pretty-printed document', async () => {
    const array = file(
      'batch.json',
      JSON.stringify([anApplication({ id: 'j-1' }), { nope: true }, anApplication({ id: 'j-3' })], null, 2),
    )
    const single = file('one-application', JSON.stringify(anApplication({ id: 'j-9' }), null, 2))
    expect(summarise(await readAll([array, single]))).toEqual([
      '1 valid j-1',
      expect.stringMatching(/^2 invalid \(record\): is not a format HireWall reads/) as string,
      '3 valid j-3',
      '1 valid j-9',
    ])
  })

  it('reports a JSON document that does not parse as one invalid row', async () => {
    const path = file('bad.json', '[{"schemaVersion": 1,')
    expect(summarise(await readAll([path]))).toEqual([
      expect.stringMatching(/^1 invalid \(file\): is not valid JSON/) as string,
    ])
  })

  it('imports vendor payloads and plain JSON Resume documents', async () => {
    const fixtures = new URL('../../../core/src/import/fixtures/', import.meta.url)
    const greenhouse = new URL('greenhouse-webhook-new-candidate-application.json', fixtures).pathname
    const resume = file('resume.json', JSON.stringify({ basics: { name: 'Richard Hendriks' } }))
    const rows = await readAll([greenhouse, resume])
    expect(summarise(rows)).toEqual(['1 valid greenhouse:71980812', `1 valid ${resume}#1`])
    const plain = rows[1]
    expect(plain?.status === 'valid' && plain.record.submittedAt).toBe(receivedAt)
  })

  it('sniffs files without a telling extension', async () => {
    const jsonl = file('records.txt', `\n${record('t-1')}\n${record('t-2')}\n`)
    const csv = file('records.dat', 'application_id,submitted_at\nt-3,2026-03-02T15:04:05Z\n')
    expect(summarise(await readAll([jsonl, csv]))).toEqual(['2 valid t-1', '3 valid t-2', '2 valid t-3'])
  })

  it('uses the format it is told over the extension', async () => {
    const path = file('really-csv.json', 'application_id,submitted_at\nf-1,2026-03-02T15:04:05Z\n')
    expect(summarise(await readAll([path], { format: 'csv' }))).toEqual(['2 valid f-1'])
  })

  it('reports progress over all files against their total size', async () => {
    const first = file('p1.jsonl', `${record('p-1')}\n`)
    const second = file('p2.jsonl', `${record('p-2')}\n${record('p-3')}\n`)
    const total = statSync(first).size + statSync(second).size
    const reports: [number, number | undefined][] = []
    await readAll([first, second], { onProgress: (bytesRead, totalBytes) => reports.push([bytesRead, totalBytes]) })
    expect(reports.at(-1)).toEqual([total, total])
    expect(reports.every(([, totalBytes]) => totalBytes === total)).toBe(true)
  })

  it('throws naming a missing file before reading any other', async () => {
    const good = file('good.jsonl', `${record('g-1')}\n`)
    const rows = readApplications([good, join(directory, 'no-such.jsonl')], { receivedAt })
    await expect(rows.next()).rejects.toThrow(`no such file: ${join(directory, 'no-such.jsonl')}`)
  })

  it('throws naming a directory given as a file', async () => {
    const folder = join(directory, 'folder.jsonl')
    mkdirSync(folder, { recursive: true })
    await expect(readAll([folder])).rejects.toThrow(`${folder} is a directory`)
  })

  it('streams a large JSONL file with long lines split across chunks', async () => {
    const cvText = 'x'.repeat(300_000)
    const lines = Array.from({ length: 5 }, (_, index) =>
      JSON.stringify(anApplication({ id: `big-${index}`, document: { cvText } })),
    )
    const path = file('big.jsonl', lines.join('\n'))
    const rows = await readAll([path])
    expect(summarise(rows)).toEqual([
      '1 valid big-0',
      '2 valid big-1',
      '3 valid big-2',
      '4 valid big-3',
      '5 valid big-4',
    ])
    expect(readFileSync(path).length).toBeGreaterThan(1_500_000)
  })
})
