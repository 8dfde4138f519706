import { describe, expect, it } from 'vitest'
import {
  calibrationSeries,
  contributionText,
  failedChecks,
  labelsText,
  metricRows,
  percentText,
  precisionRecallSeries,
} from './model-card-data'
import type { ModelCard, ScorerMetrics } from './model-types'

function scorer(prAuc: number, curve: [number, number][]): ScorerMetrics {
  return {
    prAuc,
    rocAuc: 0.9,
    recallAtOnePercentFpr: 0.75,
    review: { flagged: 10, precision: 0.9, recall: 0.8, falsePositiveRate: 0.0057 },
    hold: { flagged: 2, precision: 1, recall: 0.2, falsePositiveRate: 0 },
    curve: curve.map(([recall, precision], index) => ({ threshold: 1 - index / 10, recall, precision })),
  }
}

const card: ModelCard = {
  version: 'risk-1',
  createdAt: '2026-11-23T10:00:00.000Z',
  isActive: true,
  seed: '1',
  labels: { source: 'generated-world', description: "The generated world's ground truth." },
  training: { policyVersion: 'p1', split: {}, treeCount: 10, featureImportance: [], timings: null },
  thresholds: { review: 0.25, hold: 0.6 },
  metrics: {
    applications: 100,
    fraud: 10,
    legitimate: 90,
    rules: scorer(0.8, [
      [0.5, 1],
      [0.05, 1],
    ]),
    model: scorer(0.848, [[0.1, 0.95]]),
    combined: scorer(0.854, []),
  },
  calibration: {
    expectedCalibrationError: 0.0036,
    brierScore: 0.02,
    bins: [
      { from: 0, to: 0.1, count: 80, meanPredicted: 0.01, observedRate: 0.0125 },
      { from: 0.1, to: 0.2, count: 0, meanPredicted: null, observedRate: null },
      { from: 0.9, to: 1, count: 9, meanPredicted: 0.95, observedRate: 1 },
    ],
  },
  fairness: { status: 'within', maxFalsePositiveGap: 0.02, minGroupSize: 200, dimensions: [] },
}

describe('model card data', () => {
  it('plots each precision-recall curve by increasing recall, for rules, model and both', () => {
    const series = precisionRecallSeries(card)
    expect(series.map((entry) => entry.name)).toEqual(['Rules alone', 'Model alone', 'Both'])
    expect(series[0]?.points).toEqual([
      { x: 0.05, y: 1 },
      { x: 0.5, y: 1 },
    ])
    expect(series[2]?.points).toEqual([])
  })

  it('plots calibration from the bins that hold applications only', () => {
    expect(calibrationSeries(card).points).toEqual([
      { x: 0.01, y: 0.0125 },
      { x: 0.95, y: 1 },
    ])
  })

  it('writes metrics as the CLI does, with a dash where nothing could be measured', () => {
    expect(metricRows(card)[1]).toMatchObject({
      name: 'Model alone',
      prAuc: '0.848',
      recallAtOnePercentFpr: '75.0%',
      reviewFalsePositiveRate: '0.6%',
    })
    expect(percentText(null)).toBe('–')
    expect(contributionText({ contribution: 1.2 })).toBe('+1.20')
    expect(contributionText({ contribution: -0.449 })).toBe('−0.45')
  })

  it('says where the labels came from', () => {
    expect(labelsText(card)).toBe("A generated world: The generated world's ground truth.")
    expect(labelsText({ ...card, labels: { source: 'analyst-decisions' } })).toBe('Analyst decisions')
  })

  it('reads the failed checks of a blocked promotion and ignores anything else', () => {
    const details = {
      checks: [
        { name: 'fairness', status: 'passed', messages: ['ok'] },
        { name: 'quality', status: 'failed', messages: ['PR-AUC 0.2 against 0.8'] },
        'noise',
      ],
    }
    expect(failedChecks(details)).toEqual([{ name: 'quality', status: 'failed', messages: ['PR-AUC 0.2 against 0.8'] }])
    expect(failedChecks({})).toEqual([])
  })
})
