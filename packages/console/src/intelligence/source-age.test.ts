import { describe, expect, it } from 'vitest'
import { formatAge, sourceAge } from './source-age'

const now = new Date('2026-11-23T12:00:00Z')

describe('sourceAge', () => {
  it.each([
    ['a sanctions list fetched this morning', 'ofac-sdn', '2026-11-23T06:00:00Z', 0, false],
    ['a sanctions list a week old', 'ofac-sdn', '2026-11-16T12:00:00Z', 7, false],
    ['a sanctions list eight days old', 'un-consolidated', '2026-11-15T11:00:00Z', 8, true],
    ['a VPN list 31 days old', 'x4b-vpn', '2026-10-23T11:00:00Z', 31, true],
    ['an institution list ten months old', 'ipeds', '2026-01-23T12:00:00Z', 304, false],
    ['a watchlist two years old', 'watchlist', '2024-11-23T12:00:00Z', 730, false],
  ])('%s: %i days, stale %s', (_case, kind, fetchedAt, days, isStale) => {
    expect(sourceAge({ kind, fetchedAt }, now)).toMatchObject({ days, isStale })
  })

  it('calls a date it cannot read stale for a kind that ages', () => {
    expect(sourceAge({ kind: 'ofac-sdn', fetchedAt: 'yesterday' }, now)).toEqual({
      days: undefined,
      isStale: true,
      limitDays: 7,
    })
    expect(sourceAge({ kind: 'watchlist', fetchedAt: 'yesterday' }, now).isStale).toBe(false)
  })

  it('reads ages as words', () => {
    expect([0, 1, 12, undefined].map(formatAge)).toEqual(['today', '1 day', '12 days', 'unknown'])
  })
})
