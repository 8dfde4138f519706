import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { routeLabel } from './route-label.js'

const requestIdHeader = 'x-request-id'
// A caller's id is kept only when it is short and plain, so it cannot forge log lines or flood them.
const acceptableRequestId = /^[A-Za-z0-9._-]{1,128}$/

/** The request id: the caller's `X-Request-Id` when it is safe to log, otherwise a random UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers[requestIdHeader]
  return typeof given === 'string' && acceptableRequestId.test(given) ? given : randomUUID()
}

/**
 * Fastify's request logging narrowed to one JSON line per request when it completes: request id (as `reqId`), method,
 * route pattern, status and duration. Never the URL, headers or body, which carry credentials and personal data.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      route: routeLabel(request),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
    }
    if (error) reply.log.error({ ...line, err: error }, 'request failed while sending the response')
    else reply.log.info(line, 'request completed')
  }

  override writeHeadError(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
    reply.log.warn({ err: error }, 'could not write the response head')
  }
}

/** Echoes the request id in `X-Request-Id`, so a client can quote it when reporting a fault. */
export function registerRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(requestIdHeader, request.id)
    done()
  })
}
