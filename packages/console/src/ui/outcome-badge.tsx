import type { Outcome } from '../api/api-types'
import { formatScore, outcomeLabels } from './format'

/** The outcome as a coloured word (colour is never the only cue). */
export function OutcomeBadge(props: { readonly outcome: Outcome | null }) {
  if (props.outcome === null) return <span className="badge badge-none">Not screened</span>
  return <span className={`badge badge-${props.outcome}`}>{outcomeLabels[props.outcome]}</span>
}

/** The score on a 0-100 bar, with the number as text. */
export function ScoreMeter(props: { readonly score: number | null; readonly label?: string }) {
  const score = props.score
  return (
    <span className="score" aria-label={`${props.label ?? 'Score'} ${formatScore(score)} of 100`}>
      <span className="score-number">{formatScore(score)}</span>
      <meter min={0} max={100} low={40} high={70} optimum={0} value={score ?? 0} aria-hidden="true" />
    </span>
  )
}
