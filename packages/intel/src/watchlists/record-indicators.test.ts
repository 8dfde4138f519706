import { normaliseApplication, type ApplicationRecord } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import { recordIndicators } from './record-indicators.js'

const sha = 'ab'.repeat(32)

const record: ApplicationRecord = {
  schemaVersion: 1,
  id: 'app-1',
  submittedAt: '2026-03-02T15:04:05Z',
  source: { system: 'json' },
  cv: {
    basics: {
      email: 'J.Doe+jobs@GMail.com',
      phone: '+1 (415) 555-0100',
      url: 'https://jdoe.dev/',
      location: { address: '123 Main Street', city: 'Springfield', region: 'IL', postalCode: '62701' },
      profiles: [{ network: 'GitHub', url: 'https://github.com/JDoe' }],
    },
    work: [{ name: 'Front Co', url: 'www.front-co.com/about' }, { name: 'Acme' }],
    education: [{ institution: 'Somewhere University', url: 'https://somewhere.edu' }],
  },
  contacts: {
    emails: [{ value: 'jd@mail.front-co.com' }, { value: 'not an email' }],
    phones: [{ value: '(415) 555-0101' }],
    addresses: [
      { type: 'shipping', value: '9 Elm Rd, Unit 2, Dover, DE 19901' },
      { type: 'home', line1: '1 Oak Ave', city: 'Austin' },
    ],
  },
  claimed: { location: { countryCode: 'US' } },
  profiles: [{ network: 'LinkedIn', username: 'Jordan-Doe', url: 'https://www.linkedin.com/in/jordan-doe' }],
  submission: { ip: ' 203.0.113.7 ' },
  document: { fileSha256: sha.toUpperCase() },
  referrer: { name: 'Pat Lee', email: 'pat@front-co.com' },
}

describe('recordIndicators', () => {
  it('lists every phone, email, domain, handle, address, IP and CV hash with its record path', () => {
    const found = recordIndicators(record, normaliseApplication(record)).map(({ kind, key, field }) => [
      kind,
      key,
      field,
    ])
    expect(found).toEqual([
      ['phone', '+14155550101', 'contacts.phones[0].value'],
      ['phone', '+14155550100', 'cv.basics.phone'],
      ['email', 'jd@mail.front-co.com', 'contacts.emails[0].value'],
      ['domain', 'mail.front-co.com', 'contacts.emails[0].value'],
      ['email', 'jdoe@gmail.com', 'cv.basics.email'],
      ['domain', 'gmail.com', 'cv.basics.email'],
      ['email', 'pat@front-co.com', 'referrer.email'],
      ['domain', 'front-co.com', 'referrer.email'],
      ['domain', 'jdoe.dev', 'cv.basics.url'],
      ['domain', 'front-co.com', 'cv.work[0].url'],
      ['domain', 'somewhere.edu', 'cv.education[0].url'],
      ['handle', 'github:jdoe', 'cv.basics.profiles[0].url'],
      ['domain', 'github.com', 'cv.basics.profiles[0].url'],
      ['handle', 'linkedin:jordan-doe', 'profiles[0].username'],
      ['domain', 'linkedin.com', 'profiles[0].url'],
      ['address', '9 elm rd #2 dover de 19901', 'contacts.addresses[0].value'],
      ['address', '1 oak ave austin', 'contacts.addresses[1]'],
      ['address', '123 main st springfield il 62701', 'cv.basics.location.address'],
      ['ip', '203.0.113.7', 'submission.ip'],
      ['cv-sha256', sha, 'document.fileSha256'],
    ])
  })

  it('keeps the value as the record writes it, for the analyst', () => {
    const found = recordIndicators(record, normaliseApplication(record))
    expect(found.find((indicator) => indicator.field === 'cv.basics.phone')?.value).toBe('+1 (415) 555-0100')
    expect(found.find((indicator) => indicator.field === 'contacts.addresses[1]')?.value).toBe('1 Oak Ave, Austin')
  })

  it('reads only the kinds asked for', () => {
    const found = recordIndicators(record, normaliseApplication(record), new Set(['handle', 'ip'] as const))
    expect(found.map(({ kind, field }) => [kind, field])).toEqual([
      ['handle', 'cv.basics.profiles[0].url'],
      ['handle', 'profiles[0].username'],
      ['ip', 'submission.ip'],
    ])
  })

  it('finds nothing in a record with no contact details', () => {
    const bare: ApplicationRecord = {
      schemaVersion: 1,
      id: 'b',
      submittedAt: '2026-03-02T15:04:05Z',
      source: { system: 'json' },
      cv: {},
    }
    expect(recordIndicators(bare, normaliseApplication(bare))).toEqual([])
  })
})
