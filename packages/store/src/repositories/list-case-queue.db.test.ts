import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aRecord, aRiskyRecord, screen } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import type { Case, Subject } from './case-repository.js'
import type { CaseQueueFilter, CaseQueueRequest, QueuedCase } from './list-case-queue.js'

/** Scores are set by hand so the expected order is plain; outcomes follow the default thresholds' spirit. */
const seeded = [
  { id: 'rq-low', score: 12, outcome: 'clear' },
  { id: 'rq-mid', score: 45, outcome: 'review' },
  { id: 'rq-high', score: 91, outcome: 'hold' },
  { id: 'rq-tie', score: 45, outcome: 'review' },
  { id: 'rq-ring-1', score: 30, outcome: 'clear' },
  { id: 'rq-ring-2', score: 77, outcome: 'hold' },
  { id: 'rq-unscreened', score: undefined, outcome: undefined },
] as const

describe.each(storeTestTargets())('the review queue on $name', ({ open }) => {
  let database: TestDatabase
  const cases = new Map<string, Case>()
  let analystId = ''

  beforeAll(async () => {
    database = await open()
    const { store } = database
    for (const { id, score, outcome } of seeded) {
      const record = score !== undefined && score > 50 ? aRiskyRecord(id) : aRecord(id)
      await store.applications.submit({ record, raw: {} })
      if (score === undefined || outcome === undefined) continue
      await store.results.append({ ...screen(record), score, outcome })
    }
    await store.identity.assignCluster({
      clusterId: 'cluster:rq-ring-1',
      applicationIds: ['rq-ring-1', 'rq-ring-2'],
      claimedPeople: 2,
      isRing: true,
    })
    // Opened in this order, so among equal scores the older case comes first.
    const subjects: Subject[] = [
      { kind: 'application', id: 'rq-mid' },
      { kind: 'application', id: 'rq-low' },
      { kind: 'cluster', id: 'cluster:rq-ring-1' },
      { kind: 'application', id: 'rq-unscreened' },
      { kind: 'application', id: 'rq-high' },
      { kind: 'application', id: 'rq-tie' },
    ]
    for (const subject of subjects) cases.set(subject.id, await store.cases.open(subject, 'system:test'))
    analystId = (await store.users.create({ email: 'queue-analyst@example.com', role: 'analyst' })).id
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  const everything = async (
    filter: CaseQueueFilter = {},
    request: CaseQueueRequest = {},
    limit = 2,
  ): Promise<QueuedCase[]> => {
    const items: QueuedCase[] = []
    let after: string | undefined
    for (let pages = 0; pages < 40; pages++) {
      const page = await database.store.cases.queue(filter, { ...request, limit, ...(after ? { after } : {}) })
      items.push(...page.items)
      after = page.nextCursor
      if (after === undefined) break
    }
    return items
  }

  it("lists open cases riskiest first by their subject's latest score, a cluster by its riskiest member", async () => {
    const items = await everything()
    expect(items.map((item) => item.case.subject.id)).toEqual([
      'rq-high',
      'cluster:rq-ring-1',
      'rq-mid',
      'rq-tie',
      'rq-low',
      'rq-unscreened',
    ])
    expect(items[1]).toMatchObject({
      risk: { applicationId: 'rq-ring-2', score: 77, outcome: 'hold' },
      candidateName: 'Alex Kim',
      applicationCount: 2,
    })
    expect(items[5]).toMatchObject({ risk: null, candidateName: 'Jordan Avery Miller', applicationCount: 1 })
  })

  it('lists them oldest first on request', async () => {
    const items = await everything({}, { order: 'oldest' })
    // Oldest means by opening time, then case id: cases opened within one millisecond (a fast server) tie on time.
    const byOpening = [...cases.values()].sort(
      (a, b) => a.openedAt.getTime() - b.openedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    expect(items.map((item) => item.case.subject.id)).toEqual(byOpening.map((item) => item.subject.id))
  })

  it.each<[string, CaseQueueFilter, readonly string[], CaseQueueRequest?]>([
    ['outcome', { outcomes: ['hold'] }, ['rq-high', 'cluster:rq-ring-1']],
    ['no outcome at all', { outcomes: [] }, []],
    ['subject kind', { subjectKind: 'cluster' }, ['cluster:rq-ring-1']],
    ['closed cases', { status: 'closed' }, []],
    [
      'outcome, oldest first',
      { outcomes: ['hold', 'review'] },
      ['rq-mid', 'cluster:rq-ring-1', 'rq-high', 'rq-tie'],
      { order: 'oldest' },
    ],
    ['an assignee that is not a user id', { assignedTo: 'nobody' }, []],
  ])('filters by %s', async (_name, filter, expected, request = {}) => {
    expect((await everything(filter, request)).map((item) => item.case.subject.id)).toEqual(expected)
  })

  it('assigns an open case, audits it, filters by assignee and refuses a closed case', async () => {
    const { store } = database
    const mid = cases.get('rq-mid')
    if (!mid) throw new Error('seed missing')
    const assigned = await store.cases.assign(mid.id, analystId, 'user:lead')
    expect(assigned).toMatchObject({ assignedTo: analystId, status: 'open' })
    expect(assigned.assignedAt).toBeInstanceOf(Date)
    expect((await everything({ assignedTo: analystId })).map((item) => item.case.subject.id)).toEqual(['rq-mid'])
    expect((await everything({ assignedTo: null })).map((item) => item.case.subject.id)).not.toContain('rq-mid')
    const audit = await store.audit.list({ action: 'case.assigned', target: `case:${mid.id}` })
    expect(audit.items[0]).toMatchObject({
      actor: 'user:lead',
      details: { subject: 'application:rq-mid', assignedTo: analystId, previouslyAssignedTo: null },
    })

    expect(await store.cases.assign(mid.id, null, 'user:lead')).toMatchObject({ assignedTo: null, assignedAt: null })
    await expect(store.cases.assign(mid.id, '00000000-0000-4000-8000-000000000000', 'user:lead')).rejects.toMatchObject(
      { code: 'invalid-reference' },
    )
    await expect(store.cases.assign('not-a-case', analystId, 'user:lead')).rejects.toMatchObject({ code: 'not-found' })
    const low = cases.get('rq-low')
    if (!low) throw new Error('seed missing')
    await store.cases.close(low.id, 'user:lead')
    await expect(store.cases.assign(low.id, analystId, 'user:lead')).rejects.toMatchObject({ code: 'conflict' })
  })

  it("finds a subject's open case first, else its latest closed one", async () => {
    const { store } = database
    const subject: Subject = { kind: 'application', id: 'rq-low' }
    expect(await store.cases.latestFor(subject)).toMatchObject({ id: cases.get('rq-low')?.id, status: 'closed' })
    const reopened = await store.cases.open(subject, 'system:test')
    expect(await store.cases.latestFor(subject)).toMatchObject({ id: reopened.id, status: 'open' })
    expect(await store.cases.latestFor({ kind: 'application', id: 'rq-none' })).toBeUndefined()
  })

  it('refuses a cursor of the other order', async () => {
    const { cases: repository } = database.store
    const page = await repository.queue({}, { limit: 1 })
    await expect(repository.queue({}, { order: 'oldest', after: page.nextCursor ?? '' })).rejects.toMatchObject({
      code: 'invalid-cursor',
    })
  })

  it('walks one case a page through scored, clustered and unscreened subjects, every case once in order', async () => {
    const { store } = database
    await store.applications.submit({ record: aRecord('rq-unscreened-2'), raw: {} })
    await store.applications.submit({ record: aRecord('rq-lonely'), raw: {} })
    await store.identity.assignCluster({
      clusterId: 'cluster:rq-lonely',
      applicationIds: ['rq-lonely'],
      claimedPeople: 1,
      isRing: false,
    })
    const extra = [
      await store.cases.open({ kind: 'cluster', id: 'cluster:rq-lonely' }, 'system:test'),
      await store.cases.open({ kind: 'application', id: 'rq-unscreened-2' }, 'system:test'),
      await store.cases.open({ kind: 'application', id: 'rq-never-stored' }, 'system:test'),
    ]
    const whole = (await store.cases.queue({}, { limit: 50 })).items.map((item) => item.case.id)
    const onePerPage = await everything({}, {}, 1)
    expect(onePerPage.map((item) => item.case.id)).toEqual(whole)
    // Unscored cases come oldest first, by time then id: cases opened within one millisecond tie on a fast server.
    const unscored = [cases.get('rq-unscreened'), ...extra].flatMap((opened) => (opened === undefined ? [] : [opened]))
    const byOpening = [...unscored].sort(
      (a, b) => a.openedAt.getTime() - b.openedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    expect(unscored).toHaveLength(4)
    expect(whole.slice(-4)).toEqual(byOpening.map((opened) => opened.id))
    const itemOf = (opened: { readonly id: string } | undefined) =>
      onePerPage.find((item) => item.case.id === opened?.id)
    expect(itemOf(extra[0])).toMatchObject({ risk: null, applicationCount: 1, candidateName: 'Jordan Avery Miller' })
    expect(itemOf(extra[2])).toMatchObject({ risk: null, candidateName: null })
  })
})
