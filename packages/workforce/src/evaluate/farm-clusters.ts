import type { ShipmentRecord } from '../records/workforce-record.js'
import type { FarmCluster, FarmLink, HabitualAddress } from './employee-view.js'
import { UnionFind } from './union-find.js'

export type FarmClusterInputs = {
  /** Every public, undisguised, untrusted address some account or device used. */
  readonly addresses: Iterable<string>
  readonly habitualOn: (ip: string) => readonly { readonly employeeId: string; readonly use: HabitualAddress }[]
  readonly overlaps: (a: HabitualAddress, b: HabitualAddress) => boolean
  readonly householdOf: (employeeId: string) => string | undefined
  /** Shipments by normalised ship-to address. */
  readonly shipTo: ReadonlyMap<string, readonly ShipmentRecord[]>
  readonly officeKeys: ReadonlySet<string>
  /** An address habitual for more employees than this is an office or carrier NAT, not a farm; default 200. */
  readonly maximumPerAddress?: number
}

/**
 * The farms: employees joined when they habitually come from one address in overlapping periods while their homes on
 * file differ, or when their equipment went to one ship-to address that is not the home of each of them (offices
 * excluded). Connected employees form one cluster, `farm:<smallest employee id>`, listing the links that join it.
 */
export function computeFarmClusters(inputs: FarmClusterInputs): FarmCluster[] {
  const sets = new UnionFind()
  const links: FarmLink[] = []
  const limit = inputs.maximumPerAddress ?? 200
  for (const ip of inputs.addresses) {
    const users = inputs.habitualOn(ip)
    if (users.length < 2 || users.length > limit) continue
    const joined = new Set<string>()
    for (let left = 0; left < users.length; left++) {
      for (let right = left + 1; right < users.length; right++) {
        const a = users[left] as (typeof users)[number]
        const b = users[right] as (typeof users)[number]
        if (a.employeeId === b.employeeId || !inputs.overlaps(a.use, b.use)) continue
        const household = inputs.householdOf(a.employeeId)
        if (household !== undefined && household === inputs.householdOf(b.employeeId)) continue
        sets.union(a.employeeId, b.employeeId)
        joined.add(a.employeeId).add(b.employeeId)
      }
    }
    if (joined.size > 1) links.push({ kind: 'ip', value: ip, employeeIds: [...joined].sort() })
  }
  for (const [key, shipments] of inputs.shipTo) {
    if (inputs.officeKeys.has(key)) continue
    const employees = [...new Set(shipments.map((shipment) => shipment.employeeId))].sort()
    if (employees.length < 2 || employees.every((employeeId) => inputs.householdOf(employeeId) === key)) continue
    for (const employeeId of employees.slice(1)) sets.union(employees[0] as string, employeeId)
    links.push({ kind: 'ship-to', value: shipments[0]?.shipTo.text ?? key, employeeIds: employees })
  }
  const clusters: FarmCluster[] = []
  for (const members of sets.groups().values()) {
    const memberSet = new Set(members)
    clusters.push({
      id: `farm:${members[0] ?? ''}`,
      employeeIds: members,
      links: links.filter((link) => link.employeeIds.some((employeeId) => memberSet.has(employeeId))),
    })
  }
  return clusters.sort((a, b) => b.employeeIds.length - a.employeeIds.length || a.id.localeCompare(b.id))
}
