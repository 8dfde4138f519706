import { backtestTally, type Backtest, type BacktestRow } from '@hirewall/model'

/** Applications read per page: one short query each, never the whole pool in memory. */
export const backtestPageSize = 2000

/** The changed applications a backtest lists by default, and at most. */
export const defaultBacktestSample = 50
export const maxBacktestSample = 500

/** One stored application replayed: its stored and replayed outcome, its label, and what a sample would list. */
export type ReplayedApplication<Change> = {
  readonly row: BacktestRow
  /** How far the replay moved it (a score difference): larger changes are listed first. */
  readonly magnitude: number
  /** The sample's entry, built only when the outcome changed. */
  readonly change: () => Change
}

export type StoredReplay<Change> = {
  /** Applications, changes, the from→to matrix (`transitions`) and the newly flagged / cleared by label. */
  readonly backtest: Backtest
  /** Up to `sampleSize` changed applications, largest magnitude first (then by id). */
  readonly sample: readonly Change[]
}

export type StoredReplayOptions = {
  readonly sampleSize?: number | undefined
  readonly pageSize?: number | undefined
}

type Listed<Change> = { readonly applicationId: string; readonly magnitude: number; readonly change: Change }

/**
 * What policy and model backtests share: reads the stored applications a page at a time in id order, replays each
 * with `replay` (pure scoring, no detectors, no linking) and counts the outcomes against the stored ones, keeping a
 * bounded sample of the applications that would change.
 */
export async function replayStoredOutcomes<Entry extends { readonly applicationId: string }, Change>(
  readPage: (request: { readonly after: string | undefined; readonly limit: number }) => Promise<readonly Entry[]>,
  replay: (entry: Entry) => ReplayedApplication<Change>,
  options: StoredReplayOptions = {},
): Promise<StoredReplay<Change>> {
  const sampleSize = sampleSizeOf(options.sampleSize)
  const pageSize = options.pageSize ?? backtestPageSize
  const tally = backtestTally()
  let sample: Listed<Change>[] = []
  let after: string | undefined
  for (;;) {
    const page = await readPage({ after, limit: pageSize })
    for (const entry of page) {
      const replayed = replay(entry)
      tally.add(replayed.row)
      if (replayed.row.before === replayed.row.after || sampleSize === 0) continue
      sample.push({ applicationId: entry.applicationId, magnitude: replayed.magnitude, change: replayed.change() })
      // Keep the sample bounded however many change.
      if (sample.length >= sampleSize * 4) sample = largestChanges(sample, sampleSize)
    }
    after = page[page.length - 1]?.applicationId
    if (page.length < pageSize) break
  }
  return { backtest: tally.result(), sample: largestChanges(sample, sampleSize).map((listed) => listed.change) }
}

/** The sample size asked for, within 0 and {@link maxBacktestSample}. */
export function sampleSizeOf(asked: number | undefined): number {
  return Math.min(Math.max(0, Math.floor(asked ?? defaultBacktestSample)), maxBacktestSample)
}

function largestChanges<Change>(changes: readonly Listed<Change>[], size: number): Listed<Change>[] {
  return [...changes]
    .sort(
      (a, b) =>
        b.magnitude - a.magnitude ||
        (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0),
    )
    .slice(0, size)
}
