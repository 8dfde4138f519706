import { describe, expect, it } from 'vitest'
import { compareLinked } from './compare-linked'
import { recordFacts } from './record-facts'

const open = {
  cv: {
    basics: { name: 'Jordan Lee', email: 'jordan.lee@example.com', phone: '+1 (415) 555-0101' },
    education: [{ institution: 'State University', studyType: 'BSc', area: 'Computer Science', endDate: '2016' }],
  },
  submission: { deviceId: 'dev-1', ip: '203.0.113.7' },
}
const sameIdentityOtherDegree = {
  cv: {
    basics: { name: 'Jordan  LEE', email: 'j.lee@mail.example', phone: '+14155550101' },
    education: [{ institution: 'State University', studyType: 'MSc', area: 'Computer Science', endDate: '2016' }],
  },
  submission: { deviceId: 'dev-1', ip: '198.51.100.9' },
}

describe('compareLinked', () => {
  it('marks what the linked application shares and what changed', () => {
    const rows = compareLinked([open, sameIdentityOtherDegree])
    const row = (label: string) => rows.find((candidate) => candidate.label === label)
    expect(row('Name')?.cells).toEqual([
      [{ value: 'Jordan Lee', mark: 'shared' }],
      [{ value: 'Jordan  LEE', mark: 'shared' }],
    ])
    expect(row('Phones')?.cells.map((cell) => cell.map((value) => value.mark))).toEqual([['shared'], ['shared']])
    expect(row('Emails')?.cells.map((cell) => cell.map((value) => value.mark))).toEqual([['different'], ['different']])
    expect(row('Device')?.hasShared).toBe(true)
    expect(row('IP address')?.hasShared).toBe(false)
  })

  it('shows both degrees of the same identity, each marked different', () => {
    const education = compareLinked([open, sameIdentityOtherDegree]).find((row) => row.label === 'Education')
    expect(education?.cells).toEqual([
      [{ value: 'State University · BSc in Computer Science · 2016', mark: 'different' }],
      [{ value: 'State University · MSc in Computer Science · 2016', mark: 'different' }],
    ])
  })

  it('matches a phone written with and without its country code', () => {
    const local = { cv: { basics: { phone: '(416) 219-1437' } } }
    const international = { cv: { basics: { phone: '+1 4162 191 437' } } }
    const phones = compareLinked([international, local]).find((row) => row.label === 'Phones')
    expect(phones?.cells.map((cell) => cell.map((value) => value.mark))).toEqual([['shared'], ['shared']])
  })

  it('marks a base value shared when any one of several linked applications has it', () => {
    const third = { cv: { basics: { email: 'JORDAN.LEE@example.com' } } }
    const emails = compareLinked([open, sameIdentityOtherDegree, third]).find((row) => row.label === 'Emails')
    expect(emails?.cells.map((cell) => cell.map((value) => value.mark))).toEqual([
      ['shared'],
      ['different'],
      ['shared'],
    ])
  })

  it('leaves out facts no application has and copes with no records', () => {
    const labels = compareLinked([open, sameIdentityOtherDegree]).map((row) => row.label)
    expect(labels).not.toContain('Birth date')
    expect(compareLinked([])).toEqual([])
  })
})

describe('recordFacts', () => {
  it('reads contacts beside the CV without repeating a value', () => {
    const facts = recordFacts({
      cv: { basics: { email: 'a@example.com', profiles: [{ network: 'GitHub', username: 'jlee' }] } },
      contacts: {
        emails: [{ value: 'a@example.com' }, { value: 'b@example.com' }],
        addresses: [{ type: 'home', line1: '1 Main St', city: 'Austin', countryCode: 'US' }],
      },
      staffingVendor: { name: 'Acme Staffing' },
    })
    expect(facts.Emails).toEqual(['a@example.com', 'b@example.com'])
    expect(facts.Addresses).toEqual(['1 Main St, Austin, US'])
    expect(facts.Profiles).toEqual(['GitHub: jlee'])
    expect(facts['Staffing vendor']).toEqual(['Acme Staffing'])
  })

  it.each([null, 'text', 42, [], {}])('reads %j as a record without facts', (record) => {
    expect(Object.values(recordFacts(record)).every((values) => values.length === 0)).toBe(true)
  })
})
