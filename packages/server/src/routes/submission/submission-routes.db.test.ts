import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultScoringPolicy, type ApplicationRecord } from '@hirewall/core'
import { openStore, openTimeoutMs, storeTestTargets, type Store, type StoreOptions } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../app/build-app.js'
import { generateApiKey } from '../../auth/api-key.js'
import { storeAccessControl } from '../../auth/store-access-control.js'
import { createScreeningService } from '../../screening/create-screening-service.js'
import { runRescreen } from '../../screening/run-rescreen.js'
import type { RescreenReport, ScreeningService } from '../../screening/screening-service.js'
import {
  anApplicationRecord,
  aRingMember,
  aRiskyApplicationRecord,
  strictTestPolicy,
  testReference,
} from '../../testing/application-fixtures.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerSubmissionRoutes } from './register-submission-routes.js'

type SubmissionBody = {
  status: 'created' | 'existing'
  application: { id: string; idempotencyKey: string; latestVersion: number }
  result: { version: number; outcome: string; score: number; clusterId: string | null; signals: { code: string }[] }
}
type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } }

const countedTables = [
  'applications',
  'screening_results',
  'application_identifiers',
  'outbox_events',
  'cases',
] as const

type CountedTable = (typeof countedTables)[number]

async function rowCounts(store: Store): Promise<Record<CountedTable, number>> {
  const counts = {} as Record<CountedTable, number>
  for (const table of countedTables) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  return counts
}

function submit(app: FastifyInstance, headers: AuthHeaders, body: unknown, extra: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/v1/applications',
    headers: { ...headers, ...extra },
    payload: body as object,
  })
}

describe.each(storeTestTargets())('submission routes on $name', (target) => {
  let test: TestApp
  let screening: ScreeningService
  const jobs: Promise<RescreenReport>[] = []
  beforeAll(async () => {
    test = await openTestApp(target)
    screening = await createScreeningService({
      store: test.store,
      policy: defaultScoringPolicy,
      reference: testReference,
    })
    registerSubmissionRoutes(test.app, {
      screening,
      // A job queue would run this later in a worker; here it runs at once in this process.
      rescreenJobs: {
        start: (data) => {
          jobs.push(runRescreen(screening, data))
          return Promise.resolve({ jobId: `job-${jobs.length}` })
        },
      },
    })
    await test.app.ready()
  }, openTimeoutMs)
  afterAll(async () => {
    await Promise.allSettled(jobs)
    await screening.close()
    await test.close()
  })

  it('screens a new application: 201 with the stored application and its result', async () => {
    const before = await rowCounts(test.store)
    const response = await submit(test.app, test.keys.submit, aRiskyApplicationRecord('http-1'))
    expect(response.statusCode).toBe(201)
    expect(response.headers.location).toBe('/v1/applications/http-1')
    const body = response.json<SubmissionBody>()
    expect(body).toMatchObject({
      status: 'created',
      application: { id: 'http-1', idempotencyKey: 'api:http-1', latestVersion: 1 },
      result: { version: 1, outcome: 'hold', clusterId: 'cluster:http-1' },
    })
    expect(body.result.signals.map((signal) => signal.code)).toContain('email.disposable')
    const after = await rowCounts(test.store)
    expect(after.applications - before.applications).toBe(1)
    expect(after.outbox_events - before.outbox_events).toBe(1)
    expect(after.cases - before.cases).toBe(1)
    const audit = await test.store.audit.list({ target: 'application:http-1' })
    expect(audit.items[0]?.action).toBe('application.submitted')
    expect(audit.items[0]?.actor).toMatch(/^api-key:/)
    const metrics = await test.app.inject({ method: 'GET', url: '/metrics' })
    expect(metrics.body).toMatch(/hirewall_screenings_total\{outcome="hold"\} 1/)
  })

  it('answers a repeated submission with 200 and the stored result, and creates nothing', async () => {
    const first = await submit(test.app, test.keys.submit, anApplicationRecord('http-repeat'))
    expect(first.statusCode).toBe(201)
    const before = await rowCounts(test.store)
    const again = await submit(test.app, test.people.analyst, anApplicationRecord('http-repeat'))
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual({ ...first.json<SubmissionBody>(), status: 'existing' })
    expect(await rowCounts(test.store)).toEqual(before)
  })

  it('keys on the Idempotency-Key header when it is given', async () => {
    const key = { 'idempotency-key': 'client-key-7f3a' }
    const first = await submit(test.app, test.keys.submit, anApplicationRecord('http-keyed'), key)
    expect(first.json<SubmissionBody>().application.idempotencyKey).toBe('client-key-7f3a')
    // The same key with another body is the same submission: the stored one comes back.
    const again = await submit(test.app, test.keys.submit, anApplicationRecord('http-keyed-other'), key)
    expect(again.statusCode).toBe(200)
    expect(again.json<SubmissionBody>().application.id).toBe('http-keyed')
    expect(await test.store.applications.find('http-keyed-other')).toBeUndefined()
  })

  it('stores one application when sixteen submissions of one key arrive at once', async () => {
    const before = await rowCounts(test.store)
    const responses = await Promise.all(
      Array.from({ length: 16 }, () => submit(test.app, test.keys.submit, anApplicationRecord('http-race'))),
    )
    expect(responses.map((response) => response.statusCode).sort()).toEqual([...Array<number>(15).fill(200), 201])
    const results = responses.map((response) => response.json<SubmissionBody>().result)
    for (const result of results) expect(result).toEqual(results[0])
    const after = await rowCounts(test.store)
    expect(after.applications - before.applications).toBe(1)
    expect(after.screening_results - before.screening_results).toBe(1)
    expect(after.outbox_events - before.outbox_events).toBe(1)
  })

  it('answers 409 when the record id is stored under another idempotency key', async () => {
    const response = await submit(test.app, test.keys.submit, anApplicationRecord('http-repeat'), {
      'idempotency-key': 'a-different-key',
    })
    expect(response.statusCode).toBe(409)
    expect(response.json<ErrorBody>().error).toMatchObject({ code: 'CONFLICT', details: { reason: 'conflict' } })
  })

  it.each([
    ['a missing submission time', { ...anApplicationRecord('bad-1'), submittedAt: undefined }, 'body.submittedAt'],
    ['a field the record does not have', { ...anApplicationRecord('bad-2'), nickname: 'JJ' }, 'body.nickname'],
    [
      'a wrong type deep inside',
      anApplicationRecord('bad-3', { contacts: { phones: [{ value: 415 as unknown as string }] } }),
      'body.contacts.phones[0].value',
    ],
    ['a body that is not a record', ['not', 'a', 'record'], 'body'],
    [
      'a NUL character PostgreSQL cannot store',
      anApplicationRecord('bad-4', { cv: { basics: { name: 'Jordan\u0000Miller' } } }),
      'body.cv.basics.name',
    ],
  ])('refuses %s with 400 naming the field', async (_, body, path) => {
    const before = await rowCounts(test.store)
    const response = await submit(test.app, test.keys.submit, body)
    expect(response.statusCode).toBe(400)
    const error = response.json<ErrorBody>().error
    expect(error.code).toBe('VALIDATION_FAILED')
    expect((error.details.issues as { path: string }[]).map((issue) => issue.path)).toContain(path)
    expect(await rowCounts(test.store)).toEqual(before)
  })

  it('refuses an idempotency key with spaces or over 255 characters', async () => {
    for (const key of ['has spaces', 'k'.repeat(256)]) {
      const response = await submit(test.app, test.keys.submit, anApplicationRecord('bad-key'), {
        'idempotency-key': key,
      })
      expect(response.statusCode).toBe(400)
      expect(response.json<ErrorBody>().error.details.issues).toEqual([
        expect.objectContaining({ path: 'headers.idempotency-key' }),
      ])
    }
  })

  it('answers 503 and writes nothing when the database refuses the batch', async () => {
    await sql`create or replace function test_refuse_poison() returns trigger language plpgsql as $$
      begin
        if new.id like 'poison%' then raise exception 'refused by the test'; end if;
        return new;
      end $$`.execute(test.store.db)
    await sql`create trigger test_refuse_poison before insert on applications
      for each row execute function test_refuse_poison()`.execute(test.store.db)
    try {
      const before = await rowCounts(test.store)
      const response = await submit(
        test.app,
        test.keys.submit,
        aRingMember('poison-http', 'Ada Quinn', '+1 415 555 0161'),
      )
      expect(response.statusCode).toBe(503)
      expect(response.json<ErrorBody>().error).toMatchObject({
        code: 'UNAVAILABLE',
        details: { reason: 'unavailable' },
      })
      expect(await rowCounts(test.store)).toEqual(before)
      // The next submission sharing its phone does not see it: the index forgot the failed link.
      const next = await submit(test.app, test.keys.submit, aRingMember('after-poison', 'Ben Ortiz', '+1 415 555 0161'))
      expect(next.json<SubmissionBody>().result.signals.map((signal) => signal.code)).not.toContain(
        'identity.shared.phone',
      )
    } finally {
      await sql`drop trigger test_refuse_poison on applications`.execute(test.store.db)
    }
  })

  it('re-screens listed applications with a stricter policy and reports the changed outcomes', async () => {
    const basics = { name: 'Jordan Avery Miller', email: 'xq7z9k2m@gmail.com', phone: '(415) 555-0132' }
    const created = await submit(test.app, test.keys.submit, anApplicationRecord('http-rs', { cv: { basics } }))
    expect(created.json<SubmissionBody>().result.outcome).toBe('clear')
    screening.reconfigure({ policy: strictTestPolicy })
    try {
      const response = await test.app.inject({
        method: 'POST',
        url: '/v1/rescreen',
        headers: test.people.admin,
        payload: { applicationIds: ['http-rs', 'http-missing'] },
      })
      expect(response.statusCode).toBe(200)
      const report = response.json<{ screened: number; changed: unknown[]; notFound: string[] }>()
      expect(report).toMatchObject({ status: 'completed', screened: 1, notFound: ['http-missing'] })
      expect(report.changed).toEqual([
        {
          applicationId: 'http-rs',
          from: { outcome: 'clear', score: created.json<SubmissionBody>().result.score },
          to: { outcome: 'review', score: expect.any(Number) as number },
        },
      ])
      const events = await test.store.db
        .selectFrom('outbox_events')
        .select('payload')
        .where('type', '=', 'screening.outcome_changed')
        .execute()
      expect(events.map((event) => event.payload)).toContainEqual(
        expect.objectContaining({ applicationId: 'http-rs', reason: 'policy-changed', version: 2 }),
      )
      const audit = await test.store.audit.list({ action: 'applications.rescreened' })
      expect(audit.items[0]?.actor).toBe(`user:${test.people.admin.userId}`)
    } finally {
      screening.reconfigure({ policy: defaultScoringPolicy })
    }
  })

  it('starts a background job to re-screen every application', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/v1/rescreen', headers: test.keys.admin })
    expect(response.statusCode).toBe(202)
    expect(response.json()).toEqual({ status: 'queued', jobId: 'job-1', policyVersion: defaultScoringPolicy.version })
    const report = await jobs[0]
    expect(report?.completed).toBe(true)
    expect(report?.screened).toBe((await rowCounts(test.store)).applications)
  })

  it('refuses a re-screening request it cannot read', async () => {
    for (const payload of [{ applicationIds: [] }, { applicationIds: ['a'], everything: true }]) {
      const response = await test.app.inject({ method: 'POST', url: '/v1/rescreen', headers: test.keys.admin, payload })
      expect(response.statusCode).toBe(400)
      expect(response.json<ErrorBody>().error.code).toBe('VALIDATION_FAILED')
    }
  })

  it.each([
    ['no credentials', undefined, 401, 401],
    ['a read key', 'read', 403, 403],
    ['a submit key', 'submit', 201, 403],
    ['an admin key', 'admin', 201, 200],
    ['a viewer', 'viewer', 403, 403],
    ['an analyst', 'analyst', 201, 403],
    ['an admin', 'admin-person', 201, 200],
  ] as const)('holds %s to its permissions', async (_, who, submitStatus, rescreenStatus) => {
    const headers: AuthHeaders =
      who === undefined
        ? {}
        : who === 'viewer' || who === 'analyst'
          ? test.people[who]
          : who === 'admin-person'
            ? test.people.admin
            : test.keys[who]
    const submitted = await submit(test.app, headers, anApplicationRecord(`perm-${who ?? 'none'}`))
    expect(submitted.statusCode).toBe(submitStatus)
    const rescreened = await test.app.inject({
      method: 'POST',
      url: '/v1/rescreen',
      headers,
      payload: { applicationIds: ['http-1'] },
    })
    expect(rescreened.statusCode).toBe(rescreenStatus)
  })

  it('documents both endpoints in the OpenAPI document', async () => {
    const document = (await test.app.inject({ method: 'GET', url: '/docs/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
    }>()
    expect(Object.keys(document.paths['/v1/applications']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '201', '400', '409', '503']),
    )
    expect(Object.keys(document.paths['/v1/rescreen']?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '202', '403']),
    )
  })
})

describe.each(storeTestTargets())('a ring submitted over HTTP on $name', (target) => {
  let options: StoreOptions
  let dispose: () => Promise<void> = () => Promise.resolve()
  beforeAll(async () => {
    if (target.name === 'postgres') {
      const database = await target.open()
      options = database.options
      dispose = () => database.dispose()
    } else {
      const dataDir = await mkdtemp(join(tmpdir(), 'hirewall-submission-'))
      options = { dataDir, env: {} }
      dispose = () => rm(dataDir, { recursive: true, force: true })
    }
  }, openTimeoutMs)
  afterAll(() => dispose())

  /** The whole service as a process would run it: a store, the screening pipeline, the app with its routes. */
  async function startService(): Promise<{
    app: FastifyInstance
    store: Store
    headers: AuthHeaders
    stop: () => Promise<void>
  }> {
    const store = await openStore(options)
    const screening = await createScreeningService({ store, policy: defaultScoringPolicy, reference: testReference })
    const app = await buildApp({ logLevel: 'silent', processMetrics: false, accessControl: storeAccessControl(store) })
    registerSubmissionRoutes(app, { screening })
    await app.ready()
    const key = generateApiKey()
    await store.apiKeys.create({
      name: 'ring test',
      prefix: key.prefix,
      keyHash: key.tokenHash,
      scopes: ['submit'],
      createdBy: 'test',
    })
    return {
      app,
      store,
      headers: { authorization: `Bearer ${key.token}` },
      stop: async () => {
        await app.close()
        await screening.close()
        await store.close()
      },
    }
  }

  it(
    'links a ring sharing a phone and keeps its cluster when the service restarts',
    async () => {
      const phone = '+1 415 555 0123'
      const ring: ApplicationRecord[] = [
        aRingMember('http-ring-1', 'Dana Whitfield', phone),
        aRingMember('http-ring-2', 'Marcus Oyelaran', phone),
        aRingMember('http-ring-3', 'Priya Castellanos', phone),
      ]
      const first = await startService()
      try {
        for (const record of ring) expect((await submit(first.app, first.headers, record)).statusCode).toBe(201)
        expect(await first.store.identity.cluster('cluster:http-ring-1')).toMatchObject({
          applicationIds: ['http-ring-1', 'http-ring-2', 'http-ring-3'],
          claimedPeople: 3,
        })
      } finally {
        await first.stop()
      }
      const second = await startService()
      try {
        expect((await second.store.identity.cluster('cluster:http-ring-1'))?.applicationIds).toHaveLength(3)
        const fourth = await submit(second.app, second.headers, aRingMember('http-ring-4', 'Tomasz Brennan', phone))
        const body = fourth.json<SubmissionBody>()
        expect(body.result.clusterId).toBe('cluster:http-ring-1')
        expect(body.result.signals.map((signal) => signal.code)).toEqual(
          expect.arrayContaining(['identity.shared.phone', 'identity.ring']),
        )
        expect((await second.store.identity.cluster('cluster:http-ring-1'))?.applicationIds).toEqual([
          'http-ring-1',
          'http-ring-2',
          'http-ring-3',
          'http-ring-4',
        ])
      } finally {
        await second.stop()
      }
    },
    openTimeoutMs,
  )
})
