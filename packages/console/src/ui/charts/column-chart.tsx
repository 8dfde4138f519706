import { niceScale, position } from './chart-scale'

/** One coloured part of a column: its name (legend and tooltip) and the CSS class that colours it. */
export type ColumnSeries = { readonly name: string; readonly className: string }

const width = 640
const height = 220
const margin = { top: 10, right: 8, bottom: 28, left: 40 }

/**
 * Stacked columns, one per bucket (SVG, coloured by CSS classes so the CSP's `style-src 'self'` holds). The same
 * numbers are in a table under it for screen readers and for copying.
 */
export function ColumnChart(props: {
  readonly title: string
  readonly labels: readonly string[]
  readonly series: readonly ColumnSeries[]
  /** values[series][bucket] */
  readonly values: readonly (readonly number[])[]
}) {
  const totals = props.labels.map((_, bucket) => props.values.reduce((sum, row) => sum + (row[bucket] ?? 0), 0))
  const scale = niceScale(Math.max(0, ...totals))
  const plotWidth = width - margin.left - margin.right
  const plotHeight = height - margin.top - margin.bottom
  const slot = plotWidth / Math.max(1, props.labels.length)
  const barWidth = Math.max(2, Math.min(36, slot * 0.7))
  // Every label fits up to six columns; past that every second, third... so they never run together.
  const labelEvery = Math.ceil(props.labels.length / 6)
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${props.title}: column chart; the table below has the numbers`}
      >
        {scale.ticks.map((tick) => {
          const y = margin.top + plotHeight - position(tick, scale, plotHeight)
          return (
            <g key={tick} className="axis">
              <line x1={margin.left} x2={width - margin.right} y1={y} y2={y} className="grid" />
              <text x={margin.left - 6} y={y + 4} textAnchor="end">
                {tick}
              </text>
            </g>
          )
        })}
        {props.labels.map((label, bucket) => {
          const x = margin.left + slot * bucket + (slot - barWidth) / 2
          let base = 0
          return (
            <g key={label}>
              {props.series.map((series, index) => {
                const value = props.values[index]?.[bucket] ?? 0
                const y0 = position(base, scale, plotHeight)
                base += value
                const y1 = position(base, scale, plotHeight)
                return value === 0 ? null : (
                  <rect
                    key={series.name}
                    className={series.className}
                    x={x}
                    width={barWidth}
                    y={margin.top + plotHeight - y1}
                    height={y1 - y0}
                  >
                    <title>{`${label}: ${value} ${series.name}`}</title>
                  </rect>
                )
              })}
              {bucket % labelEvery === 0 ? (
                <text className="axis" x={x + barWidth / 2} y={height - 8} textAnchor="middle">
                  {label}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
      <ul className="legend">
        {props.series.map((series) => (
          <li key={series.name}>
            <svg width="12" height="12" aria-hidden="true">
              <rect width="12" height="12" className={series.className} />
            </svg>
            {series.name}
          </li>
        ))}
      </ul>
      <details>
        <summary>The numbers</summary>
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Period</th>
              {props.series.map((series) => (
                <th key={series.name} scope="col">
                  {series.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.labels.map((label, bucket) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {props.series.map((series, index) => (
                  <td key={series.name}>{props.values[index]?.[bucket] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
