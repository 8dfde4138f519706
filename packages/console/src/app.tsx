import { useCallback, useEffect, useState } from 'react'
import { onSessionEnded } from './api/api-client'
import type { SessionInfo } from './api/api-types'
import { asFailure, type Loadable } from './api/use-api'
import { AppLayout } from './app-layout'
import { ChangePasswordForm } from './session/change-password-form'
import { readSession } from './session/session'
import { SignInPage } from './session/sign-in-page'
import { ErrorBanner, Loading } from './ui/status-views'

/** The console: the sign-in page until someone is signed in, then the pages their role allows. */
export function App() {
  const [session, setSession] = useState<Loadable<SessionInfo | null>>({ status: 'loading' })
  const load = useCallback(() => {
    setSession({ status: 'loading' })
    readSession().then(
      (data) => setSession({ status: 'loaded', data }),
      (error: unknown) => setSession({ status: 'failed', failure: asFailure(error) }),
    )
  }, [])
  useEffect(load, [load])
  useEffect(() => onSessionEnded(() => setSession({ status: 'loaded', data: null })), [])

  switch (session.status) {
    case 'loading':
      return <Loading what="your session" />
    case 'failed':
      return (
        <main className="page">
          <ErrorBanner failure={session.failure} onRetry={load} />
        </main>
      )
    case 'loaded':
      if (session.data === null) {
        return <SignInPage onSignedIn={(data) => setSession({ status: 'loaded', data })} />
      }
      if (session.data.mustChangePassword) {
        return (
          <main className="page narrow">
            <ChangePasswordForm isRequired onChanged={load} />
          </main>
        )
      }
      return <AppLayout session={session.data} onSignedOut={() => setSession({ status: 'loaded', data: null })} />
  }
}
