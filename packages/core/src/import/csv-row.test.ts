import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { readCsvHeader } from './csv-header.js'
import { importCsvRow } from './csv-row.js'

const base = {
  application_id: 'APP-9',
  submitted_at: '2026-03-02T15:04:05Z',
}

/** Imports one row given as column -> cell. */
function importCells(cells: Record<string, string>): ReturnType<typeof importCsvRow> {
  const all = { ...base, ...cells }
  return importCsvRow(Object.values(all), readCsvHeader(Object.keys(all)))
}

function issuesOf(cells: Record<string, string>): readonly { path: string; message: string }[] {
  const result = importCells(cells)
  if (result.status === 'valid') throw new Error('expected the row to be invalid')
  return result.issues
}

describe('importCsvRow', () => {
  it('imports the fixture file, with CRLF, a BOM-less header and quoted multi-line cells', () => {
    const rows: string[][] = parse(readFileSync(new URL('./fixtures/applications.csv', import.meta.url)), {
      bom: true,
      skip_empty_lines: true,
    })
    const [headerCells, ...dataRows] = rows
    const header = readCsvHeader(headerCells ?? [])
    expect(header.issues).toEqual([])
    const [first, second] = dataRows.map((cells) => importCsvRow(cells, header))
    if (first?.status !== 'valid') throw new Error(JSON.stringify(first))
    expect(first.record).toEqual({
      schemaVersion: 1,
      id: 'APP-1',
      submittedAt: '2026-03-02T15:04:05Z',
      source: { system: 'csv', applicationId: 'APP-1' },
      cv: {
        basics: {
          name: 'Jordan Miller',
          profiles: [
            { network: 'LinkedIn', username: 'jordanmiller', url: 'https://www.linkedin.com/in/jordanmiller' },
          ],
        },
        work: [{ name: 'Brightline Health', position: 'Senior Software Engineer', startDate: '2022-06' }],
        education: [{ institution: 'University of California, Davis', studyType: 'Bachelor', startDate: '2015-09' }],
      },
      contacts: {
        emails: [{ value: 'jordan@gmail.com' }, { value: 'j.miller@work.example' }],
        phones: [{ value: '(415) 555-0132' }, { value: '+1 415.555.0199' }],
        addresses: [{ type: 'home', value: '12 Elm St\r\nOakland, CA 94607' }],
      },
      claimed: { location: { countryCode: 'US' }, timeZone: 'America/Los_Angeles' },
      document: { cvText: 'Jordan Miller\r\nSoftware engineer, "distributed systems"\r\n' },
      submission: { utcOffsetMinutes: -480 },
      interview: { cameraRefused: false },
    })
    if (second?.status !== 'valid') throw new Error(JSON.stringify(second))
    expect(second.record.cv.education).toEqual([
      { institution: 'KAIST', studyType: 'Master', startDate: '2012', endDate: '2014' },
    ])
    expect(second.record.submission).toEqual({ utcOffsetMinutes: 540 })
    expect(second.record.interview).toEqual({ cameraRefused: true, notes: 'Camera off\r\nwhole call' })
  })

  it('imports every envelope column', () => {
    const result = importCells({
      source: 'api',
      channel: 'Referral',
      candidate_id: 'C-1',
      requisition_id: 'REQ-1',
      requisition_title: 'Engineer',
      mailing_address: 'PO Box 1',
      shipping_address: '88 Dock Rd',
      city: 'Oakland',
      region: 'CA',
      resident_since: '2016',
      birth_date: '1994-05',
      github_url: 'https://github.com/jm',
      ip: '73.158.64.20',
      user_agent: 'Mozilla/5.0',
      accept_language: 'en-US',
      device_id: 'dev-1',
      cv_sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      photo_phash: 'c3d4e5f6a7b8c9d0',
      referrer_name: 'Sam Ortiz',
      staffing_vendor: 'Apex Talent LLC',
      interview_failed_liveness: 'TRUE',
      interview_reading_answers: '1',
      interview_voice_changer: 'No',
      interview_avoided_in_person_step: '0',
      work_json: '[{"name":"Acme","startDate":"2019-07","endDate":"2022-05"}]',
      employer: 'Brightline',
      job_end: '2024-01',
      field: 'Physics',
      school_end: '2019',
    })
    if (result.status !== 'valid') throw new Error(JSON.stringify(result))
    expect(result.record).toMatchObject({
      source: { system: 'api', channel: 'Referral', candidateId: 'C-1', applicationId: 'APP-9' },
      requisition: { id: 'REQ-1', title: 'Engineer' },
      person: { birthDate: '1994-05' },
      contacts: {
        addresses: [
          { type: 'mailing', value: 'PO Box 1' },
          { type: 'shipping', value: '88 Dock Rd' },
        ],
      },
      claimed: { location: { city: 'Oakland', region: 'CA' }, residentSince: '2016' },
      cv: {
        basics: { profiles: [{ network: 'GitHub', username: 'jm', url: 'https://github.com/jm' }] },
        work: [
          { name: 'Acme', startDate: '2019-07', endDate: '2022-05' },
          { name: 'Brightline', endDate: '2024-01' },
        ],
        education: [{ area: 'Physics', endDate: '2019' }],
      },
      submission: { ip: '73.158.64.20', userAgent: 'Mozilla/5.0', acceptLanguage: 'en-US', deviceId: 'dev-1' },
      document: {
        fileSha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        photoPerceptualHash: 'c3d4e5f6a7b8c9d0',
      },
      interview: { failedLiveness: true, readingAnswers: true, voiceChanger: false, avoidedInPersonStep: false },
      referrer: { name: 'Sam Ortiz' },
      staffingVendor: { name: 'Apex Talent LLC' },
    })
  })

  it.each([
    [{ utc_offset_minutes: '-7.5' }, 'utc_offset_minutes', 'must be a whole number, not "-7.5"'],
    [{ utc_offset_minutes: 'UTC+2' }, 'utc_offset_minutes', 'must be a whole number'],
    [{ utc_offset_minutes: '9000' }, 'utc_offset_minutes', 'must be at most 840'],
    [{ interview_voice_changer: 'maybe' }, 'interview_voice_changer', 'must be true/false, yes/no or 1/0, not "maybe"'],
    [{ education_json: '[{"institution":' }, 'education_json', 'is not valid JSON'],
    [{ work_json: '{"name":"Acme"}' }, 'work_json', 'must be a JSON array'],
    [{ education_json: '[{},{"startDate":"2019/09"}]' }, 'education_json[1].startDate', 'YYYY'],
    [{ work_json: '[{"name":"A"}]', job_start: 'last year' }, 'job_start', 'YYYY'],
    [{ school: 'MIT', school_start: '09/2019' }, 'school_start', 'YYYY'],
    [{ country: 'USA' }, 'country', 'ISO 3166-1 alpha-2'],
    [{ submitted_at: '2026-03-02' }, 'submitted_at', 'ISO 8601 date-time'],
    [{ submitted_at: ' ' }, 'submitted_at', 'is required'],
    [{ application_id: '' }, 'application_id', 'is required'],
    [{ source: 'LinkedIn' }, 'source', ''],
    [{ cv_sha256: 'ABC' }, 'cv_sha256', 'lower-case hex'],
  ])('reports %j at %s', (cells, path, message) => {
    expect(issuesOf(cells)).toEqual([{ path, message: expect.stringContaining(message) as string }])
  })

  it('skips empty items of a list', () => {
    const result = importCells({ phones: ' 555-0100 ;;  ' })
    expect(result.status === 'valid' && result.record.contacts).toEqual({ phones: [{ value: '555-0100' }] })
  })

  it('reports a row with more cells than the header has columns', () => {
    const header = readCsvHeader(['application_id', 'submitted_at'])
    const result = importCsvRow(['A', '2026-03-02T15:04:05Z', 'stray'], header)
    expect(result).toEqual({
      status: 'invalid',
      issues: [{ path: '(row)', message: expect.stringContaining('3 cells') as string }],
    })
  })

  it('accepts a short row: missing trailing cells are blank', () => {
    const header = readCsvHeader(['application_id', 'submitted_at', 'name', 'country'])
    const result = importCsvRow(['A', '2026-03-02T15:04:05Z'], header)
    expect(result.status === 'valid' && result.record.cv).toEqual({})
  })
})
