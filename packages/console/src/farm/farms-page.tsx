import { useApi } from '../api/use-api'
import { Link } from '../routing/link'
import { ErrorBanner, Loading } from '../ui/status-views'
import { listFarms } from './farm-api'

/** The laptop farms: employees joined by a residential IP or ship-to address they share, largest first. */
export function FarmsPage() {
  const { state, reload } = useApi('farms', (signal) => listFarms(signal))
  return (
    <main className="page farms">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={{ page: 'employees' }}>Employees</Link> / <span>Farms</span>
      </nav>
      <h1>Laptop farms</h1>
      <p className="muted">
        Employees who habitually come from one residential address in overlapping periods while their homes on file
        differ, or whose equipment went to one ship-to address that is not their home.
      </p>
      {state.status === 'loading' ? <Loading what="the farms" /> : null}
      {state.status === 'failed' ? <ErrorBanner failure={state.failure} onRetry={reload} /> : null}
      {state.status === 'loaded' ? (
        state.data.items.length === 0 ? (
          <p>No farm found in the workforce feeds.</p>
        ) : (
          <table className="queue">
            <thead>
              <tr>
                <th scope="col">Farm</th>
                <th scope="col">Employees</th>
                <th scope="col">Shared</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((farm) => (
                <tr key={farm.id}>
                  <td>
                    <Link to={{ page: 'farm', id: farm.id }}>{farm.id}</Link>
                  </td>
                  <td>{farm.employeeIds.length}</td>
                  <td>
                    {farm.links.map((link) => `${link.kind === 'ip' ? 'IP' : 'ship-to'} ${link.value}`).join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </main>
  )
}
