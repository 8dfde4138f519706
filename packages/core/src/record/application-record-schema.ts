import { z } from 'zod'
import {
  addressTypes,
  emailTypes,
  phoneLineTypes,
  phoneTypes,
  recordSchemaVersion,
  sourceSystems,
  type ApplicationRecord,
} from './application-record.js'
import { formatPath, type ValidationIssue } from './validation-issue.js'

// The envelope is strict (an unknown key is an error, never silently dropped); the CV is JSON Resume and keeps
// whatever other JSON Resume keys it has.

const text = z.string().trim().min(1, 'must not be empty')
const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD')
const dateTime = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-01-31T09:30:00Z',
})
const dateOrDateTime = z.union([partialDate, dateTime], {
  error: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time',
})
const countryCode = z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code, e.g. US')
const count = z.number().int('must be a whole number').min(0, 'must not be negative')

const resumeLocation = z.looseObject({
  address: z.string().optional(),
  postalCode: z.string().optional(),
  city: z.string().optional(),
  countryCode: countryCode.optional(),
  region: z.string().optional(),
})

const resumeBasics = z.looseObject({
  name: z.string().optional(),
  label: z.string().optional(),
  image: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  url: z.string().optional(),
  summary: z.string().optional(),
  location: resumeLocation.optional(),
  profiles: z
    .array(
      z.looseObject({ network: z.string().optional(), username: z.string().optional(), url: z.string().optional() }),
    )
    .optional(),
})

const resumeWork = z.looseObject({
  name: z.string().optional(),
  location: z.string().optional(),
  position: z.string().optional(),
  url: z.string().optional(),
  startDate: partialDate.optional(),
  endDate: partialDate.optional(),
  summary: z.string().optional(),
  highlights: z.array(z.string()).optional(),
})

const resumeEducation = z.looseObject({
  institution: z.string().optional(),
  url: z.string().optional(),
  area: z.string().optional(),
  studyType: z.string().optional(),
  startDate: partialDate.optional(),
  endDate: partialDate.optional(),
  score: z.string().optional(),
  courses: z.array(z.string()).optional(),
  countryCode: countryCode.optional(),
})

/** A JSON Resume document, as far as screening reads it. */
export const resumeSchema = z.looseObject({
  basics: resumeBasics.optional(),
  work: z.array(resumeWork).optional(),
  education: z.array(resumeEducation).optional(),
})

const profileEnrichment = z.strictObject({
  network: text,
  url: z.string().optional(),
  username: z.string().optional(),
  displayName: z.string().optional(),
  createdAt: dateOrDateTime.optional(),
  lastActiveAt: dateOrDateTime.optional(),
  longestInactiveDays: count.optional(),
  reactivatedAt: dateOrDateTime.optional(),
  connections: count.optional(),
  followers: count.optional(),
  oldestActivityAt: dateOrDateTime.optional(),
})

export const applicationRecordSchema = z.strictObject({
  schemaVersion: z.literal(recordSchemaVersion, { error: `must be ${recordSchemaVersion}` }),
  id: text,
  submittedAt: dateTime,
  source: z.strictObject({
    system: z.enum(sourceSystems),
    candidateId: z.string().optional(),
    applicationId: z.string().optional(),
    channel: z.string().optional(),
  }),
  requisition: z.strictObject({ id: z.string().optional(), title: z.string().optional() }).optional(),
  cv: resumeSchema,
  person: z.strictObject({ birthDate: partialDate.optional() }).optional(),
  contacts: z
    .strictObject({
      emails: z.array(z.strictObject({ value: text, type: z.enum(emailTypes).optional() })).optional(),
      phones: z.array(z.strictObject({ value: text, type: z.enum(phoneTypes).optional() })).optional(),
      addresses: z
        .array(
          z.strictObject({
            type: z.enum(addressTypes),
            value: z.string().optional(),
            line1: z.string().optional(),
            line2: z.string().optional(),
            city: z.string().optional(),
            region: z.string().optional(),
            postalCode: z.string().optional(),
            countryCode: countryCode.optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  claimed: z
    .strictObject({
      location: z
        .strictObject({
          city: z.string().optional(),
          region: z.string().optional(),
          countryCode: countryCode.optional(),
        })
        .optional(),
      timeZone: z.string().optional(),
      residentSince: partialDate.optional(),
    })
    .optional(),
  profiles: z.array(profileEnrichment).optional(),
  document: z
    .strictObject({
      cvText: z.string().optional(),
      fileName: z.string().optional(),
      fileSha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')
        .optional(),
      author: z.string().optional(),
      creator: z.string().optional(),
      producer: z.string().optional(),
      createdAt: dateOrDateTime.optional(),
      photoPerceptualHash: z
        .string()
        .regex(/^[0-9a-f]{16}$/, 'must be 16 lower-case hex digits')
        .optional(),
    })
    .optional(),
  submission: z
    .strictObject({
      ip: z.string().optional(),
      userAgent: z.string().optional(),
      utcOffsetMinutes: z.number().int().min(-720, 'must be at least -720').max(840, 'must be at most 840').optional(),
      acceptLanguage: z.string().optional(),
      deviceId: z.string().optional(),
    })
    .optional(),
  interview: z
    .strictObject({
      cameraRefused: z.boolean().optional(),
      failedLiveness: z.boolean().optional(),
      readingAnswers: z.boolean().optional(),
      voiceChanger: z.boolean().optional(),
      avoidedInPersonStep: z.boolean().optional(),
      notes: z.string().optional(),
    })
    .optional(),
  referrer: z
    .strictObject({ name: z.string().optional(), email: z.string().optional(), employeeId: z.string().optional() })
    .optional(),
  staffingVendor: z.strictObject({ name: z.string().optional(), id: z.string().optional() }).optional(),
  enrichment: z
    .strictObject({
      phoneLineTypes: z
        .array(
          z.strictObject({
            phone: text,
            lineType: z.enum(phoneLineTypes),
            source: text,
            carrier: z.string().optional(),
            checkedAt: dateOrDateTime.optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  label: z
    .strictObject({
      isFraud: z.boolean(),
      pattern: text,
      personaId: z.string().optional(),
      ringId: z.string().optional(),
      hardNegative: z.string().optional(),
    })
    .optional(),
})

export type RecordValidation =
  | { readonly status: 'valid'; readonly record: ApplicationRecord }
  | { readonly status: 'invalid'; readonly issues: readonly ValidationIssue[] }

/**
 * Checks a value against the canonical record, version 1. A valid value is returned as it was given (nothing is
 * coerced or dropped); an invalid one yields every issue with its field path.
 */
export function validateApplicationRecord(value: unknown): RecordValidation {
  const parsed = applicationRecordSchema.safeParse(value)
  if (parsed.success) return { status: 'valid', record: value as ApplicationRecord }
  return {
    status: 'invalid',
    issues: parsed.error.issues.map((issue) => ({
      path:
        issue.code === 'unrecognized_keys' ? formatPath([...issue.path, issue.keys[0] ?? '']) : formatPath(issue.path),
      message:
        issue.code === 'unrecognized_keys'
          ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
          : issue.message,
    })),
  }
}
