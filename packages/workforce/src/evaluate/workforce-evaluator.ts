import {
  assertNever,
  defaultScoringPolicy,
  normaliseAddressText,
  scoreSignals,
  type Outcome,
  type ReferenceSource,
  type ScoredSignal,
  type ScoringPolicy,
  type Signal,
} from '@hirewall/core'
import { deviceDetector } from '../detectors/device-detector.js'
import { farmDetector } from '../detectors/farm-detector.js'
import { payrollDetector } from '../detectors/payroll-detector.js'
import { shipmentDetector } from '../detectors/shipment-detector.js'
import { signInDetector } from '../detectors/sign-in-detector.js'
import type { WorkforceDetector } from '../detectors/workforce-detector.js'
import type { ForwardingAddresses } from '../lists/forwarding-addresses.js'
import type { PayoutInstitutions } from '../lists/payout-institutions.js'
import type { RemoteAccessCatalogue } from '../lists/remote-access-catalogue.js'
import type {
  HireRecord,
  PayrollChangeRecord,
  ShipmentRecord,
  SignInRecord,
  WorkforceRecord,
} from '../records/workforce-record.js'
import { DeviceRegistry, type DeviceState } from './device-registry.js'
import type { DetectorContext, EmployeeView, FarmCluster, HabitualAddress, WorkforcePool } from './employee-view.js'
import { computeFarmClusters } from './farm-clusters.js'
import { createIpClassifier, type NetworkIntel } from './ip-classifier.js'
import { newSignInActivity, observeSignIn, type SignInActivity } from './sign-in-activity.js'
import { createToolMatcher, type ToolMatcher } from './tool-matcher.js'
import { defaultWorkforceThresholds, type WorkforceThresholds } from './workforce-thresholds.js'

/** The reference lists the detectors use (the shipped ones, `loadShippedLists()`, or the organisation's own). */
export type WorkforceLists = {
  readonly catalogue: RemoteAccessCatalogue
  readonly forwarding: ForwardingAddresses
  readonly payoutInstitutions: PayoutInstitutions
}

/** What the organisation tells the engine about itself. */
export type OrganisationSettings = {
  /** Its own egress (corporate VPN, offices) as addresses or CIDRs: never a farm, never "VPN egress". */
  readonly trustedNetworks?: readonly string[]
  /** Its offices: equipment shipped there is not "not home" and not "shared". */
  readonly officeAddresses?: readonly string[]
  /** Catalogue tool names its IT uses itself (its RMM agent), any case. */
  readonly allowedTools?: readonly string[]
  /** Countries whose IPs raise `sign-in.country.embargoed`; default KP, IR, CU, SY. */
  readonly embargoedCountries?: readonly string[]
}

export type WorkforceEvaluatorOptions = {
  readonly lists: WorkforceLists
  readonly network?: NetworkIntel
  readonly organisation?: OrganisationSettings
  readonly thresholds?: Partial<WorkforceThresholds>
  readonly policy?: ScoringPolicy
  /** Default: every workforce detector. */
  readonly detectors?: readonly WorkforceDetector[]
}

/** A detector that threw: its signals are missing from the assessment, the others are there. */
export type WorkforceDetectorFailure = { readonly detector: string; readonly message: string }

/** One employee's case as of the records seen: signals with their contributions, score, outcome, farm cluster. */
export type EmployeeAssessment = {
  readonly employeeId: string
  readonly applicationId?: string
  readonly score: number
  readonly outcome: Outcome
  readonly holdGate: 'met' | 'not-met' | 'not-reached'
  readonly signals: readonly ScoredSignal[]
  readonly clusterId?: string
  readonly detectorFailures: readonly WorkforceDetectorFailure[]
  readonly policyVersion: string
  readonly dataVersions: readonly ReferenceSource[]
}

/** Counts of what the evaluator has seen, and what it could not attach to an employee. */
export type WorkforceStatistics = {
  readonly records: Readonly<Record<WorkforceRecord['kind'], number>>
  readonly employees: number
  readonly signInNames: number
  /** Sign-in names with events but no hire listing them. */
  readonly unknownSignInNames: number
  readonly devices: number
  /** Devices no check-in, shipment or hire ties to an employee. */
  readonly unassignedDevices: number
  readonly classifiedAddresses: number
}

export const workforceDetectors: readonly WorkforceDetector[] = [
  shipmentDetector,
  deviceDetector,
  farmDetector,
  signInDetector,
  payrollDetector,
]

const defaultEmbargoed = ['KP', 'IR', 'CU', 'SY']

/** Employees' devices and the devices by first check-in address, rebuilt when devices or owners change. */
type DeviceIndex = {
  readonly version: string
  readonly byEmployee: Map<string, DeviceState[]>
  readonly byCheckInIp: Map<string, DeviceState[]>
}

type ClusterCache = {
  readonly version: number
  readonly byEmployee: Map<string, FarmCluster>
  readonly all: readonly FarmCluster[]
}
// Above this many sign-in names on one address, a new day there does not re-open every one of their cases.
const fanOutLimit = 50

/**
 * The incremental evaluator: feed it records in any order (`add`), ask for an employee's assessment (`assess`) or for
 * the employees whose records or shared facts changed since the last call (`takeChanged`). It keeps per-employee and
 * per-address aggregates, never the events themselves, so a stream of millions of sign-ins costs memory per account and
 * address. Pure: no I/O and no clock. One instance per organisation; not safe to share between processes (the service
 * keeps one per worker, rebuilt from the stored streams).
 */
export class WorkforceEvaluator {
  readonly #thresholds: WorkforceThresholds
  readonly #context: DetectorContext
  readonly #matchTools: ToolMatcher
  readonly #detectors: readonly WorkforceDetector[]
  readonly #policy: ScoringPolicy
  readonly #dataVersions: readonly ReferenceSource[]

  readonly #hires = new Map<string, HireRecord>()
  readonly #homeKeys = new Map<string, string>()
  /** Employees by home address key: a home of more than a household's worth of employees is no household. */
  readonly #residents = new Map<string, Set<string>>()
  readonly #loginOwner = new Map<string, string>()
  readonly #activities = new Map<string, SignInActivity>()
  readonly #loginsOnAddress = new Map<string, Set<string>>()
  readonly #devices = new DeviceRegistry()
  readonly #shipments = new Map<string, ShipmentRecord[]>()
  readonly #shipmentsTo = new Map<string, ShipmentRecord[]>()
  readonly #serialOwner = new Map<string, string>()
  readonly #payroll = new Map<string, PayrollChangeRecord[]>()
  readonly #paidTo = new Map<string, Set<string>>()
  readonly #counts: Record<WorkforceRecord['kind'], number> = {
    hire: 0,
    shipment: 0,
    'device-check-in': 0,
    'endpoint-observation': 0,
    'sign-in': 0,
    'payroll-change': 0,
  }
  #changed = new Set<string>()
  #structureVersion = 0
  #poolVersion = 0
  #deviceIndex: DeviceIndex | undefined
  #clusters: ClusterCache | undefined
  readonly #classifiedSize: () => number

  constructor(options: WorkforceEvaluatorOptions) {
    this.#thresholds = { ...defaultWorkforceThresholds, ...options.thresholds }
    const organisation = options.organisation ?? {}
    const classifier = createIpClassifier(options.network, organisation.trustedNetworks ?? [])
    const countrySource = options.network?.ipDatabase?.countrySource
    this.#context = {
      forwarding: options.lists.forwarding,
      payoutInstitutions: options.lists.payoutInstitutions,
      classify: classifier.classify,
      officeKeys: new Set(
        (organisation.officeAddresses ?? []).flatMap((address) => normaliseAddressText(address) ?? []),
      ),
      embargoedCountries: new Set(
        (organisation.embargoedCountries ?? defaultEmbargoed).map((code) => code.toUpperCase()),
      ),
      thresholds: this.#thresholds,
      sources: {
        catalogue: options.lists.catalogue.source,
        forwarding: options.lists.forwarding.source,
        payoutInstitutions: options.lists.payoutInstitutions.source,
        ...(countrySource ? { ipCountry: countrySource } : {}),
      },
    }
    this.#classifiedSize = classifier.size
    this.#matchTools = createToolMatcher(options.lists.catalogue, organisation.allowedTools ?? [])
    this.#detectors = options.detectors ?? workforceDetectors
    this.#policy = options.policy ?? defaultScoringPolicy
    this.#dataVersions = [
      options.lists.catalogue.source,
      options.lists.forwarding.source,
      options.lists.payoutInstitutions.source,
      ...(options.network?.ranges.map((list) => list.source) ?? []),
      ...(options.network?.ipDatabase?.sources ?? []),
    ]
  }

  /** Adds one record. Order does not matter: a sign-in before its hire is attached when the hire arrives. */
  add(record: WorkforceRecord): void {
    this.#counts[record.kind]++
    switch (record.kind) {
      case 'hire':
        return this.#addHire(record)
      case 'shipment':
        return this.#addShipment(record)
      case 'device-check-in': {
        const device = this.#devices.checkIn(record)
        this.#structureVersion++
        this.#poolVersion++
        this.#markDevice(device)
        return
      }
      case 'endpoint-observation':
        return this.#markDevice(this.#devices.observe(record, this.#matchTools))
      case 'sign-in':
        return this.#addSignIn(record)
      case 'payroll-change':
        return this.#addPayroll(record)
      default:
        return assertNever(record)
    }
  }

  addAll(records: Iterable<WorkforceRecord>): void {
    for (const record of records) this.add(record)
  }

  /** Everyone with a hire, a shipment or a payroll record, sorted. */
  employees(): string[] {
    return [...new Set([...this.#hires.keys(), ...this.#shipments.keys(), ...this.#payroll.keys()])].sort()
  }

  /** The employees whose assessment may have changed since the last call (their records, or a shared address). */
  takeChanged(): string[] {
    const changed = [...this.#changed].sort()
    this.#changed = new Set()
    return changed
  }

  assess(employeeId: string): EmployeeAssessment {
    const view = this.#view(employeeId)
    const signals: Signal[] = []
    const failures: WorkforceDetectorFailure[] = []
    for (const detector of this.#detectors) {
      try {
        signals.push(...detector.detect(view))
      } catch (error) {
        failures.push({ detector: detector.name, message: error instanceof Error ? error.message : String(error) })
      }
    }
    const score = scoreSignals(signals, this.#policy)
    const cluster = this.#farmClusters().byEmployee.get(employeeId)
    const applicationId = view.hire?.applicationId
    return {
      employeeId,
      ...(applicationId ? { applicationId } : {}),
      score: score.score,
      outcome: score.outcome,
      holdGate: score.holdGate,
      signals: score.signals,
      ...(cluster ? { clusterId: cluster.id } : {}),
      detectorFailures: failures,
      policyVersion: this.#policy.version,
      dataVersions: this.#dataVersions,
    }
  }

  assessAll(): EmployeeAssessment[] {
    return this.employees().map((employeeId) => this.assess(employeeId))
  }

  /** Employees joined by a habitual residential address or a ship-to address: the farms, largest first. */
  farmClusters(): readonly FarmCluster[] {
    return this.#farmClusters().all
  }

  statistics(): WorkforceStatistics {
    const index = this.#deviceIndexNow()
    let assigned = 0
    for (const devices of index.byEmployee.values()) assigned += devices.length
    let unknown = 0
    for (const login of this.#activities.keys()) if (!this.#loginOwner.has(login)) unknown++
    return {
      records: { ...this.#counts },
      employees: this.employees().length,
      signInNames: this.#activities.size,
      unknownSignInNames: unknown,
      devices: this.#devices.devices.size,
      unassignedDevices: this.#devices.devices.size - assigned,
      classifiedAddresses: this.#classifiedSize(),
    }
  }

  #addHire(hire: HireRecord): void {
    const previous = this.#hires.get(hire.employeeId)
    for (const login of previous?.logins ?? [])
      if (this.#loginOwner.get(login) === hire.employeeId) this.#loginOwner.delete(login)
    this.#hires.set(hire.employeeId, hire)
    const previousKey = this.#homeKeys.get(hire.employeeId)
    if (previousKey !== undefined) this.#residents.get(previousKey)?.delete(hire.employeeId)
    const homeKey = normaliseAddressText(hire.homeAddress.text)
    if (homeKey === undefined) this.#homeKeys.delete(hire.employeeId)
    else {
      this.#homeKeys.set(hire.employeeId, homeKey)
      let residents = this.#residents.get(homeKey)
      if (!residents) {
        residents = new Set()
        this.#residents.set(homeKey, residents)
      }
      residents.add(hire.employeeId)
      // Everyone at that home is judged against a new household now.
      for (const resident of residents) this.#changed.add(resident)
    }
    for (const login of hire.logins) this.#loginOwner.set(login, hire.employeeId)
    this.#structureVersion++
    this.#poolVersion++
    this.#changed.add(hire.employeeId)
    // Whoever shares an address or account with them is judged against a new home now.
    for (const shipment of this.#shipments.get(hire.employeeId) ?? []) this.#markShipTo(shipment)
  }

  #addShipment(shipment: ShipmentRecord): void {
    this.#shipments.set(shipment.employeeId, [...(this.#shipments.get(shipment.employeeId) ?? []), shipment])
    const key = normaliseAddressText(shipment.shipTo.text)
    if (key !== undefined) this.#shipmentsTo.set(key, [...(this.#shipmentsTo.get(key) ?? []), shipment])
    if (shipment.serial) this.#serialOwner.set(shipment.serial.trim().toLowerCase(), shipment.employeeId)
    this.#structureVersion++
    this.#poolVersion++
    this.#changed.add(shipment.employeeId)
    this.#markShipTo(shipment)
  }

  #markShipTo(shipment: ShipmentRecord): void {
    const key = normaliseAddressText(shipment.shipTo.text)
    if (key === undefined) return
    for (const other of this.#shipmentsTo.get(key) ?? []) this.#changed.add(other.employeeId)
  }

  #addSignIn(record: SignInRecord): void {
    let activity = this.#activities.get(record.login)
    if (!activity) {
      activity = newSignInActivity(record.login)
      this.#activities.set(record.login, activity)
    }
    const ipClass = record.ip === undefined ? { kind: 'unusable' as const } : this.#context.classify(record.ip)
    const isNewDayOnAddress = observeSignIn(activity, record, ipClass, {
      minimumKilometres: this.#thresholds.impossibleTravelMinimumKilometres,
      minimumKilometresPerHour: this.#thresholds.impossibleTravelMinimumKilometresPerHour,
    })
    const owner = this.#loginOwner.get(record.login)
    if (owner !== undefined) this.#changed.add(owner)
    if (!isNewDayOnAddress || ipClass.kind !== 'public') return
    this.#poolVersion++
    let logins = this.#loginsOnAddress.get(ipClass.address)
    if (!logins) {
      logins = new Set()
      this.#loginsOnAddress.set(ipClass.address, logins)
    }
    logins.add(record.login)
    if (logins.size > 1 && logins.size <= fanOutLimit)
      for (const login of logins) {
        const other = this.#loginOwner.get(login)
        if (other !== undefined) this.#changed.add(other)
      }
  }

  #addPayroll(change: PayrollChangeRecord): void {
    this.#payroll.set(change.employeeId, [...(this.#payroll.get(change.employeeId) ?? []), change])
    let paid = this.#paidTo.get(change.accountHash)
    if (!paid) {
      paid = new Set()
      this.#paidTo.set(change.accountHash, paid)
    }
    paid.add(change.employeeId)
    for (const employeeId of paid) this.#changed.add(employeeId)
  }

  #markDevice(device: DeviceState): void {
    const owner = this.#ownerOf(device)
    if (owner !== undefined) this.#changed.add(owner)
  }

  #ownerOf(device: DeviceState): string | undefined {
    if (device.employeeId !== undefined) return device.employeeId
    if (device.user !== undefined) {
      const owner = this.#loginOwner.get(device.user)
      if (owner !== undefined) return owner
    }
    for (const alias of device.aliases) {
      const owner = this.#serialOwner.get(alias)
      if (owner !== undefined) return owner
    }
    return undefined
  }

  #deviceIndexNow(): DeviceIndex {
    const version = `${this.#structureVersion}:${this.#devices.version}`
    if (this.#deviceIndex?.version === version) return this.#deviceIndex
    const byEmployee = new Map<string, DeviceState[]>()
    const byCheckInIp = new Map<string, DeviceState[]>()
    for (const device of this.#devices.devices) {
      const owner = this.#ownerOf(device)
      if (owner !== undefined) byEmployee.set(owner, [...(byEmployee.get(owner) ?? []), device])
      const ip = device.checkIn?.publicIp
      if (ip !== undefined) {
        const ipClass = this.#context.classify(ip)
        if (ipClass.kind === 'public' && !ipClass.anonymiser)
          byCheckInIp.set(ipClass.address, [...(byCheckInIp.get(ipClass.address) ?? []), device])
      }
    }
    this.#deviceIndex = { version, byEmployee, byCheckInIp }
    return this.#deviceIndex
  }

  #loginsOf(employeeId: string): string[] {
    const logins = new Set(this.#hires.get(employeeId)?.logins ?? [])
    return [...logins]
  }

  /** Sign-in habit on one address: enough days, and enough of the account's active days. */
  #habitualSignIn(login: string, ip: string): HabitualAddress | undefined {
    const activity = this.#activities.get(login)
    const use = activity?.addresses.get(ip)
    if (!activity || !use) return undefined
    const days = use.days.size
    if (
      days < this.#thresholds.habitualMinimumDays ||
      days / Math.max(1, activity.activeHours.size) < this.#thresholds.habitualMinimumShare
    )
      return undefined
    return { ip, via: 'sign-in', days, firstMs: use.firstMs, lastMs: use.lastMs, login }
  }

  #checkInUse(device: DeviceState): HabitualAddress | undefined {
    const checkIn = device.checkIn
    if (!checkIn) return undefined
    const ipClass = this.#context.classify(checkIn.publicIp)
    if (ipClass.kind !== 'public' || ipClass.anonymiser) return undefined
    return {
      ip: ipClass.address,
      via: 'check-in',
      days: 1,
      firstMs: checkIn.firstCheckInAtMs,
      lastMs: checkIn.firstCheckInAtMs,
      device: checkIn.device,
    }
  }

  #habitualAddresses(employeeId: string): HabitualAddress[] {
    const found: HabitualAddress[] = []
    for (const login of this.#loginsOf(employeeId)) {
      const activity = this.#activities.get(login)
      if (!activity) continue
      for (const ip of activity.addresses.keys()) {
        const use = this.#habitualSignIn(login, ip)
        if (use) found.push(use)
      }
    }
    for (const device of this.#deviceIndexNow().byEmployee.get(employeeId) ?? []) {
      const use = this.#checkInUse(device)
      if (use) found.push(use)
    }
    return found
  }

  /** Every employee habitually on the address, with each use. */
  #habitualOn(ip: string): { employeeId: string; use: HabitualAddress }[] {
    const found: { employeeId: string; use: HabitualAddress }[] = []
    for (const login of this.#loginsOnAddress.get(ip) ?? []) {
      const owner = this.#loginOwner.get(login)
      const use = owner === undefined ? undefined : this.#habitualSignIn(login, ip)
      if (owner !== undefined && use) found.push({ employeeId: owner, use })
    }
    for (const device of this.#deviceIndexNow().byCheckInIp.get(ip) ?? []) {
      const owner = this.#ownerOf(device)
      const use = this.#checkInUse(device)
      if (owner !== undefined && use) found.push({ employeeId: owner, use })
    }
    return found
  }

  #householdOf(employeeId: string): string | undefined {
    const key = this.#homeKeys.get(employeeId)
    if (key === undefined) return undefined
    return (this.#residents.get(key)?.size ?? 0) <= this.#thresholds.householdMaximum ? key : undefined
  }

  #overlaps(a: HabitualAddress, b: HabitualAddress): boolean {
    const windowMs = this.#thresholds.farmWindowDays * 86_400_000
    return b.firstMs <= a.lastMs + windowMs && a.firstMs <= b.lastMs + windowMs
  }

  #farmClusters(): ClusterCache {
    if (this.#clusters?.version === this.#poolVersion) return this.#clusters
    const addresses = new Set([...this.#loginsOnAddress.keys(), ...this.#deviceIndexNow().byCheckInIp.keys()])
    const all = computeFarmClusters({
      addresses,
      habitualOn: (ip) => this.#habitualOn(ip),
      overlaps: (a, b) => this.#overlaps(a, b),
      householdOf: (employeeId) => this.#householdOf(employeeId),
      shipTo: this.#shipmentsTo,
      officeKeys: this.#context.officeKeys,
    })
    const byEmployee = new Map<string, FarmCluster>()
    for (const cluster of all) for (const employeeId of cluster.employeeIds) byEmployee.set(employeeId, cluster)
    this.#clusters = { version: this.#poolVersion, byEmployee, all }
    return this.#clusters
  }

  #view(employeeId: string): EmployeeView {
    const hire = this.#hires.get(employeeId)
    const homeKey = this.#homeKeys.get(employeeId)
    const homeCountry = hire?.homeAddress.countryCode
    const pool: WorkforcePool = {
      householdOf: (id) => this.#householdOf(id),
      shipmentsTo: (key) => this.#shipmentsTo.get(key) ?? [],
      employeesPaidTo: (hash) => [...(this.#paidTo.get(hash) ?? [])],
      habitualAddresses: (id) => this.#habitualAddresses(id),
      othersHabitualOn: (use, id) =>
        this.#habitualOn(use.ip).filter((other) => other.employeeId !== id && this.#overlaps(use, other.use)),
      farmClusterOf: (id) => this.#farmClusters().byEmployee.get(id),
    }
    return {
      employeeId,
      ...(hire ? { hire } : {}),
      ...(homeKey !== undefined ? { homeKey } : {}),
      ...(homeCountry !== undefined ? { homeCountry } : {}),
      shipments: this.#shipments.get(employeeId) ?? [],
      devices: this.#deviceIndexNow().byEmployee.get(employeeId) ?? [],
      signIns: this.#loginsOf(employeeId).flatMap((login) => this.#activities.get(login) ?? []),
      payroll: this.#payroll.get(employeeId) ?? [],
      pool,
      context: this.#context,
    }
  }
}

/** Builds an evaluator: see WorkforceEvaluator. */
export function createWorkforceEvaluator(options: WorkforceEvaluatorOptions): WorkforceEvaluator {
  return new WorkforceEvaluator(options)
}
