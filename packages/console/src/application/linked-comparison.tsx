import type { LinkedApplication } from '../api/api-types'
import { useApi } from '../api/use-api'
import { Link } from '../routing/link'
import { OutcomeBadge } from '../ui/outcome-badge'
import { ErrorBanner, Loading } from '../ui/status-views'
import { readApplication } from './application-api'
import { compareLinked } from './compare-linked'

/** How many linked applications sit side by side; the rest are listed with a link. */
export const comparedColumns = 4

/**
 * The open application next to each linked one: a row per fact, values another column shares highlighted, values
 * that differ (another degree, another email) plain so the change shows.
 */
export function LinkedComparison(props: {
  readonly applicationId: string
  readonly record: unknown
  readonly linked: readonly LinkedApplication[]
}) {
  const compared = props.linked.slice(0, comparedColumns)
  const { state, reload } = useApi(JSON.stringify(compared.map((linked) => linked.id)), (signal) =>
    Promise.all(
      compared.map((linked) => readApplication(linked.id, signal).then((detail) => detail.application.record)),
    ),
  )
  if (props.linked.length === 0)
    return <p className="muted">No other application shares an identifier with this one.</p>
  if (state.status === 'loading') return <Loading what="the linked applications" />
  if (state.status === 'failed') return <ErrorBanner failure={state.failure} onRetry={reload} />
  const rows = compareLinked([props.record, ...state.data])
  return (
    <div className="comparison-wrap">
      <table className="comparison">
        <caption className="visually-hidden">This application beside the applications linked to it</caption>
        <thead>
          <tr>
            <th scope="col">Fact</th>
            <th scope="col">This application</th>
            {compared.map((linked) => (
              <th scope="col" key={linked.id}>
                <Link to={{ page: 'application', id: linked.id }}>{linked.id}</Link>{' '}
                <OutcomeBadge outcome={linked.latestResult?.outcome ?? null} />
                <div className="muted small">
                  {linked.shared.length === 0
                    ? 'linked through other members'
                    : `shares ${[...new Set(linked.shared.map((identifier) => identifier.kind))].join(', ')}`}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className={row.hasShared ? 'has-shared' : undefined}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, column) => (
                <td key={column}>
                  {cell.length === 0 ? <span className="muted">–</span> : null}
                  {cell.map((value) => (
                    <span key={value.value} className={`fact ${value.mark}`}>
                      {value.mark === 'shared' ? <span className="visually-hidden">shared: </span> : null}
                      {value.value}
                    </span>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {props.linked.length > comparedColumns ? (
        <p className="muted">
          Also linked:{' '}
          {props.linked.slice(comparedColumns).map((linked) => (
            <Link key={linked.id} to={{ page: 'application', id: linked.id }}>
              {linked.id}{' '}
            </Link>
          ))}
        </p>
      ) : null}
      <p className="muted small">
        <span className="fact shared">Highlighted</span> values appear in this application and a linked one; plain ones
        differ.
      </p>
    </div>
  )
}
