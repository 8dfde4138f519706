import { workforceHardNegatives, type WorkforceHardNegative, type WorkforceLabel } from './employee-plan.js'

/** What the evaluation needs of an employee's assessment (the workforce engine's shape, structurally). */
export type AssessedEmployee = {
  readonly employeeId: string
  readonly outcome: 'clear' | 'review' | 'hold'
  readonly signals: readonly { readonly code: string }[]
  readonly clusterId?: string
}

export type EvaluatedCluster = { readonly id: string; readonly employeeIds: readonly string[] }

export type WorkforceMetrics = {
  readonly employees: number
  readonly legitimate: number
  readonly farms: number
  readonly farmMembers: number
  /** Planted farms with two or more of their members joined in one detected cluster. */
  readonly farmsFound: number
  readonly farmRecall: number
  /** Farm members whose outcome is review or hold. */
  readonly membersFlagged: number
  readonly memberRecall: number
  readonly membersHeld: number
  /** Legitimate employees whose outcome is review or hold. */
  readonly falseAlerts: number
  readonly falseAlertsPer1000: number
  readonly falseHolds: number
  /** Legitimate employees put in a farm cluster. */
  readonly legitimateInClusters: number
  readonly byHardNegative: readonly {
    readonly kind: WorkforceHardNegative
    readonly employees: number
    readonly flagged: number
    readonly rate: number
  }[]
  /** How often each code fired on legitimate employees, most frequent first. */
  readonly legitimateSignalCounts: readonly { readonly code: string; readonly employees: number }[]
  readonly farmSignalCounts: readonly { readonly code: string; readonly employees: number }[]
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000)

function countCodes(assessments: readonly AssessedEmployee[]): { code: string; employees: number }[] {
  const counts = new Map<string, number>()
  for (const assessment of assessments)
    for (const code of new Set(assessment.signals.map((signal) => signal.code)))
      counts.set(code, (counts.get(code) ?? 0) + 1)
  return [...counts]
    .map(([code, employees]) => ({ code, employees }))
    .sort((a, b) => b.employees - a.employees || a.code.localeCompare(b.code))
}

/**
 * Scores the engine against the world's labels: farm recall (planted farms found as a cluster of two or more of their
 * members), member recall (farm members at review or hold), and false alerts per 1,000 legitimate employees, overall
 * and per hard-negative situation.
 */
export function evaluateWorkforce(
  labels: readonly WorkforceLabel[],
  assessments: readonly AssessedEmployee[],
  clusters: readonly EvaluatedCluster[],
): WorkforceMetrics {
  const byEmployee = new Map(assessments.map((assessment) => [assessment.employeeId, assessment]))
  const clusterOf = new Map<string, string>()
  for (const cluster of clusters) for (const employeeId of cluster.employeeIds) clusterOf.set(employeeId, cluster.id)
  const isFlagged = (employeeId: string): boolean => {
    const outcome = byEmployee.get(employeeId)?.outcome
    return outcome === 'review' || outcome === 'hold'
  }
  const farms = new Map<string, string[]>()
  const legitimate: WorkforceLabel[] = []
  for (const label of labels) {
    if (label.isFraud && label.farmId) farms.set(label.farmId, [...(farms.get(label.farmId) ?? []), label.employeeId])
    else legitimate.push(label)
  }
  let farmsFound = 0
  for (const members of farms.values()) {
    const perCluster = new Map<string, number>()
    for (const member of members) {
      const cluster = clusterOf.get(member)
      if (cluster) perCluster.set(cluster, (perCluster.get(cluster) ?? 0) + 1)
    }
    if ([...perCluster.values()].some((count) => count >= 2)) farmsFound++
  }
  const members = [...farms.values()].flat()
  const membersFlagged = members.filter(isFlagged).length
  const membersHeld = members.filter((member) => byEmployee.get(member)?.outcome === 'hold').length
  const falseAlerts = legitimate.filter((label) => isFlagged(label.employeeId)).length
  const falseHolds = legitimate.filter((label) => byEmployee.get(label.employeeId)?.outcome === 'hold').length
  return {
    employees: labels.length,
    legitimate: legitimate.length,
    farms: farms.size,
    farmMembers: members.length,
    farmsFound,
    farmRecall: ratio(farmsFound, farms.size),
    membersFlagged,
    memberRecall: ratio(membersFlagged, members.length),
    membersHeld,
    falseAlerts,
    falseAlertsPer1000: Math.round((falseAlerts / Math.max(1, legitimate.length)) * 10_000) / 10,
    falseHolds,
    legitimateInClusters: legitimate.filter((label) => clusterOf.has(label.employeeId)).length,
    byHardNegative: workforceHardNegatives.map((kind) => {
      const group = legitimate.filter((label) => label.hardNegative === kind)
      const flagged = group.filter((label) => isFlagged(label.employeeId)).length
      return { kind, employees: group.length, flagged, rate: ratio(flagged, group.length) }
    }),
    legitimateSignalCounts: countCodes(legitimate.flatMap((label) => byEmployee.get(label.employeeId) ?? [])),
    farmSignalCounts: countCodes(members.flatMap((member) => byEmployee.get(member) ?? [])),
  }
}

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`

/** The metrics as a plain-text report. */
export function formatWorkforceTable(metrics: WorkforceMetrics): string {
  const lines = [
    `Employees ${metrics.employees}: ${metrics.legitimate} legitimate, ${metrics.farmMembers} in ${metrics.farms} planted farms`,
    '',
    `Farm recall            ${percent(metrics.farmRecall)}  (${metrics.farmsFound} of ${metrics.farms} farms found as a cluster)`,
    `Farm member recall     ${percent(metrics.memberRecall)}  (${metrics.membersFlagged} of ${metrics.farmMembers} at review or hold; ${metrics.membersHeld} held)`,
    `False alerts           ${metrics.falseAlertsPer1000.toFixed(1)} per 1,000 legitimate employees  (${metrics.falseAlerts} at review or hold; ${metrics.falseHolds} held; ${metrics.legitimateInClusters} in a farm cluster)`,
    '',
    'Hard negatives                 employees  flagged   rate',
  ]
  for (const row of metrics.byHardNegative)
    lines.push(
      `  ${row.kind.padEnd(28)} ${String(row.employees).padStart(9)}  ${String(row.flagged).padStart(7)}  ${percent(row.rate).padStart(6)}`,
    )
  lines.push('', 'Signals on farm members (employees)')
  for (const row of metrics.farmSignalCounts.slice(0, 12)) lines.push(`  ${row.code.padEnd(34)} ${row.employees}`)
  lines.push('', 'Signals on legitimate employees (employees)')
  for (const row of metrics.legitimateSignalCounts.slice(0, 12)) lines.push(`  ${row.code.padEnd(34)} ${row.employees}`)
  return `${lines.join('\n')}\n`
}
