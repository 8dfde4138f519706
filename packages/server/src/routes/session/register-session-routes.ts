import type { Store } from '@hirewall/store'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { isPermitted, permissions } from '../../auth/permission-table.js'
import { describePrincipal, type Principal } from '../../auth/principal.js'
import { requirePermission } from '../../auth/require-permission.js'
import { checkSessionLifetime, defaultSessionLifetime, type SessionLifetime } from '../../auth/session-lifetime.js'
import { generateSessionToken, sessionCookie } from '../../auth/session-token.js'
import { hashPassword, needsRehash, verifyPassword } from '../../auth/password-hash.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { RateLimiter, rateLimitedError, type RateLimit } from '../../security/rate-limiter.js'
import { toUserView, userViewSchema } from '../users/user-view.js'
import { checkSignIn } from './check-sign-in.js'
import { changeOwnPassword } from './change-own-password.js'
import { registerOidcRoutes, type OidcSignIn } from './register-oidc-routes.js'

/** Sign-in attempts allowed per client IP and per account (by email), whatever their outcome. */
export type SignInLimits = {
  readonly perIp: RateLimit
  readonly perAccount: RateLimit
}

/** 30 attempts a minute per IP, 10 a minute per account (OWASP ASVS 2.2.1: limit automated guessing). */
export const defaultSignInLimits: SignInLimits = {
  perIp: { requests: 30, windowMs: 60_000 },
  perAccount: { requests: 10, windowMs: 60_000 },
}

/** Options of {@link registerSessionRoutes}. */
export type SessionRoutesOptions = {
  readonly store: Store
  /** Pass the same lifetime to `storeAccessControl`, which slides it. Default {@link defaultSessionLifetime}. */
  readonly sessionLifetime?: SessionLifetime
  readonly signInLimits?: Partial<SignInLimits>
  /** `Secure` on the cookie: always, never (plain-HTTP development), or `auto` (when the request came over HTTPS). */
  readonly secureCookies?: boolean | 'auto'
  /** The clock; the app's access-control clock by default. */
  readonly now?: () => Date
  /** Single sign-on through an OpenID Provider, as an option next to passwords (docs/security.md). */
  readonly oidc?: OidcSignIn | undefined
}

const sessionViewSchema = z
  .object({
    user: userViewSchema,
    mustChangePassword: z.boolean().describe('Only the own-account endpoints answer until the password is changed.'),
    permissions: z.array(z.enum(permissions)).describe('What this person may do (the console hides the rest).'),
  })
  .meta({ id: 'SessionView' })

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema }
const maxUserAgentLength = 512

/**
 * The console's sign-in: `POST /v1/session` (email and password; sets the `hw_session` cookie), `DELETE /v1/session`
 * (signs out), `GET /v1/me` and `POST /v1/me/password`. Sign-ins are limited per IP and per account (429 with
 * `Retry-After`), audited with their outcome (never the password), and take the same time whether or not the account
 * exists. Needs the app built with `accessControl`.
 */
export function registerSessionRoutes(app: FastifyInstance, options: SessionRoutesOptions): void {
  const access = app.accessControl
  if (access === null) throw new Error('registerSessionRoutes needs an app built with accessControl')
  const { store } = options
  const now = options.now ?? access.now
  const lifetime = checkSessionLifetime(options.sessionLifetime ?? defaultSessionLifetime)
  const limits = { ...defaultSignInLimits, ...options.signInLimits }
  const perIp = new RateLimiter(limits.perIp, { now })
  const perAccount = new RateLimiter(limits.perAccount, { now })
  const secureCookies = options.secureCookies ?? 'auto'
  const cookieFor = (request: FastifyRequest, token: string, maxAgeMs: number): string =>
    sessionCookie(token, {
      maxAgeSeconds: maxAgeMs / 1000,
      isSecure: secureCookies === 'auto' ? request.protocol === 'https' : secureCookies,
    })
  const startSession = async (
    repositories: Pick<Store, 'sessions'>,
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
  ): Promise<string> => {
    const { token, tokenHash } = generateSessionToken()
    const expiresAt = new Date(now().getTime() + Math.min(lifetime.idleMs, lifetime.absoluteMs))
    const userAgent = request.headers['user-agent']?.slice(0, maxUserAgentLength)
    const session = await repositories.sessions.create({
      tokenHash,
      userId,
      expiresAt,
      ip: request.ip,
      ...(userAgent === undefined ? {} : { userAgent }),
    })
    // The browser keeps the cookie for the absolute lifetime; the server ends idle sessions sooner.
    reply.header('set-cookie', cookieFor(request, token, lifetime.absoluteMs))
    return session.id
  }
  const takeAttempt = (limiter: RateLimiter, key: string, name: string): void => {
    const decision = limiter.take(key)
    if (decision.status === 'limited') throw rateLimitedError(decision, name)
  }
  const viewOf = async (principal: Principal & { readonly kind: 'user' }) => {
    const user = await store.users.find(principal.userId)
    if (user === undefined) throw new ApiError('UNAUTHENTICATED', 'The session has ended; sign in again.')
    return {
      user: toUserView(user),
      mustChangePassword: user.mustChangePassword,
      permissions: user.mustChangePassword
        ? ['account.own' as const]
        : permissions.filter((permission) => isPermitted({ ...principal, role: user.role }, permission)),
    }
  }
  const typed = app.withTypeProvider<ZodTypeProvider>()
  // The dummy hash for unknown emails is made before the first sign-in, so even that one takes the usual time.
  app.addHook('onReady', async () => {
    await verifyPassword(undefined, 'warm-up')
  })

  typed.post(
    '/v1/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in with email and password; sets the session cookie',
        security: [],
        body: z.object({
          email: z.string().trim().min(3).max(320),
          password: z.string().min(1).max(1024),
        }),
        response: { 200: sessionViewSchema, ...errors, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const email = request.body.email.toLowerCase()
      takeAttempt(perIp, request.ip, 'sign-in per IP')
      takeAttempt(perAccount, email, 'sign-in per account')
      const check = await checkSignIn(store.users, email, request.body.password)
      if (check.status === 'refused') {
        await store.audit.append({
          actor: 'anonymous',
          action: 'session.sign-in-failed',
          ...(check.user === undefined ? {} : { target: `user:${check.user.id}` }),
          // Never what was typed: a password typed into the email field would be kept. A known account is named by
          // its id; an unknown one by the domain of the address, enough to see a spray against one company.
          details: {
            ip: request.ip,
            reason: check.reason,
            ...(check.user === undefined ? { emailDomain: domainOfTypedEmail(email) } : {}),
          },
        })
        throw new ApiError('UNAUTHENTICATED', 'The email or password is not correct, or the account is disabled.')
      }
      const { user } = check
      // A hash made with older parameters is replaced now, the only time the password is known.
      const rehashed = needsRehash(check.passwordHash) ? await hashPassword(request.body.password) : undefined
      await store.transaction(async (repositories) => {
        const sessionId = await startSession(repositories, request, reply, user.id)
        await repositories.users.recordLogin(user.id)
        if (rehashed !== undefined) {
          await repositories.users.setPassword(user.id, rehashed, { mustChangePassword: user.mustChangePassword })
        }
        await repositories.audit.append({
          actor: `user:${user.id}`,
          action: 'session.signed-in',
          target: `user:${user.id}`,
          details: { method: 'password', ip: request.ip, sessionId },
        })
      })
      const principal = { kind: 'user', userId: user.id, role: user.role, sessionId: '' } as const
      return viewOf(principal)
    },
  )

  registerOidcRoutes(app, {
    store,
    oidc: options.oidc,
    now,
    perIp: limits.perIp,
    isSecure: (request) => (secureCookies === 'auto' ? request.protocol === 'https' : secureCookies),
    startSession,
  })

  typed.delete(
    '/v1/session',
    {
      preHandler: requirePermission('account.own'),
      schema: {
        tags: ['session'],
        summary: 'Sign out: ends this session and clears the cookie',
        response: { 204: z.null().describe('Signed out.'), ...errors },
      },
    },
    async (request, reply) => {
      const principal = signedInPerson(request)
      await store.sessions.revoke(principal.sessionId)
      await store.audit.append({
        actor: describePrincipal(principal),
        action: 'session.signed-out',
        target: `user:${principal.userId}`,
        details: { sessionId: principal.sessionId },
      })
      reply.header('set-cookie', cookieFor(request, '', 0))
      return reply.code(204).send(null)
    },
  )

  typed.get(
    '/v1/me',
    {
      preHandler: requirePermission('account.own'),
      schema: {
        tags: ['session'],
        summary: 'Who is signed in, and what they may do',
        response: { 200: sessionViewSchema, ...errors },
      },
    },
    (request) => viewOf(signedInPerson(request)),
  )

  typed.post(
    '/v1/me/password',
    {
      preHandler: requirePermission('account.own'),
      schema: {
        tags: ['session'],
        summary: "Change one's own password; ends every other session of this person",
        body: z.object({
          currentPassword: z.string().min(1).max(1024),
          newPassword: z.string().min(1).max(1024),
        }),
        response: { 200: sessionViewSchema, ...errors, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const principal = signedInPerson(request)
      const user = await store.users.find(principal.userId)
      if (user === undefined) throw new ApiError('UNAUTHENTICATED', 'The session has ended; sign in again.')
      // A stolen session must not make guessing the current password any easier than signing in.
      takeAttempt(perAccount, user.email, 'password change per account')
      await changeOwnPassword({
        store,
        user,
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        startSession: (repositories) => startSession(repositories, request, reply, user.id),
      })
      return viewOf({ ...principal, mustChangePassword: false })
    },
  )
}

function signedInPerson(request: FastifyRequest): Principal & { readonly kind: 'user' } {
  const principal = request.principal
  // requirePermission('account.own') lets only people through; anything else is a wiring mistake.
  if (principal?.kind !== 'user') throw new Error('own-account route reached without a signed-in person')
  return principal
}

/** The domain of a typed sign-in email when it looks like one (`example.com`), else `null`. */
function domainOfTypedEmail(email: string): string | null {
  const match = /^[^@\s]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/.exec(email)
  return match?.[1] ?? null
}
