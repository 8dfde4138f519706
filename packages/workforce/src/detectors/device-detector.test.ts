import { describe, expect, it } from 'vitest'
import type { WorkforceRecord } from '../records/workforce-record.js'
import { aCheckIn, aHire, anObservation, aShipment } from '../testing/builders.js'
import { codesOf, evaluatorWith } from '../testing/test-evaluator.js'

const pikvm = {
  usb_address: '3',
  usb_port: '1',
  vendor: 'PiKVM',
  vendor_id: '1d6b',
  model: 'PiKVM Composite Device',
  model_id: '0104',
  serial: 'CAFEBABE',
}

describe('device detector', () => {
  it.each<[string, readonly WorkforceRecord[], string[]]>([
    ['a device first checked in at home', [aHire(), aCheckIn()], []],
    [
      'a device first checked in from Korea for a Texas home',
      [aHire(), aCheckIn({ publicIp: '211.36.140.9' })],
      ['device.check-in.far-from-home'],
    ],
    [
      'a first check-in through a hosting network says nothing about place',
      [aHire(), aCheckIn({ publicIp: '3.5.140.2' })],
      [],
    ],
    [
      'AnyDesk installed',
      [aHire(), aCheckIn(), anObservation({ rows: [{ name: 'AnyDesk', version: '9.0.4' }] })],
      ['device.remote-access'],
    ],
    [
      'RustDesk running (a path, any case)',
      [
        aHire(),
        aCheckIn(),
        anObservation({
          table: 'processes',
          rows: [{ pid: '1', name: 'rustdesk', path: 'C:\\Program Files\\RustDesk\\RustDesk.exe' }],
        }),
      ],
      ['device.remote-access'],
    ],
    [
      'a PiKVM on the USB bus',
      [aHire(), aCheckIn(), anObservation({ table: 'usb_devices', action: 'snapshot', rows: [pikvm] })],
      ['device.ip-kvm'],
    ],
    [
      'a TinyPilot by its name only (ids changed)',
      [
        aHire(),
        aCheckIn(),
        anObservation({
          table: 'usb_devices',
          rows: [{ vendor: 'tinypilot', vendor_id: '046d', model: 'Multifunction USB Device', model_id: 'c52b' }],
        }),
      ],
      ['device.ip-kvm'],
    ],
    [
      'a mouse jiggler',
      [
        aHire(),
        aCheckIn(),
        anObservation({
          table: 'usb_devices',
          rows: [{ vendor: 'Generic', vendor_id: '1234', model: 'USB Mouse Jiggler', model_id: '5678' }],
        }),
      ],
      ['device.mouse-jiggler'],
    ],
    [
      'an Astrill adapter',
      [
        aHire(),
        aCheckIn(),
        anObservation({
          table: 'interface_addresses',
          rows: [{ interface: 'utun4', friendly_name: 'Astrill VPN Adapter', address: '10.8.0.2' }],
        }),
      ],
      ['device.vpn-client'],
    ],
    [
      'a keyboard and Slack',
      [
        aHire(),
        aCheckIn(),
        anObservation(),
        anObservation({
          table: 'usb_devices',
          rows: [{ vendor: 'Apple Inc.', vendor_id: '05ac', model: 'Magic Keyboard', model_id: '0267' }],
        }),
      ],
      [],
    ],
  ])('%s', (_name, records, codes) => {
    expect(codesOf(evaluatorWith(records), 'E1')).toEqual(codes)
  })

  it('leaves out the tools the organisation allows', () => {
    const records = [aHire(), aCheckIn(), anObservation({ rows: [{ name: 'AteraAgent' }, { name: 'AnyDesk' }] })]
    const evaluator = evaluatorWith(records, { organisation: { allowedTools: ['atera'] } })
    expect(evaluator.assess('E1').signals[0]?.evidence).toMatchObject({ tools: ['AnyDesk'] })
  })

  it('follows a tool through removal, and names the device, the row and the catalogue', () => {
    const evaluator = evaluatorWith([
      aHire(),
      aCheckIn(),
      anObservation({ rows: [{ name: 'TeamViewer', version: '15.6' }], at: '2026-03-03T02:00:00Z' }),
      anObservation({ rows: [{ name: 'TeamViewer', version: '15.6' }], action: 'removed', at: '2026-03-05T02:00:00Z' }),
    ])
    const [signal] = evaluator.assess('E1').signals
    expect(signal?.message).toContain('since removed')
    expect(signal?.evidence).toMatchObject({
      tools: ['TeamViewer'],
      isPresent: false,
      findings: [
        {
          device: 'ACME-LT-1',
          tool: 'TeamViewer',
          table: 'programs',
          seenAs: 'TeamViewer',
          firstSeen: '2026-03-03T02:00:00Z',
        },
      ],
      source: { name: 'hirewall remote-access catalogue' },
    })
  })

  it('finds the owner of an osquery host through the serial on the shipment', () => {
    const evaluator = evaluatorWith([
      anObservation({ hostIdentifier: 'mbp-7', hostAliases: ['C02XK1ABJGH5'], rows: [{ name: 'AnyDesk' }] }),
      aHire(),
      aShipment({ serial: 'C02XK1ABJGH5' }),
    ])
    expect(codesOf(evaluator, 'E1')).toEqual(['device.remote-access'])
    expect(evaluator.statistics()).toMatchObject({ devices: 1, unassignedDevices: 0 })
  })

  it('joins the MDM device and the osquery host by name, whichever comes first', () => {
    const evaluator = evaluatorWith([
      anObservation({ hostIdentifier: 'ACME-LT-9', rows: [{ name: 'AnyDesk' }] }),
      aHire(),
      aCheckIn({ device: 'acme-lt-9', employeeId: undefined, user: 'e1@acme.example' }),
    ])
    expect(codesOf(evaluator, 'E1')).toEqual(['device.remote-access'])
  })
})
