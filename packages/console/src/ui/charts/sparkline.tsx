import { niceScale, position } from './chart-scale'

/** A small line of counts over the buckets, for the top signals. */
export function Sparkline(props: { readonly values: readonly number[]; readonly label: string }) {
  const width = 120
  const height = 28
  const scale = niceScale(Math.max(0, ...props.values))
  const step = props.values.length > 1 ? width / (props.values.length - 1) : 0
  const points = props.values
    .map(
      (value, index) => `${(index * step).toFixed(1)},${(height - 2 - position(value, scale, height - 4)).toFixed(1)}`,
    )
    .join(' ')
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={props.label}
    >
      <polyline points={points} vectorEffect="non-scaling-stroke" />
    </svg>
  )
}
