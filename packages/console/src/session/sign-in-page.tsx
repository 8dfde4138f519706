import { useState, type FormEvent } from 'react'
import type { SessionInfo } from '../api/api-types'
import { asFailure } from '../api/use-api'
import { signIn } from './session'

/** The sign-in form: email and password, against the service's sessions. */
export function SignInPage(props: { readonly onSignedIn: (session: SessionInfo) => void }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [isBusy, setBusy] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setMessage(null)
    signIn(email.trim(), password).then(
      (session) => {
        setPassword('')
        props.onSignedIn(session)
      },
      (error: unknown) => {
        const failure = asFailure(error)
        setMessage(
          failure.status === 401
            ? 'The email or password is not right.'
            : failure.status === 429
              ? 'Too many attempts. Wait a minute and try again.'
              : failure.message,
        )
        setBusy(false)
      },
    )
  }

  return (
    <main className="sign-in">
      <form className="sign-in-form" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">HireWall</h1>
        <p className="muted">Sign in to review applications.</p>
        <label htmlFor="sign-in-email">Email</label>
        <input
          id="sign-in-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        {message === null ? null : (
          <p className="form-error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="primary" disabled={isBusy}>
          {isBusy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  )
}
