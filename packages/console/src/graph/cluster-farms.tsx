import { useApi } from '../api/use-api'
import { listFarms } from '../farm/farm-api'
import { Link } from '../routing/link'

/** The most member applications asked about: the API takes at most 50 `applicationId`s. */
const applicationsAsked = 50

/**
 * The laptop farms holding hires of the cluster's applications: after the hire, a persona's employees may share a
 * residential IP or ship-to address with others. Nothing is shown when none does, or when the server has no
 * after-hire pipeline.
 */
export function ClusterFarms(props: { readonly applicationIds: readonly string[] }) {
  const asked = props.applicationIds.slice(0, applicationsAsked)
  const { state } = useApi(`cluster-farms:${asked.join(',')}`, (signal) => listFarms(signal, asked))
  if (asked.length === 0 || state.status !== 'loaded' || state.data.items.length === 0) return null
  return (
    <section aria-labelledby="cluster-farms-title">
      <h2 id="cluster-farms-title">Laptop farms</h2>
      <p>Hired from this cluster and now in a farm:</p>
      <ul>
        {state.data.items.map((farm) => (
          <li key={farm.id}>
            <Link to={{ page: 'farm', id: farm.id }}>{farm.id}</Link> ({farm.employeeIds.length} employees)
          </li>
        ))}
      </ul>
    </section>
  )
}
