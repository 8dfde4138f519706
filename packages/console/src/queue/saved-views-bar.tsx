import { useState } from 'react'
import type { QueueFilters } from './queue-filters'
import { loadSavedViews, storeSavedViews, withoutView, withView, type SavedView } from './saved-views'

/** Saved views: choose one, save the current filters under a name, or forget one. */
export function SavedViewsBar(props: {
  readonly filters: QueueFilters
  readonly onChoose: (filters: QueueFilters) => void
}) {
  const [views, setViews] = useState<readonly SavedView[]>(() => loadSavedViews())
  const [name, setName] = useState('')
  const update = (next: readonly SavedView[]) => {
    setViews(next)
    storeSavedViews(next)
  }
  return (
    <div className="saved-views" role="group" aria-label="Saved views">
      {views.map((view) => (
        <span key={view.name} className="saved-view">
          <button type="button" onClick={() => props.onChoose(view.filters)}>
            {view.name}
          </button>
          <button
            type="button"
            className="icon"
            aria-label={`Forget the view ${view.name}`}
            onClick={() => update(withoutView(views, view.name))}
          >
            ×
          </button>
        </span>
      ))}
      <form
        className="save-view"
        onSubmit={(event) => {
          event.preventDefault()
          update(withView(views, name, props.filters))
          setName('')
        }}
      >
        <label htmlFor="saved-view-name" className="visually-hidden">
          Name of the view to save
        </label>
        <input
          id="saved-view-name"
          placeholder="Save these filters as…"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={name.trim() === ''}>
          Save view
        </button>
      </form>
    </div>
  )
}
