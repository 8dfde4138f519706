/** Why a submission was not stored (see `SubmissionFailure`). */
export const screeningFailureCodes = ['invalid', 'conflict', 'not-screened', 'unavailable', 'closed'] as const
export type ScreeningFailureCode = (typeof screeningFailureCodes)[number]

/** What `ScreeningService.submit` rejects with when the submission was not stored. */
export class ScreeningError extends Error {
  readonly code: ScreeningFailureCode

  constructor(code: ScreeningFailureCode, message: string, options: { readonly cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ScreeningError'
    this.code = code
  }
}
