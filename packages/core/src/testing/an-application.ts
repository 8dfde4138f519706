import type { ApplicationRecord } from '../record/application-record.js'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * Test builder: a plausible, clean application (a US software engineer) with any part overridden. Tests state only
 * what matters to them: `anApplication({ contacts: { phones: [{ value: '+1 ...' }] } })`.
 */
export function anApplication(overrides: Partial<Mutable<ApplicationRecord>> = {}): ApplicationRecord {
  return {
    schemaVersion: 1,
    id: 'app-1',
    submittedAt: '2026-03-02T15:04:05Z',
    source: { system: 'json' },
    cv: {
      basics: {
        name: 'Jordan Avery Miller',
        email: 'jordan.miller@gmail.com',
        phone: '(415) 555-0132',
        location: { city: 'Oakland', region: 'CA', countryCode: 'US' },
        profiles: [{ network: 'LinkedIn', username: 'jordanmiller', url: 'https://www.linkedin.com/in/jordanmiller' }],
      },
      work: [
        { name: 'Acme Logistics', position: 'Software Engineer', startDate: '2019-07', endDate: '2022-05' },
        { name: 'Brightline Health', position: 'Senior Software Engineer', startDate: '2022-06' },
      ],
      education: [
        {
          institution: 'University of California, Davis',
          studyType: 'Bachelor',
          area: 'Computer Science',
          startDate: '2015-09',
          endDate: '2019-06',
        },
      ],
    },
    person: { birthDate: '1997' },
    claimed: { location: { city: 'Oakland', region: 'CA', countryCode: 'US' }, timeZone: 'America/Los_Angeles' },
    submission: { ip: '73.158.64.20', utcOffsetMinutes: -480, acceptLanguage: 'en-US,en;q=0.9' },
    ...overrides,
  }
}
