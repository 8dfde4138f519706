// `npm run fault:api`: kill -9 the server in the middle of API load on a real PostgreSQL, restart it, and show by
// count that every acknowledged application is stored exactly once (docs/faults.md, "The server killed during API
// load").
// 1. Creates a fresh database on the server DATABASE_URL names (default the local one), an API key in it, and starts
//    `hirewall serve` on it (API only, no intel cache).
// 2. FAULT_CONNECTIONS clients submit FAULT_COUNT distinct applications, each under its own Idempotency-Key, as fast as
//    the server answers. Once FAULT_KILL_AT are acknowledged, the server gets SIGKILL: the submissions in flight then
//    are lost to their clients (they may or may not have been stored).
// 3. A new server starts on the same database. Every submission not acknowledged (the ones in flight, and the ones
//    refused while no server listened) is sent again with the same key, and the rest of the load goes on.
// 4. Checks by count: every application acknowledged before the kill is stored, every key is stored exactly once with
//    one result, one audit entry and one `screening.completed` event, and a resent submission the killed server had
//    already stored is answered 200 (existing), never stored twice. Exits 1 when a check fails.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { defaultIdempotencyKey } from '@hirewall/store'
import {
  checker,
  clock,
  countIn,
  createFaultDatabase,
  generatedApplications,
  loadAverage,
  numberSetting,
  percentile,
  startServer,
  submit,
} from './fault-harness.mjs'

const count = numberSetting('FAULT_COUNT', 3_000)
const killAt = numberSetting('FAULT_KILL_AT', Math.floor(count / 3))
const connections = Math.max(1, numberSetting('FAULT_CONNECTIONS', 16))
const port = numberSetting('FAULT_PORT', 18_434)
const { say } = clock()

const database = await createFaultDatabase(`hirewall_fault_api_${process.pid}`, ['submit', 'read'])
const work = await mkdtemp(join(tmpdir(), 'hirewall-fault-'))
const { check, failures } = checker()
let server
try {
  say(`generating ${count} applications ...`)
  const records = await generatedApplications(join(work, 'world.jsonl'), count, 13)
  const keys = records.map((record) => defaultIdempotencyKey(record))
  server = await startServer({ label: 'first', port, databaseUrl: database.databaseUrl })
  say(`the server is ready; ${connections} clients submit, kill -9 after ${killAt} acknowledgements`)

  // answers[i]: the last answer to application i; `before` marks acknowledgements from the server that was killed.
  const answers = new Array(count)
  const inFlightAtKill = new Set()
  const inFlight = new Set()
  let acknowledged = 0
  let killed
  let next = 0
  const loadStarted = performance.now()

  // Phase 1: the load until the kill. A client whose request fails after the kill stops; its work is resent later.
  const killedServer = server
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (killed === undefined && next < count) {
        const index = next++
        inFlight.add(index)
        const answer = await submit(killedServer.base, database.auth, records[index], keys[index])
        inFlight.delete(index)
        answers[index] = { ...answer, before: killed === undefined }
        if (answer.status === 200 || answer.status === 201) acknowledged += 1
        if (killed === undefined && acknowledged >= killAt) {
          for (const pending of inFlight) inFlightAtKill.add(pending)
          killed = performance.now()
          killedServer.child.kill('SIGKILL')
        }
      }
    }),
  )
  await new Promise((resolve) =>
    killedServer.child.exitCode === null ? killedServer.child.once('exit', resolve) : resolve(),
  )
  const acknowledgedBeforeKill = answers.flatMap((answer, index) =>
    answer !== undefined && answer.before && (answer.status === 200 || answer.status === 201) ? [index] : [],
  )
  say(`kill -9 after ${acknowledgedBeforeKill.length} acknowledgements; ${inFlightAtKill.size} submissions in flight`)

  // Phase 2: a new server on the same database; resend what was not acknowledged, then the rest.
  server = await startServer({ label: 'restarted', port, databaseUrl: database.databaseUrl })
  const readyAfterKill = (performance.now() - (killed ?? performance.now())) / 1000
  say(`restarted and ready ${readyAfterKill.toFixed(1)} s after the kill; resending and finishing the load`)
  const resend = []
  for (let index = 0; index < count; index += 1) {
    const answer = answers[index]
    if (answer === undefined || !(answer.status === 200 || answer.status === 201)) resend.push(index)
  }
  const resendAnswers = new Map()
  let cursor = 0
  const restartedServer = server
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (cursor < resend.length) {
        const index = resend[cursor++]
        // A few tries each: the new server answers, but a client can still meet a connection the kill left half open.
        let answer
        for (let attempt = 0; attempt < 5; attempt += 1) {
          answer = await submit(restartedServer.base, database.auth, records[index], keys[index])
          if (answer.status !== 0) break
        }
        resendAnswers.set(index, answer)
        answers[index] = { ...answer, before: false }
      }
    }),
  )
  const loadSeconds = (performance.now() - loadStarted) / 1000

  // The checks, by count, straight from the database.
  const statuses = (indexes, lookup) => {
    const counted = {}
    for (const index of indexes) {
      const status = lookup(index)?.status ?? 'none'
      counted[status] = (counted[status] ?? 0) + 1
    }
    return counted
  }
  const url = database.databaseUrl
  const storedAmong = async (indexes) =>
    countIn(url, 'select count(*) from applications where idempotency_key = any($1::text[])', [
      indexes.map((index) => keys[index]),
    ])
  const finalStatuses = statuses(
    records.map((_, index) => index),
    (index) => answers[index],
  )
  const inFlightResent = [...inFlightAtKill].filter((index) => resendAnswers.has(index))
  const storedByTheKilledServer = inFlightResent.filter((index) => resendAnswers.get(index)?.status === 200).length
  check('every application acknowledged in the end', (finalStatuses[200] ?? 0) + (finalStatuses[201] ?? 0), count)
  check(
    'acknowledged before the kill and stored',
    await storedAmong(acknowledgedBeforeKill),
    acknowledgedBeforeKill.length,
  )
  check('applications stored', await countIn(url, 'select count(*) from applications'), count)
  check(
    'distinct idempotency keys',
    await countIn(url, 'select count(distinct idempotency_key) from applications'),
    count,
  )
  check('screening results (one each)', await countIn(url, 'select count(*) from screening_results'), count)
  check(
    'applications screened more than once',
    await countIn(url, 'select count(*) from applications where latest_version <> 1'),
    0,
  )
  check(
    'audit entries (one each)',
    await countIn(url, "select count(*) from audit_log where action = 'application.submitted'"),
    count,
  )
  check(
    'screening.completed events (one each)',
    await countIn(url, "select count(*) from outbox_events where type = 'screening.completed'"),
    count,
  )
  check(
    'resent submissions answered 200 or 201',
    Object.keys(statuses(resend, (index) => resendAnswers.get(index))).every(
      (status) => status === '200' || status === '201',
    ),
    true,
  )
  check('answers that were 5xx', answers.filter((answer) => answer !== undefined && answer.status >= 500).length, 0)

  const times = answers.filter((answer) => answer?.status === 201).map((answer) => answer.ms)
  console.log(
    [
      `${count} generated applications, ${connections} clients, ${loadSeconds.toFixed(1)} s of load in all`,
      `killed (SIGKILL) after ${acknowledgedBeforeKill.length} acknowledgements, with ${inFlightAtKill.size} submissions in flight`,
      `of those in flight, ${inFlightAtKill.size - inFlightResent.length} were answered before their connection dropped, ${storedByTheKilledServer} had been stored without an answer (200 when resent) and ${inFlightResent.length - storedByTheKilledServer} had not been stored (201 when resent)`,
      `${resend.length} submissions resent to the restarted server, which was ready ${readyAfterKill.toFixed(1)} s after the kill`,
      `201 latency p50 ${percentile(times, 0.5).toFixed(0)} ms, p99 ${percentile(times, 0.99).toFixed(0)} ms`,
      `load average ${loadAverage()}`,
    ].join('\n'),
  )
} finally {
  await server?.stop()
  await rm(work, { recursive: true, force: true })
  await database.drop()
}
process.exitCode = failures() > 0 ? 1 : 0
