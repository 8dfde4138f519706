import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { errorCodes, errorStatus } from './error-codes.js'

const doc = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8')

// Rows of the code table: | `CODE` | 400 | meaning |
const documented = new Map(
  [...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|\s*(.+?)\s*\|\s*$/gm)].map((row) => [
    row[1] ?? '',
    { status: Number(row[2]), meaning: row[3] ?? '' },
  ]),
)

describe('docs/errors.md', () => {
  it('documents exactly the codes of the error table', () => {
    expect([...documented.keys()].sort()).toEqual([...errorCodes].sort())
  })

  it.each(errorCodes)('gives %s the status of the error table and a meaning', (code) => {
    expect(documented.get(code)?.status).toBe(errorStatus[code])
    expect(documented.get(code)?.meaning.length).toBeGreaterThan(20)
  })
})
