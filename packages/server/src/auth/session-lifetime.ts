/**
 * How long a console session lasts: it ends after `idleMs` without a request, and `absoluteMs` after sign-in however
 * active it was (OWASP ASVS 3.3: idle and absolute timeouts).
 */
export type SessionLifetime = {
  readonly idleMs: number
  readonly absoluteMs: number
}

/** 12 hours idle (a working day and a lunch break), 7 days absolute. */
export const defaultSessionLifetime: SessionLifetime = { idleMs: 12 * 3_600_000, absoluteMs: 7 * 86_400_000 }

/**
 * Activity is written at most this often per session or API key: `last_seen_at` and `last_used_at` need minute
 * precision, and a write per request would double the database load of every API call.
 */
export const activityWriteIntervalMs = 60_000

/** When a session used at `at` ends: the idle timeout from now, never past the absolute one from sign-in. */
export function slidingExpiry(createdAt: Date, at: Date, lifetime: SessionLifetime): Date {
  return new Date(Math.min(at.getTime() + lifetime.idleMs, createdAt.getTime() + lifetime.absoluteMs))
}

/** Throws for a lifetime that would end sessions at once or never (a configuration mistake). */
export function checkSessionLifetime(lifetime: SessionLifetime): SessionLifetime {
  const { idleMs, absoluteMs } = lifetime
  if (!Number.isFinite(idleMs) || !Number.isFinite(absoluteMs) || idleMs < 60_000 || absoluteMs < idleMs) {
    throw new Error(`Invalid session lifetime: idle ${idleMs} ms, absolute ${absoluteMs} ms`)
  }
  return lifetime
}
