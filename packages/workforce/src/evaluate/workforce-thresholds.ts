/** Every number the detectors decide by; each has a default (docs/workforce.md explains them). */
export type WorkforceThresholds = {
  /** An address is habitual for an account used from it on at least this many days... */
  readonly habitualMinimumDays: number
  /** ...that are at least this share of the account's active days. */
  readonly habitualMinimumShare: number
  /** A home on file of at most this many employees is a household (a couple): beyond it, a shared home is no excuse. */
  readonly householdMaximum: number
  /** Two employees share an address when their periods on it are within this many days of each other. */
  readonly farmWindowDays: number
  /** Anonymised egress is medium from this share of successful sign-ins, low below it. */
  readonly egressHabitShare: number
  /** Sign-ins from another country than home raise a signal from this share of located ones... */
  readonly countryMismatchShare: number
  /** ...when there are at least this many... */
  readonly countryMismatchMinimumSignIns: number
  /** ...on at least this many days abroad (a business trip is shorter). */
  readonly countryMismatchMinimumDays: number
  readonly impossibleTravelMinimumKilometres: number
  readonly impossibleTravelMinimumKilometresPerHour: number
  /** A day is "around the clock" with activity in at least this many of its 24 UTC hours... */
  readonly aroundTheClockHours: number
  /** ...and the signal needs this many such days. */
  readonly aroundTheClockDays: number
  /** The rhythm test needs this many active hours (day-hour cells)... */
  readonly rhythmMinimumActiveHours: number
  /** ...on this many days... */
  readonly rhythmMinimumDays: number
  /** ...and UTC+8/+9 must fit better than the home zone by this much log-likelihood per active hour. */
  readonly rhythmMargin: number
  /** Bank details changed this many times... */
  readonly payrollChanges: number
  /** ...within this many days. */
  readonly payrollChangeWindowDays: number
}

export const defaultWorkforceThresholds: WorkforceThresholds = {
  habitualMinimumDays: 5,
  habitualMinimumShare: 0.4,
  householdMaximum: 2,
  farmWindowDays: 30,
  egressHabitShare: 1 / 3,
  countryMismatchShare: 1 / 3,
  countryMismatchMinimumSignIns: 5,
  countryMismatchMinimumDays: 6,
  impossibleTravelMinimumKilometres: 1000,
  impossibleTravelMinimumKilometresPerHour: 900,
  aroundTheClockHours: 18,
  aroundTheClockDays: 3,
  rhythmMinimumActiveHours: 40,
  rhythmMinimumDays: 5,
  rhythmMargin: 0.35,
  payrollChanges: 3,
  payrollChangeWindowDays: 90,
}
