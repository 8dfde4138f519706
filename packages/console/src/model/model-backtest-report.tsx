import { Link } from '../routing/link'
import { formatScore } from '../ui/format'
import { OutcomeBadge } from '../ui/outcome-badge'
import { OutcomeMatrix } from '../ui/outcome-matrix'
import type { ModelBacktest } from './model-types'

const count = (value: number): string => value.toLocaleString('en')
const labelNames = { fraud: 'Confirmed fraud', legitimate: 'Cleared', unlabelled: 'Undecided' } as const

function byLabel(counts: ModelBacktest['newlyFlagged']): string {
  return `${count(counts.fraud)} confirmed fraud, ${count(counts.legitimate)} cleared, ${count(counts.unlabelled)} undecided`
}

function modelScoreText(score: number | null): string {
  return score === null ? 'no model' : `model ${formatScore(score)}`
}

/**
 * What a model (or the rules alone) would change among the stored applications: how many, from which outcome to
 * which, who among them the analysts confirmed or cleared, and some of them.
 */
export function ModelBacktestReport(props: { readonly report: ModelBacktest }) {
  const { report } = props
  const candidate = report.modelVersion ?? 'the rules alone'
  const notes = [
    report.withoutLinkFacts > 0
      ? `${count(report.withoutLinkFacts)} were stored without link facts: the rules alone decide them.`
      : '',
    report.scoredWithOtherPolicy > 0
      ? `${count(report.scoredWithOtherPolicy)} were last scored with another policy than ${report.policyVersion}.`
      : '',
    report.scoredWithOtherModel > 0
      ? `${count(report.scoredWithOtherModel)} were last scored by another model than the active one.`
      : '',
  ].filter((note) => note !== '')
  return (
    <section aria-labelledby="model-backtest" className="backtest">
      <h3 id="model-backtest">Backtest of {candidate} on stored applications</h3>
      <p>
        <strong>
          {count(report.changed)} of {count(report.applications)}
        </strong>{' '}
        stored applications would get another outcome with {candidate} and policy {report.policyVersion}, against what
        is stored now ({report.activeModelVersion ?? 'the rules alone'}). Signals and link facts are the stored ones:
        detectors and linking are not run again.
      </p>
      <OutcomeMatrix matrix={report.matrix} replayedAs={`the outcome with ${candidate}`} />
      <dl className="facts">
        <dt>Newly flagged</dt>
        <dd>{byLabel(report.newlyFlagged)}</dd>
        <dt>Newly cleared</dt>
        <dd>{byLabel(report.newlyCleared)}</dd>
        <dt>Labelled</dt>
        <dd>
          {count(report.labelled)} of {count(report.applications)} have an analyst decision
        </dd>
      </dl>
      {notes.length === 0 ? null : <p className="muted small">{notes.join(' ')}</p>}
      {report.sample.length === 0 ? null : (
        <table className="list" aria-label="Applications that would change">
          <thead>
            <tr>
              <th scope="col">Application</th>
              <th scope="col">Decision</th>
              <th scope="col">Now</th>
              <th scope="col">With {candidate}</th>
            </tr>
          </thead>
          <tbody>
            {report.sample.map((item) => (
              <tr key={item.applicationId}>
                <td>
                  <Link to={{ page: 'application', id: item.applicationId }}>{item.applicationId}</Link>
                </td>
                <td>{labelNames[item.label]}</td>
                <td>
                  <OutcomeBadge outcome={item.from.outcome} /> {modelScoreText(item.from.modelScore)}
                </td>
                <td>
                  <OutcomeBadge outcome={item.to.outcome} /> {modelScoreText(item.to.modelScore)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
