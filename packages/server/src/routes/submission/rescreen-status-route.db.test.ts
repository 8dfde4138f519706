import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobQueue } from '../../jobs/create-job-queue.js'
import type { JobQueue } from '../../jobs/job-queue.js'
import { rescreenJobStarter, workOnRescreens } from '../../jobs/rescreen/rescreen-jobs.js'
import { serverJobQueues } from '../../jobs/server-jobs.js'
import { createScreeningService } from '../../screening/create-screening-service.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { anApplicationRecord, strictTestPolicy, testReference } from '../../testing/application-fixtures.js'
import { openTestApp, type TestApp } from '../../testing/test-app.js'
import { waitUntil } from '../../testing/wait-until.js'
import { registerRescreenRoute } from './rescreen-route.js'

type JobBody = {
  jobId: string
  state: string
  screened: number
  changedCount: number
  changed: { applicationId: string; from: { outcome: string }; to: { outcome: string } }[]
  attempts: number
  completedAt: string | null
}

describe.each(storeTestTargets())('GET /v1/rescreen/:jobId on $name', (target) => {
  let test: TestApp
  let screening: ScreeningService
  let queue: JobQueue
  const ids = ['st-1', 'st-2', 'st-3']

  beforeAll(async () => {
    test = await openTestApp(target)
    screening = await createScreeningService({
      store: test.store,
      policy: defaultScoringPolicy,
      reference: testReference,
    })
    // Clear under the default policy (a generated-looking mailbox is one low signal), review under the strict one.
    const records = ids.map((id, index) =>
      anApplicationRecord(id, {
        cv: {
          basics: { name: 'Jordan Avery Miller', email: `xq7z9k${index}m@gmail.com`, phone: `(415) 555-014${index}` },
        },
      }),
    )
    await screening.submitMany(records.map((record) => ({ record, raw: record, actor: 'api-key:test' })))
    screening.reconfigure({ policy: strictTestPolicy })
    queue = createJobQueue(test.store, { queues: serverJobQueues(), pollIntervalMs: 50 })
    await queue.start()
    workOnRescreens(queue, { store: test.store, screening })
    registerRescreenRoute(test.app, { screening, rescreenJobs: rescreenJobStarter(queue, test.store) })
    await test.app.ready()
  }, openTimeoutMs)
  afterAll(async () => {
    await queue.stop({ timeoutMs: 5000 })
    await screening.close()
    await test.close()
  })

  it('reports a background re-screening started over HTTP until it completes, with the changed outcomes', async () => {
    const started = await test.app.inject({ method: 'POST', url: '/v1/rescreen', headers: test.people.admin })
    expect(started.statusCode).toBe(202)
    const { jobId } = started.json<{ jobId: string }>()
    const done = await waitUntil('the re-screening to complete', async () => {
      const response = await test.app.inject({ method: 'GET', url: `/v1/rescreen/${jobId}`, headers: test.keys.admin })
      expect(response.statusCode).toBe(200)
      const body = response.json<JobBody>()
      expect(['created', 'retry', 'active', 'completed']).toContain(body.state)
      return body.state === 'completed' && body
    })
    expect(done).toMatchObject({ jobId, screened: ids.length, attempts: 1 })
    expect(done.changedCount).toBe(done.changed.length)
    expect(done.changed.map((change) => change.applicationId).sort()).toEqual(ids)
    expect(done.changed.every((change) => change.from.outcome === 'clear' && change.to.outcome !== 'clear')).toBe(true)
    expect(done.completedAt).not.toBeNull()
  })

  it('answers 404 for an id no re-screening has, and refuses callers without policy.manage', async () => {
    for (const jobId of ['00000000-0000-4000-8000-000000000000', 'not-a-job']) {
      const response = await test.app.inject({ method: 'GET', url: `/v1/rescreen/${jobId}`, headers: test.keys.admin })
      expect(response.statusCode).toBe(404)
      expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
    const id = '00000000-0000-4000-8000-000000000000'
    expect((await test.app.inject({ method: 'GET', url: `/v1/rescreen/${id}` })).statusCode).toBe(401)
    for (const headers of [test.people.analyst, test.people.viewer, test.keys.read, test.keys.submit]) {
      expect((await test.app.inject({ method: 'GET', url: `/v1/rescreen/${id}`, headers })).statusCode).toBe(403)
    }
  })
})
