import { callApi } from '../api/api-client'
import type { ApplicationSummary, CaseView, Decision, IdentityGraph } from '../api/api-types'
import { useApi } from '../api/use-api'
import { verdictLabel } from '../application/audit-trail'
import { DecisionForm } from '../application/decision-form'
import { Link } from '../routing/link'
import type { Abilities } from '../session/session'
import { formatDateTime } from '../ui/format'
import { OutcomeBadge, ScoreMeter } from '../ui/outcome-badge'
import { ErrorBanner, Loading } from '../ui/status-views'
import { ClusterFarms } from './cluster-farms'
import { LinkGraph } from './link-graph'

/** `GET /v1/clusters/:id`. */
export type ClusterDetail = {
  readonly cluster: {
    readonly id: string
    readonly applicationCount: number
    readonly claimedPeople: number
    readonly isRing: boolean
    readonly createdAt: string
    readonly updatedAt: string
  }
  readonly members: readonly ApplicationSummary[]
  readonly isTruncated: boolean
  readonly graph: IdentityGraph
  readonly case: CaseView | null
  readonly decisions: readonly Decision[]
}

/** A persona cluster: the interactive link graph, its members, and the decision on the whole cluster. */
export function ClusterPage(props: { readonly id: string; readonly abilities: Abilities }) {
  const path = `/v1/clusters/${encodeURIComponent(props.id)}`
  const { state, reload } = useApi(path, (signal) => callApi<ClusterDetail>('GET', path, { signal }))
  if (state.status === 'loading') return <Loading what="the cluster" />
  if (state.status === 'failed') {
    return (
      <main className="page">
        <ErrorBanner failure={state.failure} onRetry={reload} />
      </main>
    )
  }
  const { cluster, members, decisions } = state.data
  const byId = new Map(members.map((member) => [member.id, member]))
  // The members' outcomes and the cluster's verdict colour the graph's application nodes.
  const verdict = decisions.at(-1)?.verdict ?? null
  const graph: IdentityGraph = {
    edges: state.data.graph.edges,
    nodes: state.data.graph.nodes.map((node) =>
      node.type === 'application'
        ? {
            ...node,
            score: byId.get(node.id)?.latestResult?.score ?? null,
            outcome: byId.get(node.id)?.latestResult?.outcome ?? null,
            verdict,
          }
        : node,
    ),
  }
  const riskiest = [...members].sort((a, b) => (b.latestResult?.score ?? -1) - (a.latestResult?.score ?? -1))[0]
  const focus = riskiest?.id ?? state.data.graph.nodes[0]?.id ?? ''
  return (
    <main className="page cluster">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={{ page: 'queue' }}>Review queue</Link> / <span>{cluster.id}</span>
      </nav>
      <h1>Cluster {cluster.id}</h1>
      <p className="muted">
        {cluster.applicationCount} applications claiming{' '}
        {cluster.claimedPeople === 1 ? 'one person' : `${cluster.claimedPeople} different people`}
        {cluster.isRing ? ': a ring' : ''}.{' '}
        {state.data.isTruncated ? `The first ${members.length} are listed and drawn.` : ''}
      </p>
      <div className="columns">
        <div className="main-column">
          <LinkGraph graph={graph} focus={focus} graphMlHref={`${path}?format=graphml`} />
          <section aria-labelledby="members-title">
            <h2 id="members-title">Members</h2>
            <table className="members">
              <thead>
                <tr>
                  <th scope="col">Application</th>
                  <th scope="col">Candidate</th>
                  <th scope="col">Score</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Submitted</th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.id}>
                    <td>
                      <Link to={{ page: 'application', id: member.id }}>{member.id}</Link>
                    </td>
                    <td>{member.candidateName ?? '–'}</td>
                    <td>
                      <ScoreMeter score={member.latestResult?.score ?? null} />
                    </td>
                    <td>
                      <OutcomeBadge outcome={member.latestResult?.outcome ?? null} />
                    </td>
                    <td>{formatDateTime(member.submittedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
        <aside className="side-column">
          <section>
            {verdict === null ? null : (
              <p className="notice">
                Cluster verdict: <strong>{verdictLabel(verdict)}</strong> ({decisions.at(-1)?.reason}).
              </p>
            )}
            {props.abilities.canDecide ? (
              <DecisionForm subject={{ kind: 'cluster', id: cluster.id }} onDecided={reload} />
            ) : (
              <p className="muted">Viewers cannot decide. An analyst or admin records decisions.</p>
            )}
          </section>
          <ClusterFarms applicationIds={members.map((member) => member.id)} />
        </aside>
      </div>
    </main>
  )
}
