import { defaultScoringPolicy, scoreSignals, type ScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobQueue } from '../../jobs/create-job-queue.js'
import type { JobQueue } from '../../jobs/job-queue.js'
import {
  policyBacktestJobs,
  workOnPolicyBacktests,
  type PolicyBacktestJobView,
} from '../../jobs/policy-backtest/policy-backtest-jobs.js'
import { findRescreen, rescreenJobStarter, workOnRescreens } from '../../jobs/rescreen/rescreen-jobs.js'
import { serverJobQueues } from '../../jobs/server-jobs.js'
import { createScreeningService } from '../../screening/create-screening-service.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { anApplicationRecord, strictTestPolicy, testReference } from '../../testing/application-fixtures.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { waitUntil } from '../../testing/wait-until.js'
import { registerPolicyRoutes } from './policy-routes.js'

const ids = ['pol-1', 'pol-2', 'pol-3', 'pol-4', 'pol-5']
/** Clear under the default policy (one low signal: a generated-looking mailbox), review under the strict one. */
const records = ids.map((id, index) =>
  anApplicationRecord(id, {
    cv: { basics: { name: 'Jordan Avery Miller', email: `xq7z9k${index}m@gmail.com`, phone: `(415) 555-013${index}` } },
  }),
)
const strict = (version: string): ScoringPolicy => ({ ...strictTestPolicy, version })

describe.each(storeTestTargets())('policy routes on $name', (target) => {
  let test: TestApp
  let screening: ScreeningService
  let otherProcess: ScreeningService
  let queue: JobQueue

  beforeAll(async () => {
    test = await openTestApp(target)
    const { store } = test
    await store.policyVersions.publishInitial({ policy: defaultScoringPolicy, author: 'system:serve' })
    const options = { store, policy: defaultScoringPolicy, reference: testReference, followPublishedPolicy: true }
    screening = await createScreeningService(options)
    // Another server process on the same database: nobody reconfigures it, it reads the published policy.
    otherProcess = await createScreeningService(options)
    await screening.submitMany(records.map((record) => ({ record, raw: record, actor: 'api-key:test' })))
    queue = createJobQueue(store, { queues: serverJobQueues(), pollIntervalMs: 50 })
    await queue.start()
    workOnRescreens(queue, { store, screening })
    workOnPolicyBacktests(queue, { store })
    // Above three stored applications a backtest runs in the background, so this small store takes both paths.
    registerPolicyRoutes(test.app, {
      store,
      screening,
      rescreenJobs: rescreenJobStarter(queue),
      backtestJobs: policyBacktestJobs(queue),
      maxSynchronousBacktest: 3,
    })
    await test.app.ready()
  }, openTimeoutMs)
  afterAll(async () => {
    await queue.stop({ timeoutMs: 5000 })
    await screening.close()
    await otherProcess.close()
    await test.close()
  })

  const call = (method: 'GET' | 'POST', url: string, headers: AuthHeaders, payload?: Record<string, unknown>) =>
    test.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) })

  it('lets every role read the policy and only admins change it', async () => {
    const { people, keys } = test
    const reads = ['/v1/policy', '/v1/policy/versions', '/v1/policy/versions/1']
    for (const url of reads) {
      for (const headers of [people.viewer, people.analyst, people.admin, keys.read, keys.admin]) {
        expect((await call('GET', url, headers)).statusCode, url).toBe(200)
      }
      expect((await call('GET', url, keys.submit)).statusCode, url).toBe(403)
      expect((await call('GET', url, {})).statusCode, url).toBe(401)
    }
    const writes: [string, Record<string, unknown>][] = [
      ['/v1/policy/backtest', { policy: strict('roles') }],
      ['/v1/policy/versions', { policy: strict('roles') }],
      ['/v1/policy/versions/1/publish', {}],
    ]
    for (const [url, payload] of writes) {
      for (const headers of [people.viewer, people.analyst, keys.read, keys.submit]) {
        const response = await call('POST', url, headers, payload)
        expect(response.statusCode, url).toBe(403)
        expect(response.json()).toMatchObject({
          error: { code: 'FORBIDDEN', details: { permission: 'policy.manage' } },
        })
      }
      expect((await call('POST', url, {}, payload)).statusCode, url).toBe(401)
    }
    for (const headers of [people.viewer, people.analyst, keys.read]) {
      expect((await call('GET', '/v1/policy/backtests/any', headers)).statusCode).toBe(403)
    }
    expect(
      (await call('GET', '/v1/policy/backtests/00000000-0000-4000-8000-000000000000', people.admin)).statusCode,
    ).toBe(404)
    // Publishing the published version is allowed and changes nothing.
    const again = await call('POST', '/v1/policy/versions/1/publish', keys.admin, {})
    expect(again.json()).toMatchObject({ published: { version: 1 }, retired: null, rescreen: { status: 'not-needed' } })
  })

  it('documents every policy route in the OpenAPI document', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/docs/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown>; tags?: string[] }>>
    }>()
    const responses = (path: string, method: string) => Object.keys(document.paths[path]?.[method]?.responses ?? {})
    expect(responses('/v1/policy', 'get')).toEqual(expect.arrayContaining(['200', '401', '403', '404']))
    expect(responses('/v1/policy/versions', 'get')).toEqual(expect.arrayContaining(['200']))
    expect(responses('/v1/policy/versions/{version}', 'get')).toEqual(expect.arrayContaining(['200', '404']))
    expect(responses('/v1/policy/backtest', 'post')).toEqual(expect.arrayContaining(['200', '202', '400', '403']))
    expect(responses('/v1/policy/backtests/{jobId}', 'get')).toEqual(expect.arrayContaining(['200', '404']))
    expect(responses('/v1/policy/versions', 'post')).toEqual(expect.arrayContaining(['201', '400', '409']))
    expect(responses('/v1/policy/versions/{version}/publish', 'post')).toEqual(expect.arrayContaining(['200', '404']))
    expect(document.paths['/v1/policy']?.get?.tags).toEqual(['policy'])
  })

  it('shows the published policy with its version', async () => {
    const response = await call('GET', '/v1/policy', test.people.viewer)
    expect(response.json()).toMatchObject({
      version: 1,
      policyVersion: defaultScoringPolicy.version,
      status: 'published',
      author: 'system:serve',
      policy: { thresholds: defaultScoringPolicy.thresholds },
    })
    expect((await call('GET', '/v1/policy/versions/99', test.people.viewer)).statusCode).toBe(404)
    const invalid = await call('GET', '/v1/policy/versions/first', test.people.viewer)
    expect(invalid.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
  })

  it('backtests a candidate over the stored history in the background: the count, the matrix and a sample', async () => {
    const response = await call('POST', '/v1/policy/backtest', test.people.admin, {
      policy: strict('strict-candidate'),
      sampleSize: 2,
    })
    expect(response.statusCode).toBe(202)
    const queued = response.json<{ status: string; jobId: string; applications: number }>()
    expect(queued).toMatchObject({ status: 'queued', applications: ids.length })
    const job = await waitUntil('the backtest job', async () => {
      const polled = (
        await call('GET', `/v1/policy/backtests/${queued.jobId}`, test.keys.admin)
      ).json<PolicyBacktestJobView>()
      return polled.state === 'completed' && polled
    })
    const report = job.report as unknown as {
      applications: number
      changed: number
      matrix: Record<string, Record<string, number>>
      sample: { applicationId: string; from: { outcome: string; score: number }; to: { outcome: string } }[]
    }
    // The expectation, worked out from each stored result's signals on its own.
    const expected = {
      clear: { clear: 0, review: 0, hold: 0 },
      review: { clear: 0, review: 0, hold: 0 },
      hold: { clear: 0, review: 0, hold: 0 },
    }
    let changed = 0
    for (const id of ids) {
      const latest = await test.store.results.latest(id)
      if (latest === undefined) throw new Error(`${id} has no result`)
      const to = scoreSignals(latest.signals, strict('x')).outcome
      expected[latest.outcome][to] += 1
      if (to !== latest.outcome) changed += 1
    }
    expect(changed).toBeGreaterThan(0)
    expect(report).toMatchObject({
      policyVersion: 'strict-candidate',
      publishedPolicyVersion: defaultScoringPolicy.version,
      applications: ids.length,
      changed,
      matrix: expected,
      scoredWithOtherPolicy: 0,
    })
    expect(report.sample).toHaveLength(Math.min(2, changed))
    for (const item of report.sample) {
      expect(ids).toContain(item.applicationId)
      expect(item.from.outcome).not.toBe(item.to.outcome)
    }
    const [entry] = (await test.store.audit.list({ action: 'policy.backtested' })).items
    expect(entry).toMatchObject({
      actor: `user:${test.people.admin.userId}`,
      details: { policyVersion: 'strict-candidate', applications: ids.length, changed },
    })
  })

  it('names every field of an invalid candidate', async () => {
    const response = await call('POST', '/v1/policy/backtest', test.people.admin, {
      policy: {
        ...defaultScoringPolicy,
        signalWeights: { 'phone.made-up': 0.5 },
        thresholds: { review: 30, hold: 20 },
      },
    })
    expect(response.statusCode).toBe(400)
    const second = await call('POST', '/v1/policy/versions', test.people.admin, {
      policy: {
        ...defaultScoringPolicy,
        version: 'bad',
        severityWeights: { ...defaultScoringPolicy.severityWeights, low: 2 },
      },
    })
    const missing = await call('POST', '/v1/policy/backtest', test.people.admin, { sampleSize: 1 })
    expect(missing.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'body.policy' }] } },
    })
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'body.policy.thresholds' }] } },
    })
    expect(second.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        details: { issues: [{ path: 'body.policy.severityWeights.low', message: 'must be between 0 and 1' }] },
      },
    })
    const unknownCode = await call('POST', '/v1/policy/backtest', test.people.admin, {
      policy: { ...defaultScoringPolicy, signalWeights: { 'phone.made-up': 0.5 } },
    })
    expect(unknownCode.json()).toMatchObject({
      error: {
        details: {
          issues: [{ path: 'body.policy.signalWeights.phone.made-up', message: 'is not a known signal code' }],
        },
      },
    })
  })

  it('saves a draft, refuses a taken version string, publishes it and re-screens in the background', async () => {
    const { people, store } = test
    const saved = await call('POST', '/v1/policy/versions', people.admin, {
      policy: strict('strict-2'),
      note: 'Review earlier',
    })
    expect(saved.statusCode).toBe(201)
    const draft = saved.json<{ version: number }>()
    expect(draft).toMatchObject({
      status: 'draft',
      policyVersion: 'strict-2',
      note: 'Review earlier',
      publishedAt: null,
    })
    const taken = await call('POST', '/v1/policy/versions', people.admin, { policy: strict('strict-2') })
    expect(taken.statusCode).toBe(409)
    expect(taken.json()).toMatchObject({ error: { code: 'CONFLICT', details: { path: 'body.policy.version' } } })
    expect((await call('POST', '/v1/policy/versions/99/publish', people.admin, {})).statusCode).toBe(404)

    const published = await call('POST', `/v1/policy/versions/${draft.version}/publish`, people.admin, {
      note: 'Fewer misses',
    })
    expect(published.statusCode).toBe(200)
    const body = published.json<{ rescreen: { status: string; jobId: string } }>()
    expect(body).toMatchObject({
      published: { version: draft.version, status: 'published' },
      retired: { version: 1, status: 'retired' },
      rescreen: { status: 'queued' },
    })
    expect((await call('GET', '/v1/policy', people.viewer)).json()).toMatchObject({ version: draft.version })
    expect(screening.versions().policyVersion).toBe('strict-2')
    const [audit] = (await store.audit.list({ action: 'policy.published' })).items
    expect(audit).toMatchObject({ actor: `user:${people.admin.userId}`, details: { note: 'Fewer misses' } })

    await waitUntil('the re-screening after the publish', async () => {
      const job = await findRescreen(queue, body.rescreen.jobId)
      return job?.state === 'completed' && job
    })
    for (const id of ids) {
      const latest = await store.results.latest(id)
      expect(latest).toMatchObject({ version: 2, trigger: 'rescreen', policyVersion: 'strict-2' })
    }
    const events = await store.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'screening.outcome_changed')
      .execute()
    expect(events.length).toBeGreaterThan(0)
    expect(events[0]?.payload).toMatchObject({ policyVersion: 'strict-2', reason: 'policy-changed' })

    // The other process was never told: it reads the published version under its next batch's lock.
    const late = anApplicationRecord('pol-late', {
      cv: { basics: { name: 'Robin Late', email: 'robin.late@gmail.com', phone: '(415) 555-0190' } },
    })
    const outcome = await otherProcess.submit({ record: late, raw: late, actor: 'api-key:test' })
    expect(outcome.result.policyVersion).toBe('strict-2')
    expect(otherProcess.versions().policyVersion).toBe('strict-2')
  })
})
