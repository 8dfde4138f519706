import { defaultScoringPolicy, scoreSignals, type ApplicationRecord } from '@hirewall/core'
import { compileRiskModel } from '@hirewall/model'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobQueue } from '../../jobs/create-job-queue.js'
import type { JobQueue } from '../../jobs/job-queue.js'
import { modelBacktestJobs, workOnModelBacktests } from '../../jobs/model-backtest/model-backtest-jobs.js'
import { serverJobQueues } from '../../jobs/server-jobs.js'
import type { ModelBacktestReport } from '../../models/backtest-model.js'
import { backtestStoredModel } from '../../models/backtest-stored-model.js'
import { storeModelFile } from '../../models/model-records.js'
import { createScreeningService } from '../../screening/create-screening-service.js'
import { combinedWithModel } from '../../screening/score-with-model.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { aRiskyApplicationRecord, anApplicationRecord, testReference } from '../../testing/application-fixtures.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { aTrainedModel } from '../../testing/trained-test-model.js'
import { waitUntil } from '../../testing/wait-until.js'
import { registerModelRoutes } from './model-routes.js'

const trained = aTrainedModel()
/** The trained model reviewing from a probability of 0: it raises every clear application it is asked about. */
const flagsAll = { ...trained, version: `${trained.version}-flags-all`, thresholds: { review: 0, hold: 1 } }

/** Clear under the default policy: each its own person, phone and mailbox, so nothing links them. */
const aClearRecord = (id: string, index: number): ApplicationRecord =>
  anApplicationRecord(id, {
    cv: { basics: { name: `Jordan Miller ${id}`, email: `${id}.jm@gmail.com`, phone: `(415) 555-01${10 + index}` } },
  })

type Report = ModelBacktestReport & { status: string }

describe.each(storeTestTargets())('model backtests on $name', (target) => {
  let test: TestApp
  let screening: ScreeningService
  let queue: JobQueue
  const call = (method: 'GET' | 'POST', url: string, headers: AuthHeaders, payload?: object) =>
    test.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) })
  const screen = (records: readonly ApplicationRecord[]) =>
    screening.submitMany(records.map((record) => ({ record, raw: record, actor: 'api-key:test' })))

  beforeAll(async () => {
    test = await openTestApp(target)
    const { store } = test
    await store.policyVersions.publishInitial({ policy: defaultScoringPolicy, author: 'system:serve' })
    screening = await createScreeningService({
      store,
      policy: defaultScoringPolicy,
      reference: testReference,
      followPublishedPolicy: true,
    })
    queue = createJobQueue(store, { queues: serverJobQueues(), pollIntervalMs: 50 })
    await queue.start()
    workOnModelBacktests(queue, { store, screening })
    // Up to six stored applications a backtest runs while the caller waits; the seventh sends it to the background.
    registerModelRoutes(test.app, {
      store,
      screening,
      backtestJobs: modelBacktestJobs(queue),
      maxSynchronousBacktest: 6,
    })
    await test.app.ready()
    for (const file of [trained, flagsAll]) await storeModelFile(store, file, 'user:test')

    // Screened by the rules alone: four clear, one held.
    await screen([...['bt-a1', 'bt-a2', 'bt-a3', 'bt-a4'].map(aClearRecord), aRiskyApplicationRecord('bt-a5')])
    const decide = (id: string, verdict: 'confirmed-fraud' | 'cleared') =>
      store.decisions.record({ subject: { kind: 'application', id }, verdict, reason: 'test', actor: 'user:analyst' })
    await decide('bt-a1', 'confirmed-fraud')
    await decide('bt-a2', 'cleared')
    await decide('bt-a5', 'confirmed-fraud')
    // Screened while the model that flags everything is active: clear by the rules, raised to review.
    await store.models.promote(flagsAll.version, 'user:test')
    await screen([aClearRecord('bt-b1', 5)])
    await decide('bt-b1', 'cleared')
  }, openTimeoutMs)
  afterAll(async () => {
    await queue.stop({ timeoutMs: 5000 })
    await screening.close()
    await test.close()
  })

  it('starts from the outcomes the store holds', async () => {
    const outcomeOf = async (id: string) => (await test.store.results.latest(id))?.outcome
    for (const id of ['bt-a1', 'bt-a2', 'bt-a3', 'bt-a4']) expect(await outcomeOf(id), id).toBe('clear')
    expect(await outcomeOf('bt-a5')).toBe('hold')
    expect(await outcomeOf('bt-b1')).toBe('review')
    expect((await test.store.results.latest('bt-b1'))?.modelVersion).toBe(flagsAll.version)
  })

  it('lets only admins backtest', async () => {
    const { people, keys } = test
    for (const headers of [people.viewer, people.analyst, keys.read, keys.submit]) {
      const response = await call('POST', `/v1/models/${trained.version}/backtest`, headers, {})
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { permission: 'policy.manage' } } })
      expect((await call('GET', '/v1/models/backtests/any', headers)).statusCode).toBe(403)
    }
    expect((await call('POST', `/v1/models/${trained.version}/backtest`, {}, {})).statusCode).toBe(401)
    expect((await test.store.audit.list({ action: 'model.backtested' })).items).toEqual([])
  })

  it('answers an unknown version with 404, a bad sample size with 400 naming the field', async () => {
    const missing = await call('POST', '/v1/models/risk-unknown/backtest', test.people.admin, {})
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { path: 'params.version' } } })
    const bad = await call('POST', `/v1/models/${trained.version}/backtest`, test.people.admin, { sampleSize: 501 })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
    expect(JSON.stringify(bad.json())).toContain('body.sampleSize')
    const unknownJob = await call('GET', '/v1/models/backtests/00000000-0000-4000-8000-000000000000', test.keys.admin)
    expect(unknownJob.statusCode).toBe(404)
  })

  it('replays a model that flags everything: the four clear applications go to review, counted by label', async () => {
    const response = await call('POST', `/v1/models/${flagsAll.version}/backtest`, test.people.admin, {})
    expect(response.statusCode).toBe(200)
    const report = response.json<Report>()
    expect(report).toMatchObject({
      status: 'completed',
      modelVersion: flagsAll.version,
      activeModelVersion: flagsAll.version,
      policyVersion: defaultScoringPolicy.version,
      applications: 6,
      changed: 4,
      matrix: {
        clear: { clear: 0, review: 4, hold: 0 },
        review: { clear: 0, review: 1, hold: 0 },
        hold: { clear: 0, review: 0, hold: 1 },
      },
      newlyFlagged: { fraud: 1, legitimate: 1, unlabelled: 2 },
      newlyCleared: { fraud: 0, legitimate: 0, unlabelled: 0 },
      labelled: 4,
      withoutLinkFacts: 0,
      scoredWithOtherPolicy: 0,
      // The first five were screened before it was promoted.
      scoredWithOtherModel: 5,
    })
    expect(report.sample.map((change) => change.applicationId).sort()).toEqual(['bt-a1', 'bt-a2', 'bt-a3', 'bt-a4'])
    expect(report.sample.find((change) => change.applicationId === 'bt-a1')).toMatchObject({
      label: 'fraud',
      from: { outcome: 'clear', modelScore: null },
      to: { outcome: 'review' },
    })
    const [entry] = (await test.store.audit.list({ action: 'model.backtested' })).items
    expect(entry).toMatchObject({
      actor: `user:${test.people.admin.userId}`,
      target: `model:${flagsAll.version}`,
      details: { modelVersion: flagsAll.version, applications: 6, changed: 4, listed: 4 },
    })
  })

  it('replays the rules alone (none): what the active model raised goes back to clear', async () => {
    const response = await call('POST', '/v1/models/none/backtest', test.keys.admin, { sampleSize: 1 })
    expect(response.statusCode).toBe(200)
    expect(response.json<Report>()).toMatchObject({
      modelVersion: null,
      changed: 1,
      matrix: { review: { clear: 1, review: 0, hold: 0 } },
      newlyCleared: { fraud: 0, legitimate: 1, unlabelled: 0 },
      sample: [{ applicationId: 'bt-b1', label: 'legitimate', from: { outcome: 'review' }, to: { outcome: 'clear' } }],
    })
  })

  it('agrees with the full stored results: the trained model replayed as screening would score each', async () => {
    const outcome = await backtestStoredModel(test.store, trained.version, { fallbackPolicy: defaultScoringPolicy })
    if (outcome.status !== 'completed') throw new Error(outcome.status)
    // Worked out from each full stored result (signals with messages and evidence, link facts) on its own.
    const model = compileRiskModel(trained)
    let changed = 0
    for (const id of ['bt-a1', 'bt-a2', 'bt-a3', 'bt-a4', 'bt-a5', 'bt-b1']) {
      const latest = await test.store.results.latest(id)
      if (latest?.linkFacts === undefined) throw new Error(`${id} has no link facts`)
      const rules = scoreSignals(latest.signals, defaultScoringPolicy).outcome
      const to = combinedWithModel(rules, model.predict({ result: latest, link: latest.linkFacts }).outcome)
      if (to !== latest.outcome) changed += 1
    }
    expect(outcome.report).toMatchObject({ modelVersion: trained.version, applications: 6, changed })
  })

  it('runs above the synchronous limit in the background, and the job reports the same way', async () => {
    await screen([aClearRecord('bt-c1', 6)])
    const response = await call('POST', '/v1/models/none/backtest', test.people.admin, {})
    expect(response.statusCode).toBe(202)
    const queued = response.json<{ status: string; jobId: string; applications: number }>()
    expect(queued).toMatchObject({ status: 'queued', applications: 7 })
    const job = await waitUntil('the model backtest job', async () => {
      const polled = (await call('GET', `/v1/models/backtests/${queued.jobId}`, test.people.admin)).json<{
        state: string
        report: ModelBacktestReport | null
      }>()
      return polled.state === 'completed' && polled
    })
    expect(job.report).toMatchObject({
      modelVersion: null,
      applications: 7,
      changed: 2,
      newlyCleared: { fraud: 0, legitimate: 1, unlabelled: 1 },
    })
    const entries = (await test.store.audit.list({ action: 'model.backtested' })).items
    expect(entries.some((entry) => (entry.details as { jobId?: string }).jobId === queued.jobId)).toBe(true)
  })

  it('documents the backtest routes in the OpenAPI document', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/docs/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
    }>()
    const responses = (path: string, method: string) => Object.keys(document.paths[path]?.[method]?.responses ?? {})
    expect(responses('/v1/models/{version}/backtest', 'post')).toEqual(
      expect.arrayContaining(['200', '202', '400', '403', '404']),
    )
    expect(responses('/v1/models/backtests/{jobId}', 'get')).toEqual(expect.arrayContaining(['200', '404']))
  })
})
