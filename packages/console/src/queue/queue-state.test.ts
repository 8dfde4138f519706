import { describe, expect, it } from 'vitest'
import { defaultFilters } from './queue-filters'
import { initialQueueState, loadQueueState, storeQueueState, type QueueState } from './queue-state'

/** A tab's storage as the browser keeps it: strings by key. */
function aStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial))
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  }
}

describe('the queue position of a tab', () => {
  it('starts at the beginning', () => {
    expect(loadQueueState(aStorage())).toEqual(initialQueueState)
  })

  it('comes back as it was kept', () => {
    const storage = aStorage()
    const state: QueueState = {
      filters: { ...defaultFilters, view: 'all', outcomes: ['hold'], signalCode: 'phone.voip' },
      cursors: ['c1', 'c2'],
      selectedIndex: 7,
    }
    storeQueueState(state, storage)
    expect(loadQueueState(storage)).toEqual(state)
  })

  it.each(['not json', 'null', '{"filters": 3, "cursors": [1, "c"], "selectedIndex": "x"}'])(
    'reads %s as the start or its valid parts',
    (text) => {
      const state = loadQueueState(aStorage({ 'hirewall.queue.position': text }))
      expect(state.filters).toEqual(defaultFilters)
      expect(state.selectedIndex).toBe(-1)
      expect(state.cursors.every((cursor) => typeof cursor === 'string')).toBe(true)
    },
  )
})
