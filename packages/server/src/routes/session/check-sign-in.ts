import type { Store, User } from '@hirewall/store'
import { verifyPassword } from '../../auth/password-hash.js'

/** Why a sign-in was refused. The client is told none of these apart; the audit log records which. */
export const signInRefusals = ['unknown-email', 'wrong-password', 'no-password', 'disabled'] as const
/** One of {@link signInRefusals}. */
export type SignInRefusal = (typeof signInRefusals)[number]

/** The outcome of checking an email and password. */
export type SignInCheck =
  | { readonly status: 'accepted'; readonly user: User; readonly passwordHash: string }
  | { readonly status: 'refused'; readonly reason: SignInRefusal; readonly user: User | undefined }

/**
 * Checks an email and password. Every path costs one Argon2id verification (against a dummy hash when the email is
 * unknown or the account has no password) and the disabled check comes after it, so the response time does not tell
 * which accounts exist or are disabled.
 */
export async function checkSignIn(
  users: Pick<Store['users'], 'findCredentials'>,
  email: string,
  password: string,
): Promise<SignInCheck> {
  const credentials = await users.findCredentials(email)
  const passwordHash = credentials?.passwordHash ?? undefined
  const isMatch = await verifyPassword(passwordHash, password)
  if (credentials === undefined) return { status: 'refused', reason: 'unknown-email', user: undefined }
  const { user } = credentials
  if (passwordHash === undefined) return { status: 'refused', reason: 'no-password', user }
  if (!isMatch) return { status: 'refused', reason: 'wrong-password', user }
  if (user.disabledAt !== null) return { status: 'refused', reason: 'disabled', user }
  return { status: 'accepted', user, passwordHash }
}
