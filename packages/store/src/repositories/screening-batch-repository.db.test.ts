import { normaliseApplication, type ApplicationRecord, type Identifier, type ScreeningResult } from '@hirewall/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aRecord, aRiskyRecord, screen } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import type { NewScreenedApplication } from './screening-batch-repository.js'

const phone: Identifier = { kind: 'phone', value: '+14155550132', display: '(415) 555-0132' }
let nextSeq = 1

function screened(record: ApplicationRecord, identifiers: readonly Identifier[] = []): NewScreenedApplication {
  return {
    record,
    raw: { as: 'received', id: record.id },
    facts: normaliseApplication(record),
    idempotencyKey: `api:${record.id}`,
    linkSeq: nextSeq++,
    identitySignals: [{ code: 'identity.shared.phone', severity: 'medium', message: 'shared', evidence: {} }],
    identifiers,
    result: { ...screen(record), clusterId: `cluster:${record.id}` },
  }
}

async function count(database: TestDatabase, table: 'applications' | 'screening_results' | 'outbox_events') {
  const row = await database.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe.each(storeTestTargets())('screening batches on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('writes applications, first results, pointers and identifiers of a batch', async () => {
    const { store } = database
    const at = new Date('2026-03-02T16:00:00.000Z')
    const written = await store.screeningBatches.insertScreened(
      [screened(aRecord('b-1'), [phone]), screened(aRiskyRecord('b-2'), [phone])],
      at,
    )
    expect(written.map((item) => [item.application.id, item.result.version, item.result.trigger])).toEqual([
      ['b-1', 1, 'submission'],
      ['b-2', 1, 'submission'],
    ])
    const stored = await store.applications.find('b-2')
    expect(stored).toMatchObject({ idempotencyKey: 'api:b-2', latestVersion: 1, receivedAt: at })
    expect(stored).toEqual(written[1]?.application)
    expect(await store.results.latest('b-2')).toEqual(written[1]?.result)
    expect(await store.identity.applicationsWith(phone)).toEqual(['b-1', 'b-2'])
  })

  it('writes nothing of a batch when one row fails', async () => {
    const { store } = database
    const before = [await count(database, 'applications'), await count(database, 'screening_results')]
    const fresh = screened(aRecord('b-3'))
    const clash = { ...screened(aRecord('b-4')), idempotencyKey: 'api:b-1' }
    await expect(store.screeningBatches.insertScreened([fresh, clash], new Date())).rejects.toMatchObject({
      code: 'conflict',
    })
    expect([await count(database, 'applications'), await count(database, 'screening_results')]).toEqual(before)
  })

  it('appends next versions for a batch and says what each replaced', async () => {
    const { store } = database
    const stricter = (id: string, base: ScreeningResult): ScreeningResult => ({
      ...base,
      applicationId: id,
      score: 80,
      outcome: 'hold',
      holdGate: 'met',
      policyVersion: 'stricter',
    })
    const first = await store.results.latest('b-1')
    if (!first) throw new Error('b-1 has no result')
    const appended = await store.screeningBatches.appendResults(
      [stricter('b-1', first), stricter('b-2', first)],
      'rescreen',
    )
    expect(appended.map(({ result, previous }) => [result.applicationId, result.version, previous?.outcome])).toEqual([
      ['b-1', 2, first.outcome],
      ['b-2', 2, 'hold'],
    ])
    expect(await store.results.latest('b-1')).toMatchObject({ version: 2, trigger: 'rescreen', outcome: 'hold' })
    const again = await store.screeningBatches.appendResults([stricter('b-1', first)], 'rescreen')
    expect(again[0]).toMatchObject({ result: { version: 3 }, previous: { version: 2, outcome: 'hold', score: 80 } })
    await expect(
      store.screeningBatches.appendResults([stricter('b-missing', first)], 'rescreen'),
    ).rejects.toMatchObject({ code: 'not-found' })
  })

  it('assigns clusters, moving only members elsewhere and deleting clusters left empty', async () => {
    const { store } = database
    await store.screeningBatches.insertScreened([screened(aRecord('c-1')), screened(aRecord('c-2'))], new Date())
    await store.screeningBatches.assignClusters([
      { clusterId: 'cluster:b-1', applicationIds: ['b-1', 'b-2'], claimedPeople: 2, isRing: false },
      { clusterId: 'cluster:c-1', applicationIds: ['c-1', 'c-2'], claimedPeople: 1, isRing: false },
    ])
    expect(await store.identity.cluster('cluster:c-1')).toMatchObject({ applicationIds: ['c-1', 'c-2'] })
    await store.screeningBatches.assignClusters([
      { clusterId: 'cluster:b-1', applicationIds: ['b-1', 'b-2', 'c-1', 'c-2'], claimedPeople: 3, isRing: true },
    ])
    expect(await store.identity.cluster('cluster:b-1')).toMatchObject({
      applicationIds: ['b-1', 'b-2', 'c-1', 'c-2'],
      claimedPeople: 3,
      isRing: true,
    })
    expect(await store.identity.cluster('cluster:c-1')).toBeUndefined()
    expect(await store.identity.clusterOf('c-2')).toBe('cluster:b-1')
  })

  it('opens one case per subject without an open one', async () => {
    const { store } = database
    const subjects = [
      { kind: 'application', id: 'b-1' },
      { kind: 'application', id: 'b-2' },
      { kind: 'application', id: 'b-2' },
    ] as const
    expect(await store.screeningBatches.openCases(subjects, 'system:test')).toBe(2)
    expect(await store.screeningBatches.openCases(subjects, 'system:test')).toBe(0)
    expect(await store.cases.openCaseFor({ kind: 'application', id: 'b-2' })).toMatchObject({ openedBy: 'system:test' })
  })

  it('enqueues events with one delivery per subscription that wants each type', async () => {
    const { store } = database
    const all = await store.webhookSubscriptions.create({
      url: 'https://example.com/all',
      secret: 'whsec_test',
      eventTypes: ['*'],
      createdBy: 'test',
    })
    const changes = await store.webhookSubscriptions.create({
      url: 'https://example.com/changes',
      secret: 'whsec_test',
      eventTypes: ['screening.outcome_changed'],
      createdBy: 'test',
    })
    const completed = crypto.randomUUID()
    const changed = crypto.randomUUID()
    await store.screeningBatches.enqueueEvents([
      { id: completed, type: 'screening.completed', payload: { applicationId: 'b-1' } },
      { id: changed, type: 'screening.outcome_changed', payload: { applicationId: 'b-2' } },
    ])
    const ofEvent = async (eventId: string) =>
      (await store.outbox.list({ eventId })).items.map((delivery) => delivery.subscriptionId).sort()
    expect(await ofEvent(completed)).toEqual([all.id])
    expect(await ofEvent(changed)).toEqual([all.id, changes.id].sort())
  })

  it('appends audit entries', async () => {
    const { store } = database
    await store.screeningBatches.appendAudit([
      { actor: 'api-key:abc', action: 'application.submitted', target: 'application:b-1' },
      { actor: 'api-key:abc', action: 'application.submitted', target: 'application:b-2', details: { n: 2 } },
    ])
    const entries = await store.audit.list({ action: 'application.submitted' })
    expect(entries.items.map((entry) => [entry.target, entry.details])).toEqual([
      ['application:b-2', { n: 2 }],
      ['application:b-1', {}],
    ])
  })

  it('pages screened applications for re-screening with their identity signals and current cluster', async () => {
    const { store } = database
    const first = await store.screeningBatches.rescreenPage({ limit: 2 })
    expect(first.map((candidate) => candidate.id)).toEqual(['b-1', 'b-2'])
    const next = await store.screeningBatches.rescreenPage({ after: 'b-2', limit: 2 })
    expect(next.map((candidate) => candidate.id)).toEqual(['c-1', 'c-2'])
    expect(next[1]).toMatchObject({
      record: aRecord('c-2'),
      identitySignals: [{ code: 'identity.shared.phone' }],
      clusterId: 'cluster:b-1',
      latest: { version: 1 },
    })
    const chosen = await store.screeningBatches.rescreenPage({ applicationIds: ['c-1', 'nobody'], limit: 10 })
    expect(chosen.map((candidate) => [candidate.id, candidate.clusterId])).toEqual([['c-1', 'cluster:b-1']])
  })

  it('writes an API payload that is the record itself once, and reads it back as the record', async () => {
    const { store } = database
    const record = aRecord('b-same-raw')
    await store.screeningBatches.insertScreened([{ ...screened(record), raw: record }], new Date())
    expect((await store.applications.find('b-same-raw'))?.raw).toEqual(record)
    const row = await store.db
      .selectFrom('applications')
      .select('raw')
      .where('id', '=', 'b-same-raw')
      .executeTakeFirst()
    expect(row).toEqual({ raw: null })
  })
})
