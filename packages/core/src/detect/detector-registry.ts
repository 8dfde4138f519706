import { contextDetector } from '../detectors/context-detector.js'
import { educationDetector } from '../detectors/education-detector.js'
import { emailDetector } from '../detectors/email-detector.js'
import { employmentDetector } from '../detectors/employment-detector.js'
import { interviewDetector } from '../detectors/interview-detector.js'
import { onlinePresenceDetector } from '../detectors/online-presence-detector.js'
import { phoneDetector } from '../detectors/phone-detector.js'
import { identitySignals } from '../linking/identity-signals.js'
import { intelSignals } from '../signals/intel-signals.js'
import { workforceSignals } from '../signals/workforce-signals.js'

/**
 * Every per-record detector, in the order their signals are documented. Adding a detector is one line here.
 * Pool signals (identity reuse across applications) come from the identity index (`linking/`); detectors that need
 * reference intelligence (sanctions, institutions, IP ranges, watchlists) live in `@hirewall/intel` with their data
 * and raise the codes of `intelSignalDefinitions`.
 */
export const perRecordDetectors = [
  phoneDetector,
  emailDetector,
  educationDetector,
  employmentDetector,
  contextDetector,
  onlinePresenceDetector,
  interviewDetector,
] as const

/** Signals raised by looking at the whole pool rather than one record. */
export const poolSignalDefinitions = identitySignals

/** Signals raised from reference intelligence by the detectors of `@hirewall/intel`. */
export const intelSignalDefinitions = intelSignals

/** Signals about people already hired (shipments, devices, sign-ins, payroll), raised by `@hirewall/workforce`. */
export const workforceSignalDefinitions = workforceSignals

export type SignalCode =
  | (typeof perRecordDetectors)[number]['signals'][number]['code']
  | (typeof poolSignalDefinitions)[number]['code']
  | (typeof intelSignalDefinitions)[number]['code']
  | (typeof workforceSignalDefinitions)[number]['code']
