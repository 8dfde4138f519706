import { useApi } from '../api/use-api'
import { DecisionForm } from '../application/decision-form'
import { SignalList } from '../application/signal-list'
import { Link } from '../routing/link'
import type { Abilities } from '../session/session'
import { formatDate, formatDateTime } from '../ui/format'
import { OutcomeBadge, ScoreMeter } from '../ui/outcome-badge'
import { ErrorBanner, Loading } from '../ui/status-views'
import { readEmployee, type TimelineKind } from './employee-api'

const kindLabels: Readonly<Record<TimelineKind, string>> = {
  application: 'Application',
  screening: 'Screening',
  hire: 'Hire',
  start: 'Start',
  shipment: 'Shipment',
  'device-check-in': 'Device',
  'sign-ins': 'Sign-ins',
  'payroll-change': 'Payroll',
  assessment: 'Assessment',
}

/** One employee after the hire: the assessment and its signals with evidence, and the timeline from application to today. */
export function EmployeePage(props: { readonly id: string; readonly abilities: Abilities }) {
  const { state, reload } = useApi(`employee:${props.id}`, (signal) => readEmployee(props.id, signal))
  if (state.status === 'loading') return <Loading what="the employee" />
  if (state.status === 'failed') {
    return (
      <main className="page">
        <ErrorBanner failure={state.failure} onRetry={reload} />
        <Link to={{ page: 'employees' }}>Back to the employees</Link>
      </main>
    )
  }
  const employee = state.data
  const latest = employee.latest
  return (
    <main className="page employee">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={{ page: 'employees' }}>Employees</Link> / <span>{employee.id}</span>
      </nav>
      <header className="application-header">
        <div>
          <h1>{employee.legalName ?? employee.id}</h1>
          <p className="muted">
            {employee.id} · started {formatDate(employee.startDate)}
            {employee.manager === null ? '' : ` · manager ${employee.manager}`}
            {employee.homeAddress === null ? '' : ` · home ${employee.homeAddress}`}
          </p>
        </div>
        {latest === null ? (
          <p>Not assessed yet.</p>
        ) : (
          <div className="verdict-box">
            <ScoreMeter score={latest.score} />
            <OutcomeBadge outcome={latest.outcome} />
            {employee.openCase === null ? null : <span className="badge case-open">Awaiting decision</span>}
          </div>
        )}
      </header>
      <div className="columns">
        <div className="main-column">
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">Timeline</h2>
            <ol className="timeline">
              {employee.timeline.map((entry, index) => (
                <li key={`${entry.kind}-${entry.at}-${index}`} className={`timeline-${entry.kind}`}>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
                  <span className="badge">{kindLabels[entry.kind]}</span> {entry.summary}
                  {entry.kind === 'application' && typeof entry.details['applicationId'] === 'string' ? (
                    <>
                      {' '}
                      <Link to={{ page: 'application', id: entry.details['applicationId'] }}>Open the application</Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="signals-title">
            <h2 id="signals-title">Signals</h2>
            {latest?.clusterId ? (
              <p>
                In farm cluster <Link to={{ page: 'farm', id: latest.clusterId }}>{latest.clusterId}</Link>.
              </p>
            ) : null}
            <SignalList signals={employee.signals} score={latest?.score ?? 0} />
          </section>
        </div>
        <aside className="side-column">
          {employee.application === null ? (
            <p className="muted">No screened application is linked to this employee.</p>
          ) : (
            <section aria-labelledby="application-title">
              <h2 id="application-title">The application</h2>
              <p>
                <Link to={{ page: 'application', id: employee.application.id }}>
                  {employee.application.candidateName ?? employee.application.id}
                </Link>{' '}
                <span className="muted">
                  {employee.application.sourceSystem} · {formatDateTime(employee.application.submittedAt)}
                </span>
              </p>
              {employee.application.latestResult === null ? null : (
                <OutcomeBadge outcome={employee.application.latestResult.outcome} />
              )}
            </section>
          )}
          {props.abilities.canDecide ? (
            <DecisionForm subject={{ kind: 'employee', id: employee.id }} onDecided={reload} />
          ) : null}
        </aside>
      </div>
    </main>
  )
}
