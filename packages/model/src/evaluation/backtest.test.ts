import { describe, expect, it } from 'vitest'
import { backtest, backtestTally, type BacktestRow } from './backtest.js'

const rows: BacktestRow[] = [
  { before: 'clear', after: 'review', label: 1 },
  { before: 'clear', after: 'review', label: 0 },
  { before: 'clear', after: 'clear', label: 1 },
  { before: 'review', after: 'clear', label: null },
  { before: 'hold', after: 'clear', label: 1 },
  { before: 'hold', after: 'review', label: 0 },
]

describe('backtest', () => {
  it('counts transitions, and newly flagged and cleared by truth', () => {
    expect(backtest(rows)).toEqual({
      applications: 6,
      changed: 5,
      transitions: {
        clear: { clear: 1, review: 2, hold: 0 },
        review: { clear: 1, review: 0, hold: 0 },
        hold: { clear: 1, review: 1, hold: 0 },
      },
      newlyFlagged: { fraud: 1, legitimate: 1, unlabelled: 0 },
      newlyCleared: { fraud: 1, legitimate: 0, unlabelled: 1 },
    })
  })

  it('gives the same counts one row at a time, and a result the next rows do not change', () => {
    const tally = backtestTally()
    for (const row of rows.slice(0, 3)) tally.add(row)
    const early = tally.result()
    for (const row of rows.slice(3)) tally.add(row)
    expect(tally.result()).toEqual(backtest(rows))
    expect(early).toMatchObject({ applications: 3, changed: 2, transitions: { hold: { clear: 0, review: 0 } } })
  })
})
