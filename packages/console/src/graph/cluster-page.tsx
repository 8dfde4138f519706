import { callApi } from '../api/api-client'
import type { IdentityGraph, Outcome, Verdict } from '../api/api-types'
import { useApi } from '../api/use-api'
import { Link } from '../routing/link'
import { OutcomeBadge, ScoreMeter } from '../ui/outcome-badge'
import { ErrorBanner, Loading } from '../ui/status-views'
import { LinkGraph } from './link-graph'

/** `GET /v1/clusters/:id`. */
export type ClusterDetail = {
  readonly id: string
  readonly members: readonly {
    readonly id: string
    readonly score: number | null
    readonly outcome: Outcome | null
    readonly verdict?: Verdict | null
  }[]
  readonly graph: IdentityGraph
}

/** A persona cluster: its members and the interactive link graph. */
export function ClusterPage(props: { readonly id: string }) {
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
  const cluster = state.data
  const standing = new Map(cluster.members.map((member) => [member.id, member]))
  // Members' scores, outcomes and verdicts colour the graph when the graph's own nodes do not carry them.
  const graph: IdentityGraph = {
    edges: cluster.graph.edges,
    nodes: cluster.graph.nodes.map((node) =>
      node.type === 'application'
        ? {
            score: standing.get(node.id)?.score ?? null,
            outcome: standing.get(node.id)?.outcome ?? null,
            verdict: standing.get(node.id)?.verdict ?? null,
            ...node,
          }
        : node,
    ),
  }
  const focus = cluster.members[0]?.id ?? cluster.graph.nodes[0]?.id ?? ''
  return (
    <main className="page cluster">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={{ page: 'queue' }}>Review queue</Link> / <span>{cluster.id}</span>
      </nav>
      <h1>Cluster {cluster.id}</h1>
      <p className="muted">{cluster.members.length} applications joined by shared identifiers.</p>
      <LinkGraph graph={graph} focus={focus} graphMlHref={`${path}?format=graphml`} />
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <table className="members">
          <thead>
            <tr>
              <th scope="col">Application</th>
              <th scope="col">Score</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {cluster.members.map((member) => (
              <tr key={member.id}>
                <td>
                  <Link to={{ page: 'application', id: member.id }}>{member.id}</Link>
                </td>
                <td>
                  <ScoreMeter score={member.score} />
                </td>
                <td>
                  <OutcomeBadge outcome={member.outcome} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  )
}
