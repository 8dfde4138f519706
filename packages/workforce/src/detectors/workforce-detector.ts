import {
  findSignalDefinition,
  workforceSignalDefinitions,
  type Severity,
  type Signal,
  type WorkforceSignalCode,
} from '@hirewall/core'
import type { EmployeeView } from '../evaluate/employee-view.js'

/**
 * A detector over one employee's records (and what the pool knows about the people they share an address, an IP or
 * an account with). Pure: no I/O, no clock; "now" is the latest record.
 */
export type WorkforceDetector = {
  readonly name: string
  readonly codes: readonly WorkforceSignalCode[]
  readonly detect: (view: EmployeeView) => readonly Signal<WorkforceSignalCode>[]
}

export function defaultSeverity(code: WorkforceSignalCode): Severity {
  return findSignalDefinition(code)?.severity ?? 'medium'
}

/** A signal with the code's documented severity unless the evidence calls for another. */
export function workforceSignal(
  code: WorkforceSignalCode,
  message: string,
  evidence: Readonly<Record<string, unknown>>,
  severity: Severity = defaultSeverity(code),
): Signal<WorkforceSignalCode> {
  return { code, severity, message, evidence }
}

/** Every after-hire code, for tests that check each detector's codes are registered. */
export const workforceCodes: readonly WorkforceSignalCode[] = workforceSignalDefinitions.map(
  (definition) => definition.code,
)

/** "1 employee", "3 employees". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
