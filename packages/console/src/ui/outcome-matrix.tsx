import type { Outcome } from '../api/api-types'
import { outcomeLabels } from './format'

const outcomeOrder: readonly Outcome[] = ['clear', 'review', 'hold']

/** A backtest's from→to table: stored outcomes in rows, replayed ones in columns; the diagonal is unchanged. */
export function OutcomeMatrix(props: {
  readonly matrix: Readonly<Record<Outcome, Readonly<Record<Outcome, number>>>>
  /** Names the columns: "the outcome under this version". */
  readonly replayedAs: string
}) {
  return (
    <table className="list" aria-label="Outcome changes">
      <caption className="muted small">Rows: the stored outcome. Columns: {props.replayedAs}.</caption>
      <thead>
        <tr>
          <th scope="col">Stored \ new</th>
          {outcomeOrder.map((outcome) => (
            <th scope="col" key={outcome}>
              {outcomeLabels[outcome]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {outcomeOrder.map((from) => (
          <tr key={from}>
            <th scope="row">{outcomeLabels[from]}</th>
            {outcomeOrder.map((to) => (
              <td key={to} className={from === to ? 'muted' : undefined}>
                {props.matrix[from][to].toLocaleString('en')}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
