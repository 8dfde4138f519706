import { useState } from 'react'
import { roles, type Role, type User } from '../api/api-types'
import { asFailure, useApi } from '../api/use-api'
import { CreateForm } from '../ui/create-form'
import { FormError } from '../ui/form-error'
import { formatDateTime } from '../ui/format'
import { OneTimeSecret, type ShownSecret } from '../ui/one-time-secret'
import { SelectField } from '../ui/select-field'
import { ErrorBanner, Loading } from '../ui/status-views'
import { TextField } from '../ui/text-field'
import { changeRole, createUser, disableUser, listUsers, resetPassword } from './admin-api'

/** Admins: who may sign in, with which role; add people, change roles, disable, reset passwords. */
export function UsersPage(props: { readonly currentUserId: string }) {
  const { state, reload } = useApi('users', listUsers)
  const [secret, setSecret] = useState<ShownSecret | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const act = (work: Promise<unknown>) =>
    work.then(
      () => {
        setMessage(null)
        reload()
      },
      (error: unknown) => setMessage(asFailure(error).message),
    )
  return (
    <main className="page">
      <h1>Users</h1>
      <NewUserForm
        onCreated={(user, oneTimePassword) => {
          setSecret({ label: `One-time password for ${user.email}.`, value: oneTimePassword })
          reload()
        }}
      />
      <OneTimeSecret secret={secret} onDone={() => setSecret(null)} />
      <FormError message={message} />
      {state.status === 'loading' ? <Loading what="users" /> : null}
      {state.status === 'failed' ? <ErrorBanner failure={state.failure} onRetry={reload} /> : null}
      {state.status === 'loaded' ? (
        <table className="list" aria-label="Users">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {state.data.map((user) => {
              const isDisabled = user.disabledAt !== null && user.disabledAt !== undefined
              const isSelf = user.id === props.currentUserId
              return (
                <tr key={user.id}>
                  <td>{user.email}</td>
                  <td>{user.displayName ?? '–'}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                      Role of {user.email}
                    </label>
                    <select
                      id={`role-${user.id}`}
                      value={user.role}
                      disabled={isDisabled || isSelf}
                      onChange={(event) => {
                        const role = roles.find((candidate) => candidate === event.target.value)
                        if (role !== undefined) void act(changeRole(user.id, role))
                      }}
                    >
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{formatDateTime(user.lastSignInAt)}</td>
                  <td>{isDisabled ? 'disabled' : 'active'}</td>
                  <td className="actions">
                    <button
                      type="button"
                      disabled={isDisabled}
                      aria-label={`Reset the password of ${user.email}`}
                      onClick={() =>
                        void resetPassword(user.id).then(
                          (reset) =>
                            setSecret({ label: `One-time password for ${user.email}.`, value: reset.oneTimePassword }),
                          (error: unknown) => setMessage(asFailure(error).message),
                        )
                      }
                    >
                      Reset password
                    </button>
                    <button
                      type="button"
                      disabled={isDisabled || isSelf}
                      aria-label={`Disable ${user.email}`}
                      onClick={() => {
                        if (window.confirm(`Disable ${user.email}? Their sessions end at once.`))
                          void act(disableUser(user.id))
                      }}
                    >
                      Disable
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
    </main>
  )
}

function NewUserForm(props: { readonly onCreated: (user: User, oneTimePassword: string) => void }) {
  const [email, setEmail] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [role, setRole] = useState<Role>('analyst')
  const [message, setMessage] = useState<string | null>(null)
  const submit = () => {
    const name = displayName.trim()
    createUser({ email: email.trim(), role, ...(name === '' ? {} : { displayName: name }) }).then(
      (created) => {
        setEmail('')
        setDisplayName('')
        setMessage(null)
        props.onCreated(created.user, created.oneTimePassword)
      },
      (error: unknown) => setMessage(asFailure(error).message),
    )
  }
  return (
    <CreateForm label="Add a user" submitLabel="Add user" onSubmit={submit} error={message}>
      <TextField id="new-user-email" label="Email" type="email" required value={email} onChange={setEmail} />
      <TextField id="new-user-name" label="Name (optional)" value={displayName} onChange={setDisplayName} />
      <SelectField id="new-user-role" label="Role" options={roles} value={role} onChange={setRole} />
    </CreateForm>
  )
}
