import { outcomes, type Outcome } from '@hirewall/core'

/** A replay of one change (a new model, a new policy) over the same applications: which outcomes would move. */
export type Backtest = {
  readonly applications: number
  /** How many applications would get another outcome. */
  readonly changed: number
  /** `transitions[before][after]`: applications that go from one outcome to another (the diagonal is unchanged). */
  readonly transitions: Readonly<Record<Outcome, Readonly<Record<Outcome, number>>>>
  /** Among labelled applications: newly flagged (clear -> review/hold) and newly cleared, by truth. */
  readonly newlyFlagged: { readonly fraud: number; readonly legitimate: number; readonly unlabelled: number }
  readonly newlyCleared: { readonly fraud: number; readonly legitimate: number; readonly unlabelled: number }
}

export type BacktestRow = { readonly before: Outcome; readonly after: Outcome; readonly label: 0 | 1 | null }

const byTruth = (label: 0 | 1 | null): 'fraud' | 'legitimate' | 'unlabelled' =>
  label === 1 ? 'fraud' : label === 0 ? 'legitimate' : 'unlabelled'

/** A backtest counted one application at a time, for replays that read the applications a page at a time. */
export type BacktestTally = {
  add(row: BacktestRow): void
  /** The counts so far. */
  result(): Backtest
}

export function backtestTally(): BacktestTally {
  const transitions = Object.fromEntries(
    outcomes.map((before) => [before, Object.fromEntries(outcomes.map((after) => [after, 0]))]),
  ) as Record<Outcome, Record<Outcome, number>>
  const newlyFlagged = { fraud: 0, legitimate: 0, unlabelled: 0 }
  const newlyCleared = { fraud: 0, legitimate: 0, unlabelled: 0 }
  let applications = 0
  let changed = 0
  return {
    add({ before, after, label }) {
      applications++
      transitions[before][after]++
      if (before === after) return
      changed++
      if (before === 'clear') newlyFlagged[byTruth(label)]++
      if (after === 'clear') newlyCleared[byTruth(label)]++
    },
    result: () => ({
      applications,
      changed,
      transitions: Object.fromEntries(outcomes.map((before) => [before, { ...transitions[before] }])) as Record<
        Outcome,
        Record<Outcome, number>
      >,
      newlyFlagged: { ...newlyFlagged },
      newlyCleared: { ...newlyCleared },
    }),
  }
}

export function backtest(rows: Iterable<BacktestRow>): Backtest {
  const tally = backtestTally()
  for (const row of rows) tally.add(row)
  return tally.result()
}
