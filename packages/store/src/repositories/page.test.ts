import { describe, expect, it } from 'vitest'
import type { StoreError } from '../database/store-error.js'
import { decodeCursor, encodeCursor, pageLimit, toPage } from './page.js'

describe('page cursors', () => {
  it('round-trips a sort key', () => {
    const cursor = encodeCursor('applications-newest', [1772463845123, 'greenhouse:4021'])
    expect(decodeCursor('applications-newest', cursor, ['number', 'string'])).toEqual([
      1772463845123,
      'greenhouse:4021',
    ])
  })

  it.each([
    ['another list', encodeCursor('applications-riskiest', [1, 'a']), 'applications-newest'],
    ['a value of the wrong type', encodeCursor('applications-newest', ['1', 'a']), 'applications-newest'],
    ['a missing value', encodeCursor('applications-newest', [1]), 'applications-newest'],
    ['text that is not base64url JSON', 'not-a-cursor', 'applications-newest'],
  ])('refuses a cursor from %s', (_case, cursor, list) => {
    expect(() => decodeCursor(list, cursor, ['number', 'string'])).toThrow(
      expect.objectContaining({ code: 'invalid-cursor' }) as StoreError,
    )
  })
})

describe('pageLimit', () => {
  it.each([
    [{}, 50],
    [{ limit: 1 }, 1],
    [{ limit: 500 }, 500],
  ])('takes %j as %i', (request, expected) => {
    expect(pageLimit(request)).toBe(expected)
  })

  it.each([0, 501, 2.5, Number.NaN])('refuses a limit of %d', (limit) => {
    expect(() => pageLimit({ limit })).toThrow('limit must be an integer from 1 to 500')
  })
})

describe('toPage', () => {
  it('keeps `limit` rows and a cursor when one more was fetched', () => {
    const page = toPage(
      [1, 2, 3],
      2,
      (row) => row * 10,
      (row) => `after-${row}`,
    )
    expect(page).toEqual({ items: [10, 20], nextCursor: 'after-2' })
  })

  it('has no cursor on the last page', () => {
    expect(toPage([1, 2], 2, (row) => row, String)).toEqual({ items: [1, 2], nextCursor: undefined })
  })
})
