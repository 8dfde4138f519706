import type { DeviceCheckInRecord, EndpointObservationRecord, OsqueryTable } from '../records/workforce-record.js'
import type { CatalogueEntry } from '../lists/remote-access-catalogue.js'
import type { ToolMatcher } from './tool-matcher.js'

/** A catalogue entry seen on a device, followed through osquery's differential and snapshot results. */
export type ToolFinding = {
  readonly entry: CatalogueEntry
  readonly table: OsqueryTable
  readonly seenAs: string
  readonly rowKey: string
  readonly firstSeen: string
  firstSeenMs: number
  lastSeenMs: number
  /** Whether the latest result still shows it (false after a "removed" row or a snapshot without it). */
  isPresent: boolean
}

/** One physical device, known by any of its names (hostname, serial, osquery host identifier, UUID). */
export type DeviceState = {
  readonly aliases: Set<string>
  readonly names: Set<string>
  readonly serials: Set<string>
  /** As device management assigns it. */
  employeeId?: string
  user?: string
  checkIn?: DeviceCheckInRecord
  readonly findings: Map<string, ToolFinding>
}

const aliasKey = (text: string): string => text.trim().toLowerCase()

/**
 * The devices seen in device-management and osquery records, joined by any name they share. Two states found to be
 * one device (osquery's host identifier is the MDM device name; a serial matches) are merged.
 */
export class DeviceRegistry {
  readonly #byAlias = new Map<string, DeviceState>()
  readonly #devices = new Set<DeviceState>()
  #version = 0

  /** Changes whenever a device is added, merged or reassigned: the employee → devices index is rebuilt then. */
  get version(): number {
    return this.#version
  }

  get devices(): ReadonlySet<DeviceState> {
    return this.#devices
  }

  findBySerial(serial: string): DeviceState | undefined {
    return this.#byAlias.get(aliasKey(serial))
  }

  /** Records a device-management check-in; returns the device. */
  checkIn(record: DeviceCheckInRecord): DeviceState {
    const device = this.#device([record.device, ...(record.serial ? [record.serial] : [])])
    device.names.add(record.device)
    if (record.serial) device.serials.add(record.serial)
    // The earliest check-in is the first one, whatever order the exports arrive in.
    if (!device.checkIn || record.firstCheckInAtMs < device.checkIn.firstCheckInAtMs) device.checkIn = record
    if (record.employeeId) device.employeeId = record.employeeId
    if (record.user) device.user = record.user
    this.#version++
    return device
  }

  /** Applies an osquery result to the device it comes from; returns the device. */
  observe(record: EndpointObservationRecord, match: ToolMatcher): DeviceState {
    const device = this.#device([record.hostIdentifier, ...record.hostAliases])
    if (record.action === 'snapshot')
      for (const finding of device.findings.values()) if (finding.table === record.table) finding.isPresent = false
    for (const row of record.rows) {
      for (const found of match(record.table, row)) {
        const key = `${found.entry.line}|${found.rowKey}`
        const finding = device.findings.get(key)
        if (record.action === 'removed') {
          if (finding && record.observedAtMs >= finding.lastSeenMs) finding.isPresent = false
          continue
        }
        if (!finding) {
          device.findings.set(key, {
            entry: found.entry,
            table: record.table,
            seenAs: found.seenAs,
            rowKey: found.rowKey,
            firstSeen: record.observedAt,
            firstSeenMs: record.observedAtMs,
            lastSeenMs: record.observedAtMs,
            isPresent: true,
          })
        } else {
          finding.isPresent = finding.isPresent || record.observedAtMs >= finding.lastSeenMs
          if (record.observedAtMs < finding.firstSeenMs) finding.firstSeenMs = record.observedAtMs
          if (record.observedAtMs > finding.lastSeenMs) finding.lastSeenMs = record.observedAtMs
        }
      }
    }
    return device
  }

  /** The device known by any of the names, merging the states that turn out to be one; new when none is known. */
  #device(names: readonly string[]): DeviceState {
    const keys = names.map(aliasKey).filter((key) => key !== '')
    const found = [...new Set(keys.map((key) => this.#byAlias.get(key)).filter((state) => state !== undefined))]
    let device = found[0]
    if (!device) {
      device = { aliases: new Set(), names: new Set(), serials: new Set(), findings: new Map() }
      this.#devices.add(device)
      this.#version++
    }
    for (const other of found.slice(1)) this.#merge(device, other)
    for (const key of keys) {
      if (!device.aliases.has(key)) {
        device.aliases.add(key)
        this.#byAlias.set(key, device)
      }
    }
    return device
  }

  #merge(into: DeviceState, other: DeviceState): void {
    for (const alias of other.aliases) {
      into.aliases.add(alias)
      this.#byAlias.set(alias, into)
    }
    for (const name of other.names) into.names.add(name)
    for (const serial of other.serials) into.serials.add(serial)
    if (into.employeeId === undefined && other.employeeId !== undefined) into.employeeId = other.employeeId
    if (into.user === undefined && other.user !== undefined) into.user = other.user
    if (other.checkIn && (!into.checkIn || other.checkIn.firstCheckInAtMs < into.checkIn.firstCheckInAtMs))
      into.checkIn = other.checkIn
    for (const [key, finding] of other.findings) if (!into.findings.has(key)) into.findings.set(key, finding)
    this.#devices.delete(other)
    this.#version++
  }
}
