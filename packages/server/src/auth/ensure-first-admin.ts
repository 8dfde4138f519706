import type { Store, User } from '@hirewall/store'
import { generateOneTimePassword } from './one-time-password.js'
import { hashPassword } from './password-hash.js'
import { withUserAdministrationLock } from './user-administration-lock.js'

/** What {@link ensureFirstAdmin} did: created the admin (with the password to show once), or found users already. */
export type FirstAdmin =
  | { readonly status: 'created'; readonly user: User; readonly oneTimePassword: string }
  | { readonly status: 'existing'; readonly userCount: number }

/**
 * On first start, creates an admin with a random one-time password, only when the store has no users at all, and
 * returns the password for the caller to print once (it is stored only as an Argon2id hash, and must be changed at the
 * first sign-in). Nothing ships with a default password. Safe when several processes start at once: the check and
 * the insert run under one advisory lock, so exactly one admin is created.
 */
export async function ensureFirstAdmin(
  store: Pick<Store, 'db'>,
  options: { readonly email: string; readonly displayName?: string },
): Promise<FirstAdmin> {
  const oneTimePassword = generateOneTimePassword()
  // Hashed before taking the lock: ~20 ms of Argon2id need not hold up other starting processes.
  const passwordHash = await hashPassword(oneTimePassword)
  return withUserAdministrationLock(store, async (repositories) => {
    const userCount = await repositories.users.count()
    if (userCount > 0) return { status: 'existing', userCount }
    const user = await repositories.users.create({
      email: options.email,
      role: 'admin',
      passwordHash,
      mustChangePassword: true,
      ...(options.displayName === undefined ? {} : { displayName: options.displayName }),
    })
    await repositories.audit.append({
      actor: 'system:first-start',
      action: 'user.created',
      target: `user:${user.id}`,
      details: { role: 'admin', email: user.email, password: 'one-time' },
    })
    return { status: 'created', user, oneTimePassword }
  })
}
