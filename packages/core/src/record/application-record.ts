/**
 * The canonical application record, version 1. Every door (CLI file, API, ATS webhook) converts into this shape;
 * nothing downstream knows where a record came from except `source`. The CV part (`cv`) is a JSON Resume document
 * with its field names unchanged, so any JSON Resume is a valid `cv`. See docs/application-record.md.
 */
export const recordSchemaVersion = 1

export const sourceSystems = ['json', 'csv', 'json-resume', 'greenhouse', 'lever', 'ashby', 'api', 'synthetic'] as const
export type SourceSystem = (typeof sourceSystems)[number]

export const addressTypes = ['home', 'mailing', 'shipping', 'other'] as const
export type AddressType = (typeof addressTypes)[number]

export const emailTypes = ['personal', 'work', 'other'] as const
export type EmailType = (typeof emailTypes)[number]

export const phoneTypes = ['mobile', 'home', 'work', 'other'] as const
export type PhoneType = (typeof phoneTypes)[number]

/** Line types as a carrier lookup (or libphonenumber's metadata) reports them. */
export const phoneLineTypes = [
  'mobile',
  'fixed-line',
  'fixed-line-or-mobile',
  'voip',
  'toll-free',
  'premium-rate',
  'shared-cost',
  'personal-number',
  'pager',
  'uan',
  'voicemail',
  'unknown',
] as const
export type PhoneLineType = (typeof phoneLineTypes)[number]

// ── JSON Resume (https://jsonresume.org/schema), the fields screening reads; other JSON Resume keys are kept. ──

export type ResumeLocation = {
  readonly address?: string
  readonly postalCode?: string
  readonly city?: string
  readonly countryCode?: string
  readonly region?: string
}

export type ResumeProfile = {
  readonly network?: string
  readonly username?: string
  readonly url?: string
}

export type ResumeBasics = {
  readonly name?: string
  readonly label?: string
  readonly image?: string
  readonly email?: string
  readonly phone?: string
  readonly url?: string
  readonly summary?: string
  readonly location?: ResumeLocation
  readonly profiles?: readonly ResumeProfile[]
}

export type ResumeWork = {
  readonly name?: string
  readonly location?: string
  readonly position?: string
  readonly url?: string
  /** JSON Resume dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly startDate?: string
  readonly endDate?: string
  readonly summary?: string
  readonly highlights?: readonly string[]
}

export type ResumeEducation = {
  readonly institution?: string
  readonly url?: string
  readonly area?: string
  readonly studyType?: string
  readonly startDate?: string
  readonly endDate?: string
  readonly score?: string
  readonly courses?: readonly string[]
  /** HireWall extension: ISO 3166-1 alpha-2 country of the institution, when the source knows it. */
  readonly countryCode?: string
}

export type Resume = {
  readonly basics?: ResumeBasics
  readonly work?: readonly ResumeWork[]
  readonly education?: readonly ResumeEducation[]
  readonly [jsonResumeKey: string]: unknown
}

// ── The envelope: what screening needs beyond the CV. ──

export type SourceReference = {
  readonly system: SourceSystem
  /** The candidate or person id in the source system. */
  readonly candidateId?: string
  /** The application id in the source system. */
  readonly applicationId?: string
  /** Channel the applicant came through (job board, referral, agency...). */
  readonly channel?: string
}

export type Requisition = { readonly id?: string; readonly title?: string }

export type EmailContact = { readonly value: string; readonly type?: EmailType }

export type PhoneContact = {
  /** Exactly as the applicant typed it: formatting habits are evidence. */
  readonly value: string
  readonly type?: PhoneType
}

export type AddressContact = {
  readonly type: AddressType
  /** Free text as typed (multi-line allowed); structured parts below when the source has them. */
  readonly value?: string
  readonly line1?: string
  readonly line2?: string
  readonly city?: string
  readonly region?: string
  readonly postalCode?: string
  readonly countryCode?: string
}

export type Contacts = {
  readonly emails?: readonly EmailContact[]
  readonly phones?: readonly PhoneContact[]
  readonly addresses?: readonly AddressContact[]
}

export type ClaimedLocation = {
  readonly city?: string
  readonly region?: string
  /** ISO 3166-1 alpha-2. */
  readonly countryCode?: string
}

export type Claimed = {
  readonly location?: ClaimedLocation
  /** IANA time zone the applicant says they live in, e.g. `America/Chicago`. */
  readonly timeZone?: string
  /** Date (YYYY or YYYY-MM-DD) since when the applicant says they have lived in the claimed country. */
  readonly residentSince?: string
}

export type Person = {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; used only for timeline plausibility, never as a feature on its own. */
  readonly birthDate?: string
}

/** What is known about an online profile (LinkedIn, GitHub...) from enrichment; all optional. */
export type ProfileEnrichment = {
  readonly network: string
  readonly url?: string
  readonly username?: string
  readonly displayName?: string
  readonly createdAt?: string
  readonly lastActiveAt?: string
  /** The longest stretch without public activity, in days, and when activity resumed after it. */
  readonly longestInactiveDays?: number
  readonly reactivatedAt?: string
  readonly connections?: number
  readonly followers?: number
  /** GitHub: date of the oldest commit or contribution the account shows. */
  readonly oldestActivityAt?: string
}

export type DocumentFacts = {
  readonly cvText?: string
  readonly fileName?: string
  /** Lower-case hex SHA-256 of the CV file as uploaded. */
  readonly fileSha256?: string
  readonly author?: string
  readonly creator?: string
  readonly producer?: string
  readonly createdAt?: string
  /** 64-bit perceptual hash of the photo as 16 hex digits. */
  readonly photoPerceptualHash?: string
}

export type SubmissionContext = {
  readonly ip?: string
  readonly userAgent?: string
  /** The browser's offset from UTC in minutes, east positive: UTC+9 is 540 (the opposite sign of `getTimezoneOffset`). */
  readonly utcOffsetMinutes?: number
  readonly acceptLanguage?: string
  readonly deviceId?: string
}

/** The interviewer's structured checklist; `true` means observed. */
export type InterviewObservations = {
  readonly cameraRefused?: boolean
  readonly failedLiveness?: boolean
  readonly readingAnswers?: boolean
  readonly voiceChanger?: boolean
  readonly avoidedInPersonStep?: boolean
  readonly notes?: string
}

export type Referrer = { readonly name?: string; readonly email?: string; readonly employeeId?: string }

export type StaffingVendor = { readonly name?: string; readonly id?: string }

export type PhoneLineTypeLookup = {
  /** The phone as it appears in the record (raw or E.164). */
  readonly phone: string
  readonly lineType: PhoneLineType
  /** Who typed the number, e.g. `twilio-lookup`, `telesign`. */
  readonly source: string
  readonly carrier?: string
  readonly checkedAt?: string
}

export type Enrichment = { readonly phoneLineTypes?: readonly PhoneLineTypeLookup[] }

/** Ground truth of a synthetic record. Screening never reads it; evaluation does. */
export type SyntheticLabel = {
  readonly isFraud: boolean
  readonly pattern: string
  readonly personaId?: string
  readonly ringId?: string
  readonly hardNegative?: string
}

export type ApplicationRecord = {
  readonly schemaVersion: typeof recordSchemaVersion
  readonly id: string
  /** ISO 8601 date-time with offset or `Z`. */
  readonly submittedAt: string
  readonly source: SourceReference
  readonly requisition?: Requisition
  readonly cv: Resume
  readonly person?: Person
  readonly contacts?: Contacts
  readonly claimed?: Claimed
  readonly profiles?: readonly ProfileEnrichment[]
  readonly document?: DocumentFacts
  readonly submission?: SubmissionContext
  readonly interview?: InterviewObservations
  readonly referrer?: Referrer
  readonly staffingVendor?: StaffingVendor
  readonly enrichment?: Enrichment
  readonly label?: SyntheticLabel
}
