import type { ReferenceSource } from '@hirewall/core'
import type { ForwardingAddresses } from '../lists/forwarding-addresses.js'
import type { PayoutInstitutions } from '../lists/payout-institutions.js'
import type { HireRecord, PayrollChangeRecord, ShipmentRecord } from '../records/workforce-record.js'
import type { DeviceState } from './device-registry.js'
import type { IpClass } from './ip-classifier.js'
import type { SignInActivity } from './sign-in-activity.js'
import type { WorkforceThresholds } from './workforce-thresholds.js'

/** An address an employee habitually comes from: by sign-ins on several days, or their device's first check-in. */
export type HabitualAddress = {
  readonly ip: string
  readonly via: 'sign-in' | 'check-in'
  readonly days: number
  readonly firstMs: number
  readonly lastMs: number
  readonly login?: string
  readonly device?: string
}

/** Employees joined by a shared residential egress or ship-to address: the farm itself. */
export type FarmCluster = {
  /** `farm:<the smallest employee id>`. */
  readonly id: string
  readonly employeeIds: readonly string[]
  readonly links: readonly FarmLink[]
}

/** Why two or more employees are in one cluster: the IP or ship-to address they share. */
export type FarmLink = {
  readonly kind: 'ip' | 'ship-to'
  /** The IP address, or the ship-to address as first written. */
  readonly value: string
  readonly employeeIds: readonly string[]
}

/** What the detectors can ask about other employees. */
export type WorkforcePool = {
  /**
   * The employee's home on file as a household: its address key, or undefined when unknown or when more employees than
   * a household give that home. Employees of one household may share an address, an IP and an account.
   */
  readonly householdOf: (employeeId: string) => string | undefined
  /** Shipments of every employee to the address key (this one's included). */
  readonly shipmentsTo: (addressKey: string) => readonly ShipmentRecord[]
  /** Employees paid to the account at any time (this one's included). */
  readonly employeesPaidTo: (accountHash: string) => readonly string[]
  readonly habitualAddresses: (employeeId: string) => readonly HabitualAddress[]
  /** Other employees habitually on the address of `use` in a period overlapping it (farm window), with their use. */
  readonly othersHabitualOn: (
    use: HabitualAddress,
    employeeId: string,
  ) => readonly { readonly employeeId: string; readonly use: HabitualAddress }[]
  readonly farmClusterOf: (employeeId: string) => FarmCluster | undefined
}

/** Reference lists, network intelligence and settings the detectors share. */
export type DetectorContext = {
  readonly forwarding: ForwardingAddresses
  readonly payoutInstitutions: PayoutInstitutions
  readonly classify: (ip: string) => IpClass
  /** Normalised keys of the organisation's office addresses. */
  readonly officeKeys: ReadonlySet<string>
  readonly embargoedCountries: ReadonlySet<string>
  readonly thresholds: WorkforceThresholds
  /** The catalogue, lists and network sources, for evidence and `dataVersions`. */
  readonly sources: {
    readonly catalogue: ReferenceSource
    readonly forwarding: ReferenceSource
    readonly payoutInstitutions: ReferenceSource
    readonly ipCountry?: ReferenceSource
  }
}

/** Everything known about one employee, as the detectors see it. */
export type EmployeeView = {
  readonly employeeId: string
  readonly hire?: HireRecord
  /** The home address on file as a comparison key (normaliseAddressText). */
  readonly homeKey?: string
  readonly homeCountry?: string
  readonly shipments: readonly ShipmentRecord[]
  readonly devices: readonly DeviceState[]
  /** One per sign-in name of the employee that has events. */
  readonly signIns: readonly SignInActivity[]
  readonly payroll: readonly PayrollChangeRecord[]
  readonly pool: WorkforcePool
  readonly context: DetectorContext
}
