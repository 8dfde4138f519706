import type { FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from './api-error.js'
import { sendApiError } from './error-handling.js'

/**
 * The longest path parameter the router matches. Application ids have no length limit of their own (cluster ids are
 * `cluster:` and one), so Fastify's default of 100 characters made long stored ids unreachable; a URL cannot exceed
 * Node's 16 KiB header limit anyway.
 */
export const maxPathParamLength = 8_192

/**
 * Fastify's `frameworkErrors`: the router's refusals before any route runs (a path that is not valid percent-encoded
 * UTF-8, a parameter past {@link maxPathParamLength}) in the house shape. Fastify's own answers had another shape,
 * echoed the path (which may hold personal data) and used 414, which is not one of the house codes.
 */
export function answerFrameworkError(error: unknown, _request: FastifyRequest, reply: FastifyReply): void {
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendApiError(
      reply,
      new ApiError('BAD_REQUEST', `A path parameter is longer than ${maxPathParamLength} characters.`, {
        path: 'params',
        limit: maxPathParamLength,
      }),
    )
    return
  }
  void sendApiError(
    reply,
    new ApiError('BAD_REQUEST', 'The request path is not valid percent-encoded UTF-8.', { path: 'params' }),
  )
}
