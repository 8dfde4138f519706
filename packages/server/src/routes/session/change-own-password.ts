import type { Repositories, Store, User } from '@hirewall/store'
import { checkNewPassword, hashPassword } from '../../auth/password-hash.js'
import { ApiError } from '../../errors/api-error.js'
import { checkSignIn } from './check-sign-in.js'

/** What {@link changeOwnPassword} needs: the person, both passwords, and how to start their new session. */
export type OwnPasswordChange = {
  readonly store: Store
  readonly user: User
  readonly currentPassword: string
  readonly newPassword: string
  /** Starts a session in the transaction and sets its cookie; returns the session id. */
  readonly startSession: (repositories: Repositories) => Promise<string>
}

/**
 * Replaces a person's password after checking the current one, ends every session of theirs and starts a new one
 * (a new token after a credential change), all in one transaction, and audits it. A wrong current password or a new
 * one that fails the policy is a 400 naming the field; a wrong current password is audited too.
 */
export async function changeOwnPassword(change: OwnPasswordChange): Promise<void> {
  const { store, user } = change
  const check = await checkSignIn(store.users, user.email, change.currentPassword)
  if (check.status === 'refused') {
    await store.audit.append({
      actor: `user:${user.id}`,
      action: 'user.password-change-failed',
      target: `user:${user.id}`,
      details: { reason: check.reason },
    })
    throw fieldError('body.currentPassword', 'is not your current password', 'incorrect')
  }
  const problems = [...checkNewPassword(change.newPassword)]
  if (change.newPassword.normalize('NFKC') === change.currentPassword.normalize('NFKC')) {
    problems.push('must differ from the current password')
  }
  const [problem] = problems
  if (problem !== undefined) throw fieldError('body.newPassword', problem, 'password_policy')
  const passwordHash = await hashPassword(change.newPassword)
  await store.transaction(async (repositories) => {
    await repositories.users.setPassword(user.id, passwordHash, { mustChangePassword: false })
    const sessionsEnded = await repositories.sessions.revokeAllFor(user.id)
    const sessionId = await change.startSession(repositories)
    await repositories.audit.append({
      actor: `user:${user.id}`,
      action: 'user.password-changed',
      target: `user:${user.id}`,
      details: { sessionsEnded, sessionId },
    })
  })
}

function fieldError(path: string, message: string, code: string): ApiError {
  return new ApiError('VALIDATION_FAILED', `${path} ${message}.`, { issues: [{ path, message, code }] })
}
