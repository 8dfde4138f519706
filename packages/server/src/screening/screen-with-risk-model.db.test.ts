import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { storeModelFile } from '../models/model-records.js'
import { anApplicationRecord, aRingMember, testReference } from '../testing/application-fixtures.js'
import { aTrainedModel } from '../testing/trained-test-model.js'
import { createScreeningService } from './create-screening-service.js'
import type { ScreeningService } from './screening-service.js'

const model = aTrainedModel()
// The same trees with thresholds so low that the model flags everything: shows how it combines with the rules.
const eager = aTrainedModel({ createdAt: '2026-11-23T11:00:00.000Z', thresholds: { review: 0.0001, hold: 0.0002 } })

function submission(record: ReturnType<typeof anApplicationRecord>) {
  return { record, raw: record, actor: 'api-key:test' }
}

describe.each(storeTestTargets())('screening with the risk model on $name', ({ open }) => {
  let database: TestDatabase
  let first: ScreeningService
  let second: ScreeningService
  beforeAll(async () => {
    database = await open()
    const options = { store: database.store, policy: defaultScoringPolicy, reference: testReference }
    // Two services on one store stand for two server processes.
    first = await createScreeningService(options)
    second = await createScreeningService(options)
    await storeModelFile(database.store, model, 'user:test-admin')
    await storeModelFile(database.store, eager, 'user:test-admin')
  }, openTimeoutMs)
  afterAll(async () => {
    await first.close()
    await second.close()
    await database.dispose()
  })

  it('stores the link facts with every result and leaves modelVersion null while no model is active', async () => {
    const outcome = await first.submit(submission(aRingMember('rm-ring-1', 'Lee Morgan', '(415) 555-0177')))
    expect(outcome.result.modelVersion).toBeNull()
    expect(outcome.result.model).toBeUndefined()
    expect(outcome.result.linkFacts).toEqual({
      clusterApplications: 1,
      clusterClaimedPeople: 1,
      clusterSurnames: 1,
      otherPeopleByKind: {},
      samePersonEarlierApplications: 0,
      cvTextSimilarity: 0,
      photoSimilarity: 0,
    })
  })

  it('scores with a model promoted by another process from the next batch on, explained in sentences', async () => {
    await database.store.models.promote(model.version, 'user:test-admin')
    const outcome = await second.submit(submission(aRingMember('rm-ring-2', 'Sam Ortiz', '(415) 555-0177')))
    const { result } = outcome
    expect(result.modelVersion).toBe(model.version)
    expect(result.linkFacts).toMatchObject({ clusterApplications: 2, clusterClaimedPeople: 2 })
    expect(result.linkFacts?.otherPeopleByKind.phone).toBe(1)
    expect(result.model?.modelVersion).toBe(model.version)
    expect(result.model?.probability).toBeGreaterThan(0)
    expect(result.model?.probability).toBeLessThan(1)
    expect(result.model?.summary).toMatch(/^The model puts the chance of fraud at /)
    expect(result.model?.contributions.length).toBeGreaterThan(0)
    expect(result.model?.contributions.length).toBeLessThanOrEqual(6)
    for (const contribution of result.model?.contributions ?? []) {
      expect(contribution.sentence).toMatch(/(raises|lowers) the model's estimate/)
    }
    expect(await database.store.results.latest('rm-ring-2')).toEqual(result)
  })

  it('may raise clear to review, never to hold, and a rollback applies at once', async () => {
    await database.store.models.promote(eager.version, 'user:test-admin')
    const raised = await first.submit(submission(anApplicationRecord('rm-clean-1')))
    expect(raised.result.model?.outcome).toBe('hold')
    expect(raised.result.score).toBe(0)
    expect(raised.result.outcome).toBe('review')
    expect(await database.store.cases.openCaseFor({ kind: 'application', id: 'rm-clean-1' })).toBeDefined()

    await database.store.models.rollback('user:test-admin')
    const after = await first.submit(submission(anApplicationRecord('rm-clean-2')))
    expect(after.result.modelVersion).toBe(model.version)
    expect(after.result.outcome).toBe('clear')
  })

  it('re-screens with the active model from the link facts stored at link time', async () => {
    const report = await first.rescreen({ applicationIds: ['rm-ring-1'] })
    expect(report.screened).toBe(1)
    const latest = await database.store.results.latest('rm-ring-1')
    expect(latest?.version).toBe(2)
    expect(latest?.modelVersion).toBe(model.version)
    // The ring grew after it was linked; the model still sees it as it stood then.
    expect(latest?.linkFacts?.clusterApplications).toBe(1)
  })
})
