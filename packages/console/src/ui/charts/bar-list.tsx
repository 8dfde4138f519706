import { niceScale, position } from './chart-scale'

/** One row of a horizontal bar list: a label, its parts and a note to its right. */
export type BarRow = {
  readonly label: string
  readonly parts: readonly { readonly value: number; readonly className: string; readonly name: string }[]
  readonly note: string
}

/** Horizontal stacked bars with labels, for breakdowns and rates; each row's numbers are in its text too. */
export function BarList(props: {
  readonly title: string
  readonly rows: readonly BarRow[]
  readonly max?: number
  readonly empty: string
}) {
  const totals = props.rows.map((row) => row.parts.reduce((sum, part) => sum + part.value, 0))
  const scale = props.max === undefined ? niceScale(Math.max(0, ...totals)) : { max: props.max, ticks: [] }
  return (
    <figure className="bar-list">
      <figcaption>{props.title}</figcaption>
      {props.rows.length === 0 ? <p className="muted">{props.empty}</p> : null}
      <ul>
        {props.rows.map((row) => {
          let offset = 0
          return (
            <li key={row.label}>
              <span className="bar-label" title={row.label}>
                {row.label}
              </span>
              <svg viewBox="0 0 200 14" preserveAspectRatio="none" aria-hidden="true" className="bar-track">
                {row.parts.map((part) => {
                  const x = position(offset, scale, 200)
                  offset += part.value
                  const w = position(offset, scale, 200) - x
                  return w <= 0 ? null : (
                    <rect key={part.name} className={part.className} x={x} y={0} width={w} height={14} />
                  )
                })}
              </svg>
              <span className="bar-note">{row.note}</span>
            </li>
          )
        })}
      </ul>
    </figure>
  )
}
