import type { EmployeeAssessment, FarmCluster } from '@hirewall/workforce'

/** One row of the table: employee, score, outcome, farm cluster and the codes raised, strongest first. */
export function assessmentTableRow(assessment: EmployeeAssessment): string {
  return [
    assessment.employeeId.padEnd(14),
    assessment.score.toFixed(1).padStart(5),
    assessment.outcome.padEnd(7),
    (assessment.clusterId ?? '').padEnd(18),
    assessment.signals.map((signal) => signal.code).join(', '),
  ]
    .join('  ')
    .trimEnd()
}

export const assessmentTableHeader = `${'EMPLOYEE'.padEnd(14)}  SCORE  ${'OUTCOME'.padEnd(7)}  ${'FARM CLUSTER'.padEnd(18)}  SIGNALS`

/** The clusters, one line each: id, members and what joins them. */
export function clusterLines(clusters: readonly FarmCluster[]): string[] {
  return clusters.map(
    (cluster) =>
      `  ${cluster.id}: ${cluster.employeeIds.join(', ')} (${cluster.links
        .map((link) => `${link.kind} ${link.value}`)
        .slice(0, 4)
        .join('; ')}${cluster.links.length > 4 ? '; ...' : ''})`,
  )
}
