import { useCallback, useEffect, useRef, useState } from 'react'
import { useApi } from '../api/use-api'
import { navigate } from '../routing/use-route'
import { ErrorBanner, Loading } from '../ui/status-views'
import { isFiltered, type QueueFilters, type QueueView } from './queue-filters'
import { QueueFilterForm } from './queue-filter-form'
import { queueCommand, queueKeys } from './queue-navigation'
import { readQueuePage } from './queue-source'
import { loadQueueState, storeQueueState, type QueueState } from './queue-state'
import { QueueTable } from './queue-table'
import { SavedViewsBar } from './saved-views-bar'

export const viewLabels: Record<QueueView, string> = { open: 'Needs a decision', all: 'All applications' }

/** The review queue: applications needing a decision, riskiest first, with filters, saved views and keyboard moves. */
export function QueuePage(props: { readonly currentUserId: string }) {
  const [state, setState] = useState<QueueState>(loadQueueState)
  useEffect(() => storeQueueState(state), [state])
  const { filters, cursors, selectedIndex } = state
  const cursor = cursors.at(-1)
  const { state: page, reload } = useApi(JSON.stringify({ filters, cursor }), (signal) =>
    readQueuePage(filters, cursor, signal),
  )
  const rows = page.status === 'loaded' ? page.data.rows : []
  const nextCursor = page.status === 'loaded' ? page.data.nextCursor : null
  const filterFieldRef = useRef<HTMLInputElement>(null)
  const tableRef = useRef<HTMLTableSectionElement>(null)

  const applyFilters = useCallback(
    (next: QueueFilters) => setState({ filters: next, cursors: [], selectedIndex: -1 }),
    [],
  )
  const goToNextPage = () => {
    if (nextCursor !== null) setState({ filters, cursors: [...cursors, nextCursor], selectedIndex: 0 })
  }
  const goToPreviousPage = () => setState({ filters, cursors: cursors.slice(0, -1), selectedIndex: 0 })

  // The selected row stays in view and takes the focus, so screen readers follow it.
  useEffect(() => {
    const row = tableRef.current?.querySelectorAll('tr')[selectedIndex]
    if (row !== undefined && tableRef.current?.contains(document.activeElement) === true) row.focus()
    row?.scrollIntoView({ block: 'nearest' })
  }, [selectedIndex, page.status])

  const onKeyDown = (
    event: Pick<KeyboardEvent, 'key' | 'target' | 'metaKey' | 'ctrlKey' | 'altKey' | 'preventDefault'>,
  ) => {
    const target = event.target as HTMLElement
    if (event.metaKey || event.ctrlKey || event.altKey || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) {
      return
    }
    // Enter on a button or link does what that control does.
    if (event.key === 'Enter' && ['BUTTON', 'A'].includes(target.tagName)) return
    const command = queueCommand(event.key, { index: selectedIndex }, rows.length, {
      hasNextPage: nextCursor !== null,
      hasPreviousPage: cursors.length > 0,
    })
    if (command.kind === 'none') return
    event.preventDefault()
    switch (command.kind) {
      case 'select':
        setState({ ...state, selectedIndex: command.index })
        tableRef.current?.querySelectorAll('tr')[command.index]?.focus({ preventScroll: true })
        break
      case 'open': {
        const row = rows[command.index]
        if (row !== undefined) navigate(row.opens)
        break
      }
      case 'next-page':
        goToNextPage()
        break
      case 'previous-page':
        goToPreviousPage()
        break
      case 'focus-filters':
        filterFieldRef.current?.focus()
        break
    }
  }

  // The queue answers keys wherever the focus is on the page (after a page load it is on the body).
  const handler = useRef(onKeyDown)
  handler.current = onKeyDown
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => handler.current(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  return (
    <main className="page queue">
      <div className="page-heading">
        <h1>Review queue</h1>
        <div className="tabs" role="tablist" aria-label="Queue view">
          {(['open', 'all'] as const).map((view) => (
            <button
              key={view}
              type="button"
              role="tab"
              aria-selected={filters.view === view}
              className={filters.view === view ? 'tab selected' : 'tab'}
              onClick={() => applyFilters({ ...filters, view })}
            >
              {viewLabels[view]}
            </button>
          ))}
        </div>
      </div>
      <SavedViewsBar filters={filters} onChoose={applyFilters} />
      <QueueFilterForm filters={filters} onApply={applyFilters} firstFieldRef={filterFieldRef} />
      <p className="keys muted" aria-label="Keyboard shortcuts">
        {queueKeys.map(([keys, what]) => (
          <span key={keys}>
            <kbd>{keys}</kbd> {what}
          </span>
        ))}
      </p>
      {page.status === 'failed' ? <ErrorBanner failure={page.failure} onRetry={reload} /> : null}
      {page.status === 'loading' ? <Loading what="the queue" /> : null}
      {page.status === 'loaded' && rows.length === 0 ? (
        <p className="empty" role="status">
          {isFiltered(filters)
            ? 'No application matches these filters.'
            : 'Nothing needs a decision. The queue is empty.'}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <QueueTable
          rows={rows}
          view={filters.view}
          selectedIndex={selectedIndex}
          bodyRef={tableRef}
          currentUserId={props.currentUserId}
          onSelect={(index) => setState({ ...state, selectedIndex: index })}
        />
      ) : null}
      <nav className="pager" aria-label="Queue pages">
        <button type="button" onClick={goToPreviousPage} disabled={cursors.length === 0}>
          Previous page
        </button>
        <span>Page {cursors.length + 1}</span>
        <button type="button" onClick={goToNextPage} disabled={nextCursor === null}>
          Next page
        </button>
      </nav>
    </main>
  )
}
