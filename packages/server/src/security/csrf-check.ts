import type { FastifyInstance, FastifyRequest } from 'fastify'
import { sessionCookieName } from '../auth/session-token.js'
import { ApiError } from '../errors/api-error.js'

/** Options of {@link registerCsrfCheck}. */
export type CsrfCheckOptions = {
  /** The origins the console is served from, e.g. `https://hirewall.example.com` (scheme, host and port). */
  readonly origins: readonly string[]
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses cross-site request forgery: a request with an unsafe method (POST, PUT, PATCH, DELETE) that carries the
 * session cookie must come from one of `origins`, read from `Origin` or, when a browser sent none, `Referer`; else
 * 403 FORBIDDEN before the body is read. An unsafe request from a browser page of another origin is refused even
 * without the cookie (a forged sign-in). Requests with an `Authorization` header are exempt: the API key then decides
 * who is calling and the cookie is ignored, and no browser attaches that header to a cross-site request by itself.
 */
export function registerCsrfCheck(app: FastifyInstance, options: CsrfCheckOptions): void {
  const allowed = new Set(options.origins.map(normaliseOrigin))
  if (allowed.size === 0) throw new Error('registerCsrfCheck needs at least one origin')
  app.addHook('onRequest', (request, _reply, done) => {
    done(refusal(request, allowed))
  })
}

function refusal(request: FastifyRequest, allowed: ReadonlySet<string>): ApiError | undefined {
  if (safeMethods.has(request.method) || request.headers.authorization !== undefined) return undefined
  const origin = requestOrigin(request)
  if (origin === undefined) {
    if (!hasSessionCookie(request.headers.cookie)) return undefined
    return new ApiError(
      'FORBIDDEN',
      'A request signed in by cookie that changes something must carry an Origin header; browsers send it.',
      { reason: 'origin-missing' },
    )
  }
  if (allowed.has(origin)) return undefined
  return new ApiError('FORBIDDEN', `Requests from ${origin} may not use this API with a session cookie.`, {
    reason: 'origin-not-allowed',
    origin,
  })
}

/** The request's `Origin`, or the origin of its `Referer`; `null` stays `null` (an opaque origin matches nothing). */
function requestOrigin(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin
  if (origin !== undefined && origin !== '') return origin.trim().toLowerCase()
  const referer = request.headers.referer
  if (referer === undefined || referer === '') return undefined
  try {
    return new URL(referer).origin.toLowerCase()
  } catch {
    return 'null'
  }
}

function hasSessionCookie(cookieHeader: string | undefined): boolean {
  if (cookieHeader === undefined) return false
  return cookieHeader.split(';').some((pair) => pair.split('=', 1)[0]?.trim() === sessionCookieName)
}

/** `https://Example.com:443/` → `https://example.com`; throws for something that is not an http(s) origin. */
function normaliseOrigin(origin: string): string {
  const url = new URL(origin)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Not an http(s) origin: ${origin}`)
  return url.origin.toLowerCase()
}
