import { useState } from 'react'
import type { SessionInfo } from '../api/api-types'
import { ChangePasswordForm } from '../session/change-password-form'

/** The signed-in person: who they are, what they may do, and changing their password. */
export function AccountPage(props: { readonly session: SessionInfo }) {
  const { user, permissions } = props.session
  const [isChanged, setChanged] = useState(false)
  return (
    <main className="page narrow">
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{user.role}</dd>
        <dt>Permissions</dt>
        <dd>{permissions.join(', ')}</dd>
      </dl>
      {isChanged ? (
        <p className="notice" role="status">
          Password changed. Your other sessions have ended.
        </p>
      ) : null}
      <ChangePasswordForm isRequired={false} onChanged={() => setChanged(true)} />
    </main>
  )
}
