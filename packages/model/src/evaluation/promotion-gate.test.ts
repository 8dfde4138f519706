import { describe, expect, it } from 'vitest'
import type { ModelExample } from '../dataset/model-example.js'
import { backtest } from './backtest.js'
import { evaluateModel, type ModelEvaluation } from './evaluate-model.js'
import { fairnessReport, type FairnessRow } from './fairness-report.js'
import { decidePromotion } from './promotion-gate.js'
import { scoreDistribution, scoreDrift } from './score-distribution.js'

const bounds = { maxFalsePositiveGap: 0.02, minGroupSize: 50 }

/** `count` applications of one claimed country; the first `fraud` are fraud. */
function group(country: string, count: number, fraud: number, rulesScore = 10): ModelExample[] {
  return Array.from({ length: count }, (_, index) => ({
    applicationId: `${country}-${index}`,
    submittedAtMs: index,
    features: new Float64Array(1),
    label: index < fraud ? 1 : 0,
    rules: { score: index < fraud ? 80 : rulesScore, outcome: index < fraud ? 'hold' : 'clear' },
    groups: { 'claimed-country': country, 'claimed-region': 'somewhere' },
  }))
}

/** A model that flags a share of each country's legitimate applicants and every fraud. */
function evaluationFlagging(falsePositiveShares: Readonly<Record<string, number>>): ModelEvaluation {
  const examples = [...group('AA', 400, 40), ...group('BB', 300, 30), ...group('CC', 30, 3)]
  const seen = new Map<string, number>()
  const probabilities = examples.map((example) => {
    if (example.label === 1) return 0.9
    const country = example.groups['claimed-country'] ?? ''
    const index = seen.get(country) ?? 0
    seen.set(country, index + 1)
    const legitimate =
      example.groups['claimed-country'] === 'AA' ? 360 : example.groups['claimed-country'] === 'BB' ? 270 : 27
    return index < Math.round((falsePositiveShares[country] ?? 0) * legitimate) ? 0.4 : 0.01
  })
  return evaluateModel(examples, probabilities, { review: 0.25, hold: 0.6 }, bounds)
}

describe('fairness report and promotion gate', () => {
  it('blocks a model that flags legitimate applicants of one country far more often, and says who and by how much', () => {
    const evaluation = evaluationFlagging({ AA: 0.01, BB: 0.1, CC: 0.9 })
    const country = evaluation.fairness.model.dimensions.find((dimension) => dimension.dimension === 'claimed-country')
    expect(country?.status).toBe('exceeds')
    expect(country?.highest).toBe('BB')
    expect(country?.lowest).toBe('AA')
    // CC has 27 legitimate applicants, under the smallest group measured: listed, not compared.
    expect(country?.groups.find((entry) => entry.group === 'CC')?.isMeasured).toBe(false)
    expect(country?.falsePositiveGap).toBeCloseTo(27 / 270 - 4 / 360, 12)
    const decision = decidePromotion({ candidate: evaluation, tolerance: 0.005 })
    expect(decision.status).toBe('blocked')
    const fairness = decision.checks.find((check) => check.name === 'fairness')
    expect(fairness?.status).toBe('failed')
    expect(fairness?.messages.join(' ')).toMatch(
      /claimed-country: legitimate applicants of BB are flagged 10\.0% .* AA 1\.1% .* gap of 8\.9 points, above the bound of 2\.0 points/,
    )
  })

  it('allows a model within the bound that ranks at least as well as the rules, and compares with an active model', () => {
    const fair = evaluationFlagging({ AA: 0.01, BB: 0.02 })
    expect(fair.fairness.model.status).toBe('within')
    expect(decidePromotion({ candidate: fair, tolerance: 0.005 }).status).toBe('allowed')
    const better = { ...fair, model: { ...fair.model, prAuc: 0.99 } }
    const worse = { ...fair, model: { ...fair.model, prAuc: 0.5 } }
    const blocked = decidePromotion({
      candidate: worse,
      active: { version: 'risk-old', evaluation: better },
      tolerance: 0.005,
    })
    expect(blocked.status).toBe('blocked')
    expect(blocked.checks.find((check) => check.name === 'quality')?.messages[0]).toMatch(
      /PR-AUC 0\.500 against 0\.990 for the active model risk-old: worse/,
    )
    expect(
      decidePromotion({ candidate: better, active: { version: 'risk-old', evaluation: worse }, tolerance: 0 }).status,
    ).toBe('allowed')
  })

  it('reports groups that are not gated without blocking on them', () => {
    const report = fairnessReport(
      [
        ...Array.from({ length: 100 }, (_, index): FairnessRow => ({
          label: 0,
          outcome: index < 50 ? 'review' : 'clear',
          groups: { 'generated-group': 'vpn-user' },
        })),
        ...Array.from({ length: 100 }, (): FairnessRow => ({
          label: 0,
          outcome: 'clear',
          groups: { 'generated-group': 'plain' },
        })),
      ],
      bounds,
    )
    expect(report.dimensions.find((dimension) => dimension.dimension === 'generated-group')?.status).toBe('exceeds')
    expect(report.status).toBe('within')
  })
})

describe('backtest and drift', () => {
  it('counts the outcomes a change would move, by truth', () => {
    const result = backtest([
      { before: 'clear', after: 'review', label: 1 },
      { before: 'clear', after: 'review', label: 0 },
      { before: 'review', after: 'clear', label: 0 },
      { before: 'hold', after: 'hold', label: 1 },
      { before: 'clear', after: 'hold', label: null },
    ])
    expect(result.changed).toBe(4)
    expect(result.transitions.clear.review).toBe(2)
    expect(result.newlyFlagged).toEqual({ fraud: 1, legitimate: 1, unlabelled: 1 })
    expect(result.newlyCleared).toEqual({ fraud: 0, legitimate: 1, unlabelled: 0 })
  })

  it('finds no drift in the same distribution and significant drift when scores move up', () => {
    const reference = scoreDistribution(Array.from({ length: 1000 }, (_, index) => (index % 100) / 1000))
    expect(scoreDrift(reference, reference).level).toBe('stable')
    const moved = scoreDistribution(Array.from({ length: 1000 }, (_, index) => 0.3 + (index % 100) / 200))
    const drift = scoreDrift(reference, moved)
    expect(drift.level).toBe('significant')
    expect(drift.populationStabilityIndex).toBeGreaterThan(1)
  })
})
