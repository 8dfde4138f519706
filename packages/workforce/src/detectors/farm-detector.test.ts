import { describe, expect, it } from 'vitest'
import { aCheckIn, aHire, signInDays } from '../testing/builders.js'
import { codesOf, evaluatorWith } from '../testing/test-evaluator.js'

const farmIp = '98.160.10.4'
const homes = [
  { text: '1420 Cedar Lane, Austin, TX 78704', countryCode: 'US' },
  { text: '9 Pine Street, Boise, ID 83702', countryCode: 'US' },
  { text: '77 Harbor Drive, Tampa, FL 33602', countryCode: 'US' },
]

describe('laptop-farm detector', () => {
  it('joins employees of different homes who habitually sign in from one residential IP', () => {
    const evaluator = evaluatorWith(
      ['E1', 'E2', 'E3'].flatMap((employeeId, index) => [
        aHire({ employeeId, homeAddress: homes[index] ?? homes[0] }),
        ...signInDays({ login: `${employeeId.toLowerCase()}@acme.example`, days: 10, ip: farmIp }),
      ]),
    )
    for (const employeeId of ['E1', 'E2', 'E3']) expect(codesOf(evaluator, employeeId)).toEqual(['farm.shared-egress'])
    const signal = evaluator.assess('E2').signals[0]
    expect(signal?.severity).toBe('high')
    expect(signal?.evidence).toMatchObject({
      addresses: [{ ip: farmIp, via: 'sign-in', days: 10, from: '2026-03-02', to: '2026-03-11' }],
      otherEmployees: ['E1', 'E3'],
      clusterId: 'farm:E1',
      clusterSize: 3,
    })
    expect(evaluator.farmClusters()).toEqual([
      {
        id: 'farm:E1',
        employeeIds: ['E1', 'E2', 'E3'],
        links: [{ kind: 'ip', value: farmIp, employeeIds: ['E1', 'E2', 'E3'] }],
      },
    ])
    expect(evaluator.assess('E1').clusterId).toBe('farm:E1')
  })

  it('counts devices that first checked in from one address', () => {
    const evaluator = evaluatorWith([
      aHire({ employeeId: 'E1' }),
      aHire({ employeeId: 'E2', homeAddress: homes[1] }),
      aCheckIn({ device: 'LT-1', employeeId: 'E1', publicIp: farmIp }),
      aCheckIn({ device: 'LT-2', employeeId: 'E2', publicIp: farmIp, at: '2026-03-20T12:00:00Z' }),
    ])
    expect(codesOf(evaluator, 'E1')).toEqual(['farm.shared-egress'])
    expect(evaluator.assess('E2').signals[0]?.evidence).toMatchObject({
      addresses: [{ via: 'check-in', device: 'LT-2' }],
    })
  })

  it('leaves a couple working from their shared home alone', () => {
    const evaluator = evaluatorWith([
      aHire({ employeeId: 'E1' }),
      aHire({ employeeId: 'E2', legalName: 'Sam Miller' }),
      ...signInDays({ login: 'e1@acme.example', days: 10, ip: farmIp }),
      ...signInDays({ login: 'e2@acme.example', days: 10, ip: farmIp }),
    ])
    expect(codesOf(evaluator, 'E1')).toEqual([])
    expect(evaluator.farmClusters()).toEqual([])
  })

  it('does not take three employees giving one home for a household', () => {
    const evaluator = evaluatorWith(
      ['E1', 'E2', 'E3'].flatMap((employeeId) => [
        aHire({ employeeId, legalName: `Person ${employeeId}` }),
        ...signInDays({ login: `${employeeId.toLowerCase()}@acme.example`, days: 10, ip: farmIp }),
      ]),
    )
    expect(codesOf(evaluator, 'E1')).toEqual(['farm.shared-egress'])
    expect(evaluator.farmClusters()).toMatchObject([{ employeeIds: ['E1', 'E2', 'E3'] }])
  })

  it('leaves colleagues at one conference hotel for three of twenty days alone', () => {
    const hotel = '71.12.9.8'
    const records = ['E1', 'E2', 'E3'].flatMap((employeeId, index) => [
      aHire({ employeeId, homeAddress: homes[index] ?? homes[0] }),
      ...signInDays({
        login: `${employeeId.toLowerCase()}@acme.example`,
        days: 20,
        ipOfDay: (day) => (day >= 8 && day < 11 ? hotel : `73.42.18.${10 + index}`),
      }),
    ])
    expect(codesOf(evaluatorWith(records), 'E1')).toEqual([])
  })

  it.each([
    ['a corporate VPN listed as trusted', '52.14.9.10', { trustedNetworks: ['52.14.0.0/16'] }],
    ['a hosting network (not residential)', '159.65.65.10', {}],
  ])('never joins employees through %s', (_name, ip, organisation) => {
    const records = ['E1', 'E2'].flatMap((employeeId, index) => [
      aHire({ employeeId, homeAddress: homes[index] ?? homes[0] }),
      ...signInDays({ login: `${employeeId.toLowerCase()}@acme.example`, days: 10, ip }),
    ])
    const evaluator = evaluatorWith(records, { organisation })
    expect(codesOf(evaluator, 'E1').filter((code) => code.startsWith('farm'))).toEqual([])
    expect(evaluator.farmClusters()).toEqual([])
  })

  it('needs the periods on the address to overlap', () => {
    const evaluator = evaluatorWith([
      aHire({ employeeId: 'E1' }),
      aHire({ employeeId: 'E2', homeAddress: homes[1] }),
      ...signInDays({ login: 'e1@acme.example', days: 5, ip: farmIp, firstDay: '2025-01-06' }),
      ...signInDays({ login: 'e2@acme.example', days: 5, ip: farmIp, firstDay: '2026-03-02' }),
    ])
    expect(codesOf(evaluator, 'E1')).toEqual([])
  })
})
