import { defaultScoringPolicy, scoreSignals, type Severity } from '@hirewall/core'
import { compileRiskModel, unlinkedFacts } from '@hirewall/model'
import type { LabelDecision, ModelBacktestEntry } from '@hirewall/store'
import { describe, expect, it } from 'vitest'
import { aTrainedModel } from '../testing/trained-test-model.js'
import { backtestModel } from './backtest-model.js'

const trained = aTrainedModel()
/** Review from a probability of 0: flags every application it is asked about. */
const flagsAll = compileRiskModel({ ...trained, version: 'flags-all', thresholds: { review: 0, hold: 1 } })
const policy = defaultScoringPolicy

const sanctioned: [string, Severity][] = [['sanctions.match', 'critical']]

function anEntry(id: string, overrides: Partial<ModelBacktestEntry> = {}): ModelBacktestEntry {
  return {
    applicationId: id,
    score: 0,
    outcome: 'clear',
    policyVersion: policy.version,
    signals: [],
    linkFacts: unlinkedFacts,
    clusterId: undefined,
    modelVersion: null,
    modelScore: null,
    ...overrides,
  }
}

/** The store's pages, in memory: the replay reads them as it reads the database. */
function storeOf(entries: readonly ModelBacktestEntry[], decisions: readonly LabelDecision[] = []) {
  const sorted = [...entries].sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1))
  return {
    labelDecisions: () => Promise.resolve(decisions),
    backtestPage: (request: { readonly after?: string | undefined; readonly limit: number }) =>
      Promise.resolve(
        sorted
          .filter((entry) => request.after === undefined || entry.applicationId > request.after)
          .slice(0, request.limit),
      ),
  }
}

const held = scoreSignals(
  sanctioned.map(([code, severity]) => ({ code, severity, message: '', evidence: {} })),
  policy,
)

describe('backtestModel', () => {
  const entries = [
    // Clear, confirmed fraud: a model that flags everything raises it to review.
    anEntry('app-a'),
    // Clear by the rules, raised to review by the active model; the analysts cleared it.
    anEntry('app-b', { outcome: 'review', modelVersion: 'active-1', modelScore: 41.5 }),
    // Held by the rules: no model changes a hold.
    anEntry('app-c', { outcome: 'hold', score: held.score, signals: sanctioned }),
    // Screened before link facts were kept: the model is not asked, as screening would not ask it.
    anEntry('app-d', { linkFacts: null }),
    // Its cluster was confirmed fraud.
    anEntry('app-e', { clusterId: 'ring-1' }),
  ]
  const decisions: LabelDecision[] = [
    { subject: { kind: 'application', id: 'app-a' }, verdict: 'confirmed-fraud' },
    { subject: { kind: 'application', id: 'app-b' }, verdict: 'cleared' },
    { subject: { kind: 'cluster', id: 'cluster:ring-1' }, verdict: 'confirmed-fraud' },
  ]

  it('flags the clear applications it is asked about, never a hold, and counts them by label', async () => {
    expect(held.outcome).toBe('hold')
    const report = await backtestModel(storeOf(entries, decisions), flagsAll, {
      policy,
      activeModelVersion: 'active-1',
      pageSize: 2,
    })
    expect(report).toMatchObject({
      modelVersion: 'flags-all',
      activeModelVersion: 'active-1',
      policyVersion: policy.version,
      applications: 5,
      changed: 2,
      matrix: {
        clear: { clear: 1, review: 2, hold: 0 },
        review: { clear: 0, review: 1, hold: 0 },
        hold: { clear: 0, review: 0, hold: 1 },
      },
      newlyFlagged: { fraud: 2, legitimate: 0, unlabelled: 0 },
      newlyCleared: { fraud: 0, legitimate: 0, unlabelled: 0 },
      labelled: 3,
      withoutLinkFacts: 1,
      scoredWithOtherPolicy: 0,
      scoredWithOtherModel: 4,
    })
    expect(report.sample.map((change) => change.applicationId).sort()).toEqual(['app-a', 'app-e'])
    const first = report.sample.find((change) => change.applicationId === 'app-a')
    expect(first).toMatchObject({
      label: 'fraud',
      from: { outcome: 'clear', score: 0, modelScore: null },
      to: { outcome: 'review', score: 0 },
    })
    expect(first?.to.modelScore).toBe(flagsAll.predict({ result: { signals: [] }, link: unlinkedFacts }).score)
  })

  it('replays the rules alone: what the active model raised goes back to clear', async () => {
    const report = await backtestModel(storeOf(entries, decisions), undefined, {
      policy,
      activeModelVersion: 'active-1',
    })
    expect(report).toMatchObject({
      modelVersion: null,
      changed: 1,
      matrix: { review: { clear: 1, review: 0, hold: 0 } },
      newlyFlagged: { fraud: 0, legitimate: 0, unlabelled: 0 },
      newlyCleared: { fraud: 0, legitimate: 1, unlabelled: 0 },
    })
    expect(report.sample).toEqual([
      {
        applicationId: 'app-b',
        label: 'legitimate',
        from: { outcome: 'review', score: 0, modelScore: 41.5 },
        to: { outcome: 'clear', score: 0, modelScore: null },
      },
    ])
  })

  it('lists the largest score changes first, at most the sample size asked for', async () => {
    const many = Array.from({ length: 30 }, (_, index) => anEntry(`app-${String(index).padStart(2, '0')}`))
    const report = await backtestModel(storeOf(many), flagsAll, { policy, sampleSize: 3, pageSize: 7 })
    expect(report.changed).toBe(30)
    // Equal changes: by id.
    expect(report.sample.map((change) => change.applicationId)).toEqual(['app-00', 'app-01', 'app-02'])
    const none = await backtestModel(storeOf(many), flagsAll, { policy, sampleSize: 0 })
    expect(none.sample).toEqual([])
  })

  it('counts results scored with another policy', async () => {
    const report = await backtestModel(storeOf([anEntry('x', { policyVersion: 'older' }), anEntry('y')]), undefined, {
      policy,
    })
    expect(report.scoredWithOtherPolicy).toBe(1)
    expect(report.changed).toBe(0)
  })
})
