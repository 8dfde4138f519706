import { ApplicationPage } from './application/application-page'
import type { SessionInfo } from './api/api-types'
import { AccountPage } from './admin/account-page'
import { AuditPage } from './admin/audit-page'
import { UsersPage } from './admin/users-page'
import { ApiKeysPage } from './admin/api-keys-page'
import { WebhooksPage } from './admin/webhooks-page'
import { SharingPage } from './sharing/sharing-page'
import { ClusterPage } from './graph/cluster-page'
import { IntelligencePage } from './intelligence/intelligence-page'
import { EmployeePage } from './employee/employee-page'
import { EmployeesPage } from './employee/employees-page'
import { FarmPage } from './farm/farm-page'
import { FarmsPage } from './farm/farms-page'
import { ModelPage } from './model/model-page'
import { PolicyPage } from './policy/policy-page'
import { QueuePage } from './queue/queue-page'
import { TrendsPage } from './trends/trends-page'
import { Link } from './routing/link'
import type { Route } from './routing/route'
import { useRoute } from './routing/use-route'
import { abilitiesOf, signOut, type Abilities } from './session/session'

/** The signed-in console: the top bar (pages the role allows, who is signed in) and the current page. */
export function AppLayout(props: { readonly session: SessionInfo; readonly onSignedOut: () => void }) {
  const route = useRoute()
  const abilities = abilitiesOf(props.session)
  const { user } = props.session
  const tabs: { readonly route: Route; readonly label: string; readonly isShown: boolean }[] = [
    { route: { page: 'queue' }, label: 'Review queue', isShown: true },
    { route: { page: 'trends' }, label: 'Trends', isShown: true },
    {
      route: { page: 'intelligence' },
      label: 'Intelligence',
      isShown: props.session.permissions.includes('intel.read'),
    },
    { route: { page: 'employees' }, label: 'Employees', isShown: true },
    { route: { page: 'model' }, label: 'Risk model', isShown: true },
    { route: { page: 'policy' }, label: 'Policy', isShown: true },
    { route: { page: 'users' }, label: 'Users', isShown: abilities.canManageUsers },
    { route: { page: 'api-keys' }, label: 'API keys', isShown: abilities.canManageKeys },
    { route: { page: 'webhooks' }, label: 'Webhooks', isShown: abilities.canManageWebhooks },
    { route: { page: 'sharing' }, label: 'Sharing', isShown: props.session.permissions.includes('sharing.export') },
    { route: { page: 'audit' }, label: 'Audit log', isShown: abilities.canReadAudit },
  ]
  const current =
    route.page === 'application' || route.page === 'cluster'
      ? 'queue'
      : route.page === 'employee' || route.page === 'farm' || route.page === 'farms'
        ? 'employees'
        : route.page
  return (
    <div className="app">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">HireWall</span>
        <nav aria-label="Main">
          <ul>
            {tabs
              .filter((tab) => tab.isShown)
              .map((tab) => (
                <li key={tab.label} aria-current={tab.route.page === current ? 'page' : undefined}>
                  <Link to={tab.route}>{tab.label}</Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="who">
          <Link to={{ page: 'account' }}>
            {user.displayName ?? user.email} <span className="role">{user.role}</span>
          </Link>
          <button
            type="button"
            onClick={() => {
              signOut().then(props.onSignedOut, props.onSignedOut)
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <div id="content">
        <Page route={route} abilities={abilities} session={props.session} />
      </div>
    </div>
  )
}

function Page(props: { readonly route: Route; readonly abilities: Abilities; readonly session: SessionInfo }) {
  const { route, abilities } = props
  switch (route.page) {
    case 'queue':
      return <QueuePage currentUserId={props.session.user.id} />
    case 'application':
      return (
        <ApplicationPage key={route.id} id={route.id} abilities={abilities} currentUserId={props.session.user.id} />
      )
    case 'cluster':
      return <ClusterPage key={route.id} id={route.id} abilities={abilities} />
    case 'trends':
      return <TrendsPage />
    case 'employees':
      return <EmployeesPage />
    case 'employee':
      return <EmployeePage key={route.id} id={route.id} abilities={abilities} />
    case 'farms':
      return <FarmsPage />
    case 'farm':
      return <FarmPage key={route.id} id={route.id} />
    case 'policy':
      return <PolicyPage canManage={props.session.permissions.includes('policy.manage')} />
    case 'users':
      return abilities.canManageUsers ? <UsersPage currentUserId={props.session.user.id} /> : <NotAllowed />
    case 'api-keys':
      return abilities.canManageKeys ? <ApiKeysPage /> : <NotAllowed />
    case 'webhooks':
      return abilities.canManageWebhooks ? <WebhooksPage /> : <NotAllowed />
    case 'sharing':
      return props.session.permissions.includes('sharing.export') ? <SharingPage /> : <NotAllowed />
    case 'audit':
      return abilities.canReadAudit ? <AuditPage /> : <NotAllowed />
    case 'account':
      return <AccountPage session={props.session} />
    case 'intelligence':
      return props.session.permissions.includes('intel.read') ? (
        <IntelligencePage canManage={props.session.permissions.includes('intel.manage')} />
      ) : (
        <NotAllowed />
      )
    case 'model':
      return <ModelPage canManage={props.session.permissions.includes('policy.manage')} />
    case 'not-found':
      return (
        <main className="page">
          <h1>Page not found</h1>
          <p>
            There is no page here. <Link to={{ page: 'queue' }}>Go to the review queue</Link>.
          </p>
        </main>
      )
  }
}

function NotAllowed() {
  return (
    <main className="page">
      <h1>Not available</h1>
      <p>Your role does not include this page. An admin can change your role.</p>
    </main>
  )
}
