import { assertNever } from '@hirewall/core'
import { ApiError } from '../../errors/api-error.js'
import { ScreeningError } from '../../screening/screening-error.js'

/**
 * A submission the pipeline refused, as a house error: `invalid` is the client's data (400), `conflict` and
 * `not-screened` the stored state (409); the rest are the server's state (503, retry with the same idempotency key). Anything that
 * is not a ScreeningError comes back unchanged (INTERNAL).
 */
export function screeningErrorResponse(error: unknown): unknown {
  if (!(error instanceof ScreeningError)) return error
  const details = { reason: error.code }
  switch (error.code) {
    case 'invalid':
      return new ApiError('VALIDATION_FAILED', error.message, { ...details, issues: [] }, { cause: error })
    case 'conflict':
    case 'not-screened':
      return new ApiError('CONFLICT', error.message, details, { cause: error })
    case 'unavailable':
    case 'closed':
      return new ApiError('UNAVAILABLE', error.message, details, { cause: error })
    default:
      return assertNever(error.code)
  }
}
