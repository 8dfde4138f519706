import { openStore, openTimeoutMs, storeTestTargets, type Store, type TestDatabase } from '@hirewall/store'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { waitUntil } from '../testing/wait-until.js'
import { createJobQueue, type JobQueueOptions } from './create-job-queue.js'
import type { JobQueue, QueueDefinition, QueuedJob } from './job-queue.js'

/** Queues of their own for each test, so no test sees another's jobs. */
function queuesFor(prefix: string): { dead: string; work: string; short: string; definitions: QueueDefinition[] } {
  const dead: QueueDefinition = {
    name: `${prefix}-dead`,
    retryLimit: 0,
    retryDelaySeconds: 0,
    retryBackoff: false,
    expireInSeconds: 60,
  }
  const work: QueueDefinition = { ...dead, name: `${prefix}-work`, retryLimit: 1, deadLetter: dead.name }
  // Jobs whose worker "died": maintenance runs every second and expires them after a second.
  const short: QueueDefinition = { ...work, name: `${prefix}-short`, expireInSeconds: 1, retryLimit: 2 }
  return { dead: dead.name, work: work.name, short: short.name, definitions: [dead, work, short] }
}

describe.each(storeTestTargets())('the job queue on $name', (target) => {
  let database: TestDatabase
  const queues: JobQueue[] = []
  const stores: Store[] = []

  beforeAll(async () => {
    database = await target.open()
  }, openTimeoutMs)
  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop({ timeoutMs: 5000 })
    for (const store of stores.splice(0)) await store.close()
  })
  afterAll(() => database.dispose())

  let testNumber = 0
  let names = queuesFor('t0')
  beforeEach(() => {
    testNumber += 1
    names = queuesFor(`t${testNumber}`)
  })

  async function startQueue(store: Store = database.store, options: Partial<JobQueueOptions> = {}): Promise<JobQueue> {
    const queue = createJobQueue(store, {
      queues: names.definitions,
      pollIntervalMs: 50,
      maintenanceIntervalSeconds: 1,
      ...options,
    })
    queues.push(queue)
    await queue.start()
    return queue
  }

  it('runs a job sent to it and keeps what the handler returned', async () => {
    const queue = await startQueue()
    const seen: QueuedJob[] = []
    queue.work(names.work, (job) => {
      seen.push(job)
      return Promise.resolve({ doubled: Number(job.data['n']) * 2 })
    })
    const id = await queue.send(names.work, { n: 21 })
    expect(id).toEqual(expect.any(String))
    const status = await waitUntil('the job to complete', async () => {
      const job = await queue.find(names.work, id ?? '')
      return job?.state === 'completed' && job
    })
    expect(status.output).toEqual({ doubled: 42 })
    expect(seen.map((job) => [job.data, job.retryCount])).toEqual([[{ n: 21 }, 0]])
    expect(await queue.find(names.work, 'not-a-job')).toBeUndefined()
  })

  it('retries a failed job and moves it to its dead-letter queue after the last attempt', async () => {
    const queue = await startQueue()
    const attempts: number[] = []
    const dead: QueuedJob[] = []
    queue.work(names.work, (job) => {
      attempts.push(job.retryCount)
      return Promise.reject(new Error('the database said no'))
    })
    queue.work(names.dead, (job) => {
      dead.push(job)
      return Promise.resolve()
    })
    const id = await queue.send(names.work, { row: 7 })
    await waitUntil('the dead letter', () => dead.length > 0)
    expect(attempts).toEqual([0, 1])
    expect(dead.map((job) => job.data)).toEqual([{ row: 7 }])
    const failed = await queue.find(names.work, id ?? '')
    expect(failed?.state).toBe('failed')
    expect(failed?.output).toEqual({ message: 'the database said no' })
  })

  it('queues a job inside a store transaction: only when it commits', async () => {
    const queue = await startQueue()
    const rolledBack = database.store.db.transaction().execute(async (transaction) => {
      await queue.send(names.work, { n: 1 }, { transaction, id: '6f1c1a52-7d0e-4a57-9a37-6b0f6f0b8a01' })
      throw new Error('roll back')
    })
    await expect(rolledBack).rejects.toThrow('roll back')
    expect(await queue.find(names.work, '6f1c1a52-7d0e-4a57-9a37-6b0f6f0b8a01')).toBeUndefined()
    await database.store.db.transaction().execute(async (transaction) => {
      await queue.send(names.work, { n: 2 }, { transaction, id: '6f1c1a52-7d0e-4a57-9a37-6b0f6f0b8a02' })
    })
    expect((await queue.find(names.work, '6f1c1a52-7d0e-4a57-9a37-6b0f6f0b8a02'))?.data).toEqual({ n: 2 })
  })

  it('queues a job with a given id once, and counts waiting jobs per queue', async () => {
    const queue = await startQueue()
    const before = await queue.depth()
    const id = 'a3d4c1b2-0000-4000-8000-000000000001'
    expect(await queue.send(names.short, { n: 1 }, { id })).toBe(id)
    expect(await queue.send(names.short, { n: 1 }, { id })).toBeNull()
    await queue.sendMany(names.short, [
      { data: { n: 2 }, id: 'a3d4c1b2-0000-4000-8000-000000000002' },
      { data: { n: 2 }, id: 'a3d4c1b2-0000-4000-8000-000000000002' },
      { data: { n: 3 } },
    ])
    const after = await queue.depth()
    expect(after[names.short]).toBe((before[names.short] ?? 0) + 3)
    expect(Object.keys(after).sort()).toEqual([names.dead, names.short, names.work].sort())
  })

  it('retries a job whose worker died once it expires', async () => {
    const queue = await startQueue()
    const id = await queue.send(names.short, { n: 9 })
    // A worker took the job an hour ago and was killed: the job is still active.
    await sql`update pgboss.job set state = 'active', started_on = now() - interval '1 hour' where id = ${id}`.execute(
      database.store.db,
    )
    const seen: QueuedJob[] = []
    queue.work(names.short, (job) => {
      seen.push(job)
      return Promise.resolve()
    })
    await waitUntil('the expired job to run again', () => seen.length > 0)
    expect(seen.map((job) => [job.id, job.retryCount])).toEqual([[id, 1]])
  })

  it('waits for a running job when stopping, then sends nothing more', async () => {
    const queue = createJobQueue(database.store, { queues: names.definitions, pollIntervalMs: 50 })
    await queue.start()
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    let started = false
    queue.work(names.work, async () => {
      started = true
      await released
      return { done: true }
    })
    const id = await queue.send(names.work, {})
    await waitUntil('the job to start', () => started)
    const stopping = queue.stop()
    release()
    await stopping
    const probe = createJobQueue(database.store, { queues: names.definitions })
    expect((await probe.find(names.work, id ?? ''))?.state).toBe('completed')
  })

  it('hands a job still running at the stop timeout back to the queue', async () => {
    const queue = createJobQueue(database.store, { queues: names.definitions, pollIntervalMs: 50 })
    await queue.start()
    let started = false
    queue.work(names.work, async () => {
      started = true
      await new Promise((resolve) => setTimeout(resolve, 2000))
    })
    const id = await queue.send(names.work, {})
    await waitUntil('the job to start', () => started)
    await queue.stop({ timeoutMs: 100 })
    const next = await startQueue()
    const rerun: QueuedJob[] = []
    next.work(names.work, (job) => {
      rerun.push(job)
      return Promise.resolve()
    })
    await waitUntil('another worker to take it', () => rerun.length > 0)
    expect(rerun.map((job) => [job.id, job.retryCount])).toEqual([[id, 1]])
  })

  it.skipIf(target.name !== 'postgres')('shares one queue between two processes: each job runs once', async () => {
    const secondStore = await openStore(database.options)
    stores.push(secondStore)
    const first = await startQueue(database.store)
    const second = await startQueue(secondStore)
    const ranBy = new Map<number, string[]>()
    const handler = (worker: string) => async (job: QueuedJob) => {
      const n = Number(job.data['n'])
      ranBy.set(n, [...(ranBy.get(n) ?? []), worker])
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    first.work(names.work, handler('first'), { concurrency: 2 })
    second.work(names.work, handler('second'), { concurrency: 2 })
    await first.sendMany(
      names.work,
      Array.from({ length: 40 }, (_, n) => ({ data: { n } })),
    )
    await waitUntil('every job to run', () => ranBy.size === 40)
    await waitUntil('the queue to drain', async () => (await first.depth())[names.work] === 0)
    expect([...ranBy.values()].every((workers) => workers.length === 1)).toBe(true)
    const workers = new Set([...ranBy.values()].flat())
    expect(workers).toEqual(new Set(['first', 'second']))
  })
})
