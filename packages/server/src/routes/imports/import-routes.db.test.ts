import { readFileSync } from 'node:fs'
import { defaultScoringPolicy } from '@hirewall/core'
import { openStore, openTimeoutMs, storeTestTargets, type Store } from '@hirewall/store'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createJobQueue } from '../../jobs/create-job-queue.js'
import { workOnImports } from '../../jobs/import/work-on-imports.js'
import type { JobQueue } from '../../jobs/job-queue.js'
import { serverJobQueues } from '../../jobs/server-jobs.js'
import { createScreeningService } from '../../screening/create-screening-service.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { anApplicationRecord, testReference } from '../../testing/application-fixtures.js'
import { testCsv } from '../../testing/import-test-files.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { waitUntil } from '../../testing/wait-until.js'
import type { ImportJobView, ImportRowView } from './import-views.js'
import { registerImportRoutes } from './register-import-routes.js'

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } }
type RowsPage = { items: ImportRowView[]; nextCursor: string | null }

/** A worker process: its own screening service and queue on a store (the test app's, or another on the server). */
type Worker = {
  readonly queue: JobQueue
  readonly screening: ScreeningService
  /** Batches it began and screened (calls of `submitMany` begun, and returned). */
  calls: number
  batches: number
  /** Batches waiting at its pause. */
  paused: number
  readonly release: () => void
}

const greenhouse = readFileSync(
  new URL('../../../../core/src/import/fixtures/greenhouse-webhook-new-candidate-application.json', import.meta.url),
)

async function applicationCount(store: Store): Promise<number> {
  const row = await store.db
    .selectFrom('applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

function upload(app: FastifyInstance, headers: AuthHeaders, body: Buffer, contentType: string, query = '') {
  return app.inject({
    method: 'POST',
    url: `/v1/imports${query}`,
    headers: { ...headers, 'content-type': contentType },
    payload: body,
  })
}

describe.each(storeTestTargets())('bulk imports on $name', (target) => {
  let test: TestApp
  const workers: Worker[] = []
  const extraStores: Store[] = []

  async function startWorker(
    store: Store,
    options: {
      readonly failAfterScreening?: number
      readonly pauseAfterBatches?: number
      readonly batchSize?: number
    } = {},
  ): Promise<Worker> {
    const screening = await createScreeningService({ store, policy: defaultScoringPolicy, reference: testReference })
    const queue = createJobQueue(store, {
      queues: serverJobQueues(),
      pollIntervalMs: 50,
      maintenanceIntervalSeconds: 1,
    })
    await queue.start()
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const worker: Worker = { queue, screening, calls: 0, batches: 0, paused: 0, release }
    // The real service, counted; optionally "killed" once right after a batch's screening committed, and held still
    // after some batches, as a process that stops in the middle of a job.
    let failures = options.failAfterScreening ?? 0
    workOnImports(queue, {
      store,
      queue,
      batchSize: options.batchSize ?? 100,
      screening: {
        submitMany: async (submissions) => {
          worker.calls += 1
          if (options.pauseAfterBatches !== undefined && worker.calls > options.pauseAfterBatches) {
            worker.paused += 1
            await released
          }
          const results = await screening.submitMany(submissions)
          worker.batches += 1
          if (failures > 0 && worker.batches >= 2) {
            failures -= 1
            throw new Error('the worker died after screening, before recording the rows')
          }
          return results
        },
      },
    })
    workers.push(worker)
    return worker
  }

  async function stopWorker(worker: Worker, timeoutMs = 10_000): Promise<void> {
    workers.splice(workers.indexOf(worker), 1)
    await worker.queue.stop({ timeoutMs })
    await worker.screening.close()
    // A batch held at the pause goes on into a closed service: it records nothing, its job was handed back.
    worker.release()
  }

  async function finished(id: string, headers: AuthHeaders = test.keys.read): Promise<ImportJobView> {
    return waitUntil(
      `import ${id} to finish`,
      async () => {
        const response = await test.app.inject({ method: 'GET', url: `/v1/imports/${id}`, headers })
        const job = response.json<ImportJobView>()
        return ['completed', 'failed', 'cancelled'].includes(job.status) && job
      },
      { timeoutMs: 170_000, intervalMs: 100 },
    )
  }

  async function allRows(id: string, status?: string): Promise<ImportRowView[]> {
    const rows: ImportRowView[] = []
    let after: string | null = null
    for (let page = 0; page < 100; page += 1) {
      const query: URLSearchParams = new URLSearchParams({
        limit: '500',
        ...(status ? { status } : {}),
        ...(after ? { after } : {}),
      })
      const response: LightMyRequestResponse = await test.app.inject({
        method: 'GET',
        url: `/v1/imports/${id}/rows?${query.toString()}`,
        headers: test.keys.read,
      })
      expect(response.statusCode).toBe(200)
      const body: RowsPage = response.json<RowsPage>()
      rows.push(...body.items)
      after = body.nextCursor
      if (after === null) break
    }
    return rows
  }

  beforeAll(async () => {
    // The gauge reads the routes' queue, made after the app.
    const routes: { queue?: JobQueue } = {}
    test = await openTestApp(target, { queueDepth: () => routes.queue?.depth() ?? Promise.resolve({}) })
    const queue = createJobQueue(test.store, { queues: serverJobQueues() })
    routes.queue = queue
    await queue.start()
    await registerImportRoutes(test.app, { store: test.store, queue, uploadLimitBytes: 4 * 1024 * 1024 })
    await test.app.ready()
  }, openTimeoutMs)
  afterEach(async () => {
    for (const worker of [...workers]) await stopWorker(worker)
    for (const store of extraStores.splice(0)) await store.close()
    // An import a failed test left running must not be screened by the next test's workers.
    for (const status of ['queued', 'running'] as const) {
      for (const job of (await test.store.importJobs.list({ status }, { limit: 500 })).items) {
        await test.store.importJobs.finish(job.id, { status: 'cancelled' })
      }
    }
  })
  afterAll(() => test.close())

  it('imports a 2,000-row CSV: exact counts, each invalid row with its line and field path', async () => {
    await startWorker(test.store)
    const file = testCsv(2000, 'big')
    const before = await applicationCount(test.store)
    const response = await upload(test.app, test.keys.submit, file.bytes, 'text/csv', '?fileName=march.csv')
    expect(response.statusCode).toBe(202)
    const accepted = response.json<ImportJobView>()
    expect(response.headers.location).toBe(`/v1/imports/${accepted.id}`)
    expect(accepted).toMatchObject({ status: 'queued', format: 'csv', fileName: 'march.csv', totalRows: null })
    expect(accepted.upload).toMatchObject({ contentType: 'text/csv', sizeBytes: file.bytes.length })

    const job = await finished(accepted.id)
    expect(job).toMatchObject({
      status: 'completed',
      totalRows: 2000,
      processedRows: 2000,
      rowCounts: { created: file.created, existing: file.existing, invalid: file.invalid.size, failed: 0 },
    })
    expect(file.invalid.size).toBeGreaterThan(20)
    expect(await applicationCount(test.store)).toBe(before + file.created)

    const invalid = await allRows(accepted.id, 'invalid')
    expect(invalid.map((row) => [row.row, row.line, row.issues?.map((issue) => issue.path)])).toEqual(
      [...file.invalid].map(([row, { line, path }]) => [row, line, [path]]),
    )
    const rows = await allRows(accepted.id)
    expect(rows.map((row) => row.row)).toEqual(Array.from({ length: 2000 }, (_, index) => index + 1))
    const stored = await test.store.applications.find('big-1')
    expect(stored?.raw).toMatchObject({ application_id: 'big-1', country: 'US', utc_offset_minutes: '-480' })
    // The upload is dropped once the job is over; what it was stays.
    expect(await test.store.importUploads.find(accepted.id)).toMatchObject({ hasContent: false })

    // The same file again: a new job whose rows all exist already, and nothing new is stored.
    const again = await upload(test.app, test.keys.submit, file.bytes, 'text/csv')
    const repeated = await finished(again.json<ImportJobView>().id)
    expect(repeated.rowCounts).toEqual({
      created: 0,
      existing: file.created + file.existing,
      invalid: file.invalid.size,
      failed: 0,
    })
    expect(await applicationCount(test.store)).toBe(before + file.created)
  }, 300_000)

  it('finishes a job whose worker stopped mid-way, counting each row once', async () => {
    // The first worker dies once right after a batch's screening committed, before recording its rows, then stops
    // while it is in the middle of the job (its running batches are handed back); a second worker finishes it.
    const first = await startWorker(test.store, { failAfterScreening: 1, pauseAfterBatches: 4, batchSize: 50 })
    const file = testCsv(600, 'resume')
    const before = await applicationCount(test.store)
    const id = (await upload(test.app, test.people.analyst, file.bytes, 'text/csv')).json<ImportJobView>().id
    await waitUntil('the first worker to stop mid-way', () => first.batches === 4 && first.paused > 0)
    await stopWorker(first, 200)
    const progress = await test.store.importJobs.find(id)
    expect(progress?.status).toBe('running')
    expect(progress?.processedRows).toBeLessThan(600)
    await startWorker(test.store, { batchSize: 50 })
    const job = await finished(id)
    expect(job).toMatchObject({
      status: 'completed',
      processedRows: 600,
      rowCounts: { created: file.created, existing: file.existing, invalid: file.invalid.size, failed: 0 },
    })
    expect(await applicationCount(test.store)).toBe(before + file.created)
    const rows = await allRows(id)
    expect(rows.map((row) => row.row)).toEqual(Array.from({ length: 600 }, (_, index) => index + 1))
    expect(new Set(rows.filter((row) => row.status === 'created').map((row) => row.applicationId)).size).toBe(
      file.created,
    )
  }, 300_000)

  it.skipIf(target.name !== 'postgres')(
    'shares one import between two worker processes',
    async () => {
      const server = test.store.target
      if (server.kind !== 'postgres') throw new Error('runs on the server target only')
      // A second process: its own pool, screening service and queue against the same database.
      const secondStore = await openStore({ databaseUrl: server.url, env: {}, maxConnections: 4 })
      extraStores.push(secondStore)
      const first = await startWorker(test.store, { batchSize: 25 })
      const second = await startWorker(secondStore, { batchSize: 25 })
      const file = testCsv(500, 'shared')
      const before = await applicationCount(test.store)
      const id = (await upload(test.app, test.keys.submit, file.bytes, 'text/csv')).json<ImportJobView>().id
      const job = await finished(id)
      expect(job).toMatchObject({
        status: 'completed',
        processedRows: 500,
        rowCounts: { created: file.created, existing: file.existing, invalid: file.invalid.size, failed: 0 },
      })
      expect(await applicationCount(test.store)).toBe(before + file.created)
      // Every batch was screened once, by one of the two.
      expect(first.batches + second.batches).toBe(Math.ceil((500 - file.invalid.size) / 25))
      expect(first.batches).toBeGreaterThan(0)
      expect(second.batches).toBeGreaterThan(0)
    },
    300_000,
  )

  it('reads JSONL and JSON arrays, vendor payloads included, keeping each value as the raw payload', async () => {
    await startWorker(test.store)
    const record = (id: string) => ({
      schemaVersion: 1,
      id,
      submittedAt: '2026-03-02T15:04:05Z',
      source: { system: 'json' },
      cv: { basics: { name: 'Jordan Miller', email: `${id}@example.com` } },
    })
    const jsonl = `${JSON.stringify(record('jl-1'))}\nnot json\n\n${greenhouse.toString('utf8').replaceAll('\n', ' ')}\n`
    const fromJsonl = await finished(
      (await upload(test.app, test.keys.submit, Buffer.from(jsonl), 'application/x-ndjson')).json<ImportJobView>().id,
    )
    expect(fromJsonl).toMatchObject({ format: 'jsonl', totalRows: 3, rowCounts: { created: 2, invalid: 1 } })
    const [bad] = await allRows(fromJsonl.id, 'invalid')
    expect(bad).toMatchObject({ row: 2, line: 2, issues: [{ path: '(line)' }] })
    expect((await test.store.applications.find('jl-1'))?.raw).toEqual(record('jl-1'))
    expect((await test.store.applications.find('greenhouse:71980812'))?.raw).toEqual(JSON.parse(greenhouse.toString()))

    const array = Buffer.from(JSON.stringify([record('ja-1'), { nothing: 'here' }, record('ja-3')]))
    const fromArray = await finished(
      (await upload(test.app, test.keys.admin, array, 'application/json; charset=utf-8')).json<ImportJobView>().id,
    )
    expect(fromArray).toMatchObject({ format: 'json', totalRows: 3, rowCounts: { created: 2, invalid: 1 } })
    expect((await allRows(fromArray.id, 'invalid')).map((row) => [row.row, row.line])).toEqual([[2, 2]])
  }, 120_000)

  it('takes the file as bytes: a row holding text the database cannot store is invalid, the others import', async () => {
    await startWorker(test.store)
    const csv = Buffer.from(
      'application_id,submitted_at,name\nnul-1,2026-03-02T15:04:05Z,Kim\u0000Lee\nnul-2,2026-03-02T15:04:05Z,Ana Silva\n',
    )
    const response = await upload(test.app, test.keys.submit, csv, 'text/csv')
    expect(response.statusCode).toBe(202)
    const job = await finished(response.json<ImportJobView>().id)
    expect(job.rowCounts).toEqual({ created: 1, existing: 0, invalid: 1, failed: 0 })
    const [invalid] = await allRows(job.id, 'invalid')
    expect(invalid).toMatchObject({ row: 1, line: 2, issues: [{ path: 'cv.basics.name' }] })
  })

  it('stores an invalid row whose issue quotes a key with U+0000 (the whole import failed on it)', async () => {
    await startWorker(test.store)
    // A valid record but for one unknown key with U+0000 in its name: the issue names the key.
    const withKey = JSON.stringify(anApplicationRecord('nul-key-1')).replace(/}$/, ',"nick\\u0000name":"x"}')
    const jsonl = Buffer.from(`${withKey}\n${JSON.stringify(anApplicationRecord('nul-key-2'))}\n`)
    const response = await upload(test.app, test.keys.submit, jsonl, 'application/x-ndjson')
    expect(response.statusCode).toBe(202)
    const job = await finished(response.json<ImportJobView>().id)
    expect(job.status).toBe('completed')
    expect(job.rowCounts).toMatchObject({ created: 1, invalid: 1, failed: 0 })
    const [quoting] = await allRows(job.id, 'invalid')
    expect(JSON.stringify(quoting?.issues)).toContain('nick\ufffdname')
  })

  it("proves each role's limits", async () => {
    const body = Buffer.from(`${JSON.stringify({ schemaVersion: 1 })}\n`)
    const statuses = async (headers: AuthHeaders) => {
      const posted = await upload(test.app, headers, body, 'application/x-ndjson')
      const listed = await test.app.inject({ method: 'GET', url: '/v1/imports', headers })
      return [posted.statusCode, listed.statusCode]
    }
    expect(await statuses({})).toEqual([401, 401])
    expect(await statuses(test.keys.read)).toEqual([403, 200])
    expect(await statuses(test.keys.submit)).toEqual([202, 403])
    expect(await statuses(test.keys.admin)).toEqual([202, 200])
    expect(await statuses(test.people.viewer)).toEqual([403, 200])
    expect(await statuses(test.people.analyst)).toEqual([202, 200])
    expect(await statuses(test.people.admin)).toEqual([202, 200])
    const id = (await upload(test.app, test.keys.submit, body, 'application/x-ndjson')).json<ImportJobView>().id
    for (const [headers, status] of [
      [test.people.viewer, 403],
      [test.keys.read, 403],
      [{}, 401],
    ] as const) {
      const cancel = await test.app.inject({ method: 'POST', url: `/v1/imports/${id}/cancel`, headers })
      expect(cancel.statusCode).toBe(status)
    }
    const rows = await test.app.inject({ method: 'GET', url: `/v1/imports/${id}/rows`, headers: test.keys.submit })
    expect(rows.statusCode).toBe(403)
  })

  it('refuses bad uploads with a clear 4xx naming what is wrong', async () => {
    const empty = await upload(test.app, test.keys.submit, Buffer.alloc(0), 'text/csv')
    expect(empty.statusCode).toBe(400)
    expect(empty.json<ErrorBody>().error.code).toBe('BAD_REQUEST')
    const xml = await upload(test.app, test.keys.submit, Buffer.from('<a/>'), 'application/xml')
    expect(xml.statusCode).toBe(415)
    expect(xml.json<ErrorBody>().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    const huge = await upload(test.app, test.keys.submit, Buffer.alloc(4 * 1024 * 1024 + 1, 0x61), 'text/csv')
    expect(huge.statusCode).toBe(413)
    expect(huge.json<ErrorBody>().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { limitBytes: 4 * 1024 * 1024 },
    })
    const longName = await upload(
      test.app,
      test.keys.submit,
      Buffer.from('a\n'),
      'text/csv',
      `?fileName=${'x'.repeat(300)}`,
    )
    expect(longName.statusCode).toBe(400)
    expect(longName.json<ErrorBody>().error.details).toMatchObject({ issues: [{ path: 'querystring.fileName' }] })
    const unknown = await test.app.inject({
      method: 'GET',
      url: '/v1/imports/7b0e1c9a-0000-4000-8000-000000000000',
      headers: test.keys.read,
    })
    expect(unknown.statusCode).toBe(404)
    const badStatus = await test.app.inject({
      method: 'GET',
      url: '/v1/imports/7b0e1c9a-0000-4000-8000-000000000000/rows?status=lost',
      headers: test.keys.read,
    })
    expect(badStatus.statusCode).toBe(400)
    expect(badStatus.json<ErrorBody>().error.details).toMatchObject({ issues: [{ path: 'querystring.status' }] })
  })

  it('cancels a queued import, which then screens nothing, and refuses to cancel a finished one', async () => {
    // No worker runs: the upload waits in the queue until cancelled.
    const file = testCsv(30, 'cancelled')
    const id = (await upload(test.app, test.keys.submit, file.bytes, 'text/csv')).json<ImportJobView>().id
    const metrics = (await test.app.inject({ method: 'GET', url: '/metrics' })).body
    expect(metrics).toMatch(/^hirewall_queue_depth\{queue="import-prepare"\} [1-9]/m)
    const cancel = await test.app.inject({
      method: 'POST',
      url: `/v1/imports/${id}/cancel`,
      headers: test.people.analyst,
    })
    expect(cancel.statusCode).toBe(200)
    expect(cancel.json<ImportJobView>()).toMatchObject({ status: 'cancelled', processedRows: 0 })
    const again = await test.app.inject({ method: 'POST', url: `/v1/imports/${id}/cancel`, headers: test.keys.submit })
    expect(again.json<ImportJobView>().status).toBe('cancelled')
    const audit = await test.store.audit.list({ action: 'import.cancelled', target: `import:${id}` })
    expect(audit.items.map((entry) => entry.actor)).toEqual([`user:${test.people.analyst.userId}`])

    await startWorker(test.store)
    const small = Buffer.from(
      `${JSON.stringify({ schemaVersion: 1, id: 'after-cancel', submittedAt: '2026-03-02T15:04:05Z', source: { system: 'json' }, cv: {} })}\n`,
    )
    const done = await finished(
      (await upload(test.app, test.keys.submit, small, 'application/x-ndjson')).json<ImportJobView>().id,
    )
    expect(done.status).toBe('completed')
    expect(await test.store.applications.find('cancelled-1')).toBeUndefined()
    expect((await test.store.importJobs.find(id))?.processedRows).toBe(0)
    const late = await test.app.inject({
      method: 'POST',
      url: `/v1/imports/${done.id}/cancel`,
      headers: test.keys.admin,
    })
    expect(late.statusCode).toBe(409)
    expect(late.json<ErrorBody>().error).toMatchObject({ code: 'CONFLICT', details: { status: 'completed' } })
  }, 120_000)
})
