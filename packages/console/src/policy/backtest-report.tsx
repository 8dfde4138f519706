import type { Outcome } from '../api/api-types'
import { Link } from '../routing/link'
import { formatScore, outcomeLabels } from '../ui/format'
import { OutcomeBadge } from '../ui/outcome-badge'
import type { Backtest } from './policy-api'

const outcomeOrder: readonly Outcome[] = ['clear', 'review', 'hold']

/** How many stored outcomes the candidate would change, from which outcome to which, and some of them. */
export function BacktestReport(props: { readonly report: Backtest }) {
  const { report } = props
  return (
    <section aria-labelledby="policy-backtest" className="backtest">
      <h3 id="policy-backtest">Backtest of {report.policyVersion}</h3>
      <p>
        <strong>
          {report.changed.toLocaleString('en')} of {report.applications.toLocaleString('en')}
        </strong>{' '}
        stored applications would get another outcome.
        {report.scoredWithOtherPolicy > 0
          ? ` ${report.scoredWithOtherPolicy.toLocaleString('en')} of them were last scored by an older policy.`
          : ''}
      </p>
      <table className="list" aria-label="Outcome changes">
        <caption className="muted small">Rows: the stored outcome. Columns: the outcome under this version.</caption>
        <thead>
          <tr>
            <th scope="col">Stored \ new</th>
            {outcomeOrder.map((outcome) => (
              <th scope="col" key={outcome}>
                {outcomeLabels[outcome]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {outcomeOrder.map((from) => (
            <tr key={from}>
              <th scope="row">{outcomeLabels[from]}</th>
              {outcomeOrder.map((to) => (
                <td key={to} className={from === to ? 'muted' : undefined}>
                  {report.matrix[from][to].toLocaleString('en')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {report.sample.length === 0 ? null : (
        <table className="list" aria-label="Applications that would change">
          <thead>
            <tr>
              <th scope="col">Application</th>
              <th scope="col">Now</th>
              <th scope="col">Under this version</th>
            </tr>
          </thead>
          <tbody>
            {report.sample.map((item) => (
              <tr key={item.applicationId}>
                <td>
                  <Link to={{ page: 'application', id: item.applicationId }}>{item.applicationId}</Link>
                </td>
                <td>
                  <OutcomeBadge outcome={item.from.outcome} /> {formatScore(item.from.score)}
                </td>
                <td>
                  <OutcomeBadge outcome={item.to.outcome} /> {formatScore(item.to.score)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
