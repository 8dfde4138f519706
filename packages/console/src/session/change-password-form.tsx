import { useState, type FormEvent } from 'react'
import { asFailure } from '../api/use-api'
import { changePassword } from './session'
import { FormError } from '../ui/form-error'

/** Minimum length the server asks for new passwords (NIST SP 800-63B for a single factor). */
const minimumLength = 15

/** Changes the signed-in person's password; required before anything else after a one-time password. */
export function ChangePasswordForm(props: { readonly isRequired: boolean; readonly onChanged: () => void }) {
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (next !== repeat) return setMessage('The two new passwords differ.')
    if (next.length < minimumLength) return setMessage(`The new password needs at least ${minimumLength} characters.`)
    setBusy(true)
    setMessage(null)
    changePassword(current, next).then(
      () => {
        setBusy(false)
        setCurrent('')
        setNext('')
        setRepeat('')
        props.onChanged()
      },
      (error: unknown) => {
        setBusy(false)
        setMessage(asFailure(error).message)
      },
    )
  }

  return (
    <form className="stacked-form" onSubmit={submit} aria-labelledby="change-password-title">
      <h2 id="change-password-title">Change your password</h2>
      {props.isRequired ? (
        <p className="notice">You signed in with a one-time password. Choose your own to continue.</p>
      ) : null}
      <label htmlFor="password-current">Current password</label>
      <input
        id="password-current"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <label htmlFor="password-new">New password ({minimumLength} characters or more)</label>
      <input
        id="password-new"
        type="password"
        autoComplete="new-password"
        required
        value={next}
        onChange={(event) => setNext(event.target.value)}
      />
      <label htmlFor="password-repeat">New password again</label>
      <input
        id="password-repeat"
        type="password"
        autoComplete="new-password"
        required
        value={repeat}
        onChange={(event) => setRepeat(event.target.value)}
      />
      <FormError message={message} />
      <button type="submit" className="primary" disabled={isBusy}>
        {isBusy ? 'Saving…' : 'Change password'}
      </button>
    </form>
  )
}
