/**
 * The codes a failed single sign-on sends the browser back with (`/?signInError=<code>`); the console shows a sentence
 * for each. Never personal data: the audit log keeps the detail.
 */
export const ssoFailureCodes = [
  /** The attempt was not found, had expired, or was started in another browser. */
  'expired',
  /** The person cancelled at the provider (`access_denied`). */
  'cancelled',
  /** The provider or its answer failed a check. */
  'failed',
  /** The provider could not be reached. */
  'unavailable',
  /** The provider vouched for no email, or for one it has not verified. */
  'email-unverified',
  /** No enabled HireWall account has that email. */
  'no-account',
  /** Too many sign-ins from this address; wait a minute. */
  'rate-limited',
] as const

/** One of {@link ssoFailureCodes}. */
export type SsoFailureCode = (typeof ssoFailureCodes)[number]
