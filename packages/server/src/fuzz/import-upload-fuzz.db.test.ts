import { readFileSync } from 'node:fs'
import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createJobQueue } from '../jobs/create-job-queue.js'
import { workOnImports } from '../jobs/import/work-on-imports.js'
import type { JobQueue } from '../jobs/job-queue.js'
import { serverJobQueues } from '../jobs/server-jobs.js'
import type { ImportJobView, ImportRowView } from '../routes/imports/import-views.js'
import { registerImportRoutes } from '../routes/imports/register-import-routes.js'
import { createScreeningService } from '../screening/create-screening-service.js'
import type { ScreeningService } from '../screening/screening-service.js'
import { anApplicationRecord, testReference } from '../testing/application-fixtures.js'
import { openTestApp, type TestApp } from '../testing/test-app.js'
import { waitUntil } from '../testing/wait-until.js'
import { percentEncode } from './api-fuzz-targets.js'
import { checkApiResponse, prototypePollution } from './check-api-response.js'
import { fuzzOptionsFromEnv } from './fuzz-options.js'
import { hostileBody } from './hostile-body.js'
import { mutateJson } from './hostile-json.js'
import { byteOrderMarks, hostileByteSequences, hostileString } from './hostile-strings.js'
import type { FuzzFailure } from './run-api-fuzz.js'
import { seededRandom, type SeededRandom } from './seeded-random.js'

// `POST /v1/imports` end to end: hostile files and requests go in over HTTP, the workers read and screen what was
// accepted, and every job must end `completed` with each row created, existing or invalid with its field path.
const { seed, runs } = fuzzOptionsFromEnv(process.env, { seed: 20_260_323, runs: 100 })
const uploadLimitBytes = 512 * 1024

const csvText = readFileSync(new URL('../../../core/src/import/fixtures/applications.csv', import.meta.url), 'utf8')
const contentTypes = ['text/csv', 'application/x-ndjson', 'application/jsonl', 'application/json'] as const

/** One upload: the request, and what it is for the report. */
type Upload = {
  readonly url: string
  readonly headers: Record<string, string>
  readonly payload: Buffer
  readonly description: string
}

function anUpload(random: SeededRandom, caseNumber: number): Upload {
  const parts: string[] = []
  let url = '/v1/imports'
  if (random.chance(0.3)) {
    const name = hostileString(random)
    url += `?fileName=${percentEncode(name)}`
    parts.push(`fileName ${JSON.stringify(name).slice(0, 60)}`)
  } else if (random.chance(0.1)) {
    url += `?${random.pick(['__proto__[x]=1', 'constructor=1', 'fileName=a&fileName=b', 'fileName=%E0%A4%A', 'x=1'])}`
    parts.push(`query ${url.split('?')[1] ?? ''}`)
  }
  let contentType: string | undefined = random.pick(contentTypes)
  let payload: Buffer
  if (contentType === 'text/csv') {
    payload = hostileCsv(random, caseNumber)
    parts.push(`CSV ${payload.length} bytes`)
  } else {
    const records = Array.from({ length: 1 + random.int(4) }, (_, index) =>
      mutateJson(anApplicationRecord(`upload-${caseNumber}-${index}`), random),
    )
    const values = records.map((record) => record.value)
    if (contentType === 'application/json') {
      const body = hostileBody(values.length === 1 && random.chance(0.3) ? values[0] : values, random)
      payload = body.payload
      parts.push(`JSON ${body.kind}`)
    } else {
      const lines = values.map((value) => hostileBody(value, random).payload.toString('latin1').replaceAll('\n', ' '))
      payload = Buffer.from(lines.join(random.chance(0.3) ? '\r\n' : '\n'), 'latin1')
      parts.push('JSONL')
    }
    parts.push(records.flatMap((record) => record.mutations.map((mutation) => mutation.kind)).join(', '))
  }
  switch (random.int(10)) {
    case 0:
      payload = Buffer.alloc(0)
      parts.push('empty')
      break
    case 1:
      payload = Buffer.concat([payload, Buffer.alloc(uploadLimitBytes, 0x41)])
      parts.push('over the limit')
      break
    case 2:
      contentType = random.pick([undefined, 'text/plain', 'application/xml', 'multipart/form-data; boundary=x'])
      parts.push(`content-type ${contentType ?? 'missing'}`)
      break
    case 3:
      contentType = `${contentType}; charset=${random.pick(['utf-16', 'latin1', 'utf-8', '"weird'])}`
      parts.push(`content-type ${contentType}`)
      break
    default:
      break
  }
  return {
    url,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    payload,
    description: parts.join('; '),
  }
}

/** The fixture's rows with hostile cells, broken quoting, bytes that are not UTF-8 or a byte order mark. */
function hostileCsv(random: SeededRandom, caseNumber: number): Buffer {
  const lines = csvText.trimEnd().split('\n')
  const header = lines[0] ?? ''
  const columns = header.split(',').length
  const rows = [header]
  for (let row = 0; row < 1 + random.int(4); row += 1) {
    const cells = [`upload-${caseNumber}-csv-${row}`, '2026-03-02T15:04:05Z', 'Jordan Miller', 'jordan@gmail.com']
    while (cells.length < columns) cells.push('')
    for (let count = random.int(4); count > 0; count -= 1) cells[1 + random.int(columns - 1)] = hostileString(random)
    rows.push(cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(','))
  }
  let text = rows.join('\n')
  if (random.chance(0.15)) text += `\n"unterminated, ${hostileString(random)}`
  const bytes = Buffer.from(text, 'utf8')
  switch (random.int(5)) {
    case 0:
      return Buffer.concat([Buffer.from(random.pick(byteOrderMarks)), bytes])
    case 1: {
      const at = random.int(bytes.length)
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(random.pick(hostileByteSequences)), bytes.subarray(at)])
    }
    default:
      return bytes
  }
}

describe.each(storeTestTargets())('hostile uploads to POST /v1/imports on $name', (target) => {
  let test: TestApp
  let queue: JobQueue
  let screening: ScreeningService
  const serverFaults: string[] = []

  beforeAll(async () => {
    test = await openTestApp(target, {
      logLevel: 'error',
      logStream: { write: (line: string) => void serverFaults.push(line) },
    })
    queue = createJobQueue(test.store, {
      queues: serverJobQueues(),
      pollIntervalMs: 50,
      maintenanceIntervalSeconds: 1,
      onError: (error, where) => serverFaults.push(`job ${JSON.stringify(where)}: ${error.message}`),
    })
    await queue.start()
    await registerImportRoutes(test.app, { store: test.store, queue, uploadLimitBytes })
    await test.app.ready()
    screening = await createScreeningService({
      store: test.store,
      policy: defaultScoringPolicy,
      reference: testReference,
      onError: (error) => serverFaults.push(`screening: ${String(error)}`),
    })
    workOnImports(queue, { store: test.store, queue, screening, batchSize: 50 })
  }, openTimeoutMs)
  afterAll(async () => {
    await queue?.stop({ timeoutMs: 10_000 })
    await screening?.close()
    await test?.close()
  })

  it(
    `answers ${runs} generated uploads with 202 or a house 4xx, and every accepted job completes (seed ${seed})`,
    { timeout: 900_000 },
    async () => {
      const failures: FuzzFailure[] = []
      const accepted: { id: string; caseNumber: number; description: string }[] = []
      const statuses: Record<number, number> = {}
      for (let caseNumber = 0; caseNumber < runs; caseNumber += 1) {
        const upload = anUpload(seededRandom(seed * 1_000_039 + caseNumber), caseNumber)
        const response = await test.app.inject({
          method: 'POST',
          url: upload.url,
          headers: { ...test.keys.submit, ...upload.headers },
          payload: upload.payload,
        })
        statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1
        const violations = checkApiResponse(response)
        if (response.statusCode === 202) accepted.push({ id: response.json<ImportJobView>().id, caseNumber, ...upload })
        else if (response.statusCode < 400) violations.push(`answered ${response.statusCode}, not 202 or a 4xx`)
        const polluted = prototypePollution()
        if (polluted.length > 0) violations.push(`Object.prototype polluted: ${polluted.join(', ')}`)
        if (violations.length > 0)
          failures.push({ seed, caseNumber, target: 'POST /v1/imports', request: upload.description, violations })
      }

      for (const job of accepted) {
        const view = await waitUntil(
          `import ${job.id} to finish`,
          async () => {
            const response = await test.app.inject({
              method: 'GET',
              url: `/v1/imports/${job.id}`,
              headers: test.keys.read,
            })
            const body = response.json<ImportJobView>()
            return ['completed', 'failed', 'cancelled'].includes(body.status) && body
          },
          { timeoutMs: 300_000, intervalMs: 100 },
        )
        const violations: string[] = []
        if (view.status !== 'completed') violations.push(`the job ended ${view.status}`)
        if (view.rowCounts.failed > 0) violations.push(`${view.rowCounts.failed} rows failed in the pipeline`)
        const rows = await test.app.inject({
          method: 'GET',
          url: `/v1/imports/${job.id}/rows?limit=500`,
          headers: test.keys.read,
        })
        for (const row of rows.json<{ items: ImportRowView[] }>().items) {
          if (row.status !== 'invalid') continue
          if ((row.issues ?? []).length === 0) violations.push(`row ${row.row}: invalid without issues`)
          for (const issue of row.issues ?? []) {
            if (typeof issue.path !== 'string' || issue.path === '')
              violations.push(`row ${row.row}: an issue without a path`)
          }
        }
        if (violations.length > 0)
          failures.push({
            seed,
            caseNumber: job.caseNumber,
            target: 'import job',
            request: job.description,
            violations,
          })
      }
      if (process.env.FUZZ_RUNS !== undefined)
        console.info(target.name, JSON.stringify({ statuses, accepted: accepted.length }))
      expect(failures, serverFaults.slice(0, 5).join('\n')).toEqual([])
      expect(serverFaults).toEqual([])
      // The run reached the workers, and refused some uploads.
      expect(accepted.length).toBeGreaterThan(0)
      expect(Object.keys(statuses).some((status) => status.startsWith('4'))).toBe(true)
    },
  )
})
