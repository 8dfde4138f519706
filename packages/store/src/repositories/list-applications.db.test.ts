import type { ApplicationRecord } from '@hirewall/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aRecord, aRiskyRecord, screen } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import type { ApplicationFilter, ApplicationListRequest, ApplicationSummary } from './list-applications.js'
import type { Page } from './page.js'

/**
 * 24 applications, one a day in March 2026: every third risky, two requisitions, two sources, one never screened, and
 * every fourth (from the second) placed by a staffing vendor.
 */
function seedRecords(): readonly ApplicationRecord[] {
  return Array.from({ length: 24 }, (_, index) => {
    const id = `seed-${String(index).padStart(2, '0')}`
    const overrides = {
      submittedAt: `2026-03-${String(index + 1).padStart(2, '0')}T09:00:00Z`,
      source: { system: index % 2 === 0 ? 'greenhouse' : 'lever', applicationId: id },
      requisition: { id: index < 12 ? 'req-a' : 'req-b' },
      ...(index % 4 === 1 ? { staffingVendor: { name: index < 12 ? ' Apex Talent ' : 'Blue Ridge Staffing' } } : {}),
    } as const
    return index % 3 === 0 ? aRiskyRecord(id, overrides) : aRecord(id, overrides)
  })
}

describe.each(storeTestTargets())('listing applications on $name', ({ open }) => {
  let database: TestDatabase
  const records = seedRecords()
  const results = new Map(records.map((record) => [record.id, screen(record)]))

  beforeAll(async () => {
    database = await open()
    for (const record of records) {
      await database.store.applications.submit({ record, raw: {} })
      if (record.id === 'seed-23') continue
      const result = results.get(record.id)
      if (result)
        await database.store.results.append({
          ...result,
          clusterId: record.id < 'seed-04' ? 'cluster:seed-00' : `cluster:${record.id}`,
        })
    }
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  const everything = async (
    filter: ApplicationFilter,
    request: ApplicationListRequest = {},
  ): Promise<ApplicationSummary[]> => {
    const items: ApplicationSummary[] = []
    let page: Page<ApplicationSummary> | undefined
    for (let pages = 0; pages < 50 && (page === undefined || page.nextCursor !== undefined); pages++) {
      page = await database.store.applications.list(filter, {
        ...request,
        limit: 5,
        ...(page?.nextCursor ? { after: page.nextCursor } : {}),
      })
      items.push(...page.items)
    }
    return items
  }
  const idsWhere = (predicate: (record: ApplicationRecord) => boolean): string[] =>
    records.filter(predicate).map((record) => record.id)
  const isScreened = (record: ApplicationRecord): boolean => record.id !== 'seed-23'
  const isHeld = (record: ApplicationRecord): boolean =>
    isScreened(record) && results.get(record.id)?.outcome === 'hold'
  const isClear = (record: ApplicationRecord): boolean =>
    isScreened(record) && results.get(record.id)?.outcome === 'clear'
  const day = (record: ApplicationRecord): number => new Date(record.submittedAt).getUTCDate()

  it('seeds eight held applications and fifteen clear ones', () => {
    expect(idsWhere(isHeld)).toHaveLength(8)
    expect(idsWhere(isClear)).toHaveLength(15)
  })

  it('walks every application newest first, five at a time, without gaps or repeats', async () => {
    const items = await everything({})
    expect(items.map((item) => item.id)).toEqual(records.map((record) => record.id).reverse())
    expect(items[0]).toMatchObject({
      id: 'seed-23',
      latestResult: null,
      candidateName: 'Jordan Avery Miller',
      requisitionId: 'req-b',
    })
    expect(items[1]?.latestResult).toMatchObject({
      version: 1,
      outcome: 'clear',
      policyVersion: results.get('seed-22')?.policyVersion,
    })
  })

  it.each<[string, ApplicationFilter, (record: ApplicationRecord) => boolean]>([
    ['outcome hold', { outcomes: ['hold'] }, isHeld],
    ['outcome clear or review', { outcomes: ['clear', 'review'] }, isClear],
    ['no outcome at all', { outcomes: [] }, () => false],
    ['a minimum score', { minScore: 50 }, isHeld],
    ['a maximum score', { maxScore: 10 }, isClear],
    ['a signal code', { signalCodes: ['email.disposable'] }, isHeld],
    ['two signal codes, both required', { signalCodes: ['email.disposable', 'phone.voip'] }, () => false],
    ['a cluster', { clusterId: 'cluster:seed-00' }, (record) => record.id < 'seed-04'],
    [
      'a date range',
      { submittedFrom: new Date('2026-03-05T00:00:00Z'), submittedBefore: new Date('2026-03-08T00:00:00Z') },
      (record) => day(record) >= 5 && day(record) < 8,
    ],
    ['a requisition', { requisitionId: 'req-b' }, (record) => record.requisition?.id === 'req-b'],
    [
      'a staffing vendor, whatever its case and spaces',
      { staffingVendor: 'apex talent' },
      (record) => record.staffingVendor?.name === ' Apex Talent ',
    ],
    [
      'a set of ids',
      { applicationIds: ['seed-02', 'seed-09', 'nope'] },
      (record) => ['seed-02', 'seed-09'].includes(record.id),
    ],
    ['an empty set of ids', { applicationIds: [] }, () => false],
    ['a source system', { sourceSystem: 'lever' }, (record) => record.source.system === 'lever'],
    [
      'several filters at once',
      { outcomes: ['clear'], requisitionId: 'req-a', sourceSystem: 'greenhouse' },
      (record) => isClear(record) && record.requisition?.id === 'req-a' && record.source.system === 'greenhouse',
    ],
  ])('filters by %s', async (_case, filter, expected) => {
    expect((await everything(filter)).map((item) => item.id)).toEqual(idsWhere(expected).reverse())
  })

  it('filters by the time applications were received, and names their staffing vendor', async () => {
    const all = await everything({})
    const times = [...new Set(all.map((item) => item.receivedAt.getTime()))].sort((a, b) => a - b)
    const from = new Date(times[Math.floor(times.length / 3)] ?? 0)
    const before = new Date(times[Math.floor((2 * times.length) / 3)] ?? 0)
    const inRange = await everything({ receivedFrom: from, receivedBefore: before })
    const expected = all.filter((item) => item.receivedAt >= from && item.receivedAt < before).map((item) => item.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(inRange.map((item) => item.id)).toEqual(expected)
    expect(all.find((item) => item.id === 'seed-13')?.staffingVendor).toBe('Blue Ridge Staffing')
    expect(all.find((item) => item.id === 'seed-12')?.staffingVendor).toBeNull()
  })

  it('lists the riskiest first, screened applications only, ties newest first', async () => {
    const items = await everything({}, { order: 'riskiest' })
    const expected = [...records]
      .filter((record) => record.id !== 'seed-23')
      .sort((a, b) => (results.get(b.id)?.score ?? 0) - (results.get(a.id)?.score ?? 0) || b.id.localeCompare(a.id))
      .map((record) => record.id)
    expect(items.map((item) => item.id)).toEqual(expected)
  })

  it('finds an application that joined a cluster after it was screened', async () => {
    await database.store.identity.assignCluster({
      clusterId: 'cluster:seed-00',
      applicationIds: ['seed-10'],
      claimedPeople: 2,
      isRing: true,
    })
    expect((await everything({ clusterId: 'cluster:seed-00' })).map((item) => item.id)).toEqual([
      'seed-10',
      'seed-03',
      'seed-02',
      'seed-01',
      'seed-00',
    ])
  })

  it('refuses a cursor of the other order', async () => {
    const first = await database.store.applications.list({}, { limit: 2 })
    await expect(
      database.store.applications.list({}, { order: 'riskiest', after: first.nextCursor ?? '' }),
    ).rejects.toMatchObject({ code: 'invalid-cursor' })
  })

  it('refuses a forged cursor', async () => {
    await expect(database.store.applications.list({}, { after: 'eyJ4IjoxfQ' })).rejects.toMatchObject({
      code: 'invalid-cursor',
    })
  })
})
