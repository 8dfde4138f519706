import { callApi } from '../api/api-client'
import type { SessionInfo } from '../api/api-types'

/** Who is signed in, or null when nobody is (`GET /v1/me` answers 401). */
export async function readSession(signal?: AbortSignal): Promise<SessionInfo | null> {
  try {
    return await callApi<SessionInfo>(
      'GET',
      '/v1/me',
      signal === undefined ? { isSignIn: true } : { signal, isSignIn: true },
    )
  } catch (error) {
    if (error instanceof Error && 'status' in error && error.status === 401) return null
    throw error
  }
}

/** Signs in; the server sets the HttpOnly session cookie. */
export function signIn(email: string, password: string): Promise<SessionInfo> {
  return callApi<SessionInfo>('POST', '/v1/session', { body: { email, password }, isSignIn: true })
}

/** Signs out and ends the session on the server. */
export async function signOut(): Promise<void> {
  await callApi<undefined>('DELETE', '/v1/session', { isSignIn: true })
}

/** Changes the signed-in person's password (other sessions of theirs end). */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await callApi<unknown>('POST', '/v1/me/password', { body: { currentPassword, newPassword } })
}

/** What the signed-in person may do in the console; the server checks every request again. */
export type Abilities = {
  readonly canDecide: boolean
  readonly canManageUsers: boolean
  readonly canManageKeys: boolean
  readonly canReadAudit: boolean
  readonly canManageWebhooks: boolean
}

/** The console's abilities from the permissions the session reports (viewers read, analysts decide, admins manage). */
export function abilitiesOf(session: Pick<SessionInfo, 'permissions'>): Abilities {
  const has = (permission: string) => session.permissions.includes(permission)
  return {
    canDecide: has('cases.decide'),
    canManageUsers: has('users.manage'),
    canManageKeys: has('api-keys.manage'),
    canReadAudit: has('audit.read'),
    canManageWebhooks: has('webhooks.manage'),
  }
}
