import type { Signal, WorkforceSignalCode } from '@hirewall/core'
import type { ToolFinding } from '../evaluate/device-registry.js'
import type { ToolKind } from '../lists/remote-access-catalogue.js'
import { workforceSignal, type WorkforceDetector } from './workforce-detector.js'

const codeOfKind = {
  'remote-access': 'device.remote-access',
  rmm: 'device.remote-access',
  'ip-kvm': 'device.ip-kvm',
  'mouse-jiggler': 'device.mouse-jiggler',
  'vpn-client': 'device.vpn-client',
} as const satisfies Record<ToolKind, WorkforceSignalCode>

const labelOfCode = {
  'device.remote-access': 'remote-access software',
  'device.ip-kvm': 'IP-KVM hardware',
  'device.mouse-jiggler': 'a mouse jiggler',
  'device.vpn-client': 'a consumer VPN client',
} as const

let regionNames: Intl.DisplayNames | undefined
export function countryName(code: string): string {
  regionNames ??= new Intl.DisplayNames('en', { type: 'region', fallback: 'code' })
  try {
    return regionNames.of(code) ?? code
  } catch {
    return code
  }
}

/**
 * The employee's devices: where each first checked in (`device.check-in.far-from-home` when the IP database puts that
 * address in another country than the home on file; anonymised and trusted addresses say nothing about place), and
 * what osquery found on them from the catalogue: remote-access and RMM software, IP-KVM hardware, mouse jigglers,
 * consumer VPN clients, one signal per kind naming every tool, device and when it was first seen.
 */
export const deviceDetector: WorkforceDetector = {
  name: 'device',
  codes: [
    'device.check-in.far-from-home',
    'device.remote-access',
    'device.ip-kvm',
    'device.mouse-jiggler',
    'device.vpn-client',
  ],
  detect({ devices, homeCountry, context }) {
    const signals: Signal<WorkforceSignalCode>[] = []
    for (const device of devices) {
      const checkIn = device.checkIn
      if (!checkIn || homeCountry === undefined) continue
      const ipClass = context.classify(checkIn.publicIp)
      if (ipClass.kind !== 'public' || ipClass.anonymiser) continue
      const country = ipClass.facts.countryCode
      if (country === undefined || country === homeCountry) continue
      signals.push(
        workforceSignal(
          'device.check-in.far-from-home',
          `Device ${checkIn.device} first checked in on ${checkIn.firstCheckInAt} from ${checkIn.publicIp}, an address in ${countryName(country)} (${country}), but the home on file is in ${countryName(homeCountry)} (${homeCountry}).`,
          {
            device: checkIn.device,
            ...(checkIn.serial ? { serial: checkIn.serial } : {}),
            firstCheckInAt: checkIn.firstCheckInAt,
            ip: checkIn.publicIp,
            ipCountry: country,
            homeCountry,
            ...(ipClass.facts.asn !== undefined ? { asn: ipClass.facts.asn } : {}),
            ...(ipClass.facts.organisation ? { organisation: ipClass.facts.organisation } : {}),
            ...(context.sources.ipCountry
              ? { source: { name: context.sources.ipCountry.name, version: context.sources.ipCountry.version } }
              : {}),
          },
        ),
      )
    }
    const byCode = new Map<keyof typeof labelOfCode, { device: string; finding: ToolFinding }[]>()
    for (const device of devices) {
      const deviceName = [...device.names][0] ?? [...device.aliases][0] ?? 'unknown device'
      for (const finding of device.findings.values()) {
        const code = codeOfKind[finding.entry.kind]
        byCode.set(code, [...(byCode.get(code) ?? []), { device: deviceName, finding }])
      }
    }
    for (const [code, found] of byCode) {
      found.sort((a, b) => a.finding.firstSeenMs - b.finding.firstSeenMs)
      const tools = [...new Set(found.map(({ finding }) => finding.entry.name))]
      const isAnyPresent = found.some(({ finding }) => finding.isPresent)
      const first = found[0]
      if (!first) continue
      signals.push(
        workforceSignal(
          code,
          `${capitalise(labelOfCode[code])} on the employee's device: ${tools.join(', ')} (first seen ${first.finding.firstSeen} on ${first.device}${isAnyPresent ? '' : '; since removed'}).`,
          {
            tools,
            findings: found.slice(0, 10).map(({ device, finding }) => ({
              device,
              tool: finding.entry.name,
              kind: finding.entry.kind,
              table: finding.table,
              match: finding.entry.match,
              pattern: finding.entry.pattern,
              seenAs: finding.seenAs,
              firstSeen: finding.firstSeen,
              lastSeen: new Date(finding.lastSeenMs).toISOString(),
              isPresent: finding.isPresent,
              note: finding.entry.note,
            })),
            isPresent: isAnyPresent,
            source: { name: context.sources.catalogue.name, version: context.sources.catalogue.version },
          },
        ),
      )
    }
    return signals
  },
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
