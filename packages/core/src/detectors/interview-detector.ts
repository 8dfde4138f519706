import type { Detector } from '../detect/detector.js'
import type { InterviewObservations } from '../record/application-record.js'
import { defineSignals } from '../signals/signal-definition.js'
import type { Signal } from '../signals/signal.js'

const interviewSignals = defineSignals([
  {
    code: 'interview.camera-refused',
    category: 'interview',
    stage: 'interview',
    severity: 'medium',
    description: 'The applicant refused to turn the camera on, or said it was broken, in a video interview.',
  },
  {
    code: 'interview.liveness-failed',
    category: 'interview',
    stage: 'interview',
    severity: 'high',
    description: 'The applicant failed a simple liveness prompt (hand in front of the face, turn the head).',
  },
  {
    code: 'interview.reading-answers',
    category: 'interview',
    stage: 'interview',
    severity: 'low',
    description: 'The interviewer saw the applicant reading answers or pausing for off-screen help.',
  },
  {
    code: 'interview.voice-changer',
    category: 'interview',
    stage: 'interview',
    severity: 'high',
    description: 'The interviewer heard signs of a voice changer or a different voice than on earlier calls.',
  },
  {
    code: 'interview.avoided-in-person',
    category: 'interview',
    stage: 'interview',
    severity: 'medium',
    description:
      'The applicant avoided an in-person step: I-9 verification, drug test, fingerprints or an office visit.',
  },
])

type InterviewCode = (typeof interviewSignals)[number]['code']

const checklist: readonly (readonly [keyof InterviewObservations, InterviewCode, string])[] = [
  ['cameraRefused', 'interview.camera-refused', 'Refused to turn the camera on during the interview.'],
  ['failedLiveness', 'interview.liveness-failed', 'Failed a liveness prompt during the interview.'],
  ['readingAnswers', 'interview.reading-answers', 'Appeared to read answers during the interview.'],
  ['voiceChanger', 'interview.voice-changer', 'A voice changer was suspected during the interview.'],
  ['avoidedInPersonStep', 'interview.avoided-in-person', 'Avoided an in-person verification step.'],
]

/** Turns each observed item of the interview checklist into a signal, with the interviewer's note as evidence. */
export const interviewDetector: Detector<InterviewCode> = {
  name: 'interview',
  signals: interviewSignals,
  detect({ record }) {
    const interview = record.interview
    if (!interview) return []
    const found: Signal<InterviewCode>[] = []
    for (const [field, code, message] of checklist) {
      if (interview[field] !== true) continue
      const definition = interviewSignals.find((signal) => signal.code === code)
      found.push({
        code,
        severity: definition?.severity ?? 'medium',
        message,
        evidence: { field: `interview.${field}`, ...(interview.notes ? { notes: interview.notes } : {}) },
      })
    }
    return found
  },
}
