import type { Store } from '@hirewall/store'
import type { FarmMemberFacts } from './farm-graph-view.js'

/**
 * The stored facts of the farm's members: their employee row, latest assessment, and the identity cluster of the
 * application each was hired from. One read per member: farms are a handful of people each.
 */
export async function readFarmMembers(store: Store, employeeIds: readonly string[]): Promise<FarmMemberFacts[]> {
  const members = await Promise.all(
    employeeIds.map(async (employeeId): Promise<FarmMemberFacts | undefined> => {
      const employee = await store.employees.find(employeeId)
      if (employee === undefined) return undefined
      const applicationClusterId =
        employee.applicationId === null ? undefined : await store.identity.clusterOf(employee.applicationId)
      return {
        employeeId,
        legalName: employee.legalName,
        applicationId: employee.applicationId,
        applicationClusterId: applicationClusterId ?? null,
        score: employee.latest?.score ?? null,
        outcome: employee.latest?.outcome ?? null,
        signals: employee.latest?.signals ?? [],
      }
    }),
  )
  return members.filter((member) => member !== undefined)
}
