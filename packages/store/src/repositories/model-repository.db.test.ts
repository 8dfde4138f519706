import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aRecord, aRiskyRecord, screen } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import type { ModelAssessment, StoredLinkFacts } from './model-assessment.js'
import type { NewStoredModel } from './model-repository.js'

function aModel(version: string, createdAt: string): NewStoredModel {
  return {
    version,
    createdAt: new Date(createdAt),
    labelSource: 'generated-world',
    labelsDescription: 'The generated world’s ground truth.',
    evaluationSummary: { modelPrAuc: 0.84 },
    storedBy: 'user:admin@example.com',
    file: { format: 'hirewall-risk-model', version, trees: [{ feature: [0, -1] }] },
  }
}

const linkFacts: StoredLinkFacts = {
  clusterApplications: 3,
  clusterClaimedPeople: 2,
  clusterSurnames: 2,
  otherPeopleByKind: { phone: 1 },
  samePersonEarlierApplications: 0,
  cvTextSimilarity: 0.4,
  photoSimilarity: 0,
}

const assessment: ModelAssessment = {
  modelVersion: 'risk-b',
  probability: 0.31,
  score: 31,
  outcome: 'review',
  baselineProbability: 0.02,
  summary: 'The model puts the chance of fraud at 31%.',
  contributions: [
    {
      feature: 'link.shared.phone.other-people',
      kind: 'identity-graph',
      value: 1,
      contribution: 1.2,
      sentence: 'Other claimed people on the same phone number: 1. This raises the model’s estimate (+1.20 log-odds).',
    },
  ],
}

describe.each(storeTestTargets())('risk models on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('stores each model once and lists them oldest first, with the file', async () => {
    const { models } = database.store
    expect(await models.save(aModel('risk-b', '2026-11-02T00:00:00Z'))).toBe('created')
    expect(await models.save(aModel('risk-a', '2026-11-01T00:00:00Z'))).toBe('created')
    expect(await models.save(aModel('risk-a', '2026-11-01T00:00:00Z'))).toBe('exists')
    expect((await models.list()).map((model) => model.version)).toEqual(['risk-a', 'risk-b'])
    const found = await models.find('risk-b')
    expect(found).toMatchObject({
      version: 'risk-b',
      labelSource: 'generated-world',
      evaluationSummary: { modelPrAuc: 0.84 },
    })
    expect(found?.file).toEqual(aModel('risk-b', '2026-11-02T00:00:00Z').file)
    expect(await models.find('risk-z')).toBeUndefined()
  })

  it('promotes and rolls back through a log every process reads', async () => {
    const { models } = database.store
    expect(await models.activeVersion()).toBeUndefined()
    expect(await models.rollback('user:admin')).toBeUndefined()
    await models.promote('risk-a', 'user:admin', 'first')
    const promoted = await models.promote('risk-b', 'user:admin')
    expect(promoted).toMatchObject({ version: 'risk-b', stack: ['risk-a', 'risk-b'] })
    expect(await models.activeVersion()).toBe('risk-b')
    const rolledBack = await models.rollback('user:other')
    expect(rolledBack?.version).toBe('risk-a')
    expect(rolledBack?.log.map(({ action, version, actor, note }) => ({ action, version, actor, note }))).toEqual([
      { action: 'promote', version: 'risk-a', actor: 'user:admin', note: 'first' },
      { action: 'promote', version: 'risk-b', actor: 'user:admin', note: null },
      { action: 'rollback', version: 'risk-a', actor: 'user:other', note: 'from risk-b' },
    ])
    expect(await models.activeVersion()).toBe('risk-a')
    expect(await models.rollback('user:admin')).toBeUndefined()
    await expect(models.promote('risk-missing', 'user:admin')).rejects.toMatchObject({ code: 'not-found' })
  })

  it('applies concurrent promotions one after the other', async () => {
    const { models } = database.store
    await Promise.all([models.promote('risk-b', 'user:one'), models.promote('risk-a', 'user:two')])
    const active = await models.active()
    expect(active?.stack.slice(-2).sort()).toEqual(['risk-a', 'risk-b'])
    expect(active?.version).toBe(active?.stack.at(-1))
  })

  it('keeps link facts and the model estimate with each result, and reads them back for training', async () => {
    const { store } = database
    const record = aRiskyRecord('api:model-1')
    const plain = aRecord('api:model-2')
    await store.applications.submit({ record, raw: {} })
    await store.applications.submit({ record: plain, raw: {} })
    const result = { ...screen(record), modelVersion: 'risk-b', linkFacts, model: assessment }
    const appended = await store.results.append(result)
    expect(appended.result).toMatchObject({ linkFacts, model: assessment, modelVersion: 'risk-b' })
    expect(await store.results.latest('api:model-1')).toMatchObject({ linkFacts, model: assessment })
    await store.results.append(screen(plain))
    const rescreen = await store.screeningBatches.appendResults(
      [{ ...result, model: { ...assessment, score: 40 } }],
      'rescreen',
    )
    expect(rescreen[0]?.result.model?.score).toBe(40)
    const plainResult = await store.results.latest('api:model-2')
    expect(plainResult?.linkFacts).toBeUndefined()
    expect(plainResult?.model).toBeUndefined()

    const page = await store.models.trainingPage({ limit: 1 })
    expect(page.map((row) => row.record.id)).toEqual(['api:model-1'])
    expect(page[0]?.result).toMatchObject({ version: 2, linkFacts })
    const next = await store.models.trainingPage({ after: 'api:model-1', limit: 10 })
    expect(next.map((row) => row.record.id)).toEqual(['api:model-2'])
  })

  it('reads every decision, oldest first, as labels', async () => {
    const { store } = database
    await store.decisions.record({
      subject: { kind: 'application', id: 'api:model-1' },
      verdict: 'confirmed-fraud',
      reason: 'shared phone with a known ring',
      actor: 'user:analyst',
    })
    await store.decisions.record({
      subject: { kind: 'cluster', id: 'cluster:api:model-2' },
      verdict: 'cleared',
      reason: 'verified in person',
      actor: 'user:analyst',
    })
    expect(await store.models.labelDecisions()).toEqual([
      { subject: { kind: 'application', id: 'api:model-1' }, verdict: 'confirmed-fraud' },
      { subject: { kind: 'cluster', id: 'cluster:api:model-2' }, verdict: 'cleared' },
    ])
  })
})
