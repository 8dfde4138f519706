import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importJsonResume } from './json-resume-document.js'

const sample = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(new URL('../../../../../shared/data/resumes/jsonresume_sample.resume.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>

describe('importJsonResume', () => {
  it('wraps the JSON Resume sample unchanged, dated by meta.lastModified read as UTC', () => {
    const document = sample()
    const result = importJsonResume(document, { id: 'sample.json#1', receivedAt: '2026-03-05T10:00:00Z' })
    if (result.status !== 'valid') throw new Error(JSON.stringify(result))
    expect(result.record).toEqual({
      schemaVersion: 1,
      id: 'sample.json#1',
      submittedAt: '2017-12-24T15:53:00Z',
      source: { system: 'json-resume' },
      cv: document,
    })
    expect(result.record.cv).toBe(document)
  })

  it('uses the receipt time when the document has no meta.lastModified', () => {
    const result = importJsonResume({ basics: { name: 'A B' } }, { id: 'x#1', receivedAt: '2026-03-05T10:00:00Z' })
    expect(result.status === 'valid' && result.record.submittedAt).toBe('2026-03-05T10:00:00Z')
  })

  it('reports a missing date when there is neither meta.lastModified nor a receipt time', () => {
    expect(importJsonResume({ basics: { name: 'A B' } }, { id: 'x#1' })).toEqual({
      status: 'invalid',
      issues: [{ path: 'meta.lastModified', message: expect.stringContaining('is required') as string }],
    })
  })

  it('reports CV problems at the document path, without the cv. prefix', () => {
    const result = importJsonResume(
      {
        basics: { location: { countryCode: 'USA' } },
        education: [{ startDate: '09/2019' }],
        meta: { lastModified: 'soon' },
      },
      { id: 'x#1' },
    )
    expect(result.status).toBe('invalid')
    if (result.status !== 'invalid') return
    expect(result.issues.map((issue) => issue.path).sort()).toEqual([
      'basics.location.countryCode',
      'education[0].startDate',
      'meta.lastModified',
    ])
  })
})
