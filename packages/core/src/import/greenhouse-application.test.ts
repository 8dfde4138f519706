import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importGreenhouse } from './greenhouse-application.js'

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>

const webhook = (): Record<string, unknown> => fixture('greenhouse-webhook-new-candidate-application.json')

/** The webhook fixture with one change to its application object. */
function webhookWith(change: (application: Record<string, unknown>) => void): Record<string, unknown> {
  const envelope = webhook()
  change((envelope['payload'] as { application: Record<string, unknown> }).application)
  return envelope
}

describe('importGreenhouse', () => {
  it('maps a new_candidate_application webhook to one record', () => {
    const results = importGreenhouse(webhook())
    expect(results).toHaveLength(1)
    const [result] = results
    if (result?.status !== 'valid') throw new Error(JSON.stringify(result))
    expect(result.record).toEqual({
      schemaVersion: 1,
      id: 'greenhouse:71980812',
      submittedAt: '2026-02-27T14:44:43Z',
      source: {
        system: 'greenhouse',
        candidateId: '60304594',
        applicationId: '71980812',
        channel: 'LinkedIn (Prospecting)',
      },
      requisition: { id: 'ABC', title: 'Data Scientist' },
      cv: {
        basics: {
          name: 'Jane Smith',
          profiles: [
            { network: 'Website', url: 'janesmith.dev' },
            { network: 'LinkedIn', username: 'jane-smith-42', url: 'https://www.linkedin.com/in/jane-smith-42/' },
            { network: 'GitHub', username: 'janesmith', url: 'github.com/janesmith' },
          ],
        },
        work: [
          { name: 'Initech', position: 'Software Engineer', startDate: '2011-06-01', endDate: '2018-08-31' },
          { name: 'Current Company Co.', position: 'Senior Engineer', startDate: '2018-09-01' },
        ],
        education: [
          {
            institution: 'Stanford University',
            studyType: "Bachelor's Degree",
            area: 'Computer Science',
            startDate: '2007-09-15',
            endDate: '2011-05-15',
          },
        ],
      },
      contacts: {
        emails: [
          { value: 'jane.smith@work.example.com', type: 'work' },
          { value: 'jane.smith@example.com', type: 'personal' },
        ],
        phones: [
          { value: '555-555-5555', type: 'mobile' },
          { value: '+1 (330) 281-8004', type: 'other' },
          { value: '330.281.8005', type: 'other' },
        ],
        addresses: [
          { type: 'home', value: '123 Test Street\nNew York, NY 10001' },
          { type: 'other', value: '500 Office Plaza, Suite 4\nJersey City, NJ 07302' },
        ],
      },
      document: { fileName: 'Jane Smith Resume.pdf' },
    })
  })

  it.each(['application_updated', 'hire_candidate'])('accepts the %s action', (action) => {
    const [result] = importGreenhouse({ ...webhook(), action })
    expect(result?.status).toBe('valid')
  })

  it('refuses actions that carry no application to screen, naming the action', () => {
    const [result] = importGreenhouse({ action: 'delete_candidate', payload: { person: { id: 1 } } })
    expect(result).toEqual({
      status: 'invalid',
      issues: [{ path: 'action', message: expect.stringContaining('"delete_candidate"') as string }],
    })
  })

  it('reports a missing applied_at at its webhook path instead of inventing a date', () => {
    const [result] = importGreenhouse(webhookWith((application) => delete application['applied_at']))
    expect(result).toEqual({
      status: 'invalid',
      issues: [{ path: 'payload.application.applied_at', message: expect.stringContaining('is required') as string }],
    })
  })

  it.each([
    [
      'an applied_at without a time zone',
      (application: Record<string, unknown>) => (application['applied_at'] = '2026-02-27 14:44'),
      'payload.application.applied_at',
    ],
    [
      'an education date that is not a date',
      (application: Record<string, unknown>) => {
        const candidate = application['candidate'] as { educations: Record<string, unknown>[] }
        candidate.educations[0]!['end_date'] = 'Spring 2011'
      },
      'payload.application.candidate.educations[0].end_date',
    ],
    [
      'an employment date with no such month',
      (application: Record<string, unknown>) => {
        const candidate = application['candidate'] as Record<string, unknown>
        candidate['employments'] = [{ company_name: 'A', start_date: '13/45/2020' }]
      },
      'payload.application.candidate.employments[0].start_date',
    ],
  ])('reports %s at the Greenhouse path', (_, change, path) => {
    const [result] = importGreenhouse(webhookWith(change))
    expect(result?.status).toBe('invalid')
    if (result?.status !== 'invalid') return
    expect(result.issues.map((issue) => issue.path)).toEqual([path])
  })

  it('maps a Harvest candidate to one record per application, with ISO dates cut to days', () => {
    const results = importGreenhouse(fixture('greenhouse-harvest-candidate.json'))
    expect(results).toHaveLength(2)
    const [first, second] = results
    if (first?.status !== 'valid') throw new Error(JSON.stringify(first))
    expect(first.record.id).toBe('greenhouse:69306314')
    expect(first.record.submittedAt).toBe('2026-01-10T13:20:31.000Z')
    expect(first.record.source).toEqual({
      system: 'greenhouse',
      candidateId: '53883394',
      applicationId: '69306314',
      channel: 'Jobs page on your website',
    })
    expect(first.record.requisition).toEqual({ id: '87752', title: 'Customer Success Representative' })
    expect(first.record.cv.basics?.location).toEqual({ address: 'New York, New York, USA' })
    expect(first.record.cv.education).toEqual([
      {
        institution: 'University of Michigan - Ann Arbor',
        studyType: "Master's Degree",
        area: 'Computer Science',
        startDate: '2012-08-01',
        endDate: '2014-05-01',
      },
    ])
    expect(first.record.cv.work).toEqual([
      { name: 'The Tustin Box Company', position: 'Customer Success Representative', startDate: '2015-01-01' },
    ])
    expect(first.record.cv.basics?.profiles).toEqual([
      { network: 'Website', url: 'johnlocke.example.com' },
      { network: 'LinkedIn', username: 'john.locke', url: 'linkedin.com/in/john.locke' },
      { network: 'GitHub', username: 'jlocke', url: 'https://github.com/jlocke' },
    ])
    expect(first.record.document).toEqual({ fileName: 'John_Locke_Resume.pdf' })
    // The prospect application has no applied_at: an issue at its own path, the first application still imports.
    expect(second).toEqual({
      status: 'invalid',
      issues: [{ path: 'applications[1].applied_at', message: expect.stringContaining('is required') as string }],
    })
  })

  it('maps a Harvest application that carries its candidate', () => {
    const candidate = fixture('greenhouse-harvest-candidate.json')
    const applications = candidate['applications'] as Record<string, unknown>[]
    const [result] = importGreenhouse({ ...applications[0], candidate: { ...candidate, applications: undefined } })
    if (result?.status !== 'valid') throw new Error(JSON.stringify(result))
    expect(result.record.id).toBe('greenhouse:69306314')
    expect(result.record.contacts?.phones).toEqual([{ value: '555-1212', type: 'mobile' }])
    expect(result.record.contacts?.addresses).toEqual([{ type: 'home', value: '123 Fake St.' }])
  })

  it('reports a candidate without applications', () => {
    expect(importGreenhouse({ first_name: 'A', applications: [] })).toEqual([
      {
        status: 'invalid',
        issues: [{ path: 'applications', message: expect.stringContaining('no application') as string }],
      },
    ])
  })
})
