import type { ApplicationRecord, Outcome, ScreeningResult, SyntheticLabel } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import { evaluateScreening } from './evaluate-screening.js'
import { formatEvaluationTable } from './format-evaluation-table.js'

const labelled = (id: string, label?: SyntheticLabel): ApplicationRecord => ({
  schemaVersion: 1,
  id,
  submittedAt: '2026-03-02T15:04:05Z',
  source: { system: 'synthetic' },
  cv: { basics: { name: 'Jordan Miller' } },
  ...(label ? { label } : {}),
})
const result = (applicationId: string, outcome: Outcome): ScreeningResult => ({
  applicationId,
  score: outcome === 'clear' ? 0.05 : 0.6,
  outcome,
  signals: [],
  holdGate: outcome === 'hold' ? 'met' : 'not-reached',
  policyVersion: 'test',
  modelVersion: null,
  dataVersions: {},
  detectorFailures: [],
})

const ring = (id: string): ApplicationRecord =>
  labelled(id, { isFraud: true, pattern: 'persona-ring', ringId: 'ring-1' })
const stolen = (id: string): ApplicationRecord => labelled(id, { isFraud: true, pattern: 'stolen-identity' })
const honest = (id: string, hardNegative?: string): ApplicationRecord =>
  labelled(id, { isFraud: false, pattern: 'legitimate', ...(hardNegative ? { hardNegative } : {}) })

// 4 fraud (3 flagged), 6 legitimate (2 flagged), 1 unlabelled, 1 without a result.
const records = [
  ring('f1'),
  ring('f2'),
  ring('f3'),
  stolen('f4'),
  honest('h1'),
  honest('h2'),
  honest('h3', 'vpn-user'),
  honest('h4', 'vpn-user'),
  honest('h5', 'immigrant'),
  honest('h6'),
  labelled('u1'),
  honest('h7'),
]
const results = [
  result('f1', 'hold'),
  result('f2', 'review'),
  result('f3', 'clear'),
  result('f4', 'review'),
  result('h1', 'clear'),
  result('h2', 'clear'),
  result('h3', 'review'),
  result('h4', 'clear'),
  result('h5', 'hold'),
  result('h6', 'clear'),
  result('u1', 'hold'),
  result('ghost', 'hold'),
]

describe('evaluateScreening', () => {
  const metrics = evaluateScreening(records, results)

  it('counts review and hold as flagged against the labels', () => {
    expect(metrics.confusion).toEqual({ truePositives: 3, falsePositives: 2, trueNegatives: 4, falseNegatives: 1 })
    expect(metrics).toMatchObject({ records: 12, evaluated: 10, unlabelled: 1, unscreened: 1, fraud: 4, legitimate: 6 })
    expect(metrics.precision).toBeCloseTo(3 / 5)
    expect(metrics.recall).toBeCloseTo(3 / 4)
    expect(metrics.f1).toBeCloseTo((2 * 0.6 * 0.75) / (0.6 + 0.75))
    expect(metrics.falsePositiveRate).toBeCloseTo(2 / 6)
  })

  it('counts outcomes overall and by truth, leaving out unlabelled and unscreened records', () => {
    expect(metrics.outcomes).toEqual({ clear: 5, review: 3, hold: 2 })
    expect(metrics.outcomesByTruth.fraud).toEqual({ clear: 1, review: 2, hold: 1 })
    expect(metrics.outcomesByTruth.legitimate).toEqual({ clear: 4, review: 1, hold: 1 })
  })

  it('reports recall per pattern and false-positive rate per hard negative', () => {
    expect(metrics.recallByPattern).toEqual({
      'persona-ring': { total: 3, flagged: 2, recall: 2 / 3 },
      'stolen-identity': { total: 1, flagged: 1, recall: 1 },
    })
    expect(metrics.falsePositiveRateByHardNegative).toEqual({
      immigrant: { total: 1, flagged: 1, falsePositiveRate: 1 },
      'vpn-user': { total: 2, flagged: 1, falsePositiveRate: 0.5 },
    })
  })

  it('gives null, not NaN, for ratios without a denominator, so the metrics stay valid JSON', () => {
    const none = evaluateScreening([honest('h1')], [result('h1', 'clear')])
    expect(none.precision).toBeNull()
    expect(none.recall).toBeNull()
    expect(none.f1).toBeNull()
    expect(none.falsePositiveRate).toBe(0)
    const empty = evaluateScreening([], [])
    expect(JSON.parse(JSON.stringify(empty))).toEqual(empty)
    expect(empty.evaluated).toBe(0)
  })

  it('formats a plain-text table with the same numbers', () => {
    const table = formatEvaluationTable(metrics)
    expect(table).toContain(
      'Evaluated 10 labelled applications (4 fraud, 6 legitimate); excluded 1 unlabelled and 1 without a screening result.',
    )
    expect(table).toMatch(/fraud\s+3\s+1\s+4/)
    expect(table).toMatch(/legitimate\s+2\s+4\s+6/)
    expect(table).toContain('precision 0.600   recall 0.750   F1 0.667   false-positive rate 33.3%')
    expect(table).toContain('outcomes: clear 5, review 3, hold 2')
    expect(table).toMatch(/persona-ring\s+3\s+2\s+66\.7%/)
    expect(table).toMatch(/vpn-user\s+2\s+1\s+50\.0%/)
    expect(table).toMatch(/all legitimate\s+6\s+2\s+33\.3%/)
    expect(table.endsWith('\n')).toBe(true)
    expect(formatEvaluationTable(evaluateScreening([], []))).toContain('precision n/a')
  })
})
