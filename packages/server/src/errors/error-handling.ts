import type { FastifyInstance, FastifyReply } from 'fastify'
import { ApiError } from './api-error.js'
import { toApiError } from './to-api-error.js'

/**
 * Installs the error and not-found handlers that make every failure answer `{ error: { code, message, details } }`.
 * Server faults are logged with their cause and stack; the client only ever sees the code and a fixed message.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request, reply) => {
    const { apiError, isServerFault } = toApiError(error, {
      requestId: request.id,
      bodyLimitBytes: request.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0,
      contentType: request.headers['content-type'],
    })
    if (isServerFault) request.log.error({ err: error }, 'request failed with a server fault')
    else request.log.info({ errorCode: apiError.code }, 'request rejected')
    return sendApiError(reply, apiError)
  })
  app.setNotFoundHandler((request, reply) => {
    // The path without its query: a query string may carry personal data.
    const path = request.url.split('?', 1)[0] ?? ''
    return sendApiError(reply, new ApiError('NOT_FOUND', `No route matches ${request.method} ${path}.`))
  })
}

/** Sends an {@link ApiError} with its status, headers and the house body. */
export function sendApiError(reply: FastifyReply, apiError: ApiError): FastifyReply {
  return reply.code(apiError.status).headers(apiError.headers).send(apiError.toResponse())
}
