import { useState, type ReactNode } from 'react'
import { callApi, withQuery, type QueryValues } from '../api/api-client'
import type { Page } from '../api/api-types'
import { useApi } from '../api/use-api'
import { ErrorBanner, Loading } from '../ui/status-views'

/** A column of an admin list. */
export type Column<Item> = { readonly header: string; readonly cell: (item: Item) => ReactNode }

/** An admin list read page by page from a keyset-paged endpoint. */
export function ListPage<Item>(props: {
  readonly title: string
  readonly path: string
  readonly query?: QueryValues
  readonly columns: readonly Column<Item>[]
  readonly rowKey: (item: Item) => string
  readonly empty: string
  readonly children?: ReactNode
}) {
  const [cursors, setCursors] = useState<readonly string[]>([])
  const cursor = cursors.at(-1)
  const url = withQuery(props.path, { ...props.query, limit: 50, after: cursor })
  const { state, reload } = useApi(url, (signal) => callApi<Page<Item>>('GET', url, { signal }))
  return (
    <main className="page">
      <h1>{props.title}</h1>
      {props.children}
      {state.status === 'loading' ? <Loading what={props.title.toLowerCase()} /> : null}
      {state.status === 'failed' ? <ErrorBanner failure={state.failure} onRetry={reload} /> : null}
      {state.status === 'loaded' && state.data.items.length === 0 ? <p className="empty">{props.empty}</p> : null}
      {state.status === 'loaded' && state.data.items.length > 0 ? (
        <table className="list">
          <thead>
            <tr>
              {props.columns.map((column) => (
                <th key={column.header} scope="col">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {state.data.items.map((item) => (
              <tr key={props.rowKey(item)}>
                {props.columns.map((column) => (
                  <td key={column.header}>{column.cell(item)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <nav className="pager" aria-label={`${props.title} pages`}>
        <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          Previous page
        </button>
        <span>Page {cursors.length + 1}</span>
        <button
          type="button"
          disabled={state.status !== 'loaded' || (state.data.nextCursor ?? null) === null}
          onClick={() => {
            if (state.status === 'loaded' && typeof state.data.nextCursor === 'string') {
              setCursors([...cursors, state.data.nextCursor])
            }
          }}
        >
          Next page
        </button>
      </nav>
    </main>
  )
}
