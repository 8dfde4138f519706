import { defaultScoringPolicy, InMemoryIdentityIndex, screenApplication, type ApplicationRecord } from '@hirewall/core'
import { openStore, openTimeoutMs, storeTestTargets, type Store, type TestDatabase } from '@hirewall/store'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  anApplicationRecord,
  aRingMember,
  aRiskyApplicationRecord,
  strictTestPolicy,
  testReference,
} from '../testing/application-fixtures.js'
import { createScreeningService, type ScreeningServiceOptions } from './create-screening-service.js'
import type { ScreeningService, SubmissionResult } from './screening-service.js'

const tables = [
  'applications',
  'screening_results',
  'application_identifiers',
  'cluster_members',
  'cases',
  'outbox_events',
  'audit_log',
] as const

async function rowCounts(store: Store): Promise<Record<(typeof tables)[number], number>> {
  const counts = {} as Record<(typeof tables)[number], number>
  for (const table of tables) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  return counts
}

function submission(record: ApplicationRecord, idempotencyKey?: string) {
  return { record, raw: { received: record.id }, actor: 'api-key:test', ...(idempotencyKey ? { idempotencyKey } : {}) }
}

function serviceOptions(store: Store, extra: Partial<ScreeningServiceOptions> = {}): ScreeningServiceOptions {
  return { store, policy: defaultScoringPolicy, reference: testReference, ...extra }
}

function created(result: SubmissionResult | undefined) {
  if (result?.status !== 'created') throw new Error(`expected created, got ${JSON.stringify(result)}`)
  return result
}

function failed(result: SubmissionResult | undefined): readonly [string, string] {
  if (result?.status !== 'failed') throw new Error(`expected a failure, got ${JSON.stringify(result)}`)
  return [result.code, result.message]
}

describe.each(storeTestTargets())('the screening service on $name', ({ name, open }) => {
  let database: TestDatabase
  let service: ScreeningService
  beforeAll(async () => {
    database = await open()
    service = await createScreeningService(serviceOptions(database.store))
  }, openTimeoutMs)
  afterAll(async () => {
    await service.close()
    await database.dispose()
  })

  it('stores, screens and reports a new application in one go', async () => {
    const { store } = database
    const outcome = await service.submit(submission(aRiskyApplicationRecord('svc-risky')))
    expect(outcome.status).toBe('created')
    expect(outcome.application).toMatchObject({ id: 'svc-risky', idempotencyKey: 'api:svc-risky', latestVersion: 1 })
    expect(outcome.result).toMatchObject({
      version: 1,
      trigger: 'submission',
      outcome: 'hold',
      clusterId: 'cluster:svc-risky',
    })
    expect(await store.results.latest('svc-risky')).toEqual(outcome.result)
    expect(await store.cases.openCaseFor({ kind: 'application', id: 'svc-risky' })).toMatchObject({
      openedBy: 'system:screening',
    })
    const audit = await store.audit.list({ target: 'application:svc-risky' })
    expect(audit.items.map((entry) => [entry.actor, entry.action])).toEqual([['api-key:test', 'application.submitted']])
    const events = await store.db.selectFrom('outbox_events').selectAll().execute()
    const event = events.find((row) => (row.payload as { applicationId?: string }).applicationId === 'svc-risky')
    expect(event?.type).toBe('screening.completed')
    expect(event?.payload).toEqual({
      applicationId: 'svc-risky',
      externalId: 'svc-risky',
      source: 'api',
      requisitionId: 'req-1',
      score: outcome.result.score,
      outcome: 'hold',
      signalCodes: [...new Set(outcome.result.signals.map((signal) => signal.code))],
      clusterId: 'cluster:svc-risky',
      policyVersion: defaultScoringPolicy.version,
      version: 1,
      screenedAt: outcome.result.createdAt.toISOString(),
    })
    // No personal data in events: the name and mailbox stay in the application.
    expect(JSON.stringify(event?.payload)).not.toMatch(/Alex|Kim|mailinator/)
  })

  it('returns the stored application and result for a repeated key and writes nothing', async () => {
    const first = await service.submit(submission(anApplicationRecord('svc-repeat')))
    const before = await rowCounts(database.store)
    const again = await service.submit(submission(anApplicationRecord('svc-repeat')))
    expect(again).toEqual({ ...first, status: 'existing' })
    expect(await rowCounts(database.store)).toEqual(before)
  })

  it('stores one application when sixteen submissions of one key race', async () => {
    const before = await rowCounts(database.store)
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        service.submit(submission(anApplicationRecord(`svc-race-${index}`), 'race-key')),
      ),
    )
    expect(results.filter((result) => result.status === 'created')).toHaveLength(1)
    expect(new Set(results.map((result) => result.application.id)).size).toBe(1)
    expect(new Set(results.map((result) => result.result.id)).size).toBe(1)
    const after = await rowCounts(database.store)
    expect(after.applications - before.applications).toBe(1)
    expect(after.screening_results - before.screening_results).toBe(1)
    expect(after.outbox_events - before.outbox_events).toBe(1)
  })

  it('answers each submission of a batch in order, and a reused id under another key is a conflict', async () => {
    const results = await service.submitMany([
      submission(anApplicationRecord('svc-many-1')),
      submission(anApplicationRecord('svc-many-2')),
      submission(anApplicationRecord('svc-many-1')),
      submission(anApplicationRecord('svc-many-2'), 'another-key'),
      submission(anApplicationRecord('svc-repeat'), 'yet-another-key'),
    ])
    expect(results.map((result) => result.status)).toEqual(['created', 'created', 'existing', 'failed', 'failed'])
    expect(failed(results[3])).toEqual(['conflict', expect.stringContaining('svc-many-2') as string])
    expect(failed(results[4])[0]).toBe('conflict')
    await expect(service.submit(submission(anApplicationRecord('svc-many-1'), 'other'))).rejects.toMatchObject({
      name: 'ScreeningError',
      code: 'conflict',
    })
  })

  it('refuses a value PostgreSQL cannot store, naming where it is, and stores the rest', async () => {
    const record = anApplicationRecord('svc-nul', { cv: { basics: { name: 'Nul\u0000Byte' } } })
    const results = await service.submitMany([submission(record), submission(anApplicationRecord('svc-after-nul'))])
    expect(failed(results[0])).toEqual(['invalid', expect.stringContaining('record.cv.basics.name') as string])
    expect(results[1]?.status).toBe('created')
    expect(await database.store.applications.find('svc-nul')).toBeUndefined()
  })

  it('links a ring sharing a phone, persists its cluster and keeps it across a restart', async () => {
    const { store } = database
    const phone = '+1 415 555 0199'
    const results = await service.submitMany([
      submission(aRingMember('ring-1', 'Dana Whitfield', phone)),
      submission(aRingMember('ring-2', 'Marcus Oyelaran', phone)),
      submission(aRingMember('ring-3', 'Priya Castellanos', phone)),
    ])
    const third = created(results[2])
    expect(third.result.signals.map((signal) => signal.code)).toContain('identity.shared.phone')
    expect(third.result.clusterId).toBe('cluster:ring-1')
    expect(await store.identity.cluster('cluster:ring-1')).toMatchObject({
      applicationIds: ['ring-1', 'ring-2', 'ring-3'],
      claimedPeople: 3,
    })
    // A new process over the same database replays the pool: a fourth persona joins the same ring.
    await service.close()
    service = await createScreeningService(serviceOptions(store))
    const fourth = await service.submit(submission(aRingMember('ring-4', 'Tomasz Brennan', phone)))
    const shared = fourth.result.signals.find((signal) => signal.code === 'identity.shared.phone')
    expect(shared?.evidence).toMatchObject({ otherPeople: 3 })
    expect(fourth.result.clusterId).toBe('cluster:ring-1')
    expect((await store.identity.cluster('cluster:ring-1'))?.applicationIds).toEqual([
      'ring-1',
      'ring-2',
      'ring-3',
      'ring-4',
    ])
  })

  it('scores exactly as core screening does with the same pool', async () => {
    const records = [
      aRingMember('eq-1', 'Ana Lopez', '+1 415 555 0142'),
      aRiskyApplicationRecord('eq-2'),
      aRingMember('eq-3', 'Bo Chen', '+1 415 555 0142'),
      anApplicationRecord('eq-4'),
    ]
    // The service's pool already holds earlier applications: replay them into a fresh index first.
    const index = new InMemoryIdentityIndex()
    for (const linked of await database.store.linking.linkedAfter(0, 10_000)) index.link(linked.record, linked.facts)
    const expected = records.map((record) =>
      screenApplication(record, { policy: defaultScoringPolicy, reference: testReference, identityIndex: index }),
    )
    const results = await service.submitMany(records.map((record) => submission(record)))
    results.forEach((result, position) => {
      // The service also keeps the identity graph's facts at link time with each result (for the risk model).
      const { id, version, trigger, createdAt, linkFacts, ...screened } = created(result).result
      expect([id > 0, version, trigger, createdAt instanceof Date]).toEqual([true, 1, 'submission', true])
      expect(linkFacts?.clusterApplications).toBeGreaterThanOrEqual(1)
      expect(screened).toEqual(expected[position])
    })
  })

  it('writes nothing of a submission whose batch fails, forgets its link, and still stores the others', async () => {
    const { store } = database
    // A database failure in the middle of a batch: a trigger refuses one row.
    await sql`create or replace function test_refuse_poison() returns trigger language plpgsql as $$
      begin
        if new.id like 'poison%' then raise exception 'refused by the test'; end if;
        return new;
      end $$`.execute(store.db)
    await sql`create trigger test_refuse_poison before insert on applications
      for each row execute function test_refuse_poison()`.execute(store.db)
    const errors: unknown[] = []
    await service.close()
    service = await createScreeningService(serviceOptions(store, { onError: (error) => errors.push(error) }))
    try {
      const phone = '+1 415 555 0177'
      const before = await rowCounts(store)
      const results = await service.submitMany([
        submission(aRingMember('fail-1', 'Ines Albright', phone)),
        submission(aRingMember('poison-1', 'Omar Velasquez', phone)),
        submission(aRingMember('fail-2', 'Kwame Mensah', phone)),
      ])
      expect(results.map((result) => result.status)).toEqual(['created', 'failed', 'created'])
      expect(failed(results[1])).toEqual(['unavailable', expect.stringContaining('retry') as string])
      expect(errors.length).toBeGreaterThan(0)
      const after = await rowCounts(store)
      expect(after.applications - before.applications).toBe(2)
      expect(after.screening_results - before.screening_results).toBe(2)
      expect(after.outbox_events - before.outbox_events).toBe(2)
      expect(await store.identity.applicationsWith({ kind: 'phone', value: '+14155550177' })).toEqual([
        'fail-1',
        'fail-2',
      ])
      // The index forgot the failed link: fail-2 shares the phone with one other person, not two.
      const shared = created(results[2]).result.signals.find((signal) => signal.code === 'identity.shared.phone')
      expect(shared?.evidence).toMatchObject({ otherPeople: 1, otherApplicationIds: ['fail-1'] })
    } finally {
      await sql`drop trigger test_refuse_poison on applications`.execute(store.db)
    }
  })

  it('re-screens with a stricter policy: next versions, changed outcomes reported, cases opened', async () => {
    const { store } = database
    // Clear under the default policy (one low signal: a generated-looking mailbox), review under the strict one.
    const basics = { name: 'Jordan Avery Miller', email: 'xq7z9k2m@gmail.com', phone: '(415) 555-0132' }
    const clean = await service.submit(submission(anApplicationRecord('rs-clean', { cv: { basics } })))
    expect(clean.result.outcome).toBe('clear')
    const ring = (await store.results.latest('ring-4'))!
    service.reconfigure({ policy: strictTestPolicy })
    expect(service.versions().policyVersion).toBe('strict-test-1')
    const progress: number[] = []
    const report = await service.rescreen({
      applicationIds: ['rs-clean', 'ring-4', 'nobody'],
      actor: 'user:admin',
      pageSize: 1,
      onProgress: (step) => {
        progress.push(step.screened)
      },
    })
    expect(report).toMatchObject({ screened: 2, completed: true, lastApplicationId: 'rs-clean', notFound: ['nobody'] })
    expect(progress).toEqual([1, 2])
    const changed = report.changed.find((change) => change.applicationId === 'rs-clean')
    expect(changed?.from.outcome).toBe('clear')
    const latest = await store.results.latest('rs-clean')
    expect(latest).toMatchObject({ version: 2, trigger: 'rescreen', policyVersion: 'strict-test-1' })
    expect(latest?.outcome).not.toBe('clear')
    // The ring member keeps the identity signals of its link without being linked again.
    const ringAgain = (await store.results.latest('ring-4'))!
    expect(ringAgain.version).toBe(ring.version + 1)
    expect(
      ringAgain.signals.filter((signal) => signal.category === 'identity-reuse').map((signal) => signal.code),
    ).toEqual(ring.signals.filter((signal) => signal.category === 'identity-reuse').map((signal) => signal.code))
    expect(ringAgain.clusterId).toBe('cluster:ring-1')
    const events = await store.db
      .selectFrom('outbox_events')
      .selectAll()
      .where('type', '=', 'screening.outcome_changed')
      .execute()
    expect(events.map((event) => event.payload)).toContainEqual({
      applicationId: 'rs-clean',
      from: { outcome: 'clear', score: clean.result.score },
      to: { outcome: latest?.outcome, score: latest?.score },
      version: 2,
      policyVersion: 'strict-test-1',
      reason: 'policy-changed',
    })
    expect(await store.cases.openCaseFor({ kind: 'application', id: 'rs-clean' })).toBeDefined()
    expect((await store.audit.list({ action: 'applications.rescreened' })).items[0]).toMatchObject({
      actor: 'user:admin',
      details: { screened: 2, changed: report.changed.length, completed: true, policyVersion: 'strict-test-1' },
    })
    service.reconfigure({ policy: defaultScoringPolicy })
  })

  it('re-screens the whole pool a page at a time and stops early when aborted', async () => {
    const total = (await rowCounts(database.store)).applications
    const controller = new AbortController()
    const partial = await service.rescreen({
      pageSize: 3,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    })
    expect(partial).toMatchObject({ screened: 3, completed: false })
    const rest = await service.rescreen({ pageSize: 7, after: partial.lastApplicationId! })
    expect(rest.completed).toBe(true)
    expect(partial.screened + rest.screened).toBe(total)
  })

  it.runIf(name === 'postgres')('keeps two processes on one database linking as one', async () => {
    const other = await openStore(database.options)
    const second = await createScreeningService(serviceOptions(other))
    try {
      const phone = '+1 415 555 0188'
      await service.submit(submission(aRingMember('mp-1', 'Lena Fischer', phone)))
      const fromSecond = await second.submit(submission(aRingMember('mp-2', 'Hugo Laurent', phone)))
      const backOnFirst = await service.submit(submission(aRingMember('mp-3', 'Sara Nilsson', phone)))
      expect(
        fromSecond.result.signals.find((signal) => signal.code === 'identity.shared.phone')?.evidence,
      ).toMatchObject({
        otherApplicationIds: ['mp-1'],
      })
      expect(
        backOnFirst.result.signals.find((signal) => signal.code === 'identity.shared.phone')?.evidence,
      ).toMatchObject({
        otherPeople: 2,
      })
      // Racing submissions from both processes: link order stays a gapless sequence.
      await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          (index % 2 === 0 ? service : second).submit(
            submission(aRingMember(`mp-race-${index}`, `Person ${index} Race`, phone)),
          ),
        ),
      )
      const seqs = await database.store.db.selectFrom('applications').select('link_seq').orderBy('link_seq').execute()
      expect(seqs.map((row) => row.link_seq)).toEqual(seqs.map((_, index) => index + 1))
      expect((await database.store.identity.cluster('cluster:mp-1'))?.applicationIds).toHaveLength(13)
    } finally {
      await second.close()
      await other.close()
    }
  })

  it('refuses new work once closed', async () => {
    await service.close()
    await expect(service.submit(submission(anApplicationRecord('svc-closed')))).rejects.toMatchObject({
      code: 'closed',
    })
    expect(await service.submitMany([submission(anApplicationRecord('svc-closed'))])).toEqual([
      expect.objectContaining({ status: 'failed', code: 'closed' }),
    ])
  })
})
