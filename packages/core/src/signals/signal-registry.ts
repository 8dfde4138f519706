import {
  intelSignalDefinitions,
  perRecordDetectors,
  poolSignalDefinitions,
  workforceSignalDefinitions,
  type SignalCode,
} from '../detect/detector-registry.js'
import type { SignalDefinition } from './signal-definition.js'

/** The one list of every signal code HireWall can raise, with its documented meaning. */
export const signalDefinitions: readonly SignalDefinition<SignalCode>[] = [
  ...perRecordDetectors.flatMap((detector): readonly SignalDefinition<SignalCode>[] => detector.signals),
  ...poolSignalDefinitions,
  ...intelSignalDefinitions,
  ...workforceSignalDefinitions,
]

const byCode = new Map<string, SignalDefinition<SignalCode>>(
  signalDefinitions.map((definition) => [definition.code, definition]),
)

export function findSignalDefinition(code: string): SignalDefinition<SignalCode> | undefined {
  return byCode.get(code)
}

export function isSignalCode(code: string): code is SignalCode {
  return byCode.has(code)
}
