import type { ScoredSignal } from '../api/api-types'
import { evidenceLabel, evidenceText, explainContribution, severityLabel } from './explain-signal'

/** How many of the signals, largest contribution first, show their evidence without a click. */
const openEvidenceCount = 3

/** Each signal with its plain-English message, what it added to the score, and its evidence. */
export function SignalList(props: { readonly signals: readonly ScoredSignal[]; readonly score: number }) {
  if (props.signals.length === 0) return <p className="muted">No signal was raised.</p>
  return (
    <ol className="signals">
      {props.signals.map((signal, index) => (
        <li key={`${signal.code}-${index}`} className={`signal severity-${signal.severity}`}>
          <div className="signal-head">
            <span className={`severity severity-${signal.severity}`}>{severityLabel(signal.severity)}</span>
            <code>{signal.code}</code>
            <span className="contribution">{explainContribution(signal, props.score)}</span>
          </div>
          <p className="signal-message">{signal.message}</p>
          <meter
            className="contribution-bar"
            min={0}
            max={Math.max(props.score, 1)}
            value={Math.max(signal.contribution, 0)}
            aria-label={`${signal.code} contribution`}
          />
          {Object.keys(signal.evidence).length > 0 ? (
            // The evidence of the signals that weigh most is open: it is what the analyst checks first.
            <details open={index < openEvidenceCount}>
              <summary>Evidence</summary>
              <dl className="evidence">
                {Object.entries(signal.evidence).map(([key, value]) => (
                  <div key={key}>
                    <dt>{evidenceLabel(key)}</dt>
                    <dd>{evidenceText(value)}</dd>
                  </div>
                ))}
              </dl>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
