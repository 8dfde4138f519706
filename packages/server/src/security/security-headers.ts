import type { FastifyInstance } from 'fastify'

/**
 * The default Content-Security-Policy, for a same-origin single-page app whose scripts and styles are files it
 * serves: no inline or injected script, no eval, no plugins, no framing by any page, forms and fetches only to this
 * origin. `data:` images cover icons that bundlers inline.
 */
export const defaultContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** Options of {@link registerSecurityHeaders}. */
export type SecurityHeadersOptions = {
  /** The whole Content-Security-Policy; {@link defaultContentSecurityPolicy} by default. */
  readonly contentSecurityPolicy?: string
  /** `Strict-Transport-Security` max-age, sent only on HTTPS requests; one year by default, 0 to send none. */
  readonly hstsMaxAgeSeconds?: number
}

/**
 * Adds security headers to every response (API, errors, 404s, docs, the console's files): CSP, `nosniff`,
 * `Referrer-Policy: same-origin` (no URL, which holds application ids, leaves for another site), no framing (CSP
 * `frame-ancestors 'none'` and `X-Frame-Options: DENY` for older browsers), cross-origin isolation of windows and
 * resources, no camera, microphone or location, `Cache-Control: no-store` (responses hold personal data) and HSTS when
 * the request came over HTTPS. A header a route already set is kept, so a route may choose its own caching or CSP.
 * Behind a TLS-terminating proxy, build the app with `trustProxy` so `request.protocol` reads `X-Forwarded-Proto`.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: SecurityHeadersOptions = {}): void {
  const headers: Readonly<Record<string, string>> = {
    'content-security-policy': options.contentSecurityPolicy ?? defaultContentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cache-control': 'no-store',
  }
  const hstsMaxAgeSeconds = options.hstsMaxAgeSeconds ?? 31_536_000
  const hsts = hstsMaxAgeSeconds > 0 ? `max-age=${Math.floor(hstsMaxAgeSeconds)}; includeSubDomains` : undefined
  app.addHook('onSend', (request, reply, payload, done) => {
    for (const [name, value] of Object.entries(headers)) {
      if (!reply.hasHeader(name)) reply.header(name, value)
    }
    if (hsts !== undefined && request.protocol === 'https' && !reply.hasHeader('strict-transport-security')) {
      reply.header('strict-transport-security', hsts)
    }
    done(null, payload)
  })
}
