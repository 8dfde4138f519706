import { describe, expect, it } from 'vitest'
import { defaultFilters } from './queue-filters'
import { maxSavedViews, parseSavedViews, withoutView, withView } from './saved-views'

describe('saved views', () => {
  it('adds a view first and replaces one of the same name whatever its case', () => {
    const first = withView([], 'Holds', { ...defaultFilters, outcomes: ['hold'] })
    const second = withView(first, 'VoIP', { ...defaultFilters, signalCode: 'phone.voip' })
    const replaced = withView(second, 'holds', { ...defaultFilters, outcomes: ['hold'], minScore: '80' })
    expect(replaced.map((view) => view.name)).toEqual(['holds', 'VoIP'])
    expect(replaced[0]?.filters.minScore).toBe('80')
  })

  it('ignores a blank name and keeps at most the maximum', () => {
    expect(withView([], '  ', defaultFilters)).toEqual([])
    let views = withView([], 'v0', defaultFilters)
    for (let index = 1; index <= maxSavedViews + 5; index += 1) views = withView(views, `v${index}`, defaultFilters)
    expect(views).toHaveLength(maxSavedViews)
    expect(views[0]?.name).toBe(`v${maxSavedViews + 5}`)
  })

  it('removes a view by name', () => {
    const views = withView(withView([], 'a', defaultFilters), 'b', defaultFilters)
    expect(withoutView(views, 'a').map((view) => view.name)).toEqual(['b'])
  })

  it('round-trips through JSON', () => {
    const views = withView([], 'VoIP holds', {
      ...defaultFilters,
      view: 'all',
      outcomes: ['hold'],
      signalCode: 'phone.voip',
    })
    expect(parseSavedViews(JSON.stringify(views))).toEqual(views)
  })

  it.each([null, '', 'not json', '{}', '[1, "x", {"name": "no filters"}]', '[{"name": "", "filters": {}}]'])(
    'reads %j as no views',
    (text) => {
      expect(parseSavedViews(text)).toEqual([])
    },
  )

  it('drops unknown outcomes and fills missing fields', () => {
    const text = JSON.stringify([{ name: 'old', filters: { view: 'all', outcomes: ['hold', 'maybe'], signalCode: 7 } }])
    expect(parseSavedViews(text)).toEqual([
      { name: 'old', filters: { ...defaultFilters, view: 'all', outcomes: ['hold'], signalCode: '' } },
    ])
  })
})
