/**
 * The closed set of store failures the server maps to responses. `conflict`: a unique value already exists;
 * `invalid-reference`: a referenced row does not exist; `invalid-value`: a value the schema refuses (a CHECK);
 * `invalid-cursor`: a pagination cursor this store did not issue; `append-only`: an attempt to change history;
 * `permission-denied`: the database role lacks the right; `invalid-data`: the database returned a value outside a
 * vocabulary; `migration-failed` and `invalid-configuration`: the store could not open.
 */
export const storeErrorCodes = [
  'conflict',
  'invalid-reference',
  'invalid-value',
  'invalid-cursor',
  'not-found',
  'append-only',
  'permission-denied',
  'invalid-data',
  'migration-failed',
  'invalid-configuration',
] as const
export type StoreErrorCode = (typeof storeErrorCodes)[number]

/** The one error type the store throws for expected failures; anything else is a bug or an outage. */
export class StoreError extends Error {
  readonly code: StoreErrorCode
  /** The constraint, table or field involved, when known. */
  readonly target: string | undefined

  constructor(
    code: StoreErrorCode,
    message: string,
    options: { readonly cause?: unknown; readonly target?: string } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'StoreError'
    this.code = code
    this.target = options.target
  }
}

// SQLSTATE codes (PostgreSQL appendix A) and the store's own trigger code.
const codesBySqlState: Readonly<Record<string, StoreErrorCode>> = {
  '23505': 'conflict',
  '23503': 'invalid-reference',
  '23514': 'invalid-value',
  '23502': 'invalid-value',
  '22P02': 'invalid-value',
  '22P05': 'invalid-value',
  '22007': 'invalid-value',
  '22008': 'invalid-value',
  '42501': 'permission-denied',
  HW001: 'append-only',
}

/**
 * A StoreError for a database error both drivers report with a SQLSTATE (`code`) and, for constraints, its name; any
 * other error comes back unchanged.
 */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreError || !(error instanceof Error)) return error
  const details = error as Error & { readonly code?: unknown; readonly constraint?: unknown; readonly table?: unknown }
  const code = typeof details.code === 'string' ? codesBySqlState[details.code] : undefined
  if (code === undefined) return error
  const target =
    typeof details.constraint === 'string'
      ? details.constraint
      : typeof details.table === 'string'
        ? details.table
        : undefined
  return new StoreError(code, error.message, target === undefined ? { cause: error } : { cause: error, target })
}

/** Runs `operation`, turning database errors with a known SQLSTATE into StoreErrors. */
export async function translatingErrors<Result>(operation: () => Promise<Result>): Promise<Result> {
  try {
    return await operation()
  } catch (error) {
    throw toStoreError(error)
  }
}
