import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { anApplication } from '../testing/an-application.js'
import { validateApplicationRecord } from './application-record-schema.js'

describe('validateApplicationRecord', () => {
  it('accepts a complete record and returns it unchanged', () => {
    const record = anApplication()
    const result = validateApplicationRecord(record)
    expect(result).toEqual({ status: 'valid', record })
  })

  it('accepts the JSON Resume sample as the cv part unchanged', () => {
    const sample: unknown = JSON.parse(
      readFileSync(
        new URL('../../../../../shared/data/resumes/jsonresume_sample.resume.json', import.meta.url),
        'utf8',
      ),
    )
    const result = validateApplicationRecord({ ...anApplication(), cv: sample })
    expect(result.status).toBe('valid')
  })

  it.each([
    [{ submittedAt: '2026-03-02' }, 'submittedAt', 'must be an ISO 8601 date-time'],
    [{ id: '' }, 'id', 'must not be empty'],
    [{ contacts: { phones: [{ value: '' }] } }, 'contacts.phones[0].value', 'must not be empty'],
    [{ contacts: { addresses: [{ type: 'holiday', value: 'x' }] } }, 'contacts.addresses[0].type', ''],
    [{ submission: { utcOffsetMinutes: 9000 } }, 'submission.utcOffsetMinutes', 'must be at most 840'],
    [{ claimed: { location: { countryCode: 'USA' } } }, 'claimed.location.countryCode', 'ISO 3166-1 alpha-2'],
    [{ cv: { education: [{ startDate: '2019/09' }] } }, 'cv.education[0].startDate', 'YYYY'],
    [{ nickname: 'x' }, 'nickname', 'unknown field nickname'],
  ])('reports %j at %s', (override, path, message) => {
    const result = validateApplicationRecord({ ...anApplication(), ...override })
    expect(result.status).toBe('invalid')
    if (result.status !== 'invalid') return
    expect(result.issues).toContainEqual({ path, message: expect.stringContaining(message) as string })
  })
})
