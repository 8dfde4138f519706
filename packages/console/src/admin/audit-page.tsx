import { useState } from 'react'
import type { AuditEntry } from '../api/api-types'
import { formatDateTime } from '../ui/format'
import { ListPage } from './list-page'

/** Admins: the audit log, filtered by actor, action or target. */
export function AuditPage() {
  const [filter, setFilter] = useState({ actor: '', action: '', target: '' })
  const [draft, setDraft] = useState(filter)
  const query = {
    actor: filter.actor.trim() || undefined,
    action: filter.action.trim() || undefined,
    target: filter.target.trim() || undefined,
  }
  return (
    <ListPage<AuditEntry>
      title="Audit log"
      path="/v1/audit"
      query={query}
      rowKey={(entry) => String(entry.id)}
      empty="No audit entry matches."
      columns={[
        { header: 'When', cell: (entry) => formatDateTime(entry.at) },
        { header: 'Actor', cell: (entry) => entry.actor },
        { header: 'Action', cell: (entry) => <code>{entry.action}</code> },
        { header: 'Target', cell: (entry) => entry.target ?? '–' },
      ]}
    >
      <form
        className="filters"
        aria-label="Audit filters"
        onSubmit={(event) => {
          event.preventDefault()
          setFilter(draft)
        }}
      >
        {(['actor', 'action', 'target'] as const).map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`audit-${key}`}>{key[0]?.toUpperCase() + key.slice(1)}</label>
            <input
              id={`audit-${key}`}
              value={draft[key]}
              onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
            />
          </div>
        ))}
        <div className="filter-actions">
          <button type="submit" className="primary">
            Apply filters
          </button>
        </div>
      </form>
    </ListPage>
  )
}
