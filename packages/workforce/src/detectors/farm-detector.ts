import type { Signal, WorkforceSignalCode } from '@hirewall/core'
import type { HabitualAddress } from '../evaluate/employee-view.js'
import { plural, workforceSignal, type WorkforceDetector } from './workforce-detector.js'

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

function describeUse(use: HabitualAddress): string {
  return use.via === 'check-in'
    ? `device ${use.device ?? ''} first checked in there`
    : `${plural(use.days, 'day')} of sign-ins ${day(use.firstMs)}..${day(use.lastMs)}`
}

/**
 * The farm itself: the employee habitually comes from a residential address (sign-ins on several days and a good share
 * of their active days, or a device's first check-in) that other employees habitually come from too, in overlapping
 * periods, and those others do not share the employee's home on file (a couple working from one home is a household).
 * VPN, hosting, proxy and Tor addresses and the organisation's trusted networks never count: strangers share those.
 * Evidence names the address, the other employees and the farm cluster.
 */
export const farmDetector: WorkforceDetector = {
  name: 'laptop-farm',
  codes: ['farm.shared-egress'],
  detect({ employeeId, pool }) {
    const household = pool.householdOf(employeeId)
    const shared: Record<string, unknown>[] = []
    const otherIds = new Set<string>()
    for (const use of pool.habitualAddresses(employeeId)) {
      const others = pool
        .othersHabitualOn(use, employeeId)
        .filter(({ employeeId: other }) => household === undefined || pool.householdOf(other) !== household)
      if (others.length === 0) continue
      for (const other of others) otherIds.add(other.employeeId)
      shared.push({
        ip: use.ip,
        via: use.via,
        days: use.days,
        from: day(use.firstMs),
        to: day(use.lastMs),
        ...(use.device ? { device: use.device } : {}),
        others: others.slice(0, 20).map(({ employeeId: other, use: theirs }) => ({
          employeeId: other,
          via: theirs.via,
          days: theirs.days,
          from: day(theirs.firstMs),
          to: day(theirs.lastMs),
        })),
        summary: describeUse(use),
      })
    }
    if (shared.length === 0) return []
    const cluster = pool.farmClusterOf(employeeId)
    const first = shared[0] as { ip: string; summary: string }
    const signal: Signal<WorkforceSignalCode> = workforceSignal(
      'farm.shared-egress',
      `The employee habitually comes from ${first.ip} (${first.summary}), as do ${plural(otherIds.size, 'other employee')} with other homes on file (${[...otherIds].sort().slice(0, 5).join(', ')})${cluster ? `: farm cluster ${cluster.id} of ${cluster.employeeIds.length}` : ''}.`,
      {
        addresses: shared.map(({ summary: _summary, ...rest }) => rest),
        otherEmployees: [...otherIds].sort().slice(0, 50),
        ...(cluster ? { clusterId: cluster.id, clusterSize: cluster.employeeIds.length } : {}),
      },
    )
    return [signal]
  },
}
