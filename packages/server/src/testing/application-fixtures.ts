import { defaultScoringPolicy, type ApplicationRecord, type ReferenceData, type ScoringPolicy } from '@hirewall/core'

type Mutable<Type> = { -readonly [Key in keyof Type]: Type[Key] }

/** Test builder: a plausible, clean application submitted through the API, with any part overridden. */
export function anApplicationRecord(
  id: string,
  overrides: Partial<Mutable<ApplicationRecord>> = {},
): ApplicationRecord {
  return {
    schemaVersion: 1,
    id,
    submittedAt: '2026-03-02T15:04:05Z',
    source: { system: 'api', applicationId: id },
    requisition: { id: 'req-1', title: 'Backend engineer' },
    cv: {
      basics: { name: 'Jordan Avery Miller', email: `${id}.miller@gmail.com`, phone: '(415) 555-0132' },
      work: [{ name: 'Acme Logistics', position: 'Software Engineer', startDate: '2019-07' }],
    },
    claimed: { location: { city: 'Oakland', region: 'CA', countryCode: 'US' }, timeZone: 'America/Los_Angeles' },
    ...overrides,
  }
}

/** Test builder: one persona of a ring: its own name and mailbox, a phone the ring shares. */
export function aRingMember(id: string, name: string, sharedPhone: string): ApplicationRecord {
  const mailbox = name.toLowerCase().replaceAll(' ', '.')
  return anApplicationRecord(id, {
    cv: {
      basics: { name, email: `${mailbox}@outlook.com`, phone: sharedPhone },
      work: [{ name: 'Northwind Traders', position: 'Software Engineer', startDate: '2020-01' }],
    },
  })
}

/** Test builder: an application with a throwaway mailbox and interview red flags, which screening holds. */
export function aRiskyApplicationRecord(
  id: string,
  overrides: Partial<Mutable<ApplicationRecord>> = {},
): ApplicationRecord {
  return anApplicationRecord(id, {
    cv: { basics: { name: 'Alex Kim', email: `${id}@mailinator.com` } },
    interview: { cameraRefused: true, voiceChanger: true, readingAnswers: true },
    submission: { utcOffsetMinutes: 540, ip: '10.0.0.7' },
    ...overrides,
  })
}

/** A small, fixed reference (the real lists are loaded where the server starts). */
export const testReference: ReferenceData = {
  isDisposableEmailDomain: (domain) => domain === 'mailinator.com',
  isFreeEmailDomain: (domain) => domain === 'gmail.com' || domain === 'outlook.com',
  sources: [{ name: 'test email domains', version: '2026.1', entries: 3 }],
}

/** A policy that reviews from a score of 5 and holds from 10: any signal of weight raises the outcome. */
export const strictTestPolicy: ScoringPolicy = {
  ...defaultScoringPolicy,
  version: 'strict-test-1',
  thresholds: { ...defaultScoringPolicy.thresholds, review: 5, hold: 10 },
}
