import { contextDetector } from '../detectors/context-detector.js'
import { onlinePresenceDetector } from '../detectors/online-presence-detector.js'
import { phoneDetector } from '../detectors/phone-detector.js'
import { emailDetector } from '../detectors/email-detector.js'
import { educationDetector } from '../detectors/education-detector.js'
import { employmentDetector } from '../detectors/employment-detector.js'
import { interviewDetector } from '../detectors/interview-detector.js'

/**
 * Every per-record detector, in the order their signals are listed. Adding a detector is one line here.
 * Detectors that need the whole applicant pool (identity reuse) or reference intelligence (sanctions, institutions,
 * IP ranges, watchlists) register in `poolDetectors` / `intelDetectors` when they arrive.
 */
export const perRecordDetectors = [
  contextDetector,
  onlinePresenceDetector,
  phoneDetector,
  emailDetector,
  educationDetector,
  employmentDetector,
  interviewDetector,
] as const

export type SignalCode = (typeof perRecordDetectors)[number]['signals'][number]['code']
