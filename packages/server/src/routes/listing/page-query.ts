import { StoreError, type Page, type PageRequest } from '@hirewall/store'
import { z } from 'zod'
import { ApiError } from '../../errors/api-error.js'

/** The querystring fields of every paged list: `limit` (1-500, default 50) and `after` (the previous `nextCursor`). */
export const pageQueryFields = {
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Items per page, 1 to 500.'),
  after: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .describe('`nextCursor` of the previous page; omit for the first page. Cursors are opaque.'),
}

/** The store's page request for the parsed `limit` and `after`. */
export function pageRequestOf(query: { readonly limit: number; readonly after?: string | undefined }): PageRequest {
  return query.after === undefined ? { limit: query.limit } : { limit: query.limit, after: query.after }
}

/**
 * Reads one page; a cursor the list did not issue (another list's, or altered) is the client's mistake: a
 * VALIDATION_FAILED on `querystring.after` instead of a server fault.
 */
export async function readPage<Item>(read: () => Promise<Page<Item>>): Promise<Page<Item>> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof StoreError && error.code === 'invalid-cursor') {
      throw new ApiError('VALIDATION_FAILED', 'The request querystring has one problem; see details.issues.', {
        issues: [{ path: 'querystring.after', message: 'is not a cursor this list issued', code: 'invalid_cursor' }],
      })
    }
    throw error
  }
}
