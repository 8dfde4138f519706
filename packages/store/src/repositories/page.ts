import { StoreError } from '../database/store-error.js'

/** One page of a list: `limit` items (default 50, at most 500) after the cursor of the previous page. */
export type PageRequest = {
  readonly limit?: number
  /** `nextCursor` of the previous page; omitted for the first page. */
  readonly after?: string
}

/** Items in list order, and the cursor of the next page (undefined on the last page). */
export type Page<Item> = { readonly items: readonly Item[]; readonly nextCursor: string | undefined }

export const defaultPageLimit = 50
export const maxPageLimit = 500

/** The page size asked for, checked: an integer from 1 to 500. */
export function pageLimit(request: PageRequest): number {
  const limit = request.limit ?? defaultPageLimit
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageLimit) {
    throw new StoreError('invalid-value', `limit must be an integer from 1 to ${maxPageLimit}, not ${limit}`, {
      target: 'limit',
    })
  }
  return limit
}

/**
 * Keyset pagination: a cursor is the sort key of the last item shown, tagged with the list it belongs to, as
 * base64url JSON. Opaque to clients; the values are checked again when it comes back.
 */
export function encodeCursor(list: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url')
}

/** The sort key of a cursor from `encodeCursor(list, ...)`, with each value's type checked against `types`. */
export function decodeCursor<const Types extends readonly ('string' | 'number')[]>(
  list: string,
  cursor: string,
  types: Types,
): { -readonly [Index in keyof Types]: Types[Index] extends 'number' ? number : string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    parsed = undefined
  }
  const isValid =
    Array.isArray(parsed) &&
    parsed.length === types.length + 1 &&
    parsed[0] === list &&
    types.every((type, index) => {
      const value: unknown = parsed[index + 1]
      return type === 'number' ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string'
    })
  if (!isValid)
    throw new StoreError('invalid-cursor', `The cursor is not one this ${list} list issued`, { target: 'after' })
  return (parsed as unknown[]).slice(1) as {
    -readonly [Index in keyof Types]: Types[Index] extends 'number' ? number : string
  }
}

/** The page for rows fetched with `limit + 1`: the extra row only says there is a next page. */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (row: Row) => string,
): Page<Item> {
  const shown = rows.slice(0, limit)
  const last = shown.at(-1)
  return {
    items: shown.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : undefined,
  }
}
