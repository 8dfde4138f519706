// `npm run fault:pg-restart`: restart the PostgreSQL server while `hirewall serve` takes submissions at a steady rate,
// and show by count that nothing was lost or stored twice (docs/faults.md, "PostgreSQL restarted mid-load").
// 1. Works out how to restart the server DATABASE_URL names (default the local one): FAULT_PG_RESTART (a shell
//    command), else `pg_ctlcluster <version> <cluster> restart` for the local cluster on that port. When it cannot, it
//    says so and exits 2 before doing anything.
// 2. Creates a fresh database, an API key in it, and starts `hirewall serve` on it (API only, no intel cache).
// 3. Submits FAULT_RATE applications a second for FAULT_SECONDS, each under its own Idempotency-Key, and restarts
//    PostgreSQL FAULT_RESTART_AT seconds in. The server is not restarted.
// 4. Retries every submission that was not answered 201 with the same key until it is answered 200 or 201.
// 5. Checks: no 5xx but 503 UNAVAILABLE, no dropped connection, every key stored once, one result and one audit entry
//    each, the server process the same and ready. Exits 1 when a check fails. Drops the database (FAULT_KEEP=1 keeps it).
/* global fetch -- Node 20's own */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import {
  checker,
  clock,
  countIn,
  createFaultDatabase,
  generatedApplications,
  loadAverage,
  numberSetting,
  percentile,
  run,
  serverUrl,
  startServer,
  submit,
} from './fault-harness.mjs'

const rate = numberSetting('FAULT_RATE', 10)
const durationSeconds = numberSetting('FAULT_SECONDS', 60)
const restartAt = numberSetting('FAULT_RESTART_AT', 20)
const port = numberSetting('FAULT_PORT', 18_433)
const maxInFlight = 400
const { seconds, say } = clock()

const restart = await restartCommand()
if (restart === undefined) process.exit(2)
say(`restarts PostgreSQL with: ${restart.join(' ')}`)

const count = Math.round(rate * durationSeconds)
const database = await createFaultDatabase(`hirewall_fault_pg_${process.pid}`, ['submit', 'read'])
const work = await mkdtemp(join(tmpdir(), 'hirewall-fault-'))
const { check, failures } = checker()
let server
try {
  say(`generating ${count} applications ...`)
  const records = await generatedApplications(join(work, 'world.jsonl'), count, 11)
  server = await startServer({ label: 'server', port, databaseUrl: database.databaseUrl })
  const serverPid = server.child.pid
  const startedBefore = await postmasterStart()
  say(`the server is ready; submitting ${rate}/s for ${durationSeconds} s, restarting PostgreSQL at ${restartAt} s`)

  const answers = new Array(count)
  const inFlight = new Set()
  const loadStarted = performance.now()
  let restartWindow
  const restarting = (async () => {
    await sleep(restartAt * 1000)
    const begun = performance.now()
    say('restarting PostgreSQL ...')
    await run(restart[0], restart.slice(1))
    restartWindow = { begun, ended: performance.now() }
    say(`PostgreSQL is back after ${((restartWindow.ended - begun) / 1000).toFixed(1)} s`)
  })()
  for (let index = 0; index < count; index += 1) {
    const due = loadStarted + (index * 1000) / rate
    const wait = due - performance.now()
    if (wait > 0) await sleep(wait)
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight)
    const request = submit(server.base, database.auth, records[index], `fault-pg-${index}`).then((answer) => {
      answers[index] = answer
      inFlight.delete(request)
    })
    inFlight.add(request)
  }
  await Promise.all(inFlight)
  await restarting
  const loadEnded = performance.now()
  say(`submitted ${count} in ${((loadEnded - loadStarted) / 1000).toFixed(1)} s; retrying the ones not stored ...`)

  // The client's side of the contract: anything but 201 is sent again with the same key until it is answered.
  const retried = { created: 0, existing: 0, rounds: 0 }
  let pending = answers.map((answer, index) => ({ answer, index })).filter(({ answer }) => answer.status !== 201)
  const retryStatuses = {}
  for (let round = 0; round < 30 && pending.length > 0; round += 1) {
    retried.rounds = round + 1
    const next = []
    for (const { index } of pending) {
      const again = await submit(server.base, database.auth, records[index], `fault-pg-${index}`)
      retryStatuses[again.status] = (retryStatuses[again.status] ?? 0) + 1
      if (again.status === 201) retried.created += 1
      else if (again.status === 200) retried.existing += 1
      else next.push({ answer: again, index })
    }
    pending = next
    if (pending.length > 0) await sleep(1000)
  }

  const statuses = {}
  for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
  const failed = answers.filter((answer) => answer.status !== 201)
  const unavailable = answers.filter((answer) => answer.status === 503)
  const firstFailure = Math.min(...failed.map((answer) => answer.at))
  const lastFailure = Math.max(...failed.map((answer) => answer.at + answer.ms))
  const firstSuccessAfter = Math.min(
    ...answers.filter((answer) => answer.status === 201 && answer.at > lastFailure).map((answer) => answer.at),
  )
  const createdKeys = answers.flatMap((answer, index) => (answer.status === 201 ? [`fault-pg-${index}`] : []))
  const startedAfter = await postmasterStart()

  console.log(`answers during the load: ${JSON.stringify(statuses)}; on retry: ${JSON.stringify(retryStatuses)}`)
  check('PostgreSQL was restarted (postmaster start time changed)', startedAfter !== startedBefore, true)
  check(
    '5xx answers other than 503',
    answers.filter((answer) => answer.status >= 500 && answer.status !== 503).length,
    0,
  )
  check('other answers (not 201 or 503)', answers.filter((answer) => ![201, 503].includes(answer.status)).length, 0)
  check(
    '503s without the UNAVAILABLE code',
    unavailable.filter((answer) => answer.body?.error?.code !== 'UNAVAILABLE').length,
    0,
  )
  check('keys never accepted after 30 rounds of retries', pending.length, 0)
  check(
    'server process (the same, not restarted)',
    server.child.exitCode === null && server.child.pid === serverPid,
    true,
  )
  const ready = await fetch(`${server.base}/readyz`).then((response) => response.status)
  check('GET /readyz after the run', ready, 200)

  const one = (query, values) => countIn(database.databaseUrl, query, values)
  check('applications stored', await one('select count(*) from applications'), count)
  check('distinct idempotency keys', await one('select count(distinct idempotency_key) from applications'), count)
  check(
    'keys answered 201 during the load, stored once each',
    await one('select count(*) from applications where idempotency_key = any($1)', [createdKeys]),
    createdKeys.length,
  )
  check('screening results (one each)', await one('select count(*) from screening_results'), count)
  check(
    'applications screened more than once',
    await one('select count(*) from applications where latest_version <> 1'),
    0,
  )
  check(
    'audit entries for the submissions',
    await one("select count(*) from audit_log where action = 'application.submitted'"),
    count,
  )

  const ms = answers.map((answer) => answer.ms)
  const reasons = {}
  for (const answer of unavailable) {
    const reason = answer.body?.error?.details?.reason ?? answer.body?.error?.details?.failing ?? '?'
    reasons[reason] = (reasons[reason] ?? 0) + 1
  }
  const relative = (at) => ((at - loadStarted) / 1000).toFixed(1)
  console.log(
    [
      `load: ${count} submissions at ${rate}/s over ${durationSeconds} s, PostgreSQL restarted at ${relative(restartWindow.begun)} s, back at ${relative(restartWindow.ended)} s (${((restartWindow.ended - restartWindow.begun) / 1000).toFixed(1)} s)`,
      `not 201 during the load: ${failed.length} (503: ${unavailable.length}, by reason ${JSON.stringify(reasons)}), sent from ${relative(firstFailure)} s to ${relative(lastFailure)} s`,
      `first 201 after the last failure at ${relative(firstSuccessAfter)} s (the restart command returned at ${relative(restartWindow.ended)} s)`,
      `retries: ${retried.created} created, ${retried.existing} already stored, in ${retried.rounds} round(s)`,
      `latency over the load: p50 ${percentile(ms, 0.5).toFixed(0)} ms, p99 ${percentile(ms, 0.99).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`,
      `run took ${seconds().toFixed(0)} s; load average ${loadAverage()}`,
    ].join('\n'),
  )
} finally {
  await server?.stop()
  await rm(work, { recursive: true, force: true })
  await database.drop()
}
process.exitCode = failures() > 0 ? 1 : 0

/** The restart command: FAULT_PG_RESTART, else the Debian cluster tools for a local server; undefined when neither. */
async function restartCommand() {
  const given = process.env.FAULT_PG_RESTART?.trim()
  if (given) return ['sh', '-c', given]
  const url = new URL(serverUrl)
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname)) {
    console.error(
      `cannot restart PostgreSQL at ${url.hostname}: this run restarts a server on this machine only. ` +
        'Set FAULT_PG_RESTART to a command that restarts it.',
    )
    return undefined
  }
  const port = url.port || '5432'
  let listing
  try {
    listing = await run('pg_lsclusters', ['--no-header'])
  } catch {
    console.error(
      'cannot restart PostgreSQL: pg_lsclusters (Debian postgresql-common) is not here. ' +
        'Set FAULT_PG_RESTART to a command that restarts the server, e.g. "systemctl restart postgresql".',
    )
    return undefined
  }
  const cluster = listing
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .find((fields) => fields[2] === port && fields[3] === 'online')
  if (cluster === undefined) {
    console.error(`cannot restart PostgreSQL: no online cluster listens on port ${port} (pg_lsclusters).`)
    return undefined
  }
  return ['pg_ctlcluster', cluster[0], cluster[1], 'restart']
}

async function postmasterStart() {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return String((await client.query('select pg_postmaster_start_time() as started')).rows[0].started.toISOString())
  } finally {
    await client.end()
  }
}
