import { formatDateTime } from '../ui/format'
import type { PolicyVersion } from './policy-api'
import { severityOrder } from './policy-draft'

/** The published rules in words: thresholds, the hold gate, weights and caps. */
export function PolicySummary(props: { readonly current: PolicyVersion }) {
  const { current } = props
  const { policy } = current
  const overrides = Object.entries(policy.signalWeights)
  return (
    <section aria-labelledby="policy-current">
      <h2 id="policy-current" className="section-heading">
        Published: version {current.version} <span className="muted">({current.policyVersion})</span>
      </h2>
      <p className="muted small">
        Published {formatDateTime(current.publishedAt)} by {current.author}
        {current.note === null ? '' : ` — ${current.note}`}
      </p>
      <dl className="facts">
        <dt>Review</dt>
        <dd>a score of {policy.thresholds.review} or more asks an analyst to look</dd>
        <dt>Hold</dt>
        <dd>
          a score of {policy.thresholds.hold} or more stops the process until a person decides, when at least one signal
          is {policy.hold.anySignalAtLeast} or worse, or {policy.hold.orAgreeing.count} signals at{' '}
          {policy.hold.orAgreeing.severityAtLeast} or worse agree from {policy.hold.orAgreeing.distinctCategories}{' '}
          categories
        </dd>
      </dl>
      <div className="columns">
        <table className="list" aria-label="Severity weights">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Weight</th>
            </tr>
          </thead>
          <tbody>
            {severityOrder.map((severity) => (
              <tr key={severity}>
                <td>{severity}</td>
                <td>{policy.severityWeights[severity] ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="list" aria-label="Category caps">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">At most</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(policy.categoryCaps).map(([category, cap]) => (
              <tr key={category}>
                <td>{category === 'default' ? 'any other category' : category}</td>
                <td>{cap}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="list" aria-label="Signal weights">
          <thead>
            <tr>
              <th scope="col">Signal</th>
              <th scope="col">Weight</th>
            </tr>
          </thead>
          <tbody>
            {overrides.length === 0 ? (
              <tr>
                <td colSpan={2} className="muted">
                  None: each signal weighs what its severity does.
                </td>
              </tr>
            ) : (
              overrides.map(([code, weight]) => (
                <tr key={code}>
                  <td>
                    <code>{code}</code>
                  </td>
                  <td>{weight}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  )
}
