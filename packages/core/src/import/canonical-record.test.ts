import { describe, expect, it } from 'vitest'
import { anApplication } from '../testing/an-application.js'
import { importCanonicalRecord } from './canonical-record.js'

describe('importCanonicalRecord', () => {
  it('returns a valid record exactly as given', () => {
    const record = anApplication()
    const result = importCanonicalRecord(record)
    expect(result.status === 'valid' && result.record).toBe(record)
  })

  it('reports issues at the record paths', () => {
    expect(importCanonicalRecord({ ...anApplication(), schemaVersion: 2 })).toEqual({
      status: 'invalid',
      issues: [{ path: 'schemaVersion', message: 'must be 1' }],
    })
  })
})
