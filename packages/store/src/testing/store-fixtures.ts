import {
  defaultScoringPolicy,
  screenApplication,
  type ApplicationRecord,
  type ReferenceData,
  type ScreeningResult,
} from '@hirewall/core'

type Mutable<Type> = { -readonly [Key in keyof Type]: Type[Key] }

/** Test builder: a plausible, clean application with any part overridden. */
export function aRecord(id: string, overrides: Partial<Mutable<ApplicationRecord>> = {}): ApplicationRecord {
  return {
    schemaVersion: 1,
    id,
    submittedAt: '2026-03-02T15:04:05Z',
    source: { system: 'api', applicationId: id },
    requisition: { id: 'req-1', title: 'Backend engineer' },
    cv: {
      basics: { name: 'Jordan Avery Miller', email: 'jordan.miller@gmail.com', phone: '(415) 555-0132' },
      work: [{ name: 'Acme Logistics', position: 'Software Engineer', startDate: '2019-07' }],
    },
    claimed: { location: { city: 'Oakland', region: 'CA', countryCode: 'US' }, timeZone: 'America/Los_Angeles' },
    ...overrides,
  }
}

/** Test builder: an application with a throwaway mailbox and interview red flags, which screening holds. */
export function aRiskyRecord(id: string, overrides: Partial<Mutable<ApplicationRecord>> = {}): ApplicationRecord {
  return aRecord(id, {
    cv: { basics: { name: 'Alex Kim', email: 'xk7qz2m9@mailinator.com' } },
    interview: { cameraRefused: true, voiceChanger: true, readingAnswers: true },
    submission: { utcOffsetMinutes: 540, ip: '10.0.0.7' },
    ...overrides,
  })
}

/** A small, fixed reference (the real lists live at the CLI and server edges). */
export const testReference: ReferenceData = {
  isDisposableEmailDomain: (domain) => domain === 'mailinator.com',
  isFreeEmailDomain: (domain) => domain === 'gmail.com',
  sources: [{ name: 'test email domains', version: '2026.1', entries: 2 }],
}

/** Screens the record for real, with the default policy and the test reference. */
export function screen(record: ApplicationRecord): ScreeningResult {
  return screenApplication(record, { policy: defaultScoringPolicy, reference: testReference })
}
