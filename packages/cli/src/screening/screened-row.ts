import type { ScreeningResult, ValidationIssue } from '@hirewall/core'

/** One output row per input row: its screening result, or why it could not be screened. */
export type ScreenedRow =
  | { readonly status: 'screened'; readonly file: string; readonly line: number; readonly result: ScreeningResult }
  | {
      readonly status: 'invalid'
      readonly file: string
      readonly line: number
      readonly issues: readonly ValidationIssue[]
    }
