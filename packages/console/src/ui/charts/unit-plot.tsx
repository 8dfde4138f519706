import { position, type Scale } from './chart-scale'

/** One line of a unit plot: its name (legend) and the CSS class that colours it. */
export type UnitPlotSeries = {
  readonly name: string
  readonly className: string
  readonly points: readonly { readonly x: number; readonly y: number }[]
}

const size = 260
const margin = { top: 10, right: 12, bottom: 34, left: 44 }
const unitScale: Scale = { max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] }

/**
 * Lines and points on the unit square (both axes 0 to 1): precision against recall, observed against predicted.
 * SVG coloured by CSS classes (the CSP's `style-src 'self'` holds); the numbers are in a table under it.
 */
export function UnitPlot(props: {
  readonly title: string
  readonly xLabel: string
  readonly yLabel: string
  readonly series: readonly UnitPlotSeries[]
  /** Draw the diagonal y = x (perfect calibration). */
  readonly hasDiagonal?: boolean
}) {
  const plot = size - margin.left - margin.right
  const plotHeight = size - margin.top - margin.bottom
  const x = (value: number) => margin.left + position(value, unitScale, plot)
  const y = (value: number) => margin.top + plotHeight - position(value, unitScale, plotHeight)
  return (
    <figure className="chart unit-plot">
      <figcaption>{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${size} ${size}`}
        role="img"
        aria-label={`${props.title}: ${props.yLabel} against ${props.xLabel}; the table below has the numbers`}
      >
        {unitScale.ticks.map((tick) => (
          <g key={tick} className="axis">
            <line x1={margin.left} x2={size - margin.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
            <text x={x(tick)} y={size - margin.bottom + 14} textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        <text className="axis" x={margin.left + plot / 2} y={size - 4} textAnchor="middle">
          {props.xLabel}
        </text>
        <text
          className="axis"
          x={12}
          y={margin.top + plotHeight / 2}
          textAnchor="middle"
          transform={`rotate(-90 12 ${margin.top + plotHeight / 2})`}
        >
          {props.yLabel}
        </text>
        {props.hasDiagonal === true ? <line className="diagonal" x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} /> : null}
        {props.series.map((series) => (
          <g key={series.name} className={series.className}>
            <polyline
              points={series.points.map((point) => `${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`).join(' ')}
            />
            {series.points.map((point) => (
              <circle key={`${point.x},${point.y}`} cx={x(point.x)} cy={y(point.y)} r={2.5}>
                <title>{`${series.name}: ${props.xLabel} ${point.x.toFixed(3)}, ${props.yLabel} ${point.y.toFixed(3)}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <ul className="legend">
        {props.series.map((series) => (
          <li key={series.name}>
            <svg width="12" height="12" aria-hidden="true" className={series.className}>
              <circle cx="6" cy="6" r="5" />
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
              <th scope="col">Line</th>
              <th scope="col">{props.xLabel}</th>
              <th scope="col">{props.yLabel}</th>
            </tr>
          </thead>
          <tbody>
            {props.series.flatMap((series) =>
              series.points.map((point) => (
                <tr key={`${series.name}-${point.x}-${point.y}`}>
                  <td>{series.name}</td>
                  <td>{point.x.toFixed(3)}</td>
                  <td>{point.y.toFixed(3)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
