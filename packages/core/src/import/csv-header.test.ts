import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { csvColumns, readCsvHeader } from './csv-header.js'

describe('readCsvHeader', () => {
  it('matches names case-insensitively, with spaces and hyphens as underscores', () => {
    expect(readCsvHeader(['Application ID', 'SUBMITTED_AT', ' utc-offset-minutes '])).toEqual({
      columns: ['application_id', 'submitted_at', 'utc_offset_minutes'],
      issues: [],
    })
  })

  it('reports unknown, unnamed and repeated columns and ignores them', () => {
    expect(readCsvHeader(['application_id', 'Favourite Colour', '', 'Application_ID', 'name'])).toEqual({
      columns: ['application_id', undefined, undefined, undefined, 'name'],
      issues: [
        { path: 'header.Favourite Colour', message: expect.stringContaining('not a column') as string },
        { path: 'header[2]', message: expect.stringContaining('without a name') as string },
        { path: 'header.Application_ID', message: expect.stringContaining('more than once') as string },
      ],
    })
  })
})

describe('docs/csv-columns.md', () => {
  it('documents exactly the columns the importer reads', () => {
    const doc = readFileSync(new URL('../../../../docs/csv-columns.md', import.meta.url), 'utf8')
    const documented = [...doc.matchAll(/^\| `([a-z0-9_]+)` +\|/gm)].map((match) => match[1])
    expect(documented).toEqual([...csvColumns])
  })
})
