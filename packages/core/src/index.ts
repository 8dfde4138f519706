/**
 * @hirewall/core: the pure screening domain. No I/O: the CLI, server and importers' callers read files and sockets.
 */
export * from './record/application-record.js'
export {
  applicationRecordSchema,
  resumeSchema,
  validateApplicationRecord,
  type RecordValidation,
} from './record/application-record-schema.js'
export { formatPath, type ValidationIssue } from './record/validation-issue.js'
export * from './import/index.js'
export { severities, severityRank, type Severity } from './signals/severity.js'
export {
  signalCategories,
  stages,
  defineSignals,
  type SignalCategory,
  type SignalDefinition,
  type Stage,
} from './signals/signal-definition.js'
export type { Signal } from './signals/signal.js'
export { signalDefinitions, findSignalDefinition, isSignalCode } from './signals/signal-registry.js'
export { renderSignalCatalogue } from './signals/render-signal-catalogue.js'
export {
  perRecordDetectors,
  poolSignalDefinitions,
  intelSignalDefinitions,
  workforceSignalDefinitions,
  type SignalCode,
} from './detect/detector-registry.js'
export type { IntelSignalCode } from './signals/intel-signals.js'
export type { WorkforceSignalCode } from './signals/workforce-signals.js'
export type { DetectionContext, Detector } from './detect/detector.js'
export {
  normaliseApplication,
  type NormalisedApplication,
  type NormalisedEmail,
  type NormalisedPhone,
} from './normalise/normalise-application.js'
export { parsePhone, type ParsedPhone } from './normalise/phone-number.js'
export { parseEmail, type ParsedEmail } from './normalise/email-address.js'
export {
  parseIp,
  ipNumber,
  nonPublicRanges,
  type ParsedIp,
  type IpNumber,
  type NonPublicRange,
} from './normalise/ip-address.js'
export { parsePersonName, foldToAscii, isRelatedToName, type PersonName } from './normalise/person-name.js'
export { compareDisplayName, nameAgreements, type NameAgreement } from './normalise/name-agreement.js'
export { timeZoneOffsetAt, timeZonesOfCountry, isKnownTimeZone } from './normalise/time-zones.js'
export { parsePartialDate, type PartialDate } from './normalise/partial-date.js'
export { classifyDegree, type DegreeLevel } from './normalise/degree-level.js'
export type { ReferenceData, ReferenceSource } from './reference/reference-data.js'
export { createEmailDomainReference, type EmailDomainLists } from './reference/email-domain-reference.js'
export {
  defaultScoringPolicy,
  validateScoringPolicy,
  type ScoringPolicy,
  type PolicyValidation,
} from './scoring/scoring-policy.js'
export { scoreSignals, outcomes, type Outcome, type Score, type ScoredSignal } from './scoring/score-signals.js'
export { screenApplication, type ScreeningOptions } from './screen/screen-application.js'
export type { ScreeningResult, DetectorFailure } from './screen/screening-result.js'
export { assertNever } from './assert-never.js'
export * from './linking/index.js'
