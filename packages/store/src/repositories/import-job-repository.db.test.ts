import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import { aRecord } from '../testing/store-fixtures.js'
import type { ImportJob } from './import-job-repository.js'

describe.each(storeTestTargets())('import jobs on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('counts each line once across a restart and lists the rows in line order', async () => {
    const { importJobs } = database.store
    const job = await importJobs.create({ format: 'csv', fileName: 'march.csv', createdBy: 'api-key:hw_3f9a' })
    expect(job).toMatchObject({ status: 'queued', processedRows: 0, totalRows: null, startedAt: null })
    const started = await importJobs.start(job.id, 5)
    const firstRun = [
      importJobs.recordRow(job.id, { line: 1, status: 'created', applicationId: 'csv:1' }),
      importJobs.recordRow(job.id, {
        line: 2,
        status: 'invalid',
        issues: [{ path: 'submittedAt', message: 'is required' }],
      }),
      importJobs.recordRow(job.id, { line: 3, status: 'existing', applicationId: 'csv:3' }),
    ]
    expect(await Promise.all(firstRun)).toEqual([true, true, true])

    // The process was killed here; the restarted job skips what is recorded and records the rest.
    const restarted = await importJobs.start(job.id, 5)
    expect(restarted.startedAt).toEqual(started.startedAt)
    expect(await importJobs.recordedLines(job.id)).toEqual(new Set([1, 2, 3]))
    expect(await importJobs.recordRow(job.id, { line: 3, status: 'existing', applicationId: 'csv:3' })).toBe(false)
    await importJobs.recordRow(job.id, { line: 4, status: 'created', applicationId: 'csv:4' })
    await importJobs.recordRow(job.id, { line: 5, status: 'failed', issues: { message: 'timeout' } })
    const finished = await importJobs.finish(job.id, { status: 'completed' })

    expect(finished).toMatchObject({
      status: 'completed',
      totalRows: 5,
      processedRows: 5,
      rowCounts: { created: 2, existing: 1, invalid: 1, failed: 1 },
    })
    expect(finished.finishedAt).toBeInstanceOf(Date)
    const firstPage = await importJobs.rows(job.id, {}, { limit: 2 })
    const secondPage = await importJobs.rows(job.id, {}, { limit: 10, after: firstPage.nextCursor ?? '' })
    expect([...firstPage.items, ...secondPage.items].map((row) => row.line)).toEqual([1, 2, 3, 4, 5])
    expect((await importJobs.rows(job.id, { status: 'invalid' })).items).toMatchObject([
      { line: 2, status: 'invalid', issues: [{ path: 'submittedAt', message: 'is required' }] },
    ])
    expect(firstPage.items[0]).not.toHaveProperty('issues')
  })

  it('refuses a row of a job that does not exist and reports unknown jobs', async () => {
    const { importJobs } = database.store
    await expect(
      importJobs.recordRow('00000000-0000-4000-8000-000000000000', { line: 1, status: 'created' }),
    ).rejects.toMatchObject({ code: 'invalid-reference' })
    expect(await importJobs.find('not-a-uuid')).toBeUndefined()
    await expect(importJobs.finish('not-a-uuid', { status: 'failed' })).rejects.toMatchObject({ code: 'not-found' })
  })
  it('records a batch of rows once, counting an application created by two rows of a file once', async () => {
    const { importJobs, importUploads } = database.store
    const job = await importJobs.create({ format: 'jsonl', createdBy: 'user:ana' })
    await importUploads.create({ jobId: job.id, contentType: 'application/x-ndjson', content: Buffer.from('{}\n') })
    await importUploads.stage(job.id, [
      { line: 1, sourceLine: 1, record: aRecord('b-1'), raw: { id: 'b-1' } },
      { line: 2, sourceLine: 2, record: aRecord('b-1'), raw: { id: 'b-1' } },
    ])
    await importJobs.start(job.id, 4)
    const first = await importJobs.recordRows(job.id, [
      { line: 1, sourceLine: 1, status: 'created', applicationId: 'b-1' },
      { line: 2, sourceLine: 2, status: 'created', applicationId: 'b-1' },
      { line: 3, sourceLine: 4, status: 'invalid', issues: [{ path: 'submittedAt', message: 'is required' }] },
    ])
    expect(first.recorded.map((row) => [row.line, row.status])).toEqual([
      [1, 'created'],
      [2, 'existing'],
      [3, 'invalid'],
    ])
    expect(first.job).toMatchObject({ status: 'running', processedRows: 3 })
    // A retried batch (its worker was killed after screening) records nothing twice, and a later row claiming the
    // same application as created is downgraded too.
    const again = await importJobs.recordRows(job.id, [
      { line: 1, sourceLine: 1, status: 'created', applicationId: 'b-1' },
      { line: 4, sourceLine: 5, status: 'created', applicationId: 'b-1' },
    ])
    expect(again.recorded.map((row) => [row.line, row.status])).toEqual([[4, 'existing']])
    expect(again.job).toMatchObject({
      status: 'completed',
      totalRows: 4,
      processedRows: 4,
      rowCounts: { created: 1, existing: 2, invalid: 1, failed: 0 },
    })
    expect(await importUploads.staged(job.id, 1, 10)).toEqual([])
    const rows = await importJobs.rows(job.id)
    expect(rows.items.map((row) => [row.line, row.sourceLine, row.status])).toEqual([
      [1, 1, 'created'],
      [2, 2, 'existing'],
      [3, 4, 'invalid'],
      [4, 5, 'existing'],
    ])
  })

  it('never revives an ended job: a late start or finish returns it as it is', async () => {
    const { importJobs } = database.store
    const job = await importJobs.create({ format: 'csv', createdBy: 'user:ana' })
    const cancelled = await importJobs.finish(job.id, { status: 'cancelled' })
    expect(cancelled.status).toBe('cancelled')
    expect(await importJobs.start(job.id, 10)).toMatchObject({ status: 'cancelled', totalRows: null })
    expect(await importJobs.finish(job.id, { status: 'completed' })).toMatchObject({ status: 'cancelled' })
    expect(await importJobs.completeIfDone(job.id)).toMatchObject({ status: 'cancelled' })
  })

  it('completes a running job only once every row is recorded', async () => {
    const { importJobs } = database.store
    const job = await importJobs.create({ format: 'csv', createdBy: 'user:ana' })
    expect((await importJobs.completeIfDone(job.id)).status).toBe('queued')
    await importJobs.start(job.id)
    expect((await importJobs.completeIfDone(job.id)).status).toBe('running')
    await importJobs.start(job.id, 0)
    expect((await importJobs.completeIfDone(job.id)).status).toBe('completed')
  })

  it('lists jobs newest first, a page at a time, and by status', async () => {
    const { importJobs } = database.store
    const made: ImportJob[] = []
    for (let index = 0; index < 5; index++) made.push(await importJobs.create({ format: 'csv', createdBy: 'user:li' }))
    await importJobs.finish(made[0]?.id ?? '', { status: 'failed', error: 'unreadable' })
    const seen: string[] = []
    let after: string | undefined
    for (let page = 0; page < 20; page++) {
      const listed = await importJobs.list({}, { limit: 2, ...(after === undefined ? {} : { after }) })
      seen.push(...listed.items.map((item) => item.id))
      after = listed.nextCursor
      if (after === undefined) break
    }
    const mine = seen.filter((id) => made.some((job) => job.id === id))
    // Newest means by creation time, then id, both descending: jobs made within one millisecond tie on time.
    const newestFirst = [...made].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    )
    expect(mine).toEqual(newestFirst.map((job) => job.id))
    expect(new Set(seen).size).toBe(seen.length)
    const failed = await importJobs.list({ status: 'failed' })
    expect(failed.items.map((item) => item.id)).toContain(made[0]?.id)
    expect(failed.items.every((item) => item.status === 'failed')).toBe(true)
  })

  it('names the applications an actor submitted, from the audit log', async () => {
    const { importJobs, audit } = database.store
    await audit.append({ actor: 'import:j-1', action: 'application.submitted', target: 'application:s-1' })
    await audit.append({ actor: 'import:j-2', action: 'application.submitted', target: 'application:s-2' })
    await audit.append({ actor: 'import:j-1', action: 'application.viewed', target: 'application:s-3' })
    expect(await importJobs.submittedBy('import:j-1', ['s-1', 's-2', 's-3', 's-4'])).toEqual(new Set(['s-1']))
    expect(await importJobs.submittedBy('import:j-1', [])).toEqual(new Set())
  })
})
