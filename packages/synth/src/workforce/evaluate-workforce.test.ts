import { describe, expect, it } from 'vitest'
import type { WorkforceLabel } from './employee-plan.js'
import { evaluateWorkforce, formatWorkforceTable, type AssessedEmployee } from './evaluate-workforce.js'

const labels: WorkforceLabel[] = [
  { employeeId: 'F1', isFraud: true, pattern: 'laptop-farm', farmId: 'farm-001' },
  { employeeId: 'F2', isFraud: true, pattern: 'laptop-farm', farmId: 'farm-001' },
  { employeeId: 'F3', isFraud: true, pattern: 'laptop-farm', farmId: 'farm-002' },
  { employeeId: 'F4', isFraud: true, pattern: 'laptop-farm', farmId: 'farm-002' },
  { employeeId: 'L1', isFraud: false, pattern: 'legitimate', hardNegative: 'couple' },
  { employeeId: 'L2', isFraud: false, pattern: 'legitimate', hardNegative: 'couple' },
  { employeeId: 'L3', isFraud: false, pattern: 'legitimate', hardNegative: 'privacy-vpn' },
  { employeeId: 'L4', isFraud: false, pattern: 'legitimate' },
]

const assessed = (
  employeeId: string,
  outcome: AssessedEmployee['outcome'],
  codes: string[] = [],
): AssessedEmployee => ({
  employeeId,
  outcome,
  signals: codes.map((code) => ({ code })),
})

describe('evaluateWorkforce', () => {
  const metrics = evaluateWorkforce(
    labels,
    [
      assessed('F1', 'hold', ['farm.shared-egress']),
      assessed('F2', 'hold', ['farm.shared-egress']),
      assessed('F3', 'review', ['device.remote-access']),
      assessed('F4', 'clear'),
      assessed('L1', 'clear'),
      assessed('L2', 'clear'),
      assessed('L3', 'review', ['sign-in.egress.vpn']),
      assessed('L4', 'clear'),
    ],
    [
      { id: 'farm:F1', employeeIds: ['F1', 'F2'] },
      { id: 'farm:F3', employeeIds: ['F3', 'L4'] },
    ],
  )

  it('counts a farm found only when two of its members share one cluster', () => {
    expect(metrics).toMatchObject({
      farms: 2,
      farmsFound: 1,
      farmRecall: 0.5,
      farmMembers: 4,
      membersFlagged: 3,
      memberRecall: 0.75,
      membersHeld: 2,
    })
  })

  it('counts false alerts per 1,000 legitimate employees and per hard negative', () => {
    expect(metrics).toMatchObject({
      legitimate: 4,
      falseAlerts: 1,
      falseAlertsPer1000: 250,
      falseHolds: 0,
      legitimateInClusters: 1,
    })
    expect(metrics.byHardNegative.find((row) => row.kind === 'privacy-vpn')).toEqual({
      kind: 'privacy-vpn',
      employees: 1,
      flagged: 1,
      rate: 1,
    })
    expect(metrics.byHardNegative.find((row) => row.kind === 'couple')).toEqual({
      kind: 'couple',
      employees: 2,
      flagged: 0,
      rate: 0,
    })
    expect(metrics.farmSignalCounts[0]).toEqual({ code: 'farm.shared-egress', employees: 2 })
  })

  it('reads as a table', () => {
    expect(formatWorkforceTable(metrics)).toContain('Farm recall            50.0%  (1 of 2 farms found as a cluster)')
    expect(formatWorkforceTable(metrics)).toContain('250.0 per 1,000 legitimate employees')
  })
})
