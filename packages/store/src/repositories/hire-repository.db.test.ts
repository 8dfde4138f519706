import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aRecord } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'

describe.each(storeTestTargets())('hires on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
    await database.store.applications.submit({
      record: aRecord('greenhouse:7001', { source: { system: 'greenhouse', applicationId: '7001' } }),
      raw: {},
    })
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('records which application became which hire, once per ATS application', async () => {
    const { hires } = database.store
    const first = await hires.record({
      sourceSystem: 'greenhouse',
      externalApplicationId: '7001',
      externalCandidateId: '88',
      applicationId: 'greenhouse:7001',
      hiredAt: new Date('2026-04-01T10:00:00Z'),
      startDate: '2026-05-04',
      recordedBy: 'ats:greenhouse',
    })
    expect(first).toMatchObject({
      status: 'created',
      hire: {
        sourceSystem: 'greenhouse',
        externalApplicationId: '7001',
        externalCandidateId: '88',
        applicationId: 'greenhouse:7001',
        hiredAt: new Date('2026-04-01T10:00:00Z'),
        startDate: '2026-05-04',
        recordedBy: 'ats:greenhouse',
      },
    })
    const again = await hires.record({
      sourceSystem: 'greenhouse',
      externalApplicationId: '7001',
      hiredAt: new Date('2026-04-02T10:00:00Z'),
      recordedBy: 'ats:greenhouse',
    })
    expect(again).toEqual({ status: 'existing', hire: first.hire })
    expect(await hires.findByApplication('greenhouse:7001')).toEqual(first.hire)
    expect(await hires.find('greenhouse', '7001')).toEqual(first.hire)
  })

  it('keeps a hire of an application HireWall never received, and links it when the application arrives', async () => {
    const { hires, applications } = database.store
    const unlinked = await hires.record({
      sourceSystem: 'ashby',
      externalApplicationId: 'a-1',
      hiredAt: new Date('2026-04-03T00:00:00Z'),
      recordedBy: 'ats:ashby',
    })
    expect(unlinked.hire).toMatchObject({ applicationId: null, externalCandidateId: null, startDate: null })
    await applications.submit({ record: aRecord('ashby:a-1', { source: { system: 'ashby' } }), raw: {} })
    const linked = await hires.record({
      sourceSystem: 'ashby',
      externalApplicationId: 'a-1',
      externalCandidateId: 'c-1',
      applicationId: 'ashby:a-1',
      hiredAt: new Date('2026-04-05T00:00:00Z'),
      startDate: '2026-06-01',
      recordedBy: 'ats:ashby',
    })
    expect(linked).toMatchObject({
      status: 'existing',
      hire: {
        id: unlinked.hire.id,
        applicationId: 'ashby:a-1',
        externalCandidateId: 'c-1',
        startDate: '2026-06-01',
        hiredAt: new Date('2026-04-03T00:00:00Z'),
      },
    })
  })

  it('records one hire when the same report arrives twice at once', async () => {
    const report = {
      sourceSystem: 'lever',
      externalApplicationId: 'opp-race',
      hiredAt: new Date('2026-04-06T00:00:00Z'),
      recordedBy: 'ats:lever',
    }
    const outcomes = await Promise.all([database.store.hires.record(report), database.store.hires.record(report)])
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['created', 'existing'])
    expect(outcomes[0]?.hire.id).toBe(outcomes[1]?.hire.id)
  })

  it('lists hires in the order they happened, a page at a time, from a date on', async () => {
    const { hires } = database.store
    const all = await hires.list({}, { limit: 500 })
    expect(all.items.map((hire) => hire.externalApplicationId)).toEqual(['7001', 'a-1', 'opp-race'])
    const firstPage = await hires.list({}, { limit: 2 })
    expect(firstPage.items).toHaveLength(2)
    const secondPage = await hires.list({}, { limit: 2, after: firstPage.nextCursor ?? '' })
    expect(secondPage).toEqual({ items: [all.items[2]], nextCursor: undefined })
    const recent = await hires.list({ since: new Date('2026-04-03T00:00:00Z') })
    expect(recent.items.map((hire) => hire.externalApplicationId)).toEqual(['a-1', 'opp-race'])
    expect((await hires.list({ sourceSystem: 'lever' })).items).toHaveLength(1)
  })

  it.each([
    ['an application that is not stored', { applicationId: 'greenhouse:none' }, 'invalid-reference'],
    ['a start date that is not YYYY-MM-DD', { startDate: '05/04/2026' }, 'invalid-value'],
  ])('refuses %s', async (_case, change, code) => {
    await expect(
      database.store.hires.record({
        sourceSystem: 'greenhouse',
        externalApplicationId: `bad-${code}`,
        hiredAt: new Date(),
        recordedBy: 'ats:greenhouse',
        ...change,
      }),
    ).rejects.toMatchObject({ code })
  })
})

describe.each(storeTestTargets())('inbound webhook receipts on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('accepts a token once per vendor, and again after it was released', async () => {
    const { atsWebhookReceipts } = database.store
    expect(await atsWebhookReceipts.claim('lever', 'token-1')).toBe(true)
    expect(await atsWebhookReceipts.claim('lever', 'token-1')).toBe(false)
    expect(await atsWebhookReceipts.claim('ashby', 'token-1')).toBe(true)
    await atsWebhookReceipts.release('lever', 'token-1')
    expect(await atsWebhookReceipts.claim('lever', 'token-1')).toBe(true)
  })

  it('lets exactly one of two racing deliveries of one token through', async () => {
    const { atsWebhookReceipts } = database.store
    const claims = await Promise.all([
      atsWebhookReceipts.claim('lever', 'token-race'),
      atsWebhookReceipts.claim('lever', 'token-race'),
    ])
    expect(claims.sort()).toEqual([false, true])
  })
})
