import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '@hirewall/store'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createScreeningService } from '../../screening/create-screening-service.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { anApplicationRecord, strictTestPolicy, testReference } from '../../testing/application-fixtures.js'
import { waitUntil } from '../../testing/wait-until.js'
import { createJobQueue } from '../create-job-queue.js'
import type { JobQueue } from '../job-queue.js'
import { serverJobQueues } from '../server-jobs.js'
import {
  enqueueRescreen,
  findRescreen,
  rescreenJobStarter,
  workOnRescreens,
  type RescreenJobOutput,
} from './rescreen-jobs.js'

describe.each(storeTestTargets())('background re-screening on $name', (target) => {
  let database: TestDatabase
  let screening: ScreeningService
  let queue: JobQueue
  const ids = ['rs-1', 'rs-2', 'rs-3', 'rs-4', 'rs-5']

  beforeAll(async () => {
    database = await target.open()
    screening = await createScreeningService({
      store: database.store,
      policy: defaultScoringPolicy,
      reference: testReference,
    })
    // Clear under the default policy (one low signal: a generated-looking mailbox), review under the strict one.
    const submissions = ids.map((id, index) =>
      anApplicationRecord(id, {
        cv: {
          basics: { name: 'Jordan Avery Miller', email: `xq7z9k${index}m@gmail.com`, phone: `(415) 555-013${index}` },
        },
      }),
    )
    await screening.submitMany(submissions.map((record) => ({ record, raw: record, actor: 'api-key:test' })))
    // The policy changed: re-screening must raise some outcomes.
    screening.reconfigure({ policy: strictTestPolicy })
  }, openTimeoutMs)
  afterEach(async () => {
    await queue.stop({ timeoutMs: 5000 })
  })
  afterAll(async () => {
    await screening.close()
    await database.dispose()
  })

  async function startQueue(): Promise<JobQueue> {
    queue = createJobQueue(database.store, { queues: serverJobQueues(), pollIntervalMs: 50 })
    await queue.start()
    return queue
  }

  async function output(jobId: string): Promise<RescreenJobOutput> {
    const job = await waitUntil('the re-screening to complete', async () => {
      const found = await findRescreen(queue, jobId)
      return found?.state === 'completed' && found
    })
    return job.output as RescreenJobOutput
  }

  it('re-screens the listed applications in the background and reports what changed', async () => {
    await startQueue()
    workOnRescreens(queue, { store: database.store, screening })
    const { jobId } = await rescreenJobStarter(queue).start({ applicationIds: ids, actor: 'user:admin' })
    const report = await output(jobId)
    expect(report.screened).toBe(ids.length)
    expect(report.changedCount).toBe(report.changed.length)
    expect(report.changed.length).toBeGreaterThan(0)
    expect(report.resumedAfter).toBeNull()
    expect((await database.store.jobProgress.find(jobId))?.progress).toMatchObject({
      screened: ids.length,
      lastApplicationId: 'rs-5',
    })
    const latest = await database.store.results.latest('rs-1')
    expect(latest?.version).toBe(2)
  })

  it('resumes after the last application an earlier attempt saved', async () => {
    await startQueue()
    const jobId = await enqueueRescreen(queue, { applicationIds: ids })
    // An earlier attempt re-screened up to rs-2, saved that, and its process was killed.
    await database.store.jobProgress.save(jobId, 'rescreen', { screened: 2, changed: 0, lastApplicationId: 'rs-2' })
    workOnRescreens(queue, { store: database.store, screening })
    const report = await output(jobId)
    expect(report).toMatchObject({ screened: 3, resumedAfter: 'rs-2' })
    expect((await database.store.results.latest('rs-1'))?.version).toBe(2)
    expect((await database.store.results.latest('rs-3'))?.version).toBe(3)
  })
})
