import { useState } from 'react'
import { useApi } from '../api/use-api'
import { BarList } from '../ui/charts/bar-list'
import { ColumnChart } from '../ui/charts/column-chart'
import { Sparkline } from '../ui/charts/sparkline'
import { ErrorBanner, Loading } from '../ui/status-views'
import { bucketLabel, changeText, precisionText, readTrends } from './trends-data'
import { trendPeriods, type BreakdownRow, type TrendPeriod, type Trends } from './trends-types'

const periodLabels: Record<TrendPeriod, string> = { week: 'Weeks', month: 'Months', quarter: 'Quarters' }

/** The trends dashboard: volumes and outcomes over time, the quarter's change, signals, breakdowns, rings, precision. */
export function TrendsPage() {
  const [period, setPeriod] = useState<TrendPeriod>('week')
  const { state, reload } = useApi(`trends:${period}`, (signal) => readTrends(period, signal))
  return (
    <main className="page trends">
      <div className="page-heading">
        <h1>Trends</h1>
        <div className="tabs" role="tablist" aria-label="Period">
          {trendPeriods.map((candidate) => (
            <button
              key={candidate}
              type="button"
              role="tab"
              aria-selected={period === candidate}
              className={period === candidate ? 'tab selected' : 'tab'}
              onClick={() => setPeriod(candidate)}
            >
              {periodLabels[candidate]}
            </button>
          ))}
        </div>
      </div>
      {state.status === 'loading' ? <Loading what="the trends" /> : null}
      {state.status === 'failed' ? <ErrorBanner failure={state.failure} onRetry={reload} /> : null}
      {state.status === 'loaded' ? <Dashboard trends={state.data} /> : null}
    </main>
  )
}

function Dashboard(props: { readonly trends: Trends }) {
  const { trends } = props
  const labels = trends.buckets.map((bucket) => bucketLabel(bucket.start, trends.period))
  const { current, previous, change } = trends.quarterOverQuarter
  const quarterName = bucketLabel(current.start, 'quarter')
  const figures = [
    { name: 'Applications', value: current.applications, before: previous.applications, change: change.applications },
    { name: 'Reviews', value: current.reviews, before: previous.reviews, change: change.reviews },
    { name: 'Holds', value: current.holds, before: previous.holds, change: change.holds },
  ]
  const breakdownRows = (rows: readonly BreakdownRow[]) =>
    rows.map((row) => ({
      label: row.key,
      parts: [
        { name: 'holds', value: row.holds, className: 'fill-hold' },
        { name: 'reviews', value: row.reviews, className: 'fill-review' },
        { name: 'clear', value: Math.max(0, row.applications - row.reviews - row.holds), className: 'fill-clear' },
      ],
      note: `${row.applications} applications, ${row.holds} held, ${row.reviews} in review`,
    }))
  return (
    <>
      <section className="figures" aria-label={`${quarterName} against the quarter before`}>
        {figures.map((figure) => (
          <div key={figure.name} className="figure">
            <span className="figure-name">
              {figure.name} in {quarterName}
            </span>
            <span className="figure-value">{figure.value}</span>
            <span className={figure.change !== null && figure.change > 0 ? 'figure-change up' : 'figure-change'}>
              {changeText(figure.change)} ({figure.before})
            </span>
          </div>
        ))}
      </section>
      <div className="chart-grid">
        <ColumnChart
          title="Applications by outcome"
          labels={labels}
          series={[
            { name: 'clear', className: 'fill-clear' },
            { name: 'review', className: 'fill-review' },
            { name: 'hold', className: 'fill-hold' },
          ]}
          values={[
            trends.buckets.map((bucket) => Math.max(0, bucket.applications - bucket.reviews - bucket.holds)),
            trends.buckets.map((bucket) => bucket.reviews),
            trends.buckets.map((bucket) => bucket.holds),
          ]}
        />
        <ColumnChart
          title="Analysts' verdicts"
          labels={labels}
          series={[
            { name: 'confirmed fraud', className: 'fill-fraud' },
            { name: 'cleared', className: 'fill-cleared' },
            { name: 'needs verification', className: 'fill-verify' },
          ]}
          values={[
            trends.buckets.map((bucket) => bucket.confirmedFraud),
            trends.buckets.map((bucket) => bucket.cleared),
            trends.buckets.map((bucket) => bucket.needsVerification),
          ]}
        />
        <ColumnChart
          title="Rings discovered"
          labels={labels}
          series={[{ name: 'rings', className: 'fill-ring' }]}
          values={[trends.buckets.map((bucket) => bucket.rings)]}
        />
        <figure className="chart top-signals">
          <figcaption>Top signals</figcaption>
          {trends.topSignals.length === 0 ? <p className="muted">No signal was raised in this range.</p> : null}
          <ul>
            {trends.topSignals.map((signal) => (
              <li key={signal.code}>
                <code className="bar-label" title={signal.code}>
                  {signal.code}
                </code>
                <Sparkline
                  values={signal.counts}
                  label={`${signal.code} per ${trends.period}: ${signal.counts.join(', ')}`}
                />
                <span className="bar-note">{signal.total}</span>
              </li>
            ))}
          </ul>
        </figure>
      </div>
      <div className="chart-grid">
        <BarList title="By requisition" rows={breakdownRows(trends.breakdowns.requisition)} empty="No applications." />
        <BarList title="By source" rows={breakdownRows(trends.breakdowns.source)} empty="No applications." />
        <BarList
          title="By staffing vendor"
          rows={breakdownRows(trends.breakdowns.staffingVendor)}
          empty="No applications."
        />
        <BarList
          title="Precision per signal (analysts' verdicts)"
          max={1}
          empty="No verdicts yet: precision appears as analysts confirm or clear applications."
          rows={trends.signalPrecision.map((row) => ({
            label: row.code,
            parts: [
              { name: 'precision', value: row.precision ?? 0, className: 'fill-fraud' },
              { name: 'rest', value: row.precision === null ? 0 : 1 - row.precision, className: 'fill-cleared' },
            ],
            note: `${precisionText(row.precision)}: ${row.confirmedFraud} confirmed, ${row.cleared} cleared`,
          }))}
        />
      </div>
      <p className="muted small">
        Counted by submission time in UTC {trends.period}s from {bucketLabel(trends.from, trends.period)}; verdicts and
        rings by when they happened. Precision counts each application's latest verdict.
      </p>
    </>
  )
}
