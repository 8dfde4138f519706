import { describe, expect, it } from 'vitest'
import type { WorkforceRecord } from '../records/workforce-record.js'
import { aHire, aShipment } from '../testing/builders.js'
import { codesOf, evaluatorWith } from '../testing/test-evaluator.js'

const office = '500 Congress Avenue, Austin, TX 78701'
const elsewhere = { text: '77 Harbor Drive, Unit 12, Tampa, FL 33602', countryCode: 'US' }

describe('shipment detector', () => {
  it.each<[string, readonly WorkforceRecord[], string[]]>([
    [
      'shipped home (written differently)',
      [aHire(), aShipment({ shipTo: { text: '1420 Cedar Ln., Austin TX 78704-1234' } })],
      [],
    ],
    ['shipped elsewhere', [aHire(), aShipment({ shipTo: elsewhere })], ['shipment.address.not-home']],
    ['shipped to the office', [aHire(), aShipment({ shipTo: { text: office } })], []],
    [
      'shipped to a private mailbox',
      [aHire(), aShipment({ shipTo: { text: '8 The Green, PMB 2231, Dover, DE 19901' } })],
      ['shipment.address.forwarder'],
    ],
    [
      'shipped to a PO box',
      [aHire(), aShipment({ shipTo: { text: 'P.O. Box 1187, Reno, NV 89504' } })],
      ['shipment.address.forwarder'],
    ],
    [
      'shipped to a reshipper suite',
      [aHire(), aShipment({ shipTo: { text: '4705 S Apopka Vineland Rd, Suite 123 MYUS 2207, Orlando FL' } })],
      ['shipment.address.forwarder'],
    ],
  ])('%s', (_name, records, codes) => {
    expect(codesOf(evaluatorWith(records, { organisation: { officeAddresses: [office] } }), 'E1')).toEqual(codes)
  })

  it('raises shared to every employee whose equipment went to one address that is not all their home', () => {
    const evaluator = evaluatorWith([
      aHire({ employeeId: 'E1' }),
      aHire({ employeeId: 'E2', homeAddress: { text: '9 Pine Street, Boise, ID 83702', countryCode: 'US' } }),
      aHire({ employeeId: 'E3', homeAddress: elsewhere }),
      aShipment({ employeeId: 'E1', shipTo: elsewhere }),
      aShipment({ employeeId: 'E2', shipTo: elsewhere }),
      aShipment({ employeeId: 'E3', shipTo: elsewhere }),
    ])
    expect(codesOf(evaluator, 'E1')).toEqual(['shipment.address.not-home', 'shipment.address.shared'])
    expect(codesOf(evaluator, 'E3')).toEqual(['shipment.address.shared'])
    const shared = evaluator.assess('E1').signals.find((signal) => signal.code === 'shipment.address.shared')
    expect(shared?.evidence).toMatchObject({
      otherEmployees: ['E2', 'E3'],
      otherEmployeeCount: 2,
      clusterId: 'farm:E1',
    })
    expect(shared?.severity).toBe('high')
    expect(evaluator.farmClusters()).toMatchObject([
      { id: 'farm:E1', employeeIds: ['E1', 'E2', 'E3'], links: [{ kind: 'ship-to' }] },
    ])
  })

  it('leaves a couple whose laptops went to their shared home alone', () => {
    const evaluator = evaluatorWith([
      aHire({ employeeId: 'E1' }),
      aHire({ employeeId: 'E2', legalName: 'Sam Miller' }),
      aShipment({ employeeId: 'E1' }),
      aShipment({ employeeId: 'E2' }),
    ])
    expect(codesOf(evaluator, 'E1')).toEqual([])
    expect(codesOf(evaluator, 'E2')).toEqual([])
    expect(evaluator.farmClusters()).toEqual([])
  })

  it('cites the forwarding list and the entry matched', () => {
    const evaluator = evaluatorWith([
      aHire(),
      aShipment({ shipTo: { text: 'The UPS Store #4521, 100 Main St, Newark, DE 19711' } }),
    ])
    const [signal] = evaluator.assess('E1').signals
    expect(signal?.evidence).toMatchObject({
      listed: { kind: 'mailbox', name: 'The UPS Store mailbox' },
      source: { name: 'hirewall forwarding addresses', version: '2026-11-24' },
    })
  })
})
