import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { InputRow } from './input-row.js'
import { readRows, type ReadRowsOptions } from './read-rows.js'

const receivedAt = '2026-03-05T10:00:00Z'
const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/${name}`, import.meta.url))

/** The bytes in chunks of `size`, as a request body or a database column arrives. */
async function* inChunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let start = 0; start < bytes.length; start += size) {
    await Promise.resolve()
    yield bytes.subarray(start, start + size)
  }
}

async function read(bytes: Buffer, options: Partial<ReadRowsOptions> = {}, chunkSize = 7): Promise<InputRow[]> {
  const rows: InputRow[] = []
  for await (const row of readRows(inChunks(bytes, chunkSize), { file: 'upload', receivedAt, ...options })) {
    rows.push(row)
  }
  return rows
}

const record = (id: string): Record<string, unknown> => ({
  schemaVersion: 1,
  id,
  submittedAt: '2026-03-02T15:04:05Z',
  source: { system: 'json' },
  cv: { basics: { name: 'Jordan Miller' } },
})

describe('readRows', () => {
  it('keeps each JSONL value as the raw payload of its row', async () => {
    const text = `${JSON.stringify(record('a-1'))}\n{"nope":true}\n${JSON.stringify(record('a-3'))}\n`
    const rows = await read(Buffer.from(text), { format: 'jsonl' })
    expect(rows.map((row) => [row.line, row.status])).toEqual([
      [1, 'valid'],
      [2, 'invalid'],
      [3, 'valid'],
    ])
    expect(rows[0]?.status === 'valid' && rows[0].raw).toEqual(record('a-1'))
  })

  it('keeps a CSV row as { header: cell } with the header as written', async () => {
    const rows = await read(fixture('applications.csv'), { file: 'export.csv' })
    const first = rows[0]
    expect(first?.status).toBe('valid')
    expect(first?.line).toBe(2)
    const raw = first?.status === 'valid' ? (first.raw as Record<string, string>) : {}
    expect(raw['Application ID']).toBe('APP-1')
    expect(raw['home_address']).toMatch(/^12 Elm St\r?\nOakland, CA 94607$/)
  })

  it('gives every application of one JSON value its own row on the value’s line', async () => {
    const candidate = fixture('greenhouse-harvest-candidate.json')
    const rows = await read(Buffer.from(`[${candidate.toString('utf8')}]`), { format: 'json' })
    // The candidate's second application has no applied_at: it is invalid, the first is not held back.
    expect(
      rows.map((row) => [row.line, row.status === 'valid' ? row.record.source.applicationId : row.issues[0]?.path]),
    ).toEqual([
      [1, '69306314'],
      [1, 'applications[1].applied_at'],
    ])
    expect(rows[0]?.status === 'valid' && rows[0].raw).toEqual(JSON.parse(candidate.toString('utf8')))
  })

  it('sniffs a name without a telling extension', async () => {
    const rows = await read(Buffer.from('application_id,submitted_at\nu-1,2026-03-02T15:04:05Z\n'), { file: 'upload' })
    expect(rows.map((row) => (row.status === 'valid' ? row.record.id : row.issues))).toEqual(['u-1'])
  })

  it('reads the same rows whatever the chunk size', async () => {
    const bytes = fixture('applications.csv')
    const whole = await read(bytes, { format: 'csv' }, bytes.length)
    expect(await read(bytes, { format: 'csv' }, 3)).toEqual(whole)
    expect(whole.length).toBeGreaterThan(1)
  })
})
