// `npm run fault:webhook-down`: a webhook receiver that is down for minutes while screenings keep producing
// `screening.completed` events, then comes back; shows by count that every event is delivered at least once and none
// is dead-lettered, and reports the delivery lag (docs/faults.md, "A webhook receiver down for minutes").
// 1. Creates a fresh database on the server DATABASE_URL names (default the local one), an API key, and starts
//    `hirewall serve` on it; subscribes a receiver on 127.0.0.1 to `screening.completed`.
// 2. Submits FAULT_RATE applications a second. The receiver takes deliveries for FAULT_WARMUP_SECONDS, then refuses
//    connections (its port closed) for the first half of FAULT_DOWN_SECONDS and answers 500 for the second half, then
//    takes deliveries again; the submissions go on for FAULT_AFTER_SECONDS more.
// 3. Waits until every delivery is delivered or dead (at most FAULT_WAIT_SECONDS), verifying each signature.
// 4. Checks: one event per application, every event received with a valid signature at least once, every delivery
//    delivered, none dead; reports the lag from the event to its first accepted delivery. Exits 1 when a check fails.
/* global fetch -- Node 20's own */
import { Buffer } from 'node:buffer'
import { createServer } from 'node:http'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { Webhook } from 'standardwebhooks'
import {
  checker,
  clock,
  createFaultDatabase,
  generatedApplications,
  queryIn,
  loadAverage,
  numberSetting,
  percentile,
  startServer,
  submit,
} from './fault-harness.mjs'

const rate = numberSetting('FAULT_RATE', 2)
const warmupSeconds = numberSetting('FAULT_WARMUP_SECONDS', 10)
const downSeconds = numberSetting('FAULT_DOWN_SECONDS', 120)
const afterSeconds = numberSetting('FAULT_AFTER_SECONDS', 10)
// The production schedule retries at 5 s, 5 min, 30 min, 2 h, 8 h, 24 h: an outage of D seconds is over by the first
// retry that comes after it, at most about D + 30 min + 5 min away for outages under half an hour.
const waitSeconds = numberSetting('FAULT_WAIT_SECONDS', downSeconds + 420)
const port = numberSetting('FAULT_PORT', 18_434)
const receiverPort = numberSetting('FAULT_RECEIVER_PORT', 18_435)
const { seconds, say } = clock()

const database = await createFaultDatabase(`hirewall_fault_webhook_${process.pid}`, ['submit', 'read', 'admin'])
const work = await mkdtemp(join(tmpdir(), 'hirewall-fault-'))
const { check, failures } = checker()
let server
const receiver = createReceiver()
try {
  const count = Math.round(rate * (warmupSeconds + downSeconds + afterSeconds))
  say(`generating ${count} applications ...`)
  const records = await generatedApplications(join(work, 'world.jsonl'), count, 13)
  server = await startServer({ label: 'server', port, databaseUrl: database.databaseUrl })
  await receiver.up()
  const subscribed = await fetch(`${server.base}/v1/webhook-subscriptions`, {
    method: 'POST',
    headers: { ...database.auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      url: `http://127.0.0.1:${receiverPort}/hirewall`,
      eventTypes: ['screening.completed'],
      description: 'fault run receiver',
    }),
  })
  if (subscribed.status !== 201)
    throw new Error(`subscribing answered ${subscribed.status}: ${await subscribed.text()}`)
  const { subscription, secret } = await subscribed.json()
  receiver.verifyWith(secret)
  say(
    `subscribed ${subscription.id}; submitting ${rate}/s, the receiver goes down at ${warmupSeconds} s for ${downSeconds} s`,
  )

  const loadStarted = performance.now()
  const at = (secondsIn) => loadStarted + secondsIn * 1000
  const outage = (async () => {
    await sleep(at(warmupSeconds) - performance.now())
    await receiver.refuse()
    say('the receiver refuses connections')
    await sleep(at(warmupSeconds + downSeconds / 2) - performance.now())
    await receiver.up('500')
    say('the receiver answers 500')
    await sleep(at(warmupSeconds + downSeconds) - performance.now())
    receiver.mode = 'ok'
    say('the receiver is back')
  })()
  const answers = []
  for (let index = 0; index < count; index += 1) {
    const wait = at(index / rate) - performance.now()
    if (wait > 0) await sleep(wait)
    answers.push(submit(server.base, database.auth, records[index], `fault-webhook-${index}`))
  }
  const settled = await Promise.all(answers)
  await outage
  const created = settled.filter((answer) => answer.status === 201).length
  say(`submitted ${count}: ${created} answered 201; waiting for the deliveries ...`)

  const query = (text, values) => queryIn(database.databaseUrl, text, values)
  const deliveryCounts = async () =>
    Object.fromEntries(
      (
        await query(
          'select status, count(*)::int as n from webhook_deliveries where subscription_id = $1 group by status',
          [subscription.id],
        )
      ).map((row) => [row.status, row.n]),
    )
  let counts = await deliveryCounts()
  const waitStarted = performance.now()
  while ((counts.pending ?? 0) > 0) {
    if (performance.now() - waitStarted > waitSeconds * 1000) break
    await sleep(2000)
    counts = await deliveryCounts()
  }
  const allSettledAt = performance.now()
  const events = await query(
    `select e.id, e.created_at, d.status, d.attempts, d.delivered_at
       from outbox_events e join webhook_deliveries d on d.event_id = e.id and d.subscription_id = $1
      where e.type = 'screening.completed'`,
    [subscription.id],
  )
  const eventCount = Number(
    (await query("select count(*) from outbox_events where type = 'screening.completed'"))[0].count,
  )
  // The server's own count of failed attempts by reason: refused connections are `network`, the 500s `http-status`.
  const metrics = await (await fetch(`${server.base}/metrics`)).text()
  const failedAttempts = Object.fromEntries(
    [...metrics.matchAll(/^hirewall_webhook_delivery_failures_total\{reason="([^"]+)"\} (\d+)/gm)].map((match) => [
      match[1],
      Number(match[2]),
    ]),
  )

  const missing = events.filter((event) => !receiver.firstAccepted.has(String(event.id)))
  const lags = events
    .filter((event) => receiver.firstAccepted.has(String(event.id)))
    .map((event) => ({
      createdAt: event.created_at.getTime(),
      lagMs: receiver.firstAccepted.get(String(event.id)) - event.created_at.getTime(),
      attempts: event.attempts,
    }))
  const outageStart = performance.timeOrigin + at(warmupSeconds)
  const outageEnd = performance.timeOrigin + at(warmupSeconds + downSeconds)
  const duringOutage = lags.filter((lag) => lag.createdAt >= outageStart && lag.createdAt < outageEnd)
  const outside = lags.filter((lag) => lag.createdAt < outageStart || lag.createdAt >= outageEnd)
  const attempts = {}
  for (const event of events) attempts[event.attempts] = (attempts[event.attempts] ?? 0) + 1

  console.log(`deliveries: ${JSON.stringify(counts)}; attempts per delivery: ${JSON.stringify(attempts)}`)
  console.log(
    `receiver: ${JSON.stringify(receiver.tally)}; failed attempts by reason: ${JSON.stringify(failedAttempts)}`,
  )
  check('submissions answered 201', created, count)
  check('screening.completed events (one per application)', eventCount, count)
  check('deliveries to the receiver (one per event)', events.length, eventCount)
  check('events never received with a valid signature', missing.length, 0)
  check('deliveries delivered', counts.delivered ?? 0, eventCount)
  check('deliveries dead-lettered', counts.dead ?? 0, 0)
  check('requests with a bad signature', receiver.tally.badSignature, 0)
  check('attempts refused (connection) in the outage', failedAttempts.network ?? 0, (value) => value > 0)
  check('attempts answered 500 in the outage', failedAttempts['http-status'] ?? 0, (value) => value > 0)

  const ms = (values, q) => `${(percentile(values, q) / 1000).toFixed(1)} s`
  const lagOf = (list) => list.map((lag) => lag.lagMs)
  console.log(
    [
      `load: ${count} submissions at ${rate}/s; receiver down ${downSeconds} s (${downSeconds / 2} s refusing connections, then ${downSeconds / 2} s of 500s) from ${warmupSeconds} s`,
      `delivery lag, events while the receiver was up: p50 ${ms(lagOf(outside), 0.5)}, p99 ${ms(lagOf(outside), 0.99)} (${outside.length} events)`,
      `delivery lag, events during the outage: p50 ${ms(lagOf(duringOutage), 0.5)}, p99 ${ms(lagOf(duringOutage), 0.99)}, max ${ms(lagOf(duringOutage), 1)} (${duringOutage.length} events)`,
      `every delivery settled ${((allSettledAt - at(warmupSeconds + downSeconds)) / 1000).toFixed(0)} s after the receiver came back`,
      `duplicates received: ${receiver.tally.duplicates}; run took ${seconds().toFixed(0)} s; load average ${loadAverage()}`,
    ].join('\n'),
  )
} finally {
  await server?.stop()
  await receiver.close()
  await rm(work, { recursive: true, force: true })
  await database.drop()
}
process.exitCode = failures() > 0 ? 1 : 0

/**
 * The receiver: `mode` 'ok' answers 204 to a validly signed delivery and remembers when each event id was first
 * accepted; '500' answers 500; `refuse()` closes the port so connections are refused.
 */
function createReceiver() {
  let webhook
  let http
  const firstAccepted = new Map()
  const tally = { accepted: 0, duplicates: 0, error500: 0, badSignature: 0 }
  const state = {
    mode: 'ok',
    firstAccepted,
    tally,
    verifyWith: (secret) => (webhook = new Webhook(secret)),
    async up(mode = 'ok') {
      state.mode = mode
      if (http !== undefined) return
      http = createServer((request, response) => {
        const chunks = []
        request.on('data', (chunk) => chunks.push(chunk))
        request.on('end', () => {
          if (state.mode === '500') {
            tally.error500 += 1
            response.writeHead(500).end('down for maintenance')
            return
          }
          const body = Buffer.concat(chunks).toString('utf8')
          try {
            webhook.verify(body, request.headers)
          } catch {
            tally.badSignature += 1
            response.writeHead(400).end('bad signature')
            return
          }
          const id = String(request.headers['webhook-id'])
          if (firstAccepted.has(id)) tally.duplicates += 1
          else firstAccepted.set(id, Date.now())
          tally.accepted += 1
          response.writeHead(204).end()
        })
      })
      http.listen(receiverPort, '127.0.0.1')
      await once(http, 'listening')
    },
    async refuse() {
      state.mode = 'refused'
      if (http === undefined) return
      const closing = http
      http = undefined
      closing.closeAllConnections()
      await new Promise((resolve) => closing.close(resolve))
    },
    async close() {
      if (http === undefined) return
      http.closeAllConnections()
      await new Promise((resolve) => http.close(resolve))
    },
  }
  return state
}
