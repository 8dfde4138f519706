import { describe, expect, it } from 'vitest'
import { RateLimiter, rateLimitedError } from './rate-limiter.js'

function clockAt(start: number) {
  let now = start
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) }
}

describe('RateLimiter', () => {
  it('allows a burst of the whole allowance, then one request per interval, then the whole allowance again', () => {
    const clock = clockAt(1_000_000)
    const limiter = new RateLimiter({ requests: 10, windowMs: 60_000 }, { now: clock.now })
    const burst = Array.from({ length: 11 }, () => limiter.take('a').status)
    expect(burst).toEqual([...Array.from({ length: 10 }, () => 'allowed'), 'limited'])
    expect(limiter.take('a')).toEqual({ status: 'limited', retryAfterMs: 6_000 })
    clock.advance(5_999)
    expect(limiter.take('a').status).toBe('limited')
    clock.advance(1)
    expect(limiter.take('a').status).toBe('allowed')
    expect(limiter.take('a').status).toBe('limited')
    clock.advance(60_000)
    expect(Array.from({ length: 11 }, () => limiter.take('a').status).filter((s) => s === 'allowed')).toHaveLength(10)
  })

  it('keeps one bucket per key', () => {
    const limiter = new RateLimiter({ requests: 1, windowMs: 1_000 }, { now: clockAt(0).now })
    expect(limiter.take('a').status).toBe('allowed')
    expect(limiter.take('a').status).toBe('limited')
    expect(limiter.take('b').status).toBe('allowed')
  })

  it('holds at most maxKeys keys, forgetting the least recently seen', () => {
    const limiter = new RateLimiter({ requests: 1, windowMs: 60_000 }, { now: clockAt(0).now, maxKeys: 100 })
    for (let index = 0; index < 1_000; index += 1) limiter.take(`ip-${index}`)
    expect(limiter.size).toBe(100)
    expect(limiter.take('ip-999').status).toBe('limited')
    expect(limiter.take('ip-0').status).toBe('allowed')
  })

  it('does not drift with uneven windows (7 requests in 60 s)', () => {
    const clock = clockAt(0)
    const limiter = new RateLimiter({ requests: 7, windowMs: 60_000 }, { now: clock.now })
    let allowed = 0
    // 10 minutes, one attempt every 100 ms: 7 up front, then one every 60/7 s until 599.9 s (69 more).
    for (let step = 0; step < 6_000; step += 1) {
      if (limiter.take('a').status === 'allowed') allowed += 1
      clock.advance(100)
    }
    expect(allowed).toBe(7 + 69)
  })

  it.each([[{ requests: 0, windowMs: 1000 }], [{ requests: 1.5, windowMs: 1000 }], [{ requests: 1, windowMs: 0 }]])(
    'refuses the limit %j',
    (limit) => {
      expect(() => new RateLimiter(limit)).toThrow(/Invalid rate limit/)
    },
  )

  it('answers 429 RATE_LIMITED with Retry-After in whole seconds, rounded up', () => {
    const error = rateLimitedError({ retryAfterMs: 1_200 }, 'sign-in per IP')
    expect(error.status).toBe(429)
    expect(error.headers).toEqual({ 'retry-after': '2' })
    expect(error.toResponse()).toMatchObject({
      error: { code: 'RATE_LIMITED', details: { limit: 'sign-in per IP', retryAfterSeconds: 2 } },
    })
  })
})
