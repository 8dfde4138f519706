import { outcomes } from '../api/api-types'
import { assigneeChoices, defaultFilters, queueViews, type QueueFilters } from './queue-filters'

/** A named set of queue filters an analyst keeps (in this browser only: they hold no personal data). */
export type SavedView = { readonly name: string; readonly filters: QueueFilters }

const storageKey = 'hirewall.queue.saved-views'
/** Enough for anyone's habits; bounded so the list stays usable. */
export const maxSavedViews = 20

/** Adds or replaces the view called `name` (names compare without case), newest first. */
export function withView(views: readonly SavedView[], name: string, filters: QueueFilters): readonly SavedView[] {
  const trimmed = name.trim()
  if (trimmed === '') return views
  const others = views.filter((view) => view.name.toLowerCase() !== trimmed.toLowerCase())
  return [{ name: trimmed, filters }, ...others].slice(0, maxSavedViews)
}

/** The views without the one called `name`. */
export function withoutView(views: readonly SavedView[], name: string): readonly SavedView[] {
  return views.filter((view) => view.name !== name)
}

/** Reads saved views back, dropping anything that is not a well-formed view (an old version, a hand edit). */
export function parseSavedViews(text: string | null): readonly SavedView[] {
  if (text === null) return []
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return []
  }
  if (!Array.isArray(value)) return []
  return value.flatMap((item: unknown): SavedView[] => {
    if (typeof item !== 'object' || item === null) return []
    const { name, filters } = item as { name?: unknown; filters?: unknown }
    const checked = checkedFilters(filters)
    return typeof name === 'string' && name.trim() !== '' && checked !== undefined ? [{ name, filters: checked }] : []
  })
}

function checkedFilters(value: unknown): QueueFilters | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const given = value as Record<string, unknown>
  const view = queueViews.find((candidate) => candidate === given.view)
  if (view === undefined || !Array.isArray(given.outcomes)) return undefined
  const picked = outcomes.filter((outcome) => (given.outcomes as unknown[]).includes(outcome))
  const text = (key: keyof QueueFilters): string => (typeof given[key] === 'string' ? given[key] : '')
  return {
    ...defaultFilters,
    view,
    outcomes: picked,
    assignee: assigneeChoices.find((choice) => choice === given.assignee) ?? '',
    staffingVendor: text('staffingVendor'),
    signalCode: text('signalCode'),
    clusterId: text('clusterId'),
    requisitionId: text('requisitionId'),
    sourceSystem: text('sourceSystem'),
    submittedFrom: text('submittedFrom'),
    submittedTo: text('submittedTo'),
    minScore: text('minScore'),
  }
}

/** The views kept in this browser. */
export function loadSavedViews(storage: Pick<Storage, 'getItem'> = window.localStorage): readonly SavedView[] {
  return parseSavedViews(storage.getItem(storageKey))
}

/** Keeps `views` in this browser. */
export function storeSavedViews(
  views: readonly SavedView[],
  storage: Pick<Storage, 'setItem'> = window.localStorage,
): void {
  storage.setItem(storageKey, JSON.stringify(views))
}
