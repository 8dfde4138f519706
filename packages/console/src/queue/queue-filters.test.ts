import { describe, expect, it } from 'vitest'
import { applicationQuery, caseQuery, defaultFilters, filterProblems, isFiltered, localMidnight } from './queue-filters'

describe('applicationQuery', () => {
  it('asks for every outcome, riskiest first, by default', () => {
    expect(applicationQuery({ ...defaultFilters, view: 'all' }, { limit: 50 })).toEqual({
      order: 'riskiest',
      outcome: undefined,
      signal: undefined,
      cluster: undefined,
      requisition: undefined,
      source: undefined,
      staffingVendor: undefined,
      minScore: undefined,
      submittedFrom: undefined,
      submittedBefore: undefined,
      limit: 50,
      after: undefined,
    })
  })

  it('sends the outcomes ticked when not all are', () => {
    const query = applicationQuery({ ...defaultFilters, outcomes: ['review', 'hold'] }, { limit: 10 })
    expect(query.outcome).toEqual(['review', 'hold'])
  })

  it('trims text filters and passes the cursor', () => {
    const query = applicationQuery(
      {
        ...defaultFilters,
        signalCode: ' phone.voip ',
        requisitionId: 'req-7',
        sourceSystem: 'greenhouse',
        staffingVendor: ' Acme ',
      },
      { limit: 25, after: 'abc' },
    )
    expect(query).toMatchObject({
      signal: 'phone.voip',
      requisition: 'req-7',
      source: 'greenhouse',
      staffingVendor: 'Acme',
      limit: 25,
      after: 'abc',
    })
  })

  it('makes the end date inclusive: submitted before the next local midnight', () => {
    const query = applicationQuery(
      { ...defaultFilters, submittedFrom: '2026-03-01', submittedTo: '2026-03-31' },
      { limit: 50 },
    )
    expect(query.submittedFrom).toBe(new Date(2026, 2, 1).toISOString())
    expect(query.submittedBefore).toBe(new Date(2026, 3, 1).toISOString())
  })
})

describe('caseQuery', () => {
  it('asks for open cases riskiest first with the outcome and assignee filters only', () => {
    expect(
      caseQuery(
        { ...defaultFilters, outcomes: ['hold'], assignee: 'me', signalCode: 'phone.voip' },
        { limit: 50, after: 'c' },
      ),
    ).toEqual({ status: 'open', order: 'riskiest', outcome: ['hold'], assignee: 'me', limit: 50, after: 'c' })
  })
  it('leaves the assignee out for anyone', () => {
    expect(caseQuery(defaultFilters, { limit: 50 }).assignee).toBeUndefined()
  })
})

describe('localMidnight', () => {
  it('rolls over month ends', () => {
    expect(localMidnight('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString())
  })
})

describe('filterProblems', () => {
  it('accepts the defaults', () => {
    expect(filterProblems(defaultFilters)).toEqual([])
  })
  it.each(['-1', '101', 'high'])('names the score field for %s', (minScore) => {
    expect(filterProblems({ ...defaultFilters, minScore })).toEqual([
      { field: 'minScore', message: 'A score is a number from 0 to 100.' },
    ])
  })
  it('refuses an end date before the start date', () => {
    expect(filterProblems({ ...defaultFilters, submittedFrom: '2026-03-02', submittedTo: '2026-03-01' })).toEqual([
      { field: 'submittedTo', message: 'The end date is before the start date.' },
    ])
  })
  it('asks for at least one outcome', () => {
    expect(filterProblems({ ...defaultFilters, view: 'all', outcomes: [] })).toHaveLength(1)
  })
})

describe('isFiltered', () => {
  it('is false for the defaults, whatever the view', () => {
    expect(isFiltered({ ...defaultFilters, view: 'all' })).toBe(false)
  })
  it('is true once a filter is set', () => {
    expect(isFiltered({ ...defaultFilters, clusterId: 'cluster:x' })).toBe(true)
  })
})
