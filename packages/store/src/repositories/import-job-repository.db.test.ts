import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'

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
})
