import type { FastifyInstance } from 'fastify'
import type { Permission } from '../auth/permission-table.js'
import { RateLimiter, type RateLimit, type RateLimiterOptions } from './rate-limiter.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Per-caller limits on permissions, checked by `requirePermission` once the permission is granted. */
    permissionRateLimits?: Map<Permission, RateLimiter>
  }
}

/** The default submission limit per API key or person: 6,000 a minute, i.e. bursts of 6,000 and 100/s sustained. */
export const defaultSubmissionRateLimit: RateLimit = { requests: 6_000, windowMs: 60_000 }

/**
 * Limits how often each caller (an API key, or a person) may exercise `permission`: every endpoint that requires it
 * (e.g. `applications.submit`: single and bulk submissions) shares one bucket per caller, and a caller over the
 * limit gets 429 RATE_LIMITED with `Retry-After`. Buckets live in this process (see {@link RateLimiter}).
 */
export function registerPermissionRateLimit(
  app: FastifyInstance,
  permission: Permission,
  limit: RateLimit,
  options: RateLimiterOptions = {},
): RateLimiter {
  if (app.permissionRateLimits === undefined) app.decorate('permissionRateLimits', new Map<Permission, RateLimiter>())
  const now = options.now ?? app.accessControl?.now ?? (() => new Date())
  const limiter = new RateLimiter(limit, { ...options, now })
  app.permissionRateLimits?.set(permission, limiter)
  return limiter
}
