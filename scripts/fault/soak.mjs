// `npm run fault:soak`: a steady submission load against `hirewall serve` on a real PostgreSQL for FAULT_SECONDS
// (3 minutes by default; 3600 for the hour-long run), sampling the server's memory and the latency over time
// (docs/faults.md, "Soak").
// 1. Creates a fresh database on the server DATABASE_URL names (default the local one), an API key, and starts
//    `hirewall serve` on it (API only, no intel cache).
// 2. Submits FAULT_RATE applications a second on a fixed schedule, each under its own key; every FAULT_SAMPLE_SECONDS
//    reads the server's resident memory and V8 heap from GET /metrics.
// 3. Reports per FAULT_INTERVAL_SECONDS: submissions, p50 and p99 latency, RSS and heap; and the slope of memory over
//    the run after the first interval (warm-up).
// 4. Fails when: a submission was not answered 201; the stored count is off; the heap grows by more than
//    FAULT_MAX_HEAP_KB_PER_APPLICATION per stored application (the identity memory keeps each one by design) or RSS by
//    more than FAULT_MAX_RSS_KB_PER_APPLICATION; the p50 of the last third of the intervals exceeds that of the first
//    third (after warm-up) by more than FAULT_MAX_LATENCY_DRIFT times plus 50 ms.
/* global fetch, AbortSignal -- Node 20's own */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  checker,
  clock,
  countIn,
  createFaultDatabase,
  streamGeneratedApplications,
  loadAverage,
  numberSetting,
  percentile,
  slope,
  startServer,
  submit,
} from './fault-harness.mjs'

const rate = numberSetting('FAULT_RATE', 5)
const durationSeconds = numberSetting('FAULT_SECONDS', 180)
const intervalSeconds = numberSetting('FAULT_INTERVAL_SECONDS', 30)
const sampleSeconds = numberSetting('FAULT_SAMPLE_SECONDS', 5)
const maxHeapKbPerApplication = numberSetting('FAULT_MAX_HEAP_KB_PER_APPLICATION', 16)
const maxRssKbPerApplication = numberSetting('FAULT_MAX_RSS_KB_PER_APPLICATION', 32)
const maxLatencyDrift = numberSetting('FAULT_MAX_LATENCY_DRIFT', 2)
const port = numberSetting('FAULT_PORT', 18_436)
const maxInFlight = 400
const { seconds, say } = clock()

const count = Math.round(rate * durationSeconds)
const database = await createFaultDatabase(`hirewall_fault_soak_${process.pid}`, ['submit', 'read'])
const work = await mkdtemp(join(tmpdir(), 'hirewall-fault-'))
const { check, failures } = checker()
let server
try {
  say(`generating ${count} applications ...`)
  const records = streamGeneratedApplications(join(work, 'world.jsonl'), count, 17)
  // The first one pulled generates the world, before the server starts and the clock does.
  const firstRecord = await records.next()
  server = await startServer({ label: 'server', port, databaseUrl: database.databaseUrl })
  say(`the server is ready; submitting ${rate}/s for ${durationSeconds} s`)

  const answers = []
  const samples = []
  const inFlight = new Set()
  const loadStarted = performance.now()
  const secondsIn = () => (performance.now() - loadStarted) / 1000
  let isLoading = true
  let missedSamples = 0
  let reportedUpTo = 0
  let reportedAnswers = 0
  const sampling = (async () => {
    while (isLoading) {
      const at = secondsIn()
      const memory = await memoryOf(server.base)
      if (memory === undefined) missedSamples += 1
      else samples.push({ at, ...memory, stored: answers.filter((a) => a.status === 201).length })
      // A line per interval as it ends, so a long run shows how it goes (and what it reached, should it be stopped).
      if (at >= reportedUpTo + intervalSeconds) {
        const recent = answers.slice(reportedAnswers)
        reportedAnswers = answers.length
        reportedUpTo += intervalSeconds
        const ms = recent.map((answer) => answer.ms)
        say(
          `${answers.length} answered (${recent.length} in the last ${intervalSeconds} s, p50 ${percentile(ms, 0.5).toFixed(0)} ms, ` +
            `p99 ${percentile(ms, 0.99).toFixed(0)} ms); RSS ${((memory?.rss ?? Number.NaN) / 2 ** 20).toFixed(0)} MB, ` +
            `heap ${((memory?.heap ?? Number.NaN) / 2 ** 20).toFixed(1)} MB; load average ${loadAverage()}`,
        )
      }
      await sleep(sampleSeconds * 1000)
    }
  })()
  for (let index = 0; index < count; index += 1) {
    const wait = loadStarted + (index * 1000) / rate - performance.now()
    if (wait > 0) await sleep(wait)
    while (inFlight.size >= maxInFlight) await Promise.race(inFlight)
    const record = index === 0 ? firstRecord.value : (await records.next()).value
    const request = submit(server.base, database.auth, record, `fault-soak-${index}`).then((answer) => {
      answers.push({ ...answer, second: (answer.at - loadStarted) / 1000 })
      inFlight.delete(request)
    })
    inFlight.add(request)
  }
  await Promise.all(inFlight)
  isLoading = false
  await sampling
  const lastMemory = await memoryOf(server.base)
  if (lastMemory === undefined) missedSamples += 1
  else samples.push({ at: secondsIn(), ...lastMemory, stored: answers.filter((a) => a.status === 201).length })
  say(`submitted ${count} in ${secondsIn().toFixed(1)} s`)

  // Per interval: the requests sent in it, and the memory sampled in it.
  const intervals = []
  for (let start = 0; start < durationSeconds; start += intervalSeconds) {
    const end = start + intervalSeconds
    const sent = answers.filter((answer) => answer.second >= start && answer.second < end)
    const memory = samples.filter((sample) => sample.at >= start && sample.at < end)
    const last = memory.at(-1)
    intervals.push({
      start,
      sent: sent.length,
      p50: percentile(
        sent.map((answer) => answer.ms),
        0.5,
      ),
      p99: percentile(
        sent.map((answer) => answer.ms),
        0.99,
      ),
      rssMb: last === undefined ? Number.NaN : last.rss / 2 ** 20,
      heapMb: last === undefined ? Number.NaN : last.heap / 2 ** 20,
    })
  }
  console.log('interval      sent    p50 ms   p99 ms   RSS MB   heap MB')
  for (const interval of intervals) {
    console.log(
      [
        `${String(interval.start).padStart(5)}-${String(interval.start + intervalSeconds).padEnd(6)} s`,
        String(interval.sent).padStart(6),
        interval.p50.toFixed(0).padStart(9),
        interval.p99.toFixed(0).padStart(8),
        interval.rssMb.toFixed(0).padStart(8),
        interval.heapMb.toFixed(1).padStart(9),
      ].join(' '),
    )
  }

  // Memory after warm-up (the first interval): its slope over time, and its growth per stored application from the
  // medians of the first interval after warm-up to the last (single samples move with every garbage collection).
  const steady = samples.filter((sample) => sample.at >= intervalSeconds)
  const within = (start) => steady.filter((sample) => sample.at >= start && sample.at < start + intervalSeconds)
  const lastStart = Math.max(intervalSeconds, Math.floor((durationSeconds - 1) / intervalSeconds) * intervalSeconds)
  const summary = (list) => ({
    heap: percentile(
      list.map((sample) => sample.heap),
      0.5,
    ),
    rss: percentile(
      list.map((sample) => sample.rss),
      0.5,
    ),
    stored: percentile(
      list.map((sample) => sample.stored),
      0.5,
    ),
  })
  const first = summary(within(intervalSeconds).length > 0 ? within(intervalSeconds) : samples)
  const final = summary(within(lastStart).length > 0 ? within(lastStart) : samples.slice(-1))
  const storedSince = Math.max(1, final.stored - first.stored)
  const heapKbPerApplication = (final.heap - first.heap) / 1024 / storedSince
  const rssKbPerApplication = (final.rss - first.rss) / 1024 / storedSince
  const heapSlope = slope(steady.map((sample) => ({ x: sample.at / 3600, y: sample.heap / 2 ** 20 })))
  const rssSlope = slope(steady.map((sample) => ({ x: sample.at / 3600, y: sample.rss / 2 ** 20 })))
  const measured = intervals.slice(1).filter((interval) => interval.sent > 0)
  const third = Math.max(1, Math.floor(measured.length / 3))
  const median = (values) => percentile(values, 0.5)
  const earlyP50 = median(measured.slice(0, third).map((interval) => interval.p50))
  const lateP50 = median(measured.slice(-third).map((interval) => interval.p50))
  const earlyP99 = median(measured.slice(0, third).map((interval) => interval.p99))
  const lateP99 = median(measured.slice(-third).map((interval) => interval.p99))

  const statuses = {}
  for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1
  console.log(`answers: ${JSON.stringify(statuses)}`)
  check('submissions answered 201', statuses[201] ?? 0, count)
  check('applications stored', await countIn(database.databaseUrl, 'select count(*) from applications'), count)
  check(
    'distinct idempotency keys',
    await countIn(database.databaseUrl, 'select count(distinct idempotency_key) from applications'),
    count,
  )
  check(
    'screening results (one each)',
    await countIn(database.databaseUrl, 'select count(*) from screening_results'),
    count,
  )
  check(
    `heap growth per stored application after warm-up, KB (bound ${maxHeapKbPerApplication})`,
    Number(heapKbPerApplication.toFixed(2)),
    (value) => value <= maxHeapKbPerApplication,
  )
  check(
    `RSS growth per stored application after warm-up, KB (bound ${maxRssKbPerApplication})`,
    Number(rssKbPerApplication.toFixed(2)),
    (value) => value <= maxRssKbPerApplication,
  )
  check(
    `p50 of the last third vs the first third, ms (bound ${maxLatencyDrift}× + 50 ms)`,
    `${lateP50.toFixed(0)} vs ${earlyP50.toFixed(0)}`,
    () => lateP50 <= earlyP50 * maxLatencyDrift + 50,
  )
  console.log(
    [
      `soak: ${count} submissions at ${rate}/s over ${durationSeconds} s, memory sampled every ${sampleSeconds} s (${missedSamples} samples missed)`,
      `memory after warm-up (medians of the first and last intervals): heap ${(first.heap / 2 ** 20).toFixed(1)} -> ${(final.heap / 2 ** 20).toFixed(1)} MB (slope ${heapSlope.toFixed(1)} MB/h, ${heapKbPerApplication.toFixed(2)} KB per application); RSS ${(first.rss / 2 ** 20).toFixed(0)} -> ${(final.rss / 2 ** 20).toFixed(0)} MB (slope ${rssSlope.toFixed(1)} MB/h, ${rssKbPerApplication.toFixed(2)} KB per application)`,
      `latency, median of interval p50s: ${earlyP50.toFixed(0)} ms first third, ${lateP50.toFixed(0)} ms last third; of p99s: ${earlyP99.toFixed(0)} / ${lateP99.toFixed(0)} ms`,
      `run took ${seconds().toFixed(0)} s; load average ${loadAverage()}`,
    ].join('\n'),
  )
} finally {
  await server?.stop()
  await rm(work, { recursive: true, force: true })
  await database.drop()
}
process.exitCode = failures() > 0 ? 1 : 0

/**
 * The server's resident set and V8 heap in use, from its Prometheus metrics (prom-client's process metrics), or
 * undefined when this sample could not be read: one failed read (a reset connection under load) is a missed sample,
 * not the end of an hour's run. The submissions' own checks still count every failure.
 */
async function memoryOf(base) {
  try {
    const response = await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(10_000) })
    const text = await response.text()
    const value = (name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text)?.[1] ?? Number.NaN)
    const sample = {
      rss: value('hirewall_process_resident_memory_bytes'),
      heap: value('hirewall_nodejs_heap_size_used_bytes'),
    }
    return Number.isFinite(sample.rss) && Number.isFinite(sample.heap) ? sample : undefined
  } catch {
    return undefined
  }
}
