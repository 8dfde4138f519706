/** A value axis from 0: a round maximum at or above the largest value, and the ticks to label. */
export type Scale = { readonly max: number; readonly ticks: readonly number[] }

/** A 0-based scale with about four round ticks (1, 2 or 5 times a power of ten) covering `largest`. */
export function niceScale(largest: number): Scale {
  if (!Number.isFinite(largest) || largest <= 0) return { max: 1, ticks: [0, 1] }
  const rough = largest / 4
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power
  // Counts are whole numbers: a step below one would label fractions of an application.
  const wholeStep = Math.max(1, step)
  const max = Math.ceil(largest / wholeStep) * wholeStep
  const ticks: number[] = []
  for (let tick = 0; tick <= max + wholeStep / 2; tick += wholeStep) ticks.push(tick)
  return { max, ticks }
}

/** Where `value` sits on a scale drawn `length` units long (0 at the start). */
export function position(value: number, scale: Scale, length: number): number {
  return scale.max === 0 ? 0 : (Math.max(0, value) / scale.max) * length
}
