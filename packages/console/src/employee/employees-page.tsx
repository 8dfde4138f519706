import { useState } from 'react'
import type { Outcome } from '../api/api-types'
import { useApi } from '../api/use-api'
import { Link } from '../routing/link'
import { formatDate, formatDateTime, outcomeLabels } from '../ui/format'
import { OutcomeBadge, ScoreMeter } from '../ui/outcome-badge'
import { ErrorBanner, Loading } from '../ui/status-views'
import { listEmployees } from './employee-api'

const outcomeChoices: readonly (Outcome | 'all')[] = ['all', 'hold', 'review', 'clear']

/** Hired employees riskiest first, by their latest after-hire assessment; a page of 100 at a time. */
export function EmployeesPage() {
  const [outcome, setOutcome] = useState<Outcome | 'all'>('all')
  const [after, setAfter] = useState<string | undefined>(undefined)
  const key = `employees:${outcome}:${after ?? ''}`
  const { state, reload } = useApi(key, (signal) =>
    listEmployees({ ...(outcome === 'all' ? {} : { outcome }), ...(after === undefined ? {} : { after }) }, signal),
  )
  return (
    <main className="page employees">
      <h1>Employees</h1>
      <p className="muted">
        After the hire: each employee&apos;s latest assessment from the HR, shipment, device, sign-in and payroll feeds.{' '}
        <Link to={{ page: 'farms' }}>Laptop farms</Link> shows the employees joined by a shared residential IP or
        ship-to address.
      </p>
      <label>
        Outcome{' '}
        <select
          value={outcome}
          onChange={(event) => {
            setOutcome(event.target.value as Outcome | 'all')
            setAfter(undefined)
          }}
        >
          {outcomeChoices.map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'all' ? 'Any' : outcomeLabels[choice]}
            </option>
          ))}
        </select>
      </label>
      {state.status === 'loading' ? <Loading what="the employees" /> : null}
      {state.status === 'failed' ? <ErrorBanner failure={state.failure} onRetry={reload} /> : null}
      {state.status === 'loaded' ? (
        state.data.items.length === 0 ? (
          <p>No employee yet: send the HR feed to POST /v1/workforce/hires.</p>
        ) : (
          <>
            <table className="queue">
              <thead>
                <tr>
                  <th scope="col">Score</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Employee</th>
                  <th scope="col">Farm</th>
                  <th scope="col">Signals</th>
                  <th scope="col">Started</th>
                  <th scope="col">Assessed</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((employee) => (
                  <tr key={employee.id}>
                    <td>
                      <ScoreMeter score={employee.latest?.score ?? null} />
                    </td>
                    <td>
                      <OutcomeBadge outcome={employee.latest?.outcome ?? null} />
                    </td>
                    <td>
                      <Link to={{ page: 'employee', id: employee.id }}>{employee.legalName ?? employee.id}</Link>{' '}
                      <span className="muted">{employee.id}</span>
                    </td>
                    <td>
                      {employee.latest?.clusterId ? (
                        <Link to={{ page: 'farm', id: employee.latest.clusterId }}>{employee.latest.clusterId}</Link>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>{employee.latest?.signalCodes.join(', ') || '–'}</td>
                    <td>{formatDate(employee.startDate)}</td>
                    <td>{formatDateTime(employee.latest?.assessedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {state.data.nextCursor === null ? null : (
              <button type="button" onClick={() => setAfter(state.data.nextCursor ?? undefined)}>
                Next page
              </button>
            )}
          </>
        )
      ) : null}
    </main>
  )
}
