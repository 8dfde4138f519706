import { formatPath } from '@hirewall/core'
import { ApiError } from './api-error.js'
import { errorCodes, errorStatus, type ErrorCode } from './error-codes.js'
import { isDatabaseUnavailable } from './is-database-unavailable.js'

/** What the error handler knows about the request that failed. */
export type ErrorContext = {
  readonly requestId: string
  /** The body limit of the route that refused the body, in bytes. */
  readonly bodyLimitBytes: number
  readonly contentType: string | undefined
}

/** An error turned into the house shape, and whether it was expected (a client mistake) or a server fault. */
export type MappedError = {
  readonly apiError: ApiError
  readonly isServerFault: boolean
}

/** One validation problem, with the field path a client can point at (`body.contacts.phones[0].value`). */
export type ValidationIssueDetail = {
  readonly path: string
  readonly message: string
  readonly code: string
}

type FastifyLikeError = {
  readonly code?: unknown
  readonly statusCode?: unknown
  readonly message?: unknown
  readonly validation?: unknown
  readonly validationContext?: unknown
}

type SchemaIssue = {
  readonly instancePath?: unknown
  readonly message?: unknown
  readonly keyword?: unknown
  readonly params?: unknown
}

/**
 * Maps anything a handler, hook or Fastify itself threw into an {@link ApiError}. Fastify's own errors (schema
 * validation, bad JSON, body too large, wrong content type) get their house codes; any other error becomes INTERNAL
 * with a fixed message, because its text may name internals the client must not see.
 */
export function toApiError(error: unknown, context: ErrorContext): MappedError {
  if (error instanceof ApiError) return { apiError: error, isServerFault: error.status >= 500 }
  if (typeof error !== 'object' || error === null) return internal(context)
  const fastifyError = error as FastifyLikeError
  if (Array.isArray(fastifyError.validation)) return clientError(validationError(fastifyError))
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return clientError(
        new ApiError(
          'PAYLOAD_TOO_LARGE',
          `The request body is larger than this endpoint's limit of ${context.bodyLimitBytes} bytes.`,
          { limitBytes: context.bodyLimitBytes },
        ),
      )
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return clientError(
        new ApiError('UNSUPPORTED_MEDIA_TYPE', 'This endpoint does not accept the Content-Type of the request.', {
          contentType: context.contentType ?? null,
        }),
      )
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return clientError(new ApiError('BAD_REQUEST', 'The request body is not valid JSON.'))
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return clientError(new ApiError('BAD_REQUEST', 'The request body is empty but its Content-Type says JSON.'))
    default:
      break
  }
  const status = fastifyError.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // JSON.parse messages quote the body, which may hold personal data: answer with a fixed sentence instead.
    const message =
      error instanceof SyntaxError
        ? 'The request body is not valid JSON.'
        : typeof fastifyError.message === 'string' && fastifyError.message !== ''
          ? fastifyError.message
          : 'The request was refused.'
    return clientError(new ApiError(codeForStatus(status), message))
  }
  if (isDatabaseUnavailable(error)) return databaseUnavailable()
  return internal(context)
}

// Still a server fault (logged with its cause), but one the client can retry: the database restarts or is away.
function databaseUnavailable(): MappedError {
  return {
    apiError: new ApiError(
      'UNAVAILABLE',
      'The database cannot be reached now. Retry shortly; a submission retried with its Idempotency-Key is stored once.',
      { reason: 'database-unavailable' },
      { headers: { 'retry-after': '1' } },
    ),
    isServerFault: true,
  }
}

function clientError(apiError: ApiError): MappedError {
  return { apiError, isServerFault: false }
}

function internal(context: ErrorContext): MappedError {
  return {
    apiError: new ApiError('INTERNAL', 'An internal error occurred; it has been logged.', {
      requestId: context.requestId,
    }),
    isServerFault: true,
  }
}

// Another 4xx from Fastify or a plugin keeps its meaning when the table has a code for its status.
function codeForStatus(status: number): ErrorCode {
  return errorCodes.find((code) => code !== 'VALIDATION_FAILED' && errorStatus[code] === status) ?? 'BAD_REQUEST'
}

function validationError(error: FastifyLikeError): ApiError {
  const where = typeof error.validationContext === 'string' ? error.validationContext : 'body'
  const issues = (error.validation as readonly SchemaIssue[]).map((issue) => toIssue(where, issue))
  const count = issues.length === 1 ? 'one problem' : `${issues.length} problems`
  return new ApiError('VALIDATION_FAILED', `The request ${where} has ${count}; see details.issues.`, { issues })
}

function toIssue(where: string, issue: SchemaIssue): ValidationIssueDetail {
  const pointer = typeof issue.instancePath === 'string' ? issue.instancePath : ''
  const keys: PropertyKey[] = [where]
  for (const segment of pointer.split('/').slice(1)) {
    if (segment === '') continue
    keys.push(/^\d+$/.test(segment) ? Number(segment) : decodePointerSegment(segment))
  }
  const params = issue.params
  // Ajv reports a missing property on its parent object; the client wants the missing field's own path.
  if (issue.keyword === 'required' && typeof params === 'object' && params !== null && 'missingProperty' in params) {
    keys.push(String(params.missingProperty))
  }
  return {
    path: formatPath(keys),
    message: typeof issue.message === 'string' ? issue.message : 'is invalid',
    code: typeof issue.keyword === 'string' ? issue.keyword : 'invalid',
  }
}

function decodePointerSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~')
}
