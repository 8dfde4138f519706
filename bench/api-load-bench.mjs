// `npm run bench:api`: sustained single submissions over HTTP against a real PostgreSQL, into a pool of 100,000.
// 1. Creates a fresh database on the server DATABASE_URL names (default the local one) and fills the pool in-process
//    through the screening pipeline (the first BENCH_API_POOL applications of one generated world).
// 2. Starts `hirewall serve` on it as a child process (API only, no intel cache: the figures measure the service, not
//    the reference data loaded) and times how long it takes to be ready (it rebuilds the identity graph's memory).
// 3. From this process (a second one, on 127.0.0.1), autocannon POSTs the world's next applications one per request
//    with an API key, BENCH_API_CONNECTIONS at a time for BENCH_API_SECONDS, and reports screenings/s and latency.
// 4. Checks by count: no application is stored twice, every one answered 201 is stored, and nothing beyond what was
//    sent is stored (requests still in flight when the load stops are answered after autocannon stops listening, so
//    the stored count lies between the 201s and the requests sent).
// 5. Reports what each screening cost, comparable across runs even on a loaded machine: the server process's CPU
//    (utime + stime from /proc; stime, the kernel's part, also alone) and what it wrote and read (sockets included: the HTTP responses, the SQL sent and
//    the requests and rows received), the CPU of the PostgreSQL backends serving the bench database (from /proc, by the pids
//    pg_stat_activity lists; the server's shared background processes are not counted), the SQL statements the server
//    sent (counted in its pg client by count-sql-statements.mjs, transaction control included) and the transactions
//    committed in the bench database (pg_stat_database), each per application stored during the load.
// BENCH_API_SERVER_FLAGS adds Node flags to the server (e.g. `--cpu-prof --cpu-prof-dir=prof` to profile it).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import pg from 'pg'
import { defaultScoringPolicy } from '@hirewall/core'
import { createScreeningService, generateApiKey } from '@hirewall/server'
import { formatDataKeyRing, generateDataKeyRing, openStore } from '@hirewall/store'
import { generateApplications } from '@hirewall/synth'

const root = fileURLToPath(new URL('..', import.meta.url))
const serverUrl = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres'
const pool = Number(process.env.BENCH_API_POOL ?? 100_000)
const seconds = Number(process.env.BENCH_API_SECONDS ?? 30)
const connections = Number(process.env.BENCH_API_CONNECTIONS ?? 64)
const port = Number(process.env.BENCH_API_PORT ?? 18_431)
const loadRecords = Number(process.env.BENCH_API_REQUESTS ?? Math.max(20_000, seconds * 3_000))
const databaseName = 'hirewall_bench_api'

const admin = new pg.Client({ connectionString: serverUrl })
await admin.connect()
await admin.query(`drop database if exists ${databaseName} with (force)`)
await admin.query(`create database ${databaseName}`)
await admin.end()
const benchUrl = new URL(serverUrl)
benchUrl.pathname = `/${databaseName}`
const databaseUrl = benchUrl.toString()

// One world: the pool first, then the applications the load sends, so new ones link to the stored pool.
const world = generateApplications({ count: pool + loadRecords, seed: 2026 })[Symbol.iterator]()
const { reference } = await import(`${root}packages/cli/dist/reference/packaged-reference-data.js`).then((module) => ({
  reference: module.packagedReferenceData(),
}))

console.error(`Filling a pool of ${pool} applications in ${databaseName} ...`)
const fillStarted = performance.now()
const store = await openStore({ databaseUrl, maxConnections: 10 })
const service = await createScreeningService({ store, policy: defaultScoringPolicy, reference })
let batch = []
let filled = 0
// Pulled one at a time: a for-of that breaks would close the generator the load still needs.
while (filled + batch.length < pool) {
  const { value: record, done } = world.next()
  if (done) break
  batch.push({ record, raw: record, actor: 'bench:fill' })
  if (batch.length === 500) {
    await service.submitMany(batch)
    filled += batch.length
    batch = []
    if (filled % 20_000 === 0) console.error(`  ${filled}`)
  }
}
if (batch.length > 0) await service.submitMany(batch)
const fillSeconds = (performance.now() - fillStarted) / 1000
const key = generateApiKey()
await store.apiKeys.create({
  name: 'bench',
  prefix: key.prefix,
  keyHash: key.tokenHash,
  scopes: ['submit'],
  createdBy: 'bench',
})
await service.close()
await store.close()

const bodies = []
for (let item = world.next(); !item.done; item = world.next()) bodies.push(JSON.stringify(item.value))
console.error(`Pool filled in ${fillSeconds.toFixed(1)} s; ${bodies.length} applications ready to send.`)

const countDirectory = mkdtempSync(join(tmpdir(), 'hirewall-bench-api-'))
const countFile = join(countDirectory, 'statements.json')
const serverStarted = performance.now()
const server = spawn(
  process.execPath,
  [
    '--import',
    `${root}bench/count-sql-statements.mjs`,
    ...(process.env.BENCH_API_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []),
    `${root}packages/cli/bin/hirewall.js`,
    'serve',
    '--port',
    String(port),
    '--no-console',
    '--no-intel',
    '--log-level',
    'warn',
    '--submissions-per-minute',
    '100000000',
  ],
  {
    // A server refuses to store personal data unencrypted: the run's own throwaway keys.
    env: {
      ...process.env,
      ...formatDataKeyRing(generateDataKeyRing()),
      DATABASE_URL: databaseUrl,
      BENCH_SQL_COUNT_FILE: countFile,
    },
    stdio: ['ignore', 'inherit', 'pipe'],
  },
)
let serverLog = ''
server.stderr.on('data', (chunk) => (serverLog += chunk))
await waitForReady(`http://127.0.0.1:${port}/readyz`)
const readySeconds = (performance.now() - serverStarted) / 1000
console.error(`Server ready in ${readySeconds.toFixed(1)} s (identity graph rebuilt from ${pool} applications).`)

const monitor = new pg.Client({ connectionString: serverUrl })
await monitor.connect()
let next = 0
const statusCounts = {}
const loadBefore = loadavg()[0]
const costBefore = await readCosts()
const result = await run({
  url: `http://127.0.0.1:${port}`,
  connections,
  duration: seconds,
  headers: { authorization: `Bearer ${key.token}`, 'content-type': 'application/json' },
  requests: [
    {
      method: 'POST',
      path: '/v1/applications',
      setupRequest: (request) => {
        if (next >= bodies.length) throw new Error('ran out of applications: raise BENCH_API_REQUESTS')
        return { ...request, body: bodies[next++] }
      },
    },
  ],
})
const loadAfter = loadavg()[0]
// The requests in flight when the load stopped are still screened: the costs are read once they are, and divided by
// every screening stored during the load.
await sleep(2000)
const costAfter = await readCosts()
await monitor.end()
server.kill('SIGTERM')
await once(server, 'exit')

const check = new pg.Client({ connectionString: databaseUrl })
await check.connect()
const stored = Number((await check.query('select count(*) from applications')).rows[0].count)
const duplicates = Number(
  (
    await check.query(
      'select count(*) from (select idempotency_key from applications group by 1 having count(*) > 1) d',
    )
  ).rows[0].count,
)
await check.end()
rmSync(countDirectory, { recursive: true, force: true })

const created = statusCounts[201] ?? 0
const screenedDuringLoad = stored - pool
const perScreening = (value) => (screenedDuringLoad <= 0 ? null : round(value / screenedDuringLoad, 3))
const report = {
  pool,
  connections,
  seconds,
  fillSeconds: round(fillSeconds),
  fillPerSecond: Math.round(pool / fillSeconds),
  serverReadySeconds: round(readySeconds),
  requests: result.requests.total,
  statusCounts,
  errors: result.errors,
  timeouts: result.timeouts,
  screeningsPerSecond: Math.round(created / seconds),
  latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  countCheck: {
    storedAfter: stored,
    answered201: created,
    sent: next,
    inFlightAtStop: stored - pool - created,
    exactlyOnce: duplicates === 0 && stored >= pool + created && stored <= pool + next,
    duplicateKeys: duplicates,
  },
  perScreening: {
    serverCpuMs: perScreening(costAfter.serverCpuMs - costBefore.serverCpuMs),
    serverSystemCpuMs: perScreening(costAfter.serverSystemCpuMs - costBefore.serverSystemCpuMs),
    postgresCpuMs: perScreening(postgresCpuMsBetween(costBefore.postgresCpuMs, costAfter.postgresCpuMs)),
    loadGeneratorCpuMs: perScreening(costAfter.loadGeneratorCpuMs - costBefore.loadGeneratorCpuMs),
    serverWrittenKb: perScreening(costAfter.serverIo.writtenKb - costBefore.serverIo.writtenKb),
    serverWriteCalls: perScreening(costAfter.serverIo.writes - costBefore.serverIo.writes),
    serverReadKb: perScreening(costAfter.serverIo.readKb - costBefore.serverIo.readKb),
    sqlStatements: perScreening(costAfter.statements - costBefore.statements),
    transactions: perScreening(costAfter.transactions - costBefore.transactions),
  },
  loadAverage: { before: round(loadBefore), after: round(loadAfter) },
}
console.log(JSON.stringify(report, null, 2))
if (!report.countCheck.exactlyOnce) {
  console.error(serverLog.slice(-4000))
  process.exitCode = 1
}

/** CPU used so far by the server, the bench database's backends and this process; statements and commits so far. */
async function readCosts() {
  const backends = await monitor.query('select pid from pg_stat_activity where datname = $1', [databaseName])
  const postgresCpuMs = new Map(backends.rows.map(({ pid }) => [pid, processCpuMs(pid)]))
  const commits = await monitor.query('select xact_commit from pg_stat_database where datname = $1', [databaseName])
  const { user, system } = process.cpuUsage()
  return {
    serverCpuMs: processCpuMs(server.pid),
    serverSystemCpuMs: processCpuMs(server.pid, 'system'),
    serverIo: processIo(server.pid),
    postgresCpuMs,
    loadGeneratorCpuMs: (user + system) / 1000,
    statements: await readStatementCount(),
    transactions: Number(commits.rows[0].xact_commit),
  }
}

/** utime + stime of a process in ms (clock ticks of 10 ms), or stime alone; 0 for one that has exited. */
function processCpuMs(pid, part = 'all') {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((part === 'system' ? 0 : Number(fields[11])) + Number(fields[12])) * 10
  } catch {
    return 0
  }
}

/** Bytes and system calls a process has written and read so far (sockets included), from /proc/<pid>/io. */
function processIo(pid) {
  const io = Object.fromEntries(
    readFileSync(`/proc/${pid}/io`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(': '))
      .map(([name, value]) => [name, Number(value)]),
  )
  return { writtenKb: io.wchar / 1024, writes: io.syscw, readKb: io.rchar / 1024, reads: io.syscr }
}

/** Backends that started during the load count from zero; one that ended during it is lost (the pool keeps them). */
function postgresCpuMsBetween(before, after) {
  let total = 0
  for (const [pid, cpuMs] of after) total += cpuMs - (before.get(pid) ?? 0)
  return total
}

async function readStatementCount() {
  let previous = 0
  try {
    previous = JSON.parse(readFileSync(countFile, 'utf8')).reading
  } catch {
    // no reading yet
  }
  server.kill('SIGUSR2')
  for (let attempt = 0; attempt < 200; attempt++) {
    await sleep(10)
    try {
      const count = JSON.parse(readFileSync(countFile, 'utf8'))
      if (count.reading > previous) return count.statements
    } catch {
      // not written yet, or half written
    }
  }
  throw new Error('the server did not report its statement count')
}

function run(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, finished) => (error ? reject(error) : resolve(finished)))
    instance.on('response', (_client, statusCode) => {
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1
    })
  })
}

async function waitForReady(url) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server exited: ${serverLog.slice(-2000)}`)
    try {
      if ((await globalThis.fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await sleep(500)
  }
  throw new Error(`the server was not ready after 300 s: ${serverLog.slice(-2000)}`)
}

function round(value, digits = 2) {
  return Math.round(value * 10 ** digits) / 10 ** digits
}
