import { useState } from 'react'
import type { ApiFailure } from '../api/api-failure'
import { asFailure, useApi } from '../api/use-api'
import { UnitPlot } from '../ui/charts/unit-plot'
import { formatDateTime } from '../ui/format'
import { ErrorBanner, Loading } from '../ui/status-views'
import { backtestModel, promoteModel, readModelCard, readModels, rollbackModel, rulesOnly } from './model-api'
import { ModelBacktestReport } from './model-backtest-report'
import {
  calibrationSeries,
  failedChecks,
  labelsText,
  metricRows,
  metricText,
  percentText,
  precisionRecallSeries,
} from './model-card-data'
import type { ActiveModel, ModelBacktest, ModelCard, ModelListing } from './model-types'

const lineClasses = ['line-rules', 'line-model', 'line-combined'] as const

/**
 * The risk model: the stored models, the model card of the active one (or the one chosen) with its training data,
 * held-out metrics, PR curves and calibration plot; admins backtest a model (or the rules alone) on the stored
 * applications, promote (through the quality and fairness gate) and roll back.
 */
export function ModelPage(props: { readonly canManage: boolean }) {
  const { state, reload } = useApi('models', readModels)
  const [chosen, setChosen] = useState<string | undefined>(undefined)
  // Kept here, not in the list: reloading after a promotion or rollback unmounts the list while it loads.
  const [notice, setNotice] = useState<string | undefined>(undefined)
  // Kept here too: a backtest speaks for the active model it was compared with, so a promotion clears it.
  const [backtest, setBacktest] = useState<ModelBacktest | undefined>(undefined)
  if (state.status === 'loading') return <Loading what="the risk models" />
  if (state.status === 'failed') {
    return (
      <main className="page">
        <ErrorBanner failure={state.failure} onRetry={reload} />
      </main>
    )
  }
  const { active, models } = state.data
  const shown = chosen ?? active?.version ?? models.at(-1)?.version
  return (
    <main className="page model">
      <div className="page-heading">
        <h1>Risk model</h1>
      </div>
      <p>
        {active === null
          ? 'No model is active: the rules alone decide.'
          : `Active model: ${active.version}. It may raise a clear application to review, never to hold; a person decides.`}
      </p>
      {models.length === 0 ? (
        <p className="muted">No models are stored yet: train one with "hirewall model train --from-store".</p>
      ) : (
        <ModelList
          models={models}
          active={active}
          shown={shown}
          canManage={props.canManage}
          notice={notice}
          onNotice={(next) => {
            setNotice(next)
            if (next !== undefined) setBacktest(undefined)
          }}
          backtest={backtest}
          onBacktest={setBacktest}
          onShow={setChosen}
          onChanged={reload}
        />
      )}
      {shown === undefined ? null : <ModelCardSection key={shown} version={shown} />}
    </main>
  )
}

function ModelList(props: {
  readonly models: readonly ModelListing[]
  readonly active: ActiveModel | null
  readonly shown: string | undefined
  readonly canManage: boolean
  /** What the last promotion or rollback did; the page keeps it across the reload that follows. */
  readonly notice: string | undefined
  readonly onNotice: (notice: string | undefined) => void
  /** The last backtest's report, shown under the list. */
  readonly backtest: ModelBacktest | undefined
  readonly onBacktest: (report: ModelBacktest | undefined) => void
  readonly onShow: (version: string) => void
  readonly onChanged: () => void
}) {
  const [busy, setBusy] = useState<string | undefined>(undefined)
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined)
  const [queued, setQueued] = useState<number | undefined>(undefined)
  const message = props.notice
  const act = (what: string, work: () => Promise<string>) => {
    setBusy(what)
    setFailure(undefined)
    props.onNotice(undefined)
    work().then(
      (done) => {
        setBusy(undefined)
        props.onNotice(done)
        props.onChanged()
      },
      (error: unknown) => {
        setBusy(undefined)
        setFailure(asFailure(error))
      },
    )
  }
  const runBacktest = (version: string) => {
    setBusy(`backtest:${version}`)
    setFailure(undefined)
    setQueued(undefined)
    props.onBacktest(undefined)
    backtestModel(version, setQueued).then(
      (report) => {
        setBusy(undefined)
        props.onBacktest(report)
      },
      (error: unknown) => {
        setBusy(undefined)
        setFailure(asFailure(error))
      },
    )
  }
  const backtestLabel = (version: string, idle: string) => (busy === `backtest:${version}` ? 'Replaying…' : idle)
  const canRollback = props.canManage && props.active !== null && props.active.stack.length > 1
  return (
    <section aria-labelledby="models-title">
      <div className="section-heading">
        <h2 id="models-title">Stored models</h2>
        {props.canManage && props.active !== null ? (
          <button type="button" disabled={busy !== undefined} onClick={() => runBacktest(rulesOnly)}>
            {backtestLabel(rulesOnly, 'Backtest the rules alone')}
          </button>
        ) : null}
        {canRollback ? (
          <button
            type="button"
            disabled={busy !== undefined}
            onClick={() =>
              act('rollback', async () => {
                const result = await rollbackModel()
                return `Rolled back: ${result.active.version} is active again (was ${result.previous}).`
              })
            }
          >
            Roll back to the previous model
          </button>
        ) : null}
      </div>
      {message === undefined ? null : (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {failure === undefined ? null : <PromotionRefusal failure={failure} />}
      <table className="list">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Trained</th>
            <th scope="col">Labels</th>
            <th scope="col">Held-out PR-AUC (model)</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.models.map((model) => {
            const prAuc = (model.evaluationSummary.prAuc as { model?: number | null } | undefined)?.model
            return (
              <tr key={model.version} aria-current={model.version === props.shown ? 'true' : undefined}>
                <td>
                  <button type="button" className="link-button" onClick={() => props.onShow(model.version)}>
                    {model.version}
                  </button>
                </td>
                <td>{formatDateTime(model.createdAt)}</td>
                <td>{model.labelSource === 'analyst-decisions' ? 'Analyst decisions' : 'Generated world'}</td>
                <td>{metricText(prAuc)}</td>
                <td>{model.isActive ? <span className="badge badge-clear">Active</span> : null}</td>
                <td>
                  {props.canManage ? (
                    <button type="button" disabled={busy !== undefined} onClick={() => runBacktest(model.version)}>
                      {backtestLabel(model.version, 'Backtest')}
                    </button>
                  ) : null}{' '}
                  {props.canManage && !model.isActive ? (
                    <button
                      type="button"
                      disabled={busy !== undefined}
                      onClick={() =>
                        act(model.version, async () => {
                          await promoteModel(model.version)
                          return `Promoted: ${model.version} is the active model.`
                        })
                      }
                    >
                      {busy === model.version ? 'Measuring…' : 'Promote'}
                    </button>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {busy?.startsWith('backtest:') === true && queued !== undefined ? (
        <p className="muted small" role="status">
          The store holds {queued.toLocaleString('en')} applications: the backtest runs in the background.
        </p>
      ) : null}
      {props.backtest === undefined ? null : <ModelBacktestReport report={props.backtest} />}
      {props.canManage ? (
        <p className="muted small">
          A backtest replays a model on the stored applications (their stored signals and link facts, under the
          published policy) and shows which outcomes would change; nothing is changed. Promoting measures the model and
          the active one on a generated world (takes a while) and refuses a model that ranks fraud worse or treats
          groups of legitimate applicants differently.
        </p>
      ) : null}
    </section>
  )
}

function PromotionRefusal(props: { readonly failure: ApiFailure }) {
  const checks = failedChecks(props.failure.details)
  if (checks.length === 0) return <ErrorBanner failure={props.failure} />
  return (
    <div className="error-banner" role="alert">
      <p>{props.failure.message}</p>
      <ul>
        {checks.flatMap((check) =>
          check.messages.map((message) => (
            <li key={`${check.name}-${message}`}>
              <strong>{check.name}:</strong> {message}
            </li>
          )),
        )}
      </ul>
    </div>
  )
}

function ModelCardSection(props: { readonly version: string }) {
  const { state, reload } = useApi(`model:${props.version}`, (signal) => readModelCard(props.version, signal))
  if (state.status === 'loading') return <Loading what="the model card" />
  if (state.status === 'failed') return <ErrorBanner failure={state.failure} onRetry={reload} />
  return <ModelCardView card={state.data} />
}

function ModelCardView(props: { readonly card: ModelCard }) {
  const { card } = props
  const split = card.training.split
  const folds = (['train', 'calibration', 'test'] as const).flatMap((name) => {
    const fold = split[name]
    return fold === undefined ? [] : [{ name, ...fold }]
  })
  const prSeries = precisionRecallSeries(card).map((series, index) => ({
    ...series,
    className: lineClasses[index] ?? 'line-model',
  }))
  return (
    <section aria-labelledby="card-title">
      <h2 id="card-title">Model card: {card.version}</h2>
      <dl className="facts">
        <dt>Trained</dt>
        <dd>
          {formatDateTime(card.createdAt)} (seed {card.seed}, {card.training.treeCount} trees, policy{' '}
          {card.training.policyVersion})
        </dd>
        <dt>Training data</dt>
        <dd>{labelsText(card)}</dd>
        <dt>Split in time</dt>
        <dd>
          {folds
            .map((fold) => `${fold.name} ${fold.applications.toLocaleString('en-US')} (${fold.fraud} fraud)`)
            .join(' · ')}
        </dd>
        <dt>Thresholds</dt>
        <dd>
          review from {percentText(card.thresholds.review)}, hold from {percentText(card.thresholds.hold)}
        </dd>
        <dt>Fairness</dt>
        <dd>
          {card.fairness.status === 'within' ? 'Within' : 'Exceeds'} the bound of{' '}
          {percentText(card.fairness.maxFalsePositiveGap)} between groups of legitimate applicants
        </dd>
      </dl>
      <h3>Held-out metrics</h3>
      <p className="muted small">
        On the latest {card.metrics.applications.toLocaleString('en-US')} applications ({card.metrics.fraud} fraud),
        which training never saw.
      </p>
      <table className="list">
        <thead>
          <tr>
            <th scope="col">Scorer</th>
            <th scope="col">PR-AUC</th>
            <th scope="col">ROC-AUC</th>
            <th scope="col">Recall at 1% FPR</th>
            <th scope="col">Review precision</th>
            <th scope="col">Review recall</th>
            <th scope="col">Review FPR</th>
          </tr>
        </thead>
        <tbody>
          {metricRows(card).map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td>{row.prAuc}</td>
              <td>{row.rocAuc}</td>
              <td>{row.recallAtOnePercentFpr}</td>
              <td>{row.reviewPrecision}</td>
              <td>{row.reviewRecall}</td>
              <td>{row.reviewFalsePositiveRate}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="chart-grid">
        <UnitPlot title="Precision-recall" xLabel="recall" yLabel="precision" series={prSeries} />
        <UnitPlot
          title={`Calibration (expected error ${percentText(card.calibration.expectedCalibrationError)})`}
          xLabel="predicted"
          yLabel="observed"
          series={[{ ...calibrationSeries(card), className: 'line-model' }]}
          hasDiagonal
        />
      </div>
      {card.training.featureImportance.length === 0 ? null : (
        <>
          <h3>Features that move the estimate most</h3>
          <ol>
            {card.training.featureImportance.slice(0, 10).map((entry) => (
              <li key={entry.feature}>
                <code>{entry.feature}</code> ({entry.meanAbsoluteContribution.toFixed(3)} log-odds on average)
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}
