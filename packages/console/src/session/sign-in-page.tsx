import { useEffect, useState, type FormEvent } from 'react'
import type { SessionInfo } from '../api/api-types'
import { asFailure } from '../api/use-api'
import { signIn } from './session'
import { readSignInMethods, ssoErrorMessage, ssoStartHref, withoutSignInError, type SignInMethods } from './sso-sign-in'
import { FormError } from '../ui/form-error'

/**
 * The sign-in form: email and password, against the service's sessions, and "Sign in with …" when the service has
 * single sign-on. A failed single sign-on comes back here with `?signInError=<code>`, shown once.
 */
export function SignInPage(props: { readonly onSignedIn: (session: SessionInfo) => void }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [message, setMessage] = useState<string | null>(() => ssoErrorMessage(window.location.search))
  const [isBusy, setBusy] = useState(false)
  const [methods, setMethods] = useState<SignInMethods | null>(null)

  useEffect(() => {
    // The message is shown; a reload or a shared link should not show it again.
    const search = withoutSignInError(window.location.search)
    if (search !== window.location.search) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}`)
    }
    const controller = new AbortController()
    readSignInMethods(controller.signal).then(setMethods, () => undefined)
    return () => controller.abort()
  }, [])

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
        <FormError message={message} />
        <button type="submit" className="primary" disabled={isBusy}>
          {isBusy ? 'Signing in…' : 'Sign in'}
        </button>
        {methods?.sso == null ? null : (
          <a className="button sso-button" href={ssoStartHref(methods.sso.startPath, window.location)}>
            Sign in with {methods.sso.displayName}
          </a>
        )}
      </form>
    </main>
  )
}
