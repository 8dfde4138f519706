/** The house error body every failing endpoint answers with. */
export type ErrorBody = {
  readonly error: {
    readonly code: string
    readonly message: string
    readonly details?: Readonly<Record<string, unknown>>
  }
}

/** A request that did not succeed: the server's error (code, message, details), or the network failing. */
export class ApiFailure extends Error {
  readonly status: number
  readonly code: string
  readonly details: Readonly<Record<string, unknown>>

  constructor(status: number, code: string, message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message)
    this.name = 'ApiFailure'
    this.status = status
    this.code = code
    this.details = details
  }

  /** The field paths a validation error names (`body.reason`), for showing next to the fields. */
  get fieldPaths(): readonly string[] {
    const issues = this.details.issues
    if (!Array.isArray(issues)) return []
    return issues.flatMap((issue: unknown) =>
      typeof issue === 'object' && issue !== null && typeof (issue as { path?: unknown }).path === 'string'
        ? [(issue as { path: string }).path]
        : [],
    )
  }
}

/** Reads a failed response as an {@link ApiFailure}, whatever its body turned out to be. */
export function failureFrom(status: number, body: unknown): ApiFailure {
  if (isErrorBody(body)) {
    return new ApiFailure(status, body.error.code, body.error.message, body.error.details ?? {})
  }
  return new ApiFailure(status, status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE', `The server answered ${status}.`)
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false
  const error = (body as { error?: unknown }).error
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  )
}
