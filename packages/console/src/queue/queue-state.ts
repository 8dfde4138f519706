import { defaultFilters, type QueueFilters } from './queue-filters'
import { parseSavedViews } from './saved-views'

/** Where the analyst is in the queue: kept for the browser tab so returning from an application lands in place. */
export type QueueState = {
  readonly filters: QueueFilters
  /** Cursors of the pages before the current one (the first page has none); the last one is the current page's. */
  readonly cursors: readonly string[]
  readonly selectedIndex: number
}

export const initialQueueState: QueueState = { filters: defaultFilters, cursors: [], selectedIndex: -1 }

const storageKey = 'hirewall.queue.position'

/** The queue position of this tab, or the start. */
export function loadQueueState(storage: Pick<Storage, 'getItem'> = window.sessionStorage): QueueState {
  try {
    const value = JSON.parse(storage.getItem(storageKey) ?? 'null') as Partial<QueueState> | null
    if (value === null || typeof value !== 'object') return initialQueueState
    const filters = parseSavedViews(JSON.stringify([{ name: 'current', filters: value.filters }]))[0]?.filters
    const cursors = Array.isArray(value.cursors) ? value.cursors.filter((cursor) => typeof cursor === 'string') : []
    const selectedIndex = typeof value.selectedIndex === 'number' ? value.selectedIndex : -1
    return { filters: filters ?? defaultFilters, cursors, selectedIndex }
  } catch {
    return initialQueueState
  }
}

/** Keeps the queue position for this tab. */
export function storeQueueState(state: QueueState, storage: Pick<Storage, 'setItem'> = window.sessionStorage): void {
  storage.setItem(storageKey, JSON.stringify(state))
}
