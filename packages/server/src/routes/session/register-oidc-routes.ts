import { createHash, timingSafeEqual } from 'node:crypto'
import type { Repositories, Store } from '@hirewall/store'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { OidcFailure, OidcRelyingParty } from '../../auth/oidc/oidc-relying-party.js'
import type { OidcSettings } from '../../auth/oidc/oidc-settings.js'
import { oidcStateCookie, readOidcStateCookie } from '../../auth/oidc/oidc-state-cookie.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { RateLimiter, rateLimitedError, type RateLimit } from '../../security/rate-limiter.js'
import { checkReturnPath, defaultReturnPath } from './return-path.js'
import type { SsoFailureCode } from './sso-failures.js'

/** Single sign-on through an OpenID Provider: its settings and the origins the console is served from. */
export type OidcSignIn = {
  readonly settings: OidcSettings
  /**
   * The console's public origins; the first is where the provider sends people back
   * (`<origin>/v1/session/oidc/callback`, registered at the provider).
   */
  readonly publicOrigins: readonly string[]
}

/** Options of {@link registerOidcRoutes}, passed by `registerSessionRoutes`. */
export type OidcRoutesOptions = {
  readonly store: Store
  /** Unset: `GET /v1/session/methods` says passwords only and the single sign-on routes do not exist. */
  readonly oidc: OidcSignIn | undefined
  readonly now: () => Date
  /** Starts and callbacks allowed per client IP (each has its own bucket), as for password sign-ins. */
  readonly perIp: RateLimit
  readonly isSecure: (request: FastifyRequest) => boolean
  /** The password sign-in's session start: a new token, its cookie on `reply`, the session row; returns its id. */
  readonly startSession: (
    repositories: Pick<Repositories, 'sessions'>,
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
  ) => Promise<string>
}

/** How long a person may take at the provider before the attempt expires. */
const attemptLifetimeMs = 10 * 60_000
const callbackPath = '/v1/session/oidc/callback'

const methodsSchema = z
  .object({
    password: z.boolean().describe('Email and password sign-in (POST /v1/session) is available.'),
    sso: z
      .object({
        protocol: z.literal('oidc'),
        displayName: z.string().describe('Shown as "Sign in with <displayName>".'),
        startPath: z
          .string()
          .describe('Where the browser goes to sign in; add `returnTo` for the page to come back to.'),
      })
      .nullable()
      .describe('Single sign-on, when configured.'),
  })
  .meta({ id: 'SignInMethods' })

/**
 * `GET /v1/session/methods` (public), and when single sign-on is configured `GET /v1/session/oidc/start` and
 * `GET /v1/session/oidc/callback`: the authorization code flow with PKCE (S256), state and nonce. The attempt is kept
 * in the database (any process can finish it, each is used once) and tied to the browser by a short-lived cookie
 * holding the state. The callback maps the provider's verified email to an existing, enabled user (never creates
 * one), starts the same session as a password sign-in, audits the outcome, and redirects to the console: to the
 * return path, or to `/?signInError=<code>` on failure. See docs/security.md, "Single sign-on".
 */
export function registerOidcRoutes(app: FastifyInstance, options: OidcRoutesOptions): void {
  const { store, oidc, now } = options
  const typed = app.withTypeProvider<ZodTypeProvider>()
  typed.get(
    '/v1/session/methods',
    {
      schema: {
        tags: ['session'],
        summary: 'How people can sign in: password, and single sign-on when configured',
        security: [],
        response: { 200: methodsSchema },
      },
    },
    () => ({
      password: true,
      sso:
        oidc === undefined
          ? null
          : { protocol: 'oidc' as const, displayName: oidc.settings.displayName, startPath: '/v1/session/oidc/start' },
    }),
  )
  if (oidc === undefined) return

  const [primaryOrigin] = oidc.publicOrigins
  if (primaryOrigin === undefined) throw new Error('single sign-on needs a public origin for its redirect URI')
  const relyingParty = new OidcRelyingParty(oidc.settings, new URL(callbackPath, primaryOrigin))
  const issuer = oidc.settings.issuer.href
  const startsPerIp = new RateLimiter(options.perIp, { now })
  const callbacksPerIp = new RateLimiter(options.perIp, { now })
  const clearStateCookie = (request: FastifyRequest, reply: FastifyReply): void => {
    reply.header('set-cookie', oidcStateCookie('', { maxAgeSeconds: 0, isSecure: options.isSecure(request) }))
  }
  const logFailure = (request: FastifyRequest, failure: OidcFailure): void => {
    if (failure.reason === 'unavailable')
      request.log.error({ issuer, reason: failure.detail }, 'OIDC provider unavailable')
    else request.log.warn({ issuer, reason: failure.detail }, 'OIDC sign-in refused')
  }

  typed.get(
    '/v1/session/oidc/start',
    {
      schema: {
        tags: ['session'],
        summary: 'Start single sign-on: redirects to the provider',
        description:
          'A browser navigation. 302 to the provider with a new state, nonce and PKCE challenge; sets the short-lived ' +
          '`hw_oidc` cookie. `returnTo` must be a console path on this origin. 503 UNAVAILABLE when the provider cannot ' +
          'be reached (a browser that accepts HTML is sent back to `/?signInError=unavailable` instead).',
        security: [],
        querystring: z.object({
          returnTo: z.string().max(2048).optional().describe('A console path such as `/applications/<id>`.'),
        }),
        response: { 400: errorResponseSchema, 429: errorResponseSchema, 503: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const given = request.query.returnTo
      const returnTo = given === undefined ? defaultReturnPath : checkReturnPath(given)
      if (returnTo === null) {
        const message = 'must be a path of the console on this origin, such as /applications/<id>'
        throw new ApiError('VALIDATION_FAILED', `querystring.returnTo ${message}.`, {
          issues: [{ path: 'querystring.returnTo', message, code: 'invalid_return_path' }],
        })
      }
      const decision = startsPerIp.take(request.ip)
      if (decision.status === 'limited') throw rateLimitedError(decision, 'single sign-on per IP')
      // The state cookie must be set on the origin the provider returns to.
      const here = `${request.protocol}://${request.host}`
      if (here !== primaryOrigin && oidc.publicOrigins.includes(here)) {
        return reply.redirect(new URL(request.url, primaryOrigin).href, 302)
      }
      let authorization
      try {
        authorization = await relyingParty.authorize()
      } catch (error) {
        if (!(error instanceof OidcFailure)) throw error
        logFailure(request, error)
        if (request.headers.accept?.includes('text/html') === true)
          return reply.redirect(failurePath('unavailable'), 303)
        throw new ApiError(
          'UNAVAILABLE',
          'The single sign-on provider cannot be reached; try again later or sign in with a password.',
          { issuer },
        )
      }
      const at = now()
      await store.oidcSignIns.deleteExpired(at)
      await store.oidcSignIns.create({
        stateHash: hashState(authorization.state),
        nonce: authorization.nonce,
        codeVerifier: authorization.codeVerifier,
        returnTo,
        expiresAt: new Date(at.getTime() + attemptLifetimeMs),
      })
      reply.header(
        'set-cookie',
        oidcStateCookie(authorization.state, {
          maxAgeSeconds: attemptLifetimeMs / 1000,
          isSecure: options.isSecure(request),
        }),
      )
      return reply.redirect(authorization.url.href, 302)
    },
  )

  typed.get(
    callbackPath,
    {
      schema: {
        tags: ['session'],
        summary: 'Where the provider sends the browser back; signs in and redirects to the console',
        description:
          'Never called directly. Checks the state against the `hw_oidc` cookie and the pending attempt, exchanges the ' +
          'code with the PKCE verifier, checks the ID token, and signs in the enabled user with the verified email. ' +
          'Redirects (303) to the return path with the session cookie set, or to `/?signInError=<code>`.',
        security: [],
        querystring: z.object({ state: z.string().max(512).optional() }).loose(),
      },
    },
    async (request, reply) => {
      clearStateCookie(request, reply)
      const fail = async (
        code: SsoFailureCode,
        reason: string,
        extra: { readonly target?: string; readonly details?: Readonly<Record<string, unknown>> } = {},
      ) => {
        await store.audit.append({
          actor: 'anonymous',
          action: 'session.sign-in-failed',
          ...(extra.target === undefined ? {} : { target: extra.target }),
          details: { method: 'oidc', ip: request.ip, reason, ...extra.details },
        })
        return reply.redirect(failurePath(code), 303)
      }
      // Refused attempts are not audited, as for password sign-ins: the limit bounds how many failures are.
      if (callbacksPerIp.take(request.ip).status === 'limited') return reply.redirect(failurePath('rate-limited'), 303)
      const state = request.query.state
      const cookieState = readOidcStateCookie(request.headers.cookie)
      if (state === undefined || cookieState === undefined || !isSameState(state, cookieState)) {
        return fail('expired', 'state-mismatch')
      }
      const pending = await store.oidcSignIns.take(hashState(state), now())
      if (pending === undefined) return fail('expired', 'state-unknown')
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : ''
      let identity
      try {
        identity = await relyingParty.identify(query, {
          state,
          nonce: pending.nonce,
          codeVerifier: pending.codeVerifier,
        })
      } catch (error) {
        if (!(error instanceof OidcFailure)) throw error
        logFailure(request, error)
        switch (error.reason) {
          case 'unavailable':
            return fail('unavailable', 'provider-unavailable')
          case 'provider-error':
            return fail(error.detail === 'access_denied' ? 'cancelled' : 'failed', 'provider-error', {
              details: { providerError: error.detail },
            })
          case 'invalid-response':
            return fail('failed', 'invalid-response', { details: { check: error.detail } })
        }
      }
      if (identity.email === undefined) return fail('email-unverified', 'no-email')
      // The address the provider vouches for, not anything typed; an admin may add the person it names.
      if (!identity.isEmailVerified)
        return fail('email-unverified', 'email-unverified', { details: { email: identity.email } })
      const user = await store.users.findByEmail(identity.email)
      if (user === undefined) return fail('no-account', 'unknown-email', { details: { email: identity.email } })
      if (user.disabledAt !== null) return fail('no-account', 'disabled', { target: `user:${user.id}` })
      await store.transaction(async (repositories) => {
        const sessionId = await options.startSession(repositories, request, reply, user.id)
        await repositories.users.recordLogin(user.id)
        // A one-time password not yet replaced was only a way in; the provider is now that way.
        if (user.mustChangePassword) await repositories.users.removePassword(user.id)
        await repositories.audit.append({
          actor: `user:${user.id}`,
          action: 'session.signed-in',
          target: `user:${user.id}`,
          details: {
            method: 'oidc',
            ip: request.ip,
            sessionId,
            issuer,
            ...(user.mustChangePassword ? { oneTimePasswordWithdrawn: true } : {}),
          },
        })
      })
      return reply.redirect(pending.returnTo, 303)
    },
  )
}

function failurePath(code: SsoFailureCode): string {
  return `/?signInError=${code}`
}

/** Hex SHA-256 of a state: what the store keys attempts by (the state itself travels in URLs). */
function hashState(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex')
}

function isSameState(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  return left.length === right.length && timingSafeEqual(left, right)
}
