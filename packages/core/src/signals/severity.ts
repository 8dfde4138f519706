/** How much one signal says on its own, weakest first. `info` is context and never moves a score by default. */
export const severities = ['info', 'low', 'medium', 'high', 'critical'] as const
export type Severity = (typeof severities)[number]

export function severityRank(severity: Severity): number {
  return severities.indexOf(severity)
}
