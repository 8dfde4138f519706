import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import type { Subject } from './case-repository.js'

describe.each(storeTestTargets())('decisions on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('keeps a case open on needs-verification and closes it on a verdict, in order', async () => {
    const { store } = database
    const subject: Subject = { kind: 'application', id: 'greenhouse:77' }
    const asked = await store.decisions.record({
      subject,
      verdict: 'needs-verification',
      reason: 'Phone is VoIP and the camera was refused',
      note: 'Schedule a live video call',
      actor: 'user:ana',
    })
    const openCase = await store.cases.openCaseFor(subject)
    expect(openCase).toMatchObject({ subject, status: 'open', openedBy: 'user:ana' })
    expect(asked.caseId).toBe(openCase?.id)

    const decided = await store.decisions.record({
      subject,
      verdict: 'confirmed-fraud',
      reason: 'Failed the live call',
      actor: 'user:ben',
    })
    expect(decided).toMatchObject({ caseId: openCase?.id, verdict: 'confirmed-fraud', note: null, actor: 'user:ben' })
    expect(await store.cases.openCaseFor(subject)).toBeUndefined()
    expect(await store.cases.find(openCase?.id ?? '')).toMatchObject({ status: 'closed', closedBy: 'user:ben' })
    expect((await store.decisions.listFor(subject)).map((decision) => decision.verdict)).toEqual([
      'needs-verification',
      'confirmed-fraud',
    ])
  })

  it('writes every decision to the audit log in the same transaction', async () => {
    const { store } = database
    const subject: Subject = { kind: 'cluster', id: 'cluster:seed-4' }
    const decision = await store.decisions.record({
      subject,
      verdict: 'cleared',
      reason: 'Siblings',
      actor: 'user:ana',
    })
    const { items } = await store.audit.list({ target: 'cluster:cluster:seed-4' })
    expect(items).toMatchObject([
      {
        actor: 'user:ana',
        action: 'decision.recorded',
        details: { decisionId: decision.id, verdict: 'cleared', reason: 'Siblings', caseId: null },
      },
    ])
  })

  it('records nothing when the transaction around it rolls back', async () => {
    const { store } = database
    const subject: Subject = { kind: 'application', id: 'api:rolled-back' }
    await expect(
      store.transaction(async (repositories) => {
        await repositories.decisions.record({ subject, verdict: 'cleared', reason: 'Fine', actor: 'user:ana' })
        throw new Error('the response could not be sent')
      }),
    ).rejects.toThrow('the response could not be sent')
    expect(await store.decisions.listFor(subject)).toEqual([])
    expect((await store.audit.list({ target: 'application:api:rolled-back' })).items).toEqual([])
  })

  it.each([
    ['a blank reason', { reason: '   ' }, 'invalid-value'],
    ['an unknown verdict', { verdict: 'rejected' as 'cleared' }, 'invalid-value'],
  ])('refuses %s', async (_case, change, code) => {
    await expect(
      database.store.decisions.record({
        subject: { kind: 'application', id: 'api:bad' },
        verdict: 'cleared',
        reason: 'ok',
        actor: 'user:ana',
        ...change,
      }),
    ).rejects.toMatchObject({ code })
  })

  it('refuses to update a decision', async () => {
    await expect(sql`update decisions set verdict = 'cleared'`.execute(database.store.db)).rejects.toMatchObject({
      message: 'table decisions is append-only: update is not allowed',
    })
  })
})
