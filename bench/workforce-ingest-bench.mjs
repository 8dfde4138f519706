// `npm run bench:workforce-ingest`: the after-hire pipeline over HTTP against a real PostgreSQL.
// 1. Creates a fresh database on the server DATABASE_URL names (default the local one), starts the service with the
//    workforce routes on 127.0.0.1 (in this process; the client below shares its two cores) and sends a generated
//    workforce's HR, shipment, MDM, payroll and osquery feeds.
// 2. Sends its sign-in events (Okta and Entra, as the vendors write them) as JSON Lines, BENCH_WF_BATCH events per
//    POST /v1/workforce/{okta,entra}, one request at a time, and reports events/s (each batch is imported, stored,
//    added to the evaluator, the changed employees assessed and their changed assessments stored before it answers).
// 3. Opens a second pipeline on the same database, as a restarted process would, and times its replay of every
//    stored record in time order; checks it finds the same farm clusters.
// BENCH_WF_KEYS=1 encrypts personal data with a key ring made for the run (as HIREWALL_DATA_KEYS would), else none.
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { defaultScoringPolicy } from '@hirewall/core'
import { loadPackagedIpDatabase, loadShippedNetworkClassification } from '@hirewall/intel'
import { buildServiceApp, createScreeningService, createWorkforceService, generateApiKey } from '@hirewall/server'
import { generateDataKeyRing, openStore } from '@hirewall/store'
import { generateWorkforce } from '@hirewall/synth'
import { createWorkforceEvaluator, loadShippedLists } from '@hirewall/workforce'

const serverUrl = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres'
const employees = Number(process.env.BENCH_WF_EMPLOYEES ?? 1000)
const days = Number(process.env.BENCH_WF_DAYS ?? 14)
const batchSize = Number(process.env.BENCH_WF_BATCH ?? 1000)
const isEncrypting = process.env.BENCH_WF_KEYS === '1'
const databaseName = 'hirewall_bench_workforce'

const admin = new pg.Client({ connectionString: serverUrl })
await admin.connect()
await admin.query(`drop database if exists ${databaseName} with (force)`)
await admin.query(`create database ${databaseName}`)
await admin.end()
const benchUrl = new URL(serverUrl)
benchUrl.pathname = `/${databaseName}`

const world = generateWorkforce({ employees, seed: 7, days })
const store = await openStore({
  databaseUrl: benchUrl.toString(),
  maxConnections: 10,
  dataKeys: isEncrypting ? generateDataKeyRing() : null,
})
console.error(`personal data ${isEncrypting ? 'encrypted with a key ring made for the run' : 'not encrypted'}`)
const network = { ranges: [loadShippedNetworkClassification()], ipDatabase: loadPackagedIpDatabase() }
const evaluatorOptions = {
  lists: loadShippedLists(),
  network,
  organisation: world.company,
  policy: defaultScoringPolicy,
}
const workforce = await createWorkforceService({
  store,
  createEvaluator: () => createWorkforceEvaluator(evaluatorOptions),
})
const { packagedReferenceData } = await import(
  new URL('../packages/cli/dist/reference/packaged-reference-data.js', import.meta.url).href
)
const screening = await createScreeningService({
  store,
  policy: defaultScoringPolicy,
  reference: packagedReferenceData(),
})
const app = await buildServiceApp({
  store,
  screening,
  publicOrigins: ['http://127.0.0.1'],
  console: false,
  env: {},
  workforce: { service: workforce },
  app: { logLevel: 'silent', processMetrics: false },
})
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
const key = generateApiKey()
await store.apiKeys.create({
  name: 'bench',
  prefix: key.prefix,
  keyHash: key.tokenHash,
  scopes: ['submit'],
  createdBy: 'bench',
})

async function send(feed, body, type) {
  const response = await globalThis.fetch(`${base}/v1/workforce/${feed}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key.token}`, 'content-type': type },
    body,
  })
  const report = await response.json()
  if (response.status !== 200) throw new Error(`${feed}: ${response.status} ${JSON.stringify(report).slice(0, 300)}`)
  if (report.rejected > 0) throw new Error(`${feed}: ${report.rejected} rows rejected`)
  return report
}

const loadBefore = loadavg()[0]
const setupStarted = performance.now()
for (const [feed, body] of [
  ['hires', world.hiresCsv],
  ['shipments', world.shipmentsCsv],
  ['devices', world.mdmCsv],
  ['payroll', world.payrollCsv],
]) {
  const started = performance.now()
  const report = await send(feed, body, 'text/csv')
  console.error(`${feed}: ${report.accepted} records in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
const osquery = [...world.osqueryLines()]
for (let index = 0; index < osquery.length; index += batchSize)
  await send('osquery', osquery.slice(index, index + batchSize).join('\n'), 'application/x-ndjson')
console.error(
  `osquery: ${osquery.length} results; setup took ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
)

let events = 0
let requests = 0
let assessed = 0
let casesRaised = 0
const batches = { okta: [], entra: [] }
const cpuBefore = process.cpuUsage()
const started = performance.now()
const flush = async (provider) => {
  if (batches[provider].length === 0) return
  const report = await send(provider, batches[provider].join('\n'), 'application/x-ndjson')
  events += report.accepted
  requests++
  assessed += report.assessed
  casesRaised += report.casesRaised.length
  batches[provider] = []
}
for (const event of world.signInLines()) {
  batches[event.provider].push(event.line)
  if (batches[event.provider].length === batchSize) await flush(event.provider)
}
await flush('okta')
await flush('entra')
const seconds = (performance.now() - started) / 1000
const cpu = process.cpuUsage(cpuBefore)
const cpuSeconds = (cpu.user + cpu.system) / 1e6
const farmsBefore = await workforce.farms()
const loadAfter = loadavg()[0]
console.log(
  `sign-ins: ${events} events in ${requests} requests of up to ${batchSize}: ${(events / seconds).toFixed(0)} events/s wall ` +
    `(${seconds.toFixed(1)} s; this process, server and client, used ${cpuSeconds.toFixed(1)} s of CPU: ` +
    `${(events / cpuSeconds).toFixed(0)} events per CPU second); ${assessed} assessment versions stored, ${casesRaised} cases raised; ` +
    `load average ${loadBefore.toFixed(1)} -> ${loadAfter.toFixed(1)}`,
)
const stored = await store.workforceRecords.lastSeq()
const replayCpuBefore = process.cpuUsage()
const second = await createWorkforceService({
  store,
  createEvaluator: () => createWorkforceEvaluator(evaluatorOptions),
})
const replayCpu = process.cpuUsage(replayCpuBefore)
console.log(
  `replay: ${second.lastReplay.records} stored records (${stored} seq) in ${(second.lastReplay.ms / 1000).toFixed(1)} s ` +
    `(${((replayCpu.user + replayCpu.system) / 1e6).toFixed(1)} s of CPU) ` +
    `(${(second.lastReplay.records / (second.lastReplay.ms / 1000)).toFixed(0)} records/s); ` +
    `farm clusters ${farmsBefore.length} before, ${(await second.farms()).length} after replay, same: ${
      JSON.stringify(farmsBefore) === JSON.stringify(await second.farms())
    }`,
)
await second.close()
await app.close()
await workforce.close()
await screening.close()
await store.close()
