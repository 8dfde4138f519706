import { contributionText, percentText } from '../model/model-card-data'
import type { ModelAssessment } from '../model/model-types'
import { OutcomeBadge } from '../ui/outcome-badge'

/**
 * The risk model's estimate next to the rule signals: its probability, its own outcome, and each feature's part in
 * plain English (a feature that reads a rule signal names it).
 */
export function ModelAssessmentPanel(props: { readonly model: ModelAssessment }) {
  const { model } = props
  return (
    <section aria-labelledby="model-title">
      <h2 id="model-title">What the risk model adds</h2>
      <p>
        Chance of fraud {percentText(model.probability)} (average application {percentText(model.baselineProbability)});
        on its own the model would say <OutcomeBadge outcome={model.outcome} />. It may raise a clear application to
        review, never to hold.
      </p>
      <ul className="model-contributions">
        {model.contributions.map((contribution) => (
          <li key={contribution.feature}>
            <span className={contribution.contribution >= 0 ? 'raises' : 'lowers'}>
              {contributionText(contribution)}
            </span>
            <span>
              {contribution.sentence}
              {contribution.signalCode === null ? null : (
                <>
                  {' '}
                  <span className="muted small">(rule signal {contribution.signalCode})</span>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted small">
        Contributions in log-odds: +0.7 about doubles the odds of fraud. Model {model.modelVersion}.
      </p>
    </section>
  )
}
