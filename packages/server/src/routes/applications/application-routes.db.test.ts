import type { ApplicationRecord, SourceSystem } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { generateWorld } from '@hirewall/synth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aPlantedRing, seedScreenedPool, type SeededPool } from '../../testing/seed-screened-pool.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerReadRoutes } from '../register-read-routes.js'

type Summary = {
  id: string
  sourceSystem: string
  submittedAt: string
  candidateName: string | null
  staffingVendor: string | null
  latestResult: { score: number; outcome: string; signalCodes: string[]; clusterId: string | null } | null
}
type ListBody = { items: Summary[]; nextCursor: string | null }
type ErrorBody = { error: { code: string; message: string; details: { issues?: { path: string }[]; path?: string } } }

const sources: readonly SourceSystem[] = ['synthetic', 'greenhouse', 'lever']

/** A generated world (three source systems, a staffing vendor on every seventh) and a planted ring after it. */
function seedRecords(): ApplicationRecord[] {
  const world = generateWorld({ count: 60, seed: 'read-routes', fraudShare: 0.35 }).map((record, index) => ({
    ...record,
    source: { ...record.source, system: sources[index % sources.length] ?? 'synthetic' },
    ...(index % 7 === 3 ? { staffingVendor: { name: 'Apex Talent Partners' } } : {}),
  }))
  return [...world, ...aPlantedRing('ring', '2026-11-10')]
}

describe.each(storeTestTargets())('application read routes on $name', (target) => {
  let test: TestApp
  let pool: SeededPool

  beforeAll(async () => {
    test = await openTestApp(target)
    registerReadRoutes(test.app, { store: test.store })
    await test.app.ready()
    pool = await seedScreenedPool(test.store, seedRecords())
  }, openTimeoutMs)
  afterAll(() => test.close())

  const get = (url: string, headers: AuthHeaders = test.keys.read) => test.app.inject({ method: 'GET', url, headers })

  /** Every item of a list, following `nextCursor` (bounded). */
  const walk = async (query: string, limit = 7): Promise<Summary[]> => {
    const items: Summary[] = []
    let after: string | null = null
    for (let pages = 0; pages < 100; pages++) {
      const cursor: string = after === null ? '' : `&after=${encodeURIComponent(after)}`
      const response = await get(`/v1/applications?limit=${limit}${query === '' ? '' : `&${query}`}${cursor}`)
      expect(response.statusCode, response.body).toBe(200)
      const body = response.json<ListBody>()
      items.push(...body.items)
      after = body.nextCursor
      if (after === null) break
    }
    return items
  }
  const ids = (items: readonly { id: string }[]): string[] => items.map((item) => item.id).sort()
  const expected = (predicate: (record: ApplicationRecord) => boolean): string[] =>
    pool.records
      .filter(predicate)
      .map((record) => record.id)
      .sort()
  const resultOf = (record: ApplicationRecord) => {
    const result = pool.results.get(record.id)
    if (result === undefined) throw new Error(`no result seeded for ${record.id}`)
    return result
  }

  it('pages through every application once, newest first, and the riskiest first on request', async () => {
    const newest = await walk('')
    expect(newest).toHaveLength(pool.records.length)
    expect(new Set(newest.map((item) => item.id)).size).toBe(pool.records.length)
    const times = newest.map((item) => Date.parse(item.submittedAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))

    const riskiest = await walk('order=riskiest', 11)
    expect(ids(riskiest)).toEqual(ids(newest))
    const scores = riskiest.map((item) => item.latestResult?.score ?? -1)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(newest.every((item) => !('record' in item) && !('cv' in item))).toBe(true)
  })

  it('narrows by each filter to exactly the matching applications', async () => {
    const ring = pool.clusters.find((cluster) => cluster.applicationIds.includes('ring-1'))
    const signalCode = 'identity.shared.phone'
    const withVendor = pool.records.find((record) => record.staffingVendor?.name !== undefined)
    const someRequisition = pool.records[5]?.requisition?.id
    const middle = pool.records[Math.floor(pool.records.length / 2)]?.submittedAt ?? ''
    const late = pool.records[Math.floor((3 * pool.records.length) / 4)]?.submittedAt ?? ''
    if (!ring || !withVendor || someRequisition === undefined) {
      throw new Error('the seeded world lacks a ring, a staffing vendor or a requisition')
    }
    const vendor = withVendor.staffingVendor?.name ?? ''
    const cases: [string, (record: ApplicationRecord) => boolean][] = [
      ['outcome=hold', (record) => resultOf(record).outcome === 'hold'],
      ['outcome=hold&outcome=review', (record) => resultOf(record).outcome !== 'clear'],
      ['minScore=40', (record) => resultOf(record).score >= 40],
      ['maxScore=10', (record) => resultOf(record).score <= 10],
      ['minScore=20&maxScore=60', (record) => resultOf(record).score >= 20 && resultOf(record).score <= 60],
      [`signal=${signalCode}`, (record) => resultOf(record).signals.some((signal) => signal.code === signalCode)],
      [
        `cluster=${encodeURIComponent(ring.id)}`,
        (record) => ring.applicationIds.includes(record.id) || resultOf(record).clusterId === ring.id,
      ],
      [
        `submittedFrom=${encodeURIComponent(middle)}&submittedBefore=${encodeURIComponent(late)}`,
        (record) => record.submittedAt >= middle && record.submittedAt < late,
      ],
      ['submittedBefore=2025-06-01', (record) => record.submittedAt < '2025-06-01'],
      [`requisition=${encodeURIComponent(someRequisition)}`, (record) => record.requisition?.id === someRequisition],
      ['source=lever', (record) => record.source.system === 'lever'],
      [
        `staffingVendor=${encodeURIComponent(vendor.toUpperCase())}`,
        (record) => record.staffingVendor?.name?.toLowerCase() === vendor.toLowerCase(),
      ],
      ['receivedFrom=2099-01-01', () => false],
      ['receivedBefore=2099-01-01', () => true],
      [
        'outcome=clear&source=greenhouse',
        (record) => resultOf(record).outcome === 'clear' && record.source.system === 'greenhouse',
      ],
    ]
    for (const [query, predicate] of cases) {
      const want = expected(predicate)
      if (query !== 'receivedFrom=2099-01-01') expect(want.length, query).toBeGreaterThan(0)
      if (query !== 'receivedBefore=2099-01-01') expect(want.length, query).toBeLessThan(pool.records.length)
      expect(ids(await walk(query)), query).toEqual(want)
    }
  })

  it('audits each list call with the caller and the filter', async () => {
    const viewer = test.people.viewer
    expect((await get('/v1/applications?outcome=hold&minScore=50&limit=3', viewer)).statusCode).toBe(200)
    const entries = await test.store.audit.list({ action: 'applications.listed', actor: `user:${viewer.userId}` })
    expect(entries.items[0]).toMatchObject({
      target: null,
      details: { filter: { outcome: ['hold'], minScore: 50 }, order: 'newest', isFirstPage: true },
    })
  })

  it('answers 400 naming the query field for bad values and a forged cursor', async () => {
    const cases: [string, string][] = [
      ['outcome=maybe', 'querystring.outcome'],
      ['minScore=high', 'querystring.minScore'],
      ['maxScore=101', 'querystring.maxScore'],
      ['minScore=60&maxScore=20', 'querystring.maxScore'],
      ['signal=phone.carrier-pigeon', 'querystring.signal'],
      ['submittedFrom=last-tuesday', 'querystring.submittedFrom'],
      ['source=fax', 'querystring.source'],
      ['order=random', 'querystring.order'],
      ['limit=0', 'querystring.limit'],
      ['limit=501', 'querystring.limit'],
      ['after=bm90LWEtY3Vyc29y', 'querystring.after'],
    ]
    for (const [query, path] of cases) {
      const response = await get(`/v1/applications?${query}`)
      expect(response.statusCode, query).toBe(400)
      const body = response.json<ErrorBody>()
      expect(body.error.code, query).toBe('VALIDATION_FAILED')
      expect(
        body.error.details.issues?.map((issue) => issue.path),
        query,
      ).toContain(path)
    }
    const unknown = await get('/v1/applications?outcomes=hold')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json<ErrorBody>().error.message + JSON.stringify(unknown.json())).toContain('outcomes')
  })

  it('shows one application with its record, every signal with evidence and contribution, and its ring', async () => {
    const record = pool.records.find((candidate) => candidate.id === 'ring-3')
    if (!record) throw new Error('ring-3 not seeded')
    const response = await get('/v1/applications/ring-3', test.people.analyst)
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json<{
      application: { id: string; record: ApplicationRecord; latestVersion: number }
      latestResult: {
        score: number
        outcome: string
        signals: { code: string; evidence: Record<string, unknown>; contribution: number }[]
      }
      history: { version: number }[]
      cluster: { id: string; applicationCount: number; isRing: boolean }
      linked: { total: number; items: { id: string; shared: { kind: string; value: string }[] }[] }
      case: unknown
      decisions: unknown[]
    }>()
    expect(body.application).toMatchObject({ id: 'ring-3', latestVersion: 1 })
    expect(body.application.record).toEqual(record)
    const seeded = resultOf(record)
    expect(body.latestResult.signals.map((signal) => signal.code)).toEqual(seeded.signals.map((signal) => signal.code))
    expect(body.latestResult.signals.length).toBeGreaterThan(0)
    const phoneSignal = body.latestResult.signals.find((signal) => signal.code === 'identity.shared.phone')
    expect(phoneSignal?.evidence).toEqual(
      seeded.signals.find((signal) => signal.code === 'identity.shared.phone')?.evidence,
    )
    const total = body.latestResult.signals.reduce((sum, signal) => sum + signal.contribution, 0)
    expect(Math.abs(total - body.latestResult.score)).toBeLessThan(1)
    expect(body.history).toEqual([expect.objectContaining({ version: 1, outcome: seeded.outcome })])
    expect(body.cluster).toMatchObject({ id: 'cluster:ring-1', applicationCount: 4 })
    expect(body.linked.total).toBe(3)
    const sharedBy = Object.fromEntries(
      body.linked.items.map((item) => [item.id, item.shared.map((identifier) => identifier.kind).sort()]),
    )
    expect(sharedBy).toEqual({ 'ring-1': ['phone'], 'ring-2': ['phone'], 'ring-4': ['device', 'phone'] })
    expect(body.case).toBeNull()
    expect(body.decisions).toEqual([])

    const audit = await test.store.audit.list({ action: 'application.viewed', target: 'application:ring-3' })
    expect(audit.items.map((entry) => entry.actor)).toEqual([`user:${test.people.analyst.userId}`])
  })

  it("shows every result version, the open case and the subject's decisions", async () => {
    const record = pool.records.find((candidate) => candidate.id === 'ring-2')
    if (!record) throw new Error('ring-2 not seeded')
    await test.store.results.append({ ...resultOf(record), score: 99, outcome: 'hold' }, 'rescreen')
    await test.store.decisions.record({
      subject: { kind: 'application', id: 'ring-2' },
      verdict: 'needs-verification',
      reason: 'Phone shared with three other applicants.',
      actor: 'user:seed',
    })
    const body = (await get('/v1/applications/ring-2')).json<{
      latestResult: { version: number; score: number }
      history: { version: number; trigger: string }[]
      case: { status: string; subject: { kind: string; id: string } }
      decisions: { verdict: string; reason: string }[]
    }>()
    expect(body.latestResult).toMatchObject({ version: 2, score: 99 })
    expect(body.history.map((version) => [version.version, version.trigger])).toEqual([
      [1, 'submission'],
      [2, 'rescreen'],
    ])
    expect(body.case).toMatchObject({ status: 'open', subject: { kind: 'application', id: 'ring-2' } })
    expect(body.decisions).toEqual([expect.objectContaining({ verdict: 'needs-verification' })])
  })

  it('answers 404 naming the id for an unknown application', async () => {
    const response = await get('/v1/applications/no-such-application')
    expect(response.statusCode).toBe(404)
    expect(response.json<ErrorBody>().error).toMatchObject({ code: 'NOT_FOUND', details: { path: 'params.id' } })
  })

  it('lets viewers and read or admin keys read, and refuses a submit key and anonymous callers', async () => {
    for (const headers of [
      test.people.viewer,
      test.people.analyst,
      test.people.admin,
      test.keys.read,
      test.keys.admin,
    ]) {
      expect((await get('/v1/applications?limit=1', headers)).statusCode).toBe(200)
      expect((await get('/v1/applications/ring-1', headers)).statusCode).toBe(200)
    }
    expect((await get('/v1/applications?limit=1', test.keys.submit)).statusCode).toBe(403)
    expect((await get('/v1/applications/ring-1', test.keys.submit)).statusCode).toBe(403)
    expect((await get('/v1/applications', {})).statusCode).toBe(401)
    expect((await get('/v1/applications/ring-1', {})).statusCode).toBe(401)
  })

  it('publishes every query field and response in the OpenAPI document', async () => {
    const document = (await get('/docs/openapi.json', {})).json<{
      paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>>
    }>()
    const list = document.paths['/v1/applications']?.get
    expect(list?.parameters?.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['outcome', 'minScore', 'signal', 'cluster', 'receivedFrom', 'staffingVendor', 'after']),
    )
    expect(Object.keys(list?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403']))
    for (const path of ['/v1/applications/{id}', '/v1/clusters/{id}', '/v1/audit']) {
      expect(document.paths[path]?.get?.responses, path).toHaveProperty('200')
    }
  })
})
