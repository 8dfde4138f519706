// `npm run bench:webhooks`: webhooks both ways, on PGlite and, when DATABASE_URL is set, on that server.
// Out: BENCH_EVENTS events (default 2,000) to one receiver on 127.0.0.1 that answers 204, delivered by one worker and
// by two workers sharing the outbox, at batch sizes 10 and 50: deliveries per second until the last one is marked
// delivered. In: BENCH_WEBHOOKS signed Greenhouse `new_candidate_application` webhooks (default 500, distinct people)
// posted one after another in-process: webhooks per second and p50/p99 latency, each screened into the pool.
import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'

const { defaultScoringPolicy } = await import('@hirewall/core')
const { openStore } = await import('@hirewall/store')
const { buildApp, createScreeningService, generateWebhookSecret, registerAtsWebhookRoutes, startDeliveryWorker } =
  await import('@hirewall/server')

const events = Number(process.env.BENCH_EVENTS ?? 2000)
const webhooks = Number(process.env.BENCH_WEBHOOKS ?? 500)
const serverUrl = process.env.DATABASE_URL?.trim()

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
const percentile = (sorted, share) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]

/** A fresh database on each target: PGlite in memory, and a throwaway database on the server. */
async function openTargets() {
  const targets = [{ name: 'pglite', store: await openStore({ env: {} }), drop: async () => undefined }]
  if (serverUrl) {
    const name = `hirewall_bench_${Date.now()}`
    const admin = async (statement) => {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      await client.query(statement)
      await client.end()
    }
    await admin(`create database ${name}`)
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    targets.push({
      name: 'postgres',
      store: await openStore({ databaseUrl: url.toString(), env: {}, maxConnections: 10 }),
      options: { databaseUrl: url.toString(), env: {}, maxConnections: 10 },
      drop: () => admin(`drop database if exists ${name} with (force)`),
    })
  }
  return targets
}

async function startReceiver() {
  let received = 0
  let onCount = () => undefined
  const server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      received += 1
      response.writeHead(204).end()
      onCount()
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}/hook`,
    reset: () => {
      received = 0
    },
    until: (count) =>
      new Promise((resolve) => {
        onCount = () => received >= count && resolve()
        onCount()
      }),
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

async function outbound(target, receiver) {
  const { store } = target
  await store.webhookSubscriptions.create({
    url: receiver.url,
    secret: generateWebhookSecret(),
    eventTypes: ['*'],
    createdBy: 'bench',
  })
  const payload = { applicationId: 'greenhouse:1', outcome: 'review', score: 42.5, signalCodes: ['phone.voip'] }
  for (const workers of [1, 2]) {
    for (const batchSize of [10, 50]) {
      // Two processes on a server: two stores. PGlite has one session, which both workers share.
      const second = workers === 2 && target.options ? await openStore(target.options) : store
      for (let index = 0; index < events; index += 500) {
        await store.transaction(async (repositories) => {
          for (let offset = 0; offset < 500 && index + offset < events; offset++) {
            await repositories.outbox.enqueue({ type: 'screening.completed', payload })
          }
        })
      }
      receiver.reset()
      const started = performance.now()
      const running = [store, second]
        .slice(0, workers)
        .map((owner) => startDeliveryWorker({ outbox: owner.outbox, batchSize, pollIntervalMs: 50 }))
      await receiver.until(events)
      for (;;) {
        const pending = await store.outbox.list({ status: 'pending' }, { limit: 1 })
        if (pending.items.length === 0) break
        await sleep(20)
      }
      const seconds = (performance.now() - started) / 1000
      await Promise.all(running.map((worker) => worker.stop()))
      if (second !== store) await second.close()
      console.log(
        `  out ${target.name}: ${workers} worker(s), batch ${batchSize}: ${events} deliveries in ${seconds.toFixed(2)} s = ${Math.round(events / seconds)}/s (load ${load()})`,
      )
    }
  }
}

async function inbound(target) {
  const { store } = target
  const secret = 'bench-greenhouse-secret'
  const screening = await createScreeningService({
    store,
    policy: defaultScoringPolicy,
    reference: { isDisposableEmailDomain: () => false, isFreeEmailDomain: () => false, sources: [] },
  })
  const app = await buildApp({ logLevel: 'silent', processMetrics: false })
  await registerAtsWebhookRoutes(app, {
    store,
    screening,
    secrets: { greenhouse: [secret] },
    lever: undefined,
    env: {},
  })
  await app.ready()
  const latencies = []
  const started = performance.now()
  for (let index = 0; index < webhooks; index++) {
    const id = 90_000_000 + index
    const body = JSON.stringify({
      action: 'new_candidate_application',
      payload: {
        application: {
          id,
          applied_at: '2026-03-02T09:15:00Z',
          source: { id: 16, name: 'LinkedIn (Prospecting)' },
          candidate: {
            id: 70_000_000 + index,
            first_name: `Given${index}`,
            last_name: `Family${index % 97}`,
            phone_numbers: [{ value: `+1 415 555 ${String(1000 + (index % 9000)).padStart(4, '0')}`, type: 'mobile' }],
            email_addresses: [{ value: `person${index}@example.com`, type: 'personal' }],
            educations: [],
            employments: [{ company_name: 'Example Co.', title: 'Engineer', start_date: '06/01/2019', end_date: null }],
          },
          jobs: [{ id: 123, name: 'Senior Engineer' }],
        },
      },
    })
    const signature = `sha256 ${createHmac('sha256', secret).update(body).digest('hex')}`
    const sent = performance.now()
    const response = await app.inject({
      method: 'POST',
      url: '/v1/webhooks/greenhouse',
      payload: body,
      headers: { 'content-type': 'application/json', signature },
    })
    latencies.push(performance.now() - sent)
    if (response.statusCode !== 200) throw new Error(`webhook ${index}: ${response.statusCode} ${response.body}`)
  }
  const seconds = (performance.now() - started) / 1000
  latencies.sort((left, right) => left - right)
  console.log(
    `  in  ${target.name}: ${webhooks} Greenhouse webhooks screened in ${seconds.toFixed(2)} s = ${Math.round(webhooks / seconds)}/s, ` +
      `p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms (load ${load()})`,
  )
  await app.close()
  await screening.close()
}

console.log(`webhooks bench: ${events} outbound events, ${webhooks} inbound webhooks; load ${load()}`)
for (const target of await openTargets()) {
  const receiver = await startReceiver()
  try {
    await outbound(target, receiver)
    await inbound(target)
  } finally {
    await receiver.close()
    await target.store.close()
    await target.drop()
  }
}
