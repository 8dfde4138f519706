import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importLeverOpportunity } from './lever-opportunity.js'

type Fixture = { opportunity: Record<string, unknown>; resumes: { parsedData: Record<string, unknown[]> }[] }

const fixture = (): Fixture =>
  JSON.parse(readFileSync(new URL('./fixtures/lever-opportunity-with-resume.json', import.meta.url), 'utf8')) as Fixture

describe('importLeverOpportunity', () => {
  it('maps an opportunity with its parsed resume', () => {
    const result = importLeverOpportunity(fixture())
    if (result.status !== 'valid') throw new Error(JSON.stringify(result))
    expect(result.record).toEqual({
      schemaVersion: 1,
      id: 'lever:250d8f03-738a-4bba-a671-8a3d73477145',
      submittedAt: '2026-03-01T17:04:05.000Z',
      source: {
        system: 'lever',
        candidateId: '7f23e772-a3ef-4a4b-9a9c-5d4cfc9a3f5e',
        applicationId: 'cdb8e8ab-6daf-4f0a-8d2a-4a4a3bbd3e1b',
        channel: 'Job site',
      },
      cv: {
        basics: {
          name: 'Shane Smith',
          label: 'Brickly LLC, Vandelay Industries, Inc, Central Perk',
          location: { address: 'Oakland, CA' },
          profiles: [
            { network: 'LinkedIn', username: 'shanesmith', url: 'https://www.linkedin.com/in/shanesmith' },
            { network: 'GitHub', username: 'shanesmith', url: 'https://github.com/shanesmith' },
            { network: 'Website', url: 'https://shane.example.com' },
          ],
        },
        work: [
          {
            name: 'Vandelay Industries',
            position: 'Latex Sales Associate',
            location: 'New York, NY',
            summary: 'Imported and exported latex.',
            startDate: '2019-03',
            endDate: '2022-11',
          },
          { name: 'Brickly LLC', position: 'Sales Lead', startDate: '2022-12' },
        ],
        education: [
          {
            institution: 'University of Oregon',
            studyType: 'Bachelor of Science',
            area: 'Economics',
            startDate: '2014',
            endDate: '2018-06',
          },
        ],
      },
      contacts: {
        emails: [{ value: 'shane@example.com' }, { value: 'shane.smith@example.org' }],
        phones: [
          { value: '(555) 555-5555', type: 'mobile' },
          { value: 'shane.smith.skype', type: 'other' },
        ],
      },
      document: { fileName: 'Shane_Smith_Resume.pdf' },
    })
  })

  it('maps the opportunity alone, without history', () => {
    const result = importLeverOpportunity(fixture().opportunity)
    if (result.status !== 'valid') throw new Error(JSON.stringify(result))
    expect(result.record.id).toBe('lever:250d8f03-738a-4bba-a671-8a3d73477145')
    expect(result.record.cv.work).toBeUndefined()
    expect(result.record.contacts?.emails).toHaveLength(2)
  })

  it('falls back to the origin as the channel when there are no sources', () => {
    const { opportunity } = fixture()
    const result = importLeverOpportunity({ ...opportunity, sources: [] })
    expect(result.status === 'valid' && result.record.source.channel).toBe('applied')
  })

  it('reports a missing createdAt at its Lever path', () => {
    const value = fixture()
    delete value.opportunity['createdAt']
    expect(importLeverOpportunity(value)).toEqual({
      status: 'invalid',
      issues: [{ path: 'opportunity.createdAt', message: expect.stringContaining('is required') as string }],
    })
  })

  it('reports an impossible parsed-resume month at the resume path', () => {
    const value = fixture()
    value.resumes[0]!.parsedData['schools'] = [{ org: 'X', start: { year: 2014, month: 13 } }]
    const result = importLeverOpportunity(value)
    expect(result.status).toBe('invalid')
    if (result.status !== 'invalid') return
    expect(result.issues.map((issue) => issue.path)).toEqual(['resumes[0].parsedData.schools[0].start'])
  })
})
