import { useState, type FormEvent } from 'react'
import type { ApiFailure } from '../api/api-failure'
import { asFailure, useApi } from '../api/use-api'
import { ErrorBanner, Loading } from '../ui/status-views'
import { BacktestReport } from './backtest-report'
import {
  backtestPolicy,
  listPolicyVersions,
  publishVersion,
  readPublishedPolicy,
  saveDraft,
  type Backtest,
  type PolicyDocument,
  type PolicyVersion,
  type Published,
} from './policy-api'
import { candidateOf, editsOf, policyFieldOf, severityOrder, type PolicyEdits } from './policy-draft'
import { VersionHistory } from './policy-history'
import { PolicySummary } from './policy-summary'

/**
 * The scoring policy: everyone reads the published rules, weights and thresholds and the version history; admins edit
 * a new version, see its backtest over the stored history, and only then publish it with a note.
 */
export function PolicyPage(props: { readonly canManage: boolean }) {
  const [generation, setGeneration] = useState(0)
  const published = useApi(`policy:${generation}`, readPublishedPolicy)
  const versions = useApi(`policy-versions:${generation}`, listPolicyVersions)
  const [notice, setNotice] = useState<string | null>(null)
  const refresh = (message: string) => {
    setNotice(message)
    setGeneration((value) => value + 1)
  }
  return (
    <main className="page policy">
      <h1>Scoring policy</h1>
      {notice === null ? null : (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {published.state.status === 'loading' ? <Loading what="the policy" /> : null}
      {published.state.status === 'failed' ? (
        <ErrorBanner failure={published.state.failure} onRetry={published.reload} />
      ) : null}
      {published.state.status === 'loaded' ? (
        <>
          <PolicySummary current={published.state.data} />
          {props.canManage ? (
            <PolicyEditor
              key={published.state.data.version}
              current={published.state.data}
              nextVersion={
                versions.state.status === 'loaded'
                  ? Math.max(0, ...versions.state.data.map((item) => item.version)) + 1
                  : published.state.data.version + 1
              }
              onPublished={(outcome) => refresh(publishedMessage(outcome))}
            />
          ) : null}
        </>
      ) : null}
      <section aria-labelledby="policy-history">
        <h2 id="policy-history" className="section-heading">
          Version history
        </h2>
        {versions.state.status === 'loading' ? <Loading what="the versions" /> : null}
        {versions.state.status === 'failed' ? (
          <ErrorBanner failure={versions.state.failure} onRetry={versions.reload} />
        ) : null}
        {versions.state.status === 'loaded' ? (
          <VersionHistory
            versions={versions.state.data}
            canManage={props.canManage}
            onPublished={(outcome) => refresh(publishedMessage(outcome))}
          />
        ) : null}
      </section>
    </main>
  )
}

function publishedMessage(outcome: Published): string {
  const name = `Version ${outcome.published.version} (${outcome.published.policyVersion}) is published.`
  switch (outcome.rescreen.status) {
    case 'queued':
      return `${name} Every application is being re-screened in the background; changed outcomes reach the queue and the webhooks.`
    case 'not-needed':
      return `${name} It already was: nothing changed.`
    case 'not-queued':
      return `${name} This server has no job queue: re-screen with POST /v1/rescreen.`
  }
}

/** Admins: edit thresholds and weights, backtest, then save and publish with a note. */
function PolicyEditor(props: {
  readonly current: PolicyVersion
  readonly nextVersion: number
  readonly onPublished: (outcome: Published) => void
}) {
  const { policy } = props.current
  const [edits, setEdits] = useState<PolicyEdits>(() => editsOf(policy, props.nextVersion))
  const [note, setNote] = useState('')
  const [backtest, setBacktest] = useState<{ readonly candidate: PolicyDocument; readonly report: Backtest } | null>(
    null,
  )
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [busy, setBusy] = useState<'backtest' | 'publish' | null>(null)
  const [queuedFor, setQueuedFor] = useState<number | null>(null)
  const edit = (change: Partial<PolicyEdits>) => {
    setEdits((previous) => ({ ...previous, ...change }))
    // A backtest speaks for the values it ran with only.
    setBacktest(null)
  }
  const runBacktest = (event: FormEvent) => {
    event.preventDefault()
    const candidate = candidateOf(policy, edits)
    setBusy('backtest')
    setFailure(null)
    setQueuedFor(null)
    backtestPolicy(candidate, setQueuedFor).then(
      (report) => {
        setBacktest({ candidate, report })
        setBusy(null)
      },
      (error: unknown) => {
        setFailure(asFailure(error))
        setBusy(null)
      },
    )
  }
  const publish = () => {
    if (backtest === null) return
    const trimmed = note.trim()
    setBusy('publish')
    setFailure(null)
    saveDraft(backtest.candidate, trimmed === '' ? undefined : trimmed)
      .then((draft) => publishVersion(draft.version, trimmed === '' ? undefined : trimmed))
      .then(props.onPublished, (error: unknown) => {
        setFailure(asFailure(error))
        setBusy(null)
      })
  }
  return (
    <section aria-labelledby="policy-edit">
      <h2 id="policy-edit" className="section-heading">
        Edit a new version
      </h2>
      <form className="stacked-form" onSubmit={runBacktest} aria-label="Edit the policy">
        <div className="filters">
          <div className="field">
            <label htmlFor="policy-version-name">Version name</label>
            <input
              id="policy-version-name"
              required
              maxLength={200}
              value={edits.versionName}
              onChange={(event) => edit({ versionName: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="policy-review">Review threshold</label>
            <input
              id="policy-review"
              type="number"
              min={0}
              max={100}
              step="any"
              value={edits.review}
              onChange={(event) => edit({ review: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="policy-hold">Hold threshold</label>
            <input
              id="policy-hold"
              type="number"
              min={0}
              max={100}
              step="any"
              value={edits.hold}
              onChange={(event) => edit({ hold: event.target.value })}
            />
          </div>
        </div>
        <fieldset className="filters">
          <legend>Severity weights (0 to 1)</legend>
          {severityOrder.map((severity) => (
            <div className="field" key={severity}>
              <label htmlFor={`policy-weight-${severity}`}>Weight of {severity} signals</label>
              <input
                id={`policy-weight-${severity}`}
                type="number"
                min={0}
                max={1}
                step="any"
                value={edits.severityWeights[severity] ?? ''}
                onChange={(event) =>
                  edit({ severityWeights: { ...edits.severityWeights, [severity]: event.target.value } })
                }
              />
            </div>
          ))}
        </fieldset>
        <fieldset className="filters">
          <legend>Category caps (0 to 1)</legend>
          {Object.keys(edits.categoryCaps).map((category) => (
            <div className="field" key={category}>
              <label htmlFor={`policy-cap-${category}`}>
                Cap of {category === 'default' ? 'other categories' : category}
              </label>
              <input
                id={`policy-cap-${category}`}
                type="number"
                min={0}
                max={1}
                step="any"
                value={edits.categoryCaps[category] ?? ''}
                onChange={(event) => edit({ categoryCaps: { ...edits.categoryCaps, [category]: event.target.value } })}
              />
            </div>
          ))}
        </fieldset>
        <div className="filter-actions">
          <button type="submit" className="button" disabled={busy !== null}>
            {busy === 'backtest' ? 'Running the backtest…' : 'Run backtest'}
          </button>
        </div>
      </form>
      {busy === 'backtest' && queuedFor !== null ? (
        <p className="loading" role="status" aria-live="polite">
          Replaying {queuedFor.toLocaleString('en')} stored applications in the background…
        </p>
      ) : null}
      {failure === null ? null : <EditFailure failure={failure} />}
      {backtest === null ? (
        <p className="muted small">Run the backtest to see what this version would change before publishing it.</p>
      ) : (
        <>
          <BacktestReport report={backtest.report} />
          <div className="stacked-form" aria-label="Publish">
            <div className="field">
              <label htmlFor="policy-note">Note for the history</label>
              <textarea
                id="policy-note"
                maxLength={2000}
                value={note}
                onChange={(event) => setNote(event.target.value)}
              />
            </div>
            <div className="filter-actions">
              <button type="button" className="button" disabled={busy !== null} onClick={publish}>
                {busy === 'publish' ? 'Publishing…' : `Publish ${backtest.candidate.version}`}
              </button>
            </div>
          </div>
        </>
      )}
    </section>
  )
}

function EditFailure(props: { readonly failure: ApiFailure }) {
  const issues = props.failure.details.issues
  const listed = Array.isArray(issues)
    ? issues.flatMap((issue: unknown) =>
        typeof issue === 'object' && issue !== null && 'path' in issue && 'message' in issue
          ? [`${policyFieldOf(String(issue.path))}: ${String(issue.message)}`]
          : [],
      )
    : []
  return (
    <div className="form-error" role="alert">
      <p>{props.failure.message}</p>
      {listed.length === 0 ? null : (
        <ul>
          {listed.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
