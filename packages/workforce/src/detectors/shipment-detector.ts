import { normaliseAddressText, type Signal, type WorkforceSignalCode } from '@hirewall/core'
import { findForwarding } from '../lists/forwarding-addresses.js'
import type { ShipmentRecord } from '../records/workforce-record.js'
import { plural, workforceSignal, type WorkforceDetector } from './workforce-detector.js'

function shipmentEvidence(shipment: ShipmentRecord): Record<string, unknown> {
  return {
    asset: shipment.asset,
    shipTo: shipment.shipTo.text,
    ...(shipment.shipmentId ? { shipmentId: shipment.shipmentId } : {}),
    ...(shipment.carrier ? { carrier: shipment.carrier } : {}),
    ...(shipment.shippedAt ? { shippedAt: shipment.shippedAt } : {}),
    ...(shipment.deliveredAt ? { deliveredAt: shipment.deliveredAt } : {}),
  }
}

/**
 * Where equipment went: to a forwarder or mailbox on the list (`shipment.address.forwarder`), to the same address as
 * other employees' equipment when that address is not the home on file of each of them (`shipment.address.shared`:
 * a couple at one home is a household, not a farm), or simply not to the home on file (`shipment.address.not-home`,
 * low: relatives and second homes are common). Shipments to the organisation's offices raise nothing.
 */
export const shipmentDetector: WorkforceDetector = {
  name: 'shipment',
  codes: ['shipment.address.not-home', 'shipment.address.forwarder', 'shipment.address.shared'],
  detect({ employeeId, shipments, homeKey, hire, pool, context }) {
    const signals: Signal<WorkforceSignalCode>[] = []
    const sharedKeys = new Set<string>()
    for (const shipment of shipments) {
      const key = normaliseAddressText(shipment.shipTo.text)
      if (key === undefined || context.officeKeys.has(key)) continue
      const forwarding = findForwarding(context.forwarding, key)
      if (forwarding) {
        signals.push(
          workforceSignal(
            'shipment.address.forwarder',
            `Asset ${shipment.asset} was shipped to "${shipment.shipTo.text}", a ${forwarding.kind === 'po-box' ? 'post-office box' : forwarding.kind === 'mailbox' ? 'commercial mailbox' : 'package forwarder'} (${forwarding.name}) on ${context.forwarding.source.name}.`,
            {
              ...shipmentEvidence(shipment),
              listed: {
                pattern: forwarding.pattern,
                kind: forwarding.kind,
                name: forwarding.name,
                note: forwarding.note,
              },
              source: { name: context.forwarding.source.name, version: context.forwarding.source.version },
            },
          ),
        )
      } else if (homeKey !== undefined && key !== homeKey) {
        signals.push(
          workforceSignal(
            'shipment.address.not-home',
            `Asset ${shipment.asset} was shipped to "${shipment.shipTo.text}", not to the home on file ("${hire?.homeAddress.text ?? ''}").`,
            { ...shipmentEvidence(shipment), home: hire?.homeAddress.text },
          ),
        )
      }
      if (sharedKeys.has(key)) continue
      const others = pool.shipmentsTo(key).filter((other) => other.employeeId !== employeeId)
      const otherEmployees = [...new Set(others.map((other) => other.employeeId))].sort()
      if (otherEmployees.length === 0) continue
      // One home's household (its address is the home on file of everyone it received equipment for) is no farm.
      const everyoneLivesThere = [employeeId, ...otherEmployees].every((id) => pool.householdOf(id) === key)
      if (everyoneLivesThere) continue
      sharedKeys.add(key)
      const cluster = pool.farmClusterOf(employeeId)
      signals.push(
        workforceSignal(
          'shipment.address.shared',
          `Asset ${shipment.asset} was shipped to "${shipment.shipTo.text}", where equipment of ${plural(otherEmployees.length, 'other employee')} (${otherEmployees.slice(0, 5).join(', ')}) also went, and it is not the home on file of each of them.`,
          {
            ...shipmentEvidence(shipment),
            otherEmployees: otherEmployees.slice(0, 20),
            otherEmployeeCount: otherEmployees.length,
            otherShipments: others.slice(0, 10).map((other) => ({
              employeeId: other.employeeId,
              asset: other.asset,
              ...(other.shippedAt ? { shippedAt: other.shippedAt } : {}),
            })),
            ...(cluster ? { clusterId: cluster.id } : {}),
          },
        ),
      )
    }
    return signals
  },
}
