import { describe, expect, it } from 'vitest'
import type { WorkforceRecord } from '../records/workforce-record.js'
import { aHire, aPayrollChange } from '../testing/builders.js'
import { codesOf, evaluatorWith } from '../testing/test-evaluator.js'

const other = `sha256:${'2'.repeat(64)}`
const third = `sha256:${'3'.repeat(64)}`

describe('payroll detector', () => {
  it.each<[string, readonly WorkforceRecord[], string[]]>([
    ['paid to their own account', [aHire(), aPayrollChange()], []],
    [
      'holder written with an initial and a nickname',
      [aHire({ legalName: 'Robert James Miller' }), aPayrollChange({ holderName: 'Bob J. Miller' })],
      [],
    ],
    ['holder in another name', [aHire(), aPayrollChange({ holderName: 'Li Na' })], ['payroll.holder.mismatch']],
    [
      'three changes in 90 days',
      [
        aHire(),
        aPayrollChange({ changedAt: '2026-03-02T10:00:00Z' }),
        aPayrollChange({ changedAt: '2026-04-10T10:00:00Z', accountHash: other }),
        aPayrollChange({ changedAt: '2026-05-20T10:00:00Z', accountHash: third }),
      ],
      ['payroll.changes.frequent'],
    ],
    [
      'three changes over a year',
      [
        aHire(),
        aPayrollChange({ changedAt: '2025-03-02T10:00:00Z' }),
        aPayrollChange({ changedAt: '2025-09-10T10:00:00Z', accountHash: other }),
        aPayrollChange({ changedAt: '2026-03-20T10:00:00Z', accountHash: third }),
      ],
      [],
    ],
    ['paid in crypto', [aHire(), aPayrollChange({ method: 'crypto' })], ['payroll.payout.crypto']],
    ['paid to an exchange', [aHire(), aPayrollChange({ institution: 'Binance (Cayman)' })], ['payroll.payout.crypto']],
    ['paid through Payoneer', [aHire(), aPayrollChange({ institution: 'Payoneer Inc.' })], ['payroll.payout.layered']],
    [
      'a bank whose name contains a service word',
      [aHire(), aPayrollChange({ institution: 'Wiseman Community Bank' })],
      [],
    ],
  ])('%s', (_name, records, codes) => {
    expect(codesOf(evaluatorWith(records), 'E1')).toEqual(codes)
  })

  it('raises a shared account for employees of different homes, not for a couple', () => {
    const evaluator = evaluatorWith([
      aHire({ employeeId: 'E1' }),
      aHire({ employeeId: 'E2', legalName: 'Sam Miller' }),
      aHire({
        employeeId: 'E3',
        legalName: 'Dana Cole',
        homeAddress: { text: '9 Pine Street, Boise, ID 83702', countryCode: 'US' },
      }),
      aPayrollChange({ employeeId: 'E1', holderName: 'Jordan Miller' }),
      aPayrollChange({ employeeId: 'E2', holderName: 'Sam Miller' }),
      aPayrollChange({ employeeId: 'E3', holderName: 'Dana Cole' }),
    ])
    expect(codesOf(evaluator, 'E1')).toEqual(['payroll.account.shared'])
    expect(evaluator.assess('E1').signals[0]?.evidence).toMatchObject({ otherEmployees: ['E3'] })
    expect(codesOf(evaluator, 'E3')).toEqual(['payroll.account.shared'])
    expect(evaluator.assess('E3').signals[0]?.evidence).toMatchObject({ otherEmployees: ['E1', 'E2'] })
  })
})
