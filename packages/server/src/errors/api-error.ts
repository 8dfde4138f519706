import { errorStatus, type ErrorCode } from './error-codes.js'

/** Structured, JSON-serialisable facts about an error: field paths for validation, the limit that was exceeded. */
export type ErrorDetails = Readonly<Record<string, unknown>>

/** The body of every error response. */
export type ErrorResponse = {
  readonly error: {
    readonly code: ErrorCode
    readonly message: string
    readonly details: ErrorDetails
  }
}

/**
 * The server's one error type. Throw it from a handler or hook and the error handler answers with its code's status
 * and `{ error: { code, message, details } }`. The message and details go to the client, so they must hold nothing
 * the client may not see.
 */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly details: ErrorDetails
  /** Extra response headers, e.g. `WWW-Authenticate` with a 401. */
  readonly headers: Readonly<Record<string, string>>

  constructor(
    code: ErrorCode,
    message: string,
    details: ErrorDetails = {},
    options: { readonly cause?: unknown; readonly headers?: Readonly<Record<string, string>> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ApiError'
    this.code = code
    this.details = details
    this.headers = options.headers ?? {}
  }

  /** The HTTP status of this error's code. */
  get status(): number {
    return errorStatus[this.code]
  }

  /** The response body. */
  toResponse(): ErrorResponse {
    return { error: { code: this.code, message: this.message, details: this.details } }
  }
}
