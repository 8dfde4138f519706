import { describe, expect, it } from 'vitest'
import { precisionAtRecall, precisionRecallCurve, rankingMetrics, thresholdMetrics } from './ranking-metrics.js'

describe('rankingMetrics', () => {
  it('computes average precision, ROC AUC and recall at 1% FPR by hand on a small ranking', () => {
    // Ranked: F L F L L (then 96 more legitimate at 0).
    const scores = [0.9, 0.8, 0.7, 0.6, 0.5, ...new Array<number>(96).fill(0)]
    const labels = [1, 0, 1, 0, 0, ...new Array<number>(96).fill(0)]
    const metrics = rankingMetrics(scores, labels)
    expect(metrics.prAuc).toBeCloseTo((1 + 2 / 3) / 2, 12)
    // Pairs ranked right: first fraud beats 99 legitimate, the second 98, of 2 * 99.
    expect(metrics.rocAuc).toBeCloseTo((99 + 98) / (2 * 99), 12)
    // At most 0.99 false positives allowed: only the top threshold qualifies.
    expect(metrics.recallAtOnePercentFpr).toBe(0.5)
  })

  it('takes ties together instead of inventing an order', () => {
    const metrics = rankingMetrics([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])
    expect(metrics.rocAuc).toBe(0.5)
    expect(metrics.prAuc).toBe(0.5)
    expect(metrics.recallAtOnePercentFpr).toBe(0)
  })

  it('is null without both classes', () => {
    expect(rankingMetrics([0.2, 0.4], [0, 0])).toEqual({ prAuc: null, rocAuc: null, recallAtOnePercentFpr: null })
  })
})

describe('precisionRecallCurve', () => {
  it('takes a point at each step of recall, flagging ties together', () => {
    // F F L F L (0.5 twice) then legitimate at 0.
    const scores = [0.9, 0.8, 0.7, 0.5, 0.5, 0, 0]
    const labels = [1, 1, 0, 1, 0, 0, 0]
    const curve = precisionRecallCurve(scores, labels, 0.25)
    expect(curve).toEqual([
      { threshold: 0.9, precision: 1, recall: 1 / 3 },
      { threshold: 0.8, precision: 1, recall: 2 / 3 },
      { threshold: 0.5, precision: 3 / 5, recall: 1 },
    ])
    expect(precisionAtRecall(curve, 0.5)).toBe(1)
    expect(precisionAtRecall(curve, 0.9)).toBe(0.6)
    expect(precisionRecallCurve([0.1], [0])).toEqual([])
  })
})

describe('thresholdMetrics', () => {
  it('counts precision, recall and false-positive rate of a decision', () => {
    expect(thresholdMetrics([true, true, false, false, true], [1, 0, 1, 0, 1])).toEqual({
      flagged: 3,
      precision: 2 / 3,
      recall: 2 / 3,
      falsePositiveRate: 1 / 2,
    })
    expect(thresholdMetrics([false], [0])).toEqual({ flagged: 0, precision: null, recall: null, falsePositiveRate: 0 })
  })
})
