import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScreeningService } from '../screening/create-screening-service.js'
import type { ScreeningService } from '../screening/screening-service.js'
import { buildServiceApp } from '../service/build-service-app.js'
import { aRingMember, aRiskyApplicationRecord, testReference } from '../testing/application-fixtures.js'
import { openTestApp, testOrigin, type TestApp } from '../testing/test-app.js'
import { fuzzWebhookSecrets, type ApiFuzzContext } from './api-fuzz-targets.js'
import { fuzzOptionsFromEnv } from './fuzz-options.js'
import { startHostileLeverApi, type HostileLeverApi } from './hostile-lever-api.js'
import { runApiFuzz } from './run-api-fuzz.js'

const { seed, runs } = fuzzOptionsFromEnv(process.env, { seed: 20_260_323, runs: 330 })

/** The whole service app under generated hostile requests to every route group that reads its caller's input. */
describe.each(storeTestTargets())('hostile requests to the API on $name', (target) => {
  let test: TestApp
  let screening: ScreeningService
  let app: FastifyInstance
  let context: ApiFuzzContext
  let leverApi: HostileLeverApi
  const serverFaults: string[] = []

  beforeAll(async () => {
    test = await openTestApp(target)
    leverApi = await startHostileLeverApi(seed)
    screening = await createScreeningService({
      store: test.store,
      policy: defaultScoringPolicy,
      reference: testReference,
    })
    app = await buildServiceApp({
      store: test.store,
      screening,
      publicOrigins: [testOrigin],
      console: false,
      env: {
        HIREWALL_GREENHOUSE_SECRET: fuzzWebhookSecrets.greenhouse,
        HIREWALL_ASHBY_SECRET: fuzzWebhookSecrets.ashby,
        HIREWALL_LEVER_SECRET: fuzzWebhookSecrets.lever,
        HIREWALL_LEVER_API_KEY: 'fuzz-lever-api-key',
        HIREWALL_LEVER_API_URL: leverApi.baseUrl,
      },
      app: {
        logLevel: 'error',
        processMetrics: false,
        // Every line at error level is a server fault, except the documented 503 of an app without a job queue.
        logStream: { write: (line: string) => void (line.includes('"no-job-queue"') || serverFaults.push(line)) },
      },
    })
    await app.ready()
    const submit = (payload: object) =>
      app.inject({ method: 'POST', url: '/v1/applications', headers: test.keys.submit, payload })
    for (const record of [
      aRiskyApplicationRecord('fuzz-risky'),
      aRingMember('fuzz-ring-1', 'Min Park', '+1 415 555 0171'),
      aRingMember('fuzz-ring-2', 'Daniel Cho', '+1 415 555 0171'),
    ]) {
      expect((await submit(record)).statusCode).toBe(201)
    }
    const queue = await app.inject({ method: 'GET', url: '/v1/cases', headers: test.people.analyst })
    const subscription = await app.inject({
      method: 'POST',
      url: '/v1/webhook-subscriptions',
      headers: test.people.admin,
      payload: { url: 'https://hooks.example.com/in', eventTypes: ['*'] },
    })
    context = {
      test,
      applicationId: 'fuzz-risky',
      clusterId: 'cluster:fuzz-ring-1',
      caseId: queue.json<{ items: { case: { id: string } }[] }>().items[0]?.case.id ?? 'none',
      subscriptionId: subscription.json<{ subscription: { id: string } }>().subscription.id,
    }
  }, openTimeoutMs)
  afterAll(async () => {
    await app?.close()
    await screening?.close()
    await test?.close()
    await leverApi?.close()
  })

  it(`keeps every property over ${runs} generated requests (seed ${seed})`, { timeout: 600_000 }, async () => {
    const report = await runApiFuzz(app, context, { seed, runs })
    if (process.env.FUZZ_RUNS !== undefined)
      console.info(target.name, JSON.stringify({ ...report, failures: undefined }))
    expect(report.failures, serverFaults.slice(0, 5).join('\n')).toEqual([])
    expect(serverFaults).toEqual([])
    // The run reached the handlers: some requests were accepted and read back, many were refused.
    expect(report.echoChecked).toBeGreaterThan(0)
    // Signed Lever webhooks got through to the fetch of a hostile opportunity.
    expect(leverApi.served()).toBeGreaterThan(0)
    expect(Object.keys(report.statuses).some((status) => status.startsWith('4'))).toBe(true)
  })
})
