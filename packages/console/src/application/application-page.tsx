import { useState } from 'react'
import type { ApplicationDetail } from '../api/api-types'
import { useApi } from '../api/use-api'
import { Link } from '../routing/link'
import type { Abilities } from '../session/session'
import { formatDateTime } from '../ui/format'
import { OutcomeBadge, ScoreMeter } from '../ui/outcome-badge'
import { ErrorBanner, Loading } from '../ui/status-views'
import { readApplication, readAuditOf } from './application-api'
import { auditTrail, verdictLabel } from './audit-trail'
import { CaseAssignment } from './case-assignment'
import { DecisionForm } from './decision-form'
import { explainOutcome } from './explain-signal'
import { LinkedComparison } from './linked-comparison'
import { recordFacts } from './record-facts'
import { SignalList } from './signal-list'
import { ModelAssessmentPanel } from './model-assessment-panel'

/** One application: score and outcome explained, every signal and its evidence, linked applications, the decision. */
export function ApplicationPage(props: {
  readonly id: string
  readonly abilities: Abilities
  readonly currentUserId: string
}) {
  const { state, reload } = useApi(`application:${props.id}`, (signal) => readApplication(props.id, signal))
  const [justDecided, setJustDecided] = useState(false)
  if (state.status === 'loading') return <Loading what="the application" />
  if (state.status === 'failed') {
    return (
      <main className="page">
        <ErrorBanner failure={state.failure} onRetry={reload} />
        <Link to={{ page: 'queue' }}>Back to the queue</Link>
      </main>
    )
  }
  const detail = state.data
  const { application, latestResult: result } = detail
  const name = recordFacts(application.record).Name[0] ?? 'Name not given'
  const isOpen = detail.case?.status === 'open'
  return (
    <main className="page application">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={{ page: 'queue' }}>Review queue</Link> / <span>{application.id}</span>
      </nav>
      <header className="application-header">
        <div>
          <h1>{name}</h1>
          <p className="muted">
            {application.id} · {application.sourceSystem}
            {application.requisitionId === null ? '' : ` · requisition ${application.requisitionId}`} · submitted{' '}
            {formatDateTime(application.submittedAt)}
          </p>
        </div>
        {result === null ? (
          <p>Not screened yet.</p>
        ) : (
          <div className="verdict-box">
            <ScoreMeter score={result.score} />
            <OutcomeBadge outcome={result.outcome} />
            {detail.case === null ? null : (
              <span className={`badge case-${detail.case.status}`}>{isOpen ? 'Awaiting decision' : 'Decided'}</span>
            )}
          </div>
        )}
      </header>
      {justDecided ? (
        <p className="notice" role="status">
          Decision recorded. <Link to={{ page: 'queue' }}>Back to the queue</Link>
        </p>
      ) : null}
      <div className="columns">
        <div className="main-column">
          {result === null ? null : (
            <section aria-labelledby="why-title">
              <h2 id="why-title">Why this score</h2>
              <p>{explainOutcome(result)}</p>
              <SignalList signals={result.signals} score={result.score} />
              <p className="muted small">
                Policy {result.policyVersion}
                {result.modelVersion === undefined || result.modelVersion === null
                  ? ''
                  : `, model ${result.modelVersion}`}
                {result.dataVersions === undefined
                  ? ''
                  : `; reference data ${Object.entries(result.dataVersions)
                      .map(([source, version]) => `${source} ${version}`)
                      .join(', ')}`}
                .
              </p>
              {result.model === undefined || result.model === null ? null : (
                <ModelAssessmentPanel model={result.model} />
              )}
              {result.detectorFailures !== undefined && result.detectorFailures.length > 0 ? (
                <p className="notice">
                  Some checks did not run: {result.detectorFailures.map((failure) => failure.detector).join(', ')}.
                </p>
              ) : null}
            </section>
          )}
          <section aria-labelledby="linked-title">
            <div className="section-heading">
              <h2 id="linked-title">Linked applications ({detail.linked.total})</h2>
              {detail.cluster === null || detail.linked.total === 0 ? null : (
                <Link to={{ page: 'cluster', id: detail.cluster.id }} className="button">
                  Open the link graph
                </Link>
              )}
            </div>
            {detail.cluster === null || detail.cluster.applicationCount < 2 ? null : (
              <p className="muted">
                Cluster {detail.cluster.id}: {detail.cluster.applicationCount} applications claiming{' '}
                {detail.cluster.claimedPeople === 1 ? 'one person' : `${detail.cluster.claimedPeople} different people`}
                {detail.cluster.isRing ? ' (a ring)' : ''}.
              </p>
            )}
            <LinkedComparison applicationId={application.id} record={application.record} linked={detail.linked.items} />
          </section>
        </div>
        <aside className="side-column">
          {props.abilities.canDecide ? (
            <DecisionPanel
              detail={detail}
              currentUserId={props.currentUserId}
              onChanged={reload}
              onDecided={() => {
                setJustDecided(true)
                reload()
              }}
            />
          ) : (
            <section aria-labelledby="decision-title">
              <h2 id="decision-title">Decision</h2>
              <p className="muted">Viewers cannot decide. An analyst or admin records decisions.</p>
            </section>
          )}
          <Trail detail={detail} canReadAudit={props.abilities.canReadAudit} />
        </aside>
      </div>
    </main>
  )
}

function DecisionPanel(props: {
  readonly detail: ApplicationDetail
  readonly currentUserId: string
  readonly onDecided: () => void
  readonly onChanged: () => void
}) {
  const latest = props.detail.decisions.at(-1)
  const reviewCase = props.detail.case
  return (
    <section>
      {reviewCase?.status === 'open' ? (
        <CaseAssignment reviewCase={reviewCase} currentUserId={props.currentUserId} onChanged={props.onChanged} />
      ) : null}
      {latest === undefined ? null : (
        <p className="notice">
          Last decision: <strong>{verdictLabel(latest.verdict)}</strong> ({latest.reason}),{' '}
          {formatDateTime(latest.decidedAt)}.
        </p>
      )}
      <DecisionForm subject={{ kind: 'application', id: props.detail.application.id }} onDecided={props.onDecided} />
    </section>
  )
}

function Trail(props: { readonly detail: ApplicationDetail; readonly canReadAudit: boolean }) {
  const id = props.detail.application.id
  const { state } = useApi(`audit:${id}:${props.canReadAudit}:${props.detail.decisions.length}`, (signal) =>
    props.canReadAudit ? readAuditOf(`application:${id}`, signal) : Promise.resolve([]),
  )
  const entries = auditTrail(props.detail, state.status === 'loaded' ? state.data : [])
  return (
    <section aria-labelledby="trail-title">
      <h2 id="trail-title">Audit trail</h2>
      {state.status === 'failed' ? (
        <p className="muted">The audit log could not be read: {state.failure.message}</p>
      ) : null}
      <ol className="trail">
        {entries.map((entry, index) => (
          <li key={index}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> {entry.what}
            {entry.who === null ? null : <span className="muted"> by {entry.who}</span>}
          </li>
        ))}
      </ol>
    </section>
  )
}
