import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importAshbyCandidate } from './ashby-candidate.js'

type Fixture = { success: boolean; results: Record<string, unknown> }

const fixture = (): Fixture =>
  JSON.parse(readFileSync(new URL('./fixtures/ashby-candidate-info.json', import.meta.url), 'utf8')) as Fixture

const withLocation = (country: string): Fixture => {
  const value = fixture()
  value.results['primaryLocation'] = {
    locationSummary: `Somewhere, ${country}`,
    locationComponents: [{ type: 'Country', name: country }],
  }
  return value
}

describe('importAshbyCandidate', () => {
  it('maps a candidate.info response', () => {
    const result = importAshbyCandidate(fixture())
    if (result.status !== 'valid') throw new Error(JSON.stringify(result))
    expect(result.record).toEqual({
      schemaVersion: 1,
      id: 'ashby:2b6a1d5c-0f1e-4c7e-9a55-0d8b3f5d2a11',
      submittedAt: '2026-02-20T22:04:30.126Z',
      source: {
        system: 'ashby',
        candidateId: 'f9e52a51-a075-4116-a7b8-484deba69004',
        applicationId: '2b6a1d5c-0f1e-4c7e-9a55-0d8b3f5d2a11',
        channel: 'Inbound: Job board',
      },
      cv: {
        basics: {
          name: 'Adam Hart',
          profiles: [
            { network: 'LinkedIn', username: 'adam-hart', url: 'https://linkedin.com/in/adam-hart' },
            { network: 'GitHub', username: 'adamhart', url: 'https://github.com/adamhart' },
            { network: 'Website', url: 'https://adamhart.example.com' },
          ],
        },
        work: [{ name: 'Globex', position: 'Staff Engineer' }],
        education: [{ institution: 'Georgia Institute of Technology' }],
      },
      contacts: {
        emails: [
          { value: 'adam.hart@example.com', type: 'personal' },
          { value: 'ahart@work.example.com', type: 'work' },
        ],
        phones: [{ value: '+1 415-555-0100', type: 'other' }],
      },
      claimed: { location: { city: 'Austin', region: 'Texas', countryCode: 'US' }, timeZone: 'America/Chicago' },
      document: { fileName: 'adam_hart_resume.pdf' },
    })
  })

  it('maps the bare candidate and keys on the candidate id when there is no application', () => {
    const { results } = fixture()
    const result = importAshbyCandidate({ ...results, applicationIds: [] })
    expect(result.status === 'valid' && result.record.id).toBe('ashby:f9e52a51-a075-4116-a7b8-484deba69004')
  })

  it.each([
    ['KP', 'KP'],
    ['gb', 'GB'],
    ['South Korea', 'KR'],
    ['Viet Nam', 'VN'],
    ['Russian Federation', 'RU'],
    ['Türkiye', 'TR'],
  ])('reads the country %s as %s', (country, code) => {
    const result = importAshbyCandidate(withLocation(country))
    expect(result.status === 'valid' && result.record.claimed?.location).toEqual({ countryCode: code })
  })

  it('keeps a country it cannot read in the CV location instead of guessing a code', () => {
    const result = importAshbyCandidate(withLocation('Atlantis'))
    if (result.status !== 'valid') throw new Error(JSON.stringify(result))
    expect(result.record.claimed?.location).toBeUndefined()
    expect(result.record.cv.basics?.location).toEqual({ address: 'Somewhere, Atlantis' })
  })

  it('reports a missing createdAt at its Ashby path', () => {
    const value = fixture()
    delete value.results['createdAt']
    expect(importAshbyCandidate(value)).toEqual({
      status: 'invalid',
      issues: [{ path: 'results.createdAt', message: expect.stringContaining('is required') as string }],
    })
  })

  it('reports an unsuccessful response', () => {
    const result = importAshbyCandidate({ success: false, errors: ['candidate_not_found'] })
    expect(result).toEqual({
      status: 'invalid',
      issues: [{ path: 'success', message: expect.stringContaining('candidate_not_found') as string }],
    })
  })
})
