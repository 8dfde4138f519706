import { StoreError } from '@hirewall/store'
import { ApiError } from '../../errors/api-error.js'

/**
 * The store's expected failures on the webhook endpoints as house errors: an unknown id is NOT_FOUND, a cursor the
 * list did not issue is a validation error on `querystring.after`. Anything else is rethrown (INTERNAL).
 */
export function webhookStoreError(error: unknown, resource: string): unknown {
  if (!(error instanceof StoreError)) return error
  if (error.code === 'not-found') return new ApiError('NOT_FOUND', `No such ${resource}.`, {})
  if (error.code === 'invalid-cursor') {
    return new ApiError('VALIDATION_FAILED', 'The request querystring has one problem; see details.issues.', {
      issues: [{ path: 'querystring.after', message: 'is not a cursor this list issued', code: 'invalid_cursor' }],
    })
  }
  return error
}
