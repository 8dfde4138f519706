import { ApiError } from '../errors/api-error.js'

/** At most `requests` in any `windowMs`, in a burst or spread out. */
export type RateLimit = {
  readonly requests: number
  readonly windowMs: number
}

/** Whether one more request may go now, and if not, how long until it may. */
export type RateLimitDecision =
  { readonly status: 'allowed' } | { readonly status: 'limited'; readonly retryAfterMs: number }

/** Options of {@link RateLimiter}. */
export type RateLimiterOptions = {
  /** The clock; `() => new Date()` by default (tests move it forward). */
  readonly now?: () => Date
  /** How many callers are remembered at most; the least recently seen is forgotten first. 10,000 by default. */
  readonly maxKeys?: number
}

/**
 * An in-process token bucket per key (an IP, an account, an API key), in the GCRA form: each key keeps one number,
 * the time its bucket will be full again, so a key costs a few dozen bytes and a check is O(1). A bucket holds
 * `requests` tokens and refills evenly over `windowMs`: a caller may burst the whole allowance, then gets one request
 * every `windowMs / requests`. Memory is bounded by `maxKeys`; a forgotten key starts again with a full bucket, which
 * an attacker can only force by sending requests from `maxKeys` other keys. Each process keeps its own buckets.
 */
export class RateLimiter {
  readonly limit: RateLimit
  readonly #now: () => Date
  readonly #maxKeys: number
  readonly #intervalMs: number
  // Key → when its bucket is full again (ms since the epoch). Map order is least recently used first.
  readonly #fullAt = new Map<string, number>()

  constructor(limit: RateLimit, options: RateLimiterOptions = {}) {
    if (!(Number.isInteger(limit.requests) && limit.requests > 0 && limit.windowMs > 0)) {
      throw new Error(`Invalid rate limit: ${limit.requests} requests per ${limit.windowMs} ms`)
    }
    this.limit = limit
    this.#now = options.now ?? (() => new Date())
    this.#maxKeys = Math.max(1, options.maxKeys ?? 10_000)
    this.#intervalMs = limit.windowMs / limit.requests
  }

  /** Takes one token from `key`'s bucket when it has one. */
  take(key: string): RateLimitDecision {
    const now = this.#now().getTime()
    const fullAt = Math.max(this.#fullAt.get(key) ?? now, now)
    const next = fullAt + this.#intervalMs
    // Allowed while the debt after this request fits in one window (small tolerance for float rounding).
    if (next - now > this.limit.windowMs + 1e-6) {
      return { status: 'limited', retryAfterMs: next - now - this.limit.windowMs }
    }
    this.#fullAt.delete(key)
    this.#fullAt.set(key, next)
    if (this.#fullAt.size > this.#maxKeys) {
      // The least recently seen key; O(1), where looking for a full bucket to drop instead could scan them all.
      const oldest = this.#fullAt.keys().next()
      if (oldest.done !== true) this.#fullAt.delete(oldest.value)
    }
    return { status: 'allowed' }
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.#fullAt.size
  }
}

/** The 429 for a limited request: `Retry-After` in whole seconds, rounded up, and the same in `details`. */
export function rateLimitedError(decision: { readonly retryAfterMs: number }, limit: string): ApiError {
  const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
  return new ApiError(
    'RATE_LIMITED',
    `Too many requests (${limit}); retry in ${retryAfterSeconds} s.`,
    { limit, retryAfterSeconds },
    { headers: { 'retry-after': String(retryAfterSeconds) } },
  )
}
