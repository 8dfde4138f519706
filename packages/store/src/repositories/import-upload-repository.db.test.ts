import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aRecord } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'

describe.each(storeTestTargets())('import uploads on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('keeps the bytes of an upload, reads them back in pieces and drops them when released', async () => {
    const { importJobs, importUploads } = database.store
    const job = await importJobs.create({ format: 'csv', fileName: 'march.csv', createdBy: 'user:ana' })
    const content = Buffer.from('application_id,submitted_at\nü-1,2026-03-02T15:04:05Z\n\u0000\u00ff', 'utf8')
    const upload = await importUploads.create({ jobId: job.id, contentType: 'text/csv', content })
    expect(upload).toEqual({
      jobId: job.id,
      contentType: 'text/csv',
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      hasContent: true,
      preparedAt: null,
    })
    const parts: Buffer[] = []
    for (let offset = 0; offset < content.length; offset += 10) {
      parts.push(await importUploads.readContent(job.id, offset, 10))
    }
    expect(Buffer.concat(parts)).toEqual(content)
    expect((await importUploads.readContent(job.id, content.length, 10)).length).toBe(0)

    await importUploads.markPrepared(job.id)
    expect((await importUploads.find(job.id))?.preparedAt).toBeInstanceOf(Date)
    await importUploads.release(job.id)
    expect(await importUploads.find(job.id)).toMatchObject({ hasContent: false, sizeBytes: content.length })
    expect((await importUploads.readContent(job.id, 0, 10)).length).toBe(0)
    expect(await importUploads.find('not-a-uuid')).toBeUndefined()
  })

  it('stages valid rows once and hands back a range in line order', async () => {
    const { importJobs, importUploads } = database.store
    const job = await importJobs.create({ format: 'jsonl', createdBy: 'user:ana' })
    const staged = [3, 1, 2, 5].map((line) => ({
      line,
      sourceLine: line + 1,
      record: aRecord(`st-${line}`),
      raw: { id: `st-${line}`, nested: [line] },
    }))
    await importUploads.stage(job.id, staged)
    await importUploads.stage(job.id, [{ ...staged[0]!, raw: { changed: true } }])
    const range = await importUploads.staged(job.id, 2, 4)
    expect(range).toEqual([
      { line: 2, sourceLine: 3, record: aRecord('st-2'), raw: { id: 'st-2', nested: [2] } },
      { line: 3, sourceLine: 4, record: aRecord('st-3'), raw: { id: 'st-3', nested: [3] } },
    ])
  })

  it('saves and replaces the progress of a background job', async () => {
    const { jobProgress } = database.store
    const jobId = '1b7e3c2a-5d4f-4e6a-9b8c-7d6e5f4a3b2c'
    expect(await jobProgress.find(jobId)).toBeUndefined()
    await jobProgress.save(jobId, 'rescreen', { after: 'a-100' })
    await jobProgress.save(jobId, 'rescreen', { after: 'a-200' })
    expect(await jobProgress.find(jobId)).toMatchObject({ jobId, queue: 'rescreen', progress: { after: 'a-200' } })
  })
})
