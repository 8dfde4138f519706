import type { FastifyInstance, FastifyReply } from 'fastify'
import { ApiError } from '../../errors/api-error.js'
import { toApiError } from '../../errors/to-api-error.js'
import { taxiiMediaType } from './taxii-media-types.js'

/** A TAXII 2.1 error message (§3.6.1): the house code in `error_code`, the request id in `error_id`. */
export type TaxiiErrorMessage = {
  readonly title: string
  readonly description: string
  readonly error_id: string
  readonly error_code: string
  readonly http_status: string
  readonly details: Readonly<Record<string, unknown>>
}

const titles: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
}

/** Sends an {@link ApiError} as a TAXII error message with its status and headers. */
export function sendTaxiiError(reply: FastifyReply, apiError: ApiError, requestId: string): FastifyReply {
  const message: TaxiiErrorMessage = {
    title: titles[apiError.status] ?? 'Error',
    description: apiError.message,
    error_id: requestId,
    error_code: apiError.code,
    http_status: String(apiError.status),
    details: apiError.details,
  }
  return sendTaxii(reply.code(apiError.status).headers(apiError.headers), message)
}

/**
 * Sends a TAXII body with the media type exactly as TAXII 2.1 writes it: written as bytes, because Fastify rewrites the
 * content type of an object it serialises (`version="2.1"; charset=utf-8`), which strict TAXII clients refuse.
 */
export function sendTaxii(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.header('content-type', taxiiMediaType).send(Buffer.from(JSON.stringify(body), 'utf8'))
}

/**
 * Inside the TAXII scope every failure, ours or Fastify's, answers as a TAXII error message (same codes and statuses
 * as the rest of the API, docs/errors.md); unknown paths under `/taxii2/` are TAXII 404s.
 */
export function registerTaxiiErrorHandling(scope: FastifyInstance): void {
  scope.setErrorHandler((error: unknown, request, reply) => {
    const { apiError, isServerFault } = toApiError(error, {
      requestId: request.id,
      bodyLimitBytes: request.routeOptions.bodyLimit ?? scope.initialConfig.bodyLimit ?? 0,
      contentType: request.headers['content-type'],
    })
    if (isServerFault) request.log.error({ err: error }, 'request failed with a server fault')
    else request.log.info({ errorCode: apiError.code }, 'request rejected')
    return sendTaxiiError(reply, apiError, request.id)
  })
}

/** The 404 of a path under `/taxii2/` that is not a TAXII resource. */
export function taxiiNotFound(method: string, url: string): ApiError {
  const path = url.split('?', 1)[0] ?? ''
  return new ApiError('NOT_FOUND', `No TAXII resource at ${method} ${path}.`)
}
