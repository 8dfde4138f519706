import type { Severity } from './severity.js'

/**
 * One red flag raised about one application: a stable code, how strong it is, a sentence an analyst understands, and
 * structured evidence the console renders (the raw phone as typed, the other application's id, the list entry...).
 */
export type Signal<Code extends string = string> = {
  readonly code: Code
  readonly severity: Severity
  readonly message: string
  readonly evidence: Readonly<Record<string, unknown>>
}
