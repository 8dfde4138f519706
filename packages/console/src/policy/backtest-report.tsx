import { Link } from '../routing/link'
import { formatScore } from '../ui/format'
import { OutcomeBadge } from '../ui/outcome-badge'
import { OutcomeMatrix } from '../ui/outcome-matrix'
import type { Backtest } from './policy-api'

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
      <OutcomeMatrix matrix={report.matrix} replayedAs="the outcome under this version" />
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
