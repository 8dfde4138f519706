import type {
  InterviewObservations,
  PhoneLineType,
  ProfileEnrichment,
  Referrer,
  ResumeEducation,
  ResumeWork,
  StaffingVendor,
  SyntheticLabel,
} from '@hirewall/core'
import type { City, CountryProfile } from './data/countries.js'
import type { JobTrack } from './data/jobs.js'
import type { PhoneNumber } from './phone-pool.js'

export type PostalAddress = {
  line1: string
  line2?: string
  city: string
  region: string
  postalCode: string
  countryCode: string
}

export type DocumentMetadata = {
  fileName: string
  author: string
  creator: string
  producer: string
  createdAtMs: number
}

/**
 * One application while the generator builds it: plain, mutable facts that fraud patterns and hard negatives bend
 * before the record is written. Internal to the package.
 */
export type Applicant = {
  personaId: string
  givenName: string
  familyName: string
  fullName: string
  birth: { year: number; month: number; day: number }
  birthDateShown: 'full' | 'year' | 'none'
  country: CountryProfile
  city: City
  timeZone: string
  address: PostalAddress
  shippingAddress?: PostalAddress
  residentSince?: string
  email: string
  phone: PhoneNumber
  /** The number as the applicant typed it. */
  phoneRaw: string
  phoneLookup?: { lineType: PhoneLineType; carrier: string }
  track: JobTrack
  skills: string[]
  education: ResumeEducation[]
  work: ResumeWork[]
  headline: string
  linkedIn?: ProfileEnrichment
  gitHub?: ProfileEnrichment
  photoHash?: string
  document: DocumentMetadata
  /** Seed of the CV's wording: personas of one ring share it, so their CVs read alike. */
  cvSeed: number
  /** Wording edits applied on top of the shared seed (a ring's light edits). */
  cvEdits: number
  submittedAtMs: number
  ip: string
  userAgent: string
  utcOffsetMinutes: number
  acceptLanguage: string
  deviceId: string
  requisition: { id: string; title: string }
  channel: string
  referrer?: Referrer
  staffingVendor?: StaffingVendor
  interview?: InterviewObservations
  label: SyntheticLabel
}
