import { useApi } from '../api/use-api'
import { Link } from '../routing/link'
import { OutcomeBadge, ScoreMeter } from '../ui/outcome-badge'
import { ErrorBanner, Loading } from '../ui/status-views'
import { LinkGraph } from '../graph/link-graph'
import { readFarm } from './farm-api'

/**
 * One laptop farm in the identity graph: its employees, the residential IPs, ship-to addresses and devices that join
 * them, the remote-access tools on their devices, and the application (and identity cluster) each was hired from.
 */
export function FarmPage(props: { readonly id: string }) {
  const { state, reload } = useApi(`farm:${props.id}`, (signal) => readFarm(props.id, signal))
  if (state.status === 'loading') return <Loading what="the farm" />
  if (state.status === 'failed') {
    return (
      <main className="page">
        <ErrorBanner failure={state.failure} onRetry={reload} />
      </main>
    )
  }
  const { farm, members, graph } = state.data
  const riskiest = [...members].sort((a, b) => (b.score ?? -1) - (a.score ?? -1))[0]
  const focus = riskiest === undefined ? (graph.nodes[0]?.id ?? '') : `employee:${riskiest.employeeId}`
  return (
    <main className="page farm">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={{ page: 'employees' }}>Employees</Link> / <Link to={{ page: 'farms' }}>Farms</Link> /{' '}
        <span>{farm.id}</span>
      </nav>
      <h1>Farm {farm.id}</h1>
      <p className="muted">
        {farm.employeeIds.length} employees joined by{' '}
        {farm.links
          .map((link) => `${link.kind === 'ip' ? 'the residential IP' : 'the ship-to address'} ${link.value}`)
          .join(', ')}
        .
      </p>
      <LinkGraph graph={graph} focus={focus} isExpandedAtStart />
      <section aria-labelledby="farm-members-title">
        <h2 id="farm-members-title">Members</h2>
        <table className="members">
          <thead>
            <tr>
              <th scope="col">Employee</th>
              <th scope="col">Score</th>
              <th scope="col">Outcome</th>
              <th scope="col">Remote-access tools</th>
              <th scope="col">Hired from</th>
              <th scope="col">Case</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.employeeId}>
                <td>
                  <Link to={{ page: 'employee', id: member.employeeId }}>{member.legalName ?? member.employeeId}</Link>{' '}
                  <span className="muted">{member.employeeId}</span>
                </td>
                <td>
                  <ScoreMeter score={member.score} />
                </td>
                <td>
                  <OutcomeBadge outcome={member.outcome} />
                </td>
                <td>
                  {member.toolHits.length === 0
                    ? '–'
                    : member.toolHits
                        .map((hit) => `${hit.tool} on ${hit.device}${hit.isPresent ? '' : ' (removed)'}`)
                        .join('; ')}
                </td>
                <td>
                  {member.applicationId === null ? (
                    '–'
                  ) : (
                    <>
                      <Link to={{ page: 'application', id: member.applicationId }}>{member.applicationId}</Link>
                      {member.applicationClusterId === null ? null : (
                        <>
                          {' '}
                          (<Link to={{ page: 'cluster', id: member.applicationClusterId }}>identity cluster</Link>)
                        </>
                      )}
                    </>
                  )}
                </td>
                <td>{member.openCaseId === null ? 'none open' : 'open in the review queue'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  )
}
