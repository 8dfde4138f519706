import { describe, expect, it } from 'vitest'
import { aCheckIn, aHire, anObservation, aPayrollChange, aShipment, aSignIn, signInDays } from '../testing/builders.js'
import { evaluatorWith } from '../testing/test-evaluator.js'
import type { WorkforceDetector } from '../detectors/workforce-detector.js'
import { workforceDetectors } from './workforce-evaluator.js'

const farmIp = '98.160.10.4'
const farmHire = (employeeId: string, home: string) =>
  aHire({ employeeId, legalName: `Person ${employeeId}`, homeAddress: { text: home, countryCode: 'US' } })

describe('WorkforceEvaluator', () => {
  it('holds a planted farm member: shared egress, remote access and an Asian working day agree', () => {
    const records = [
      farmHire('E1', '1 Oak Street, Austin, TX 78704'),
      farmHire('E2', '2 Elm Street, Boise, ID 83702'),
      ...signInDays({ login: 'e1@acme.example', days: 10, ip: farmIp, hoursUtc: [0, 1, 2, 3, 5, 6, 7, 8] }),
      ...signInDays({ login: 'e2@acme.example', days: 10, ip: farmIp, hoursUtc: [0, 1, 2, 3, 5, 6, 7, 8] }),
      aCheckIn({ employeeId: 'E1', device: 'LT-1', publicIp: farmIp }),
      anObservation({ hostIdentifier: 'LT-1', rows: [{ name: 'AnyDesk' }] }),
    ]
    const assessment = evaluatorWith(records).assess('E1')
    expect(assessment).toMatchObject({
      employeeId: 'E1',
      outcome: 'hold',
      holdGate: 'met',
      clusterId: 'farm:E1',
      detectorFailures: [],
    })
    expect(assessment.signals.map((signal) => signal.code).sort()).toEqual([
      'device.remote-access',
      'farm.shared-egress',
      'sign-in.rhythm.utc8-9',
    ])
    expect(assessment.score).toBeGreaterThan(60)
    const total = assessment.signals.reduce((sum, signal) => sum + signal.contribution, 0)
    expect(Math.abs(total - assessment.score)).toBeLessThan(0.5)
    expect(assessment.dataVersions.map((source) => source.name)).toEqual(
      expect.arrayContaining([
        'hirewall remote-access catalogue',
        'hirewall network classification',
        '@ip-location-db/asn',
      ]),
    )
  })

  it('gives the same assessment whatever order the records arrive in', () => {
    const records = [
      aHire(),
      aShipment({ shipTo: { text: 'PMB 12, 8 The Green, Dover, DE 19901' }, serial: 'SER-1' }),
      aCheckIn({ employeeId: undefined, serial: 'SER-1', publicIp: '211.36.140.9' }),
      anObservation({ rows: [{ name: 'RustDesk' }] }),
      ...signInDays({ login: 'e1@acme.example', days: 4, ip: '146.70.70.71' }),
      aPayrollChange({ holderName: 'Li Na' }),
    ]
    const forward = evaluatorWith(records).assess('E1')
    const backward = evaluatorWith([...records].reverse()).assess('E1')
    expect(backward).toEqual(forward)
    expect(forward.signals.map((signal) => signal.code).sort()).toEqual([
      'device.check-in.far-from-home',
      'device.remote-access',
      'payroll.holder.mismatch',
      'shipment.address.forwarder',
      'sign-in.egress.vpn',
    ])
  })

  it('lists the employees whose case changed, including those who share an address with a newcomer', () => {
    const evaluator = evaluatorWith([
      farmHire('E1', '1 Oak Street, Austin, TX 78704'),
      farmHire('E2', '2 Elm Street, Boise, ID 83702'),
      aSignIn({ login: 'unknown@acme.example' }),
    ])
    expect(evaluator.takeChanged()).toEqual(['E1', 'E2'])
    expect(evaluator.takeChanged()).toEqual([])
    evaluator.add(aShipment({ employeeId: 'E1', shipTo: { text: '9 Farm Road, Dover, DE 19901' } }))
    expect(evaluator.takeChanged()).toEqual(['E1'])
    evaluator.add(aShipment({ employeeId: 'E2', shipTo: { text: '9 Farm Rd., Dover, DE 19901' } }))
    expect(evaluator.takeChanged()).toEqual(['E1', 'E2'])
    evaluator.add(aSignIn({ login: 'e2@acme.example', ip: farmIp }))
    evaluator.add(aSignIn({ login: 'e1@acme.example', ip: farmIp, at: '2026-03-03T16:00:00Z' }))
    expect(evaluator.takeChanged()).toEqual(['E1', 'E2'])
  })

  it('records a failing detector and keeps the others', () => {
    const broken: WorkforceDetector = {
      name: 'broken',
      codes: [],
      detect: () => {
        throw new Error('boom')
      },
    }
    const assessment = evaluatorWith([aHire(), aPayrollChange({ method: 'crypto' })], {
      detectors: [broken, ...workforceDetectors],
    }).assess('E1')
    expect(assessment.detectorFailures).toEqual([{ detector: 'broken', message: 'boom' }])
    expect(assessment.signals.map((signal) => signal.code)).toEqual(['payroll.payout.crypto'])
  })

  it('counts what it saw and what it could not attach', () => {
    const evaluator = evaluatorWith([
      aHire(),
      ...signInDays({ login: 'e1@acme.example', days: 2 }),
      aSignIn({ login: 'contractor@partner.example' }),
      anObservation({ hostIdentifier: 'lab-box' }),
      aPayrollChange({ employeeId: 'E9' }),
    ])
    expect(evaluator.statistics()).toEqual({
      records: {
        hire: 1,
        shipment: 0,
        'device-check-in': 0,
        'endpoint-observation': 1,
        'sign-in': 9,
        'payroll-change': 1,
      },
      employees: 2,
      signInNames: 2,
      unknownSignInNames: 1,
      devices: 1,
      unassignedDevices: 1,
      classifiedAddresses: 1,
    })
    expect(evaluator.employees()).toEqual(['E1', 'E9'])
    expect(evaluator.assess('E9')).toMatchObject({ outcome: 'clear', signals: [] })
  })

  it('every detector raises only registered after-hire codes', async () => {
    const { workforceCodes } = await import('../detectors/workforce-detector.js')
    for (const detector of workforceDetectors) for (const code of detector.codes) expect(workforceCodes).toContain(code)
    expect(new Set(workforceDetectors.flatMap((detector) => detector.codes))).toEqual(new Set(workforceCodes))
  })
})
