/**
 * When people work, by local hour (weights, not probabilities): a working day with a lunch dip, some evening, little
 * night. The rhythm test asks which UTC offset makes an account's active hours most likely under this profile.
 */
const workingDay = [
  0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 3, 4, 4, 4, 3, 4, 4, 4, 3.5, 2.5, 1.5, 1.2, 1.2, 1, 0.7, 0.5,
] as const
const total = workingDay.reduce((sum, weight) => sum + weight, 0)
const logProfile = workingDay.map((weight) => Math.log(weight / total))

/** Active hours per UTC hour of day (24 counts) from day → hour-mask activity. */
export function hourHistogram(activeHours: Iterable<number>): number[] {
  const histogram = new Array<number>(24).fill(0)
  for (const mask of activeHours) for (let hour = 0; hour < 24; hour++) if (mask & (1 << hour)) histogram[hour]! += 1
  return histogram
}

/** Log-likelihood of the histogram if the person works a normal day at UTC offset `offsetMinutes`. */
export function rhythmLogLikelihood(histogram: readonly number[], offsetMinutes: number): number {
  // Local hour = UTC hour + offset; half-hour zones use the hour their working day mostly falls in.
  const shift = Math.round(offsetMinutes / 60)
  let sum = 0
  for (let hour = 0; hour < 24; hour++) {
    const count = histogram[hour] ?? 0
    if (count > 0) sum += count * (logProfile[(((hour + shift) % 24) + 24) % 24] ?? 0)
  }
  return sum
}

/** The whole-hour offset (−12h..+14h, in minutes) that fits the histogram best. */
export function bestOffset(histogram: readonly number[]): {
  readonly offsetMinutes: number
  readonly logLikelihood: number
} {
  let best = { offsetMinutes: 0, logLikelihood: Number.NEGATIVE_INFINITY }
  for (let hours = -12; hours <= 14; hours++) {
    const logLikelihood = rhythmLogLikelihood(histogram, hours * 60)
    if (logLikelihood > best.logLikelihood) best = { offsetMinutes: hours * 60, logLikelihood }
  }
  return best
}
