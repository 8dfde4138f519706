import { loadPackagedIpDatabase, loadShippedNetworkClassification } from '@hirewall/intel'
import { eraseSubject, openTimeoutMs, storeTestTargets, type StoreTestTarget } from '@hirewall/store'
import { generateWorkforce } from '@hirewall/synth'
import { createWorkforceEvaluator, loadShippedLists } from '@hirewall/workforce'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerEmployeeRoutes } from '../routes/workforce/employee-routes.js'
import { registerWorkforceIngestRoute } from '../routes/workforce/workforce-ingest-route.js'
import { openTestApp, type TestApp } from '../testing/test-app.js'
import { withDataKeys } from '../testing/with-data-keys.js'
import { createWorkforceService, type WorkforceService } from './workforce-service.js'

type Farm = { id: string; employeeIds: string[]; links: { kind: string; value: string }[] }
type EmployeeDetail = {
  id: string
  legalName: string | null
  homeAddress: string | null
  manager: string | null
  logins: string[]
  latest: { score: number; outcome: string; signalCodes: string[]; clusterId: string | null } | null
  signals: { code: string; message: string; evidence: Record<string, unknown> }[]
  timeline: { at: string; kind: string; details: Record<string, unknown> }[]
}

/**
 * The same generated workforce ingested over HTTP by a service without data keys and by one with them: detection
 * (farms, holds, signals, the timeline's sign-in days) must be the same, and the keyed database must hold the personal
 * parts only as ciphertext.
 */
describe.each(storeTestTargets())('workforce data encrypted at rest on $name', (target) => {
  const world = generateWorkforce({ employees: 40, seed: 'workforce-encryption', days: 14, farmShare: 0.15 })
  const farmMembers = world.labels.filter((label) => label.pattern === 'laptop-farm').map((label) => label.employeeId)
  const keyedTarget: StoreTestTarget = {
    ...target,
    open: async () => {
      const database = await target.open()
      return { ...database, store: withDataKeys(database.store) }
    },
  }
  const createEvaluator = () =>
    createWorkforceEvaluator({
      lists: loadShippedLists(),
      network: { ranges: [loadShippedNetworkClassification()], ipDatabase: loadPackagedIpDatabase() },
      organisation: world.company,
    })
  let plain: { test: TestApp; workforce: WorkforceService }
  let keyed: { test: TestApp; workforce: WorkforceService }

  const serve = async (storeTarget: StoreTestTarget) => {
    const test = await openTestApp(storeTarget)
    const workforce = await createWorkforceService({ store: test.store, createEvaluator })
    await registerWorkforceIngestRoute(test.app, { workforce })
    registerEmployeeRoutes(test.app, { store: test.store, workforce })
    await test.app.ready()
    const feeds: [string, string, string][] = [
      ['hires', world.hiresCsv, 'text/csv'],
      ['shipments', world.shipmentsCsv, 'text/csv'],
      ['devices', world.mdmCsv, 'text/csv'],
      ['payroll', world.payrollCsv, 'text/csv'],
      ['osquery', [...world.osqueryLines()].join('\n'), 'application/x-ndjson'],
      [
        'okta',
        [...world.signInLines()]
          .filter((event) => event.provider === 'okta')
          .map((event) => event.line)
          .join('\n'),
        'application/x-ndjson',
      ],
      [
        'entra',
        [...world.signInLines()]
          .filter((event) => event.provider === 'entra')
          .map((event) => event.line)
          .join('\n'),
        'application/x-ndjson',
      ],
    ]
    for (const [feed, body, type] of feeds) {
      const response = await test.app.inject({
        method: 'POST',
        url: `/v1/workforce/${feed}`,
        headers: { ...test.keys.submit, 'content-type': type },
        payload: body,
      })
      expect(response.statusCode, `${feed}: ${response.body.slice(0, 300)}`).toBe(200)
    }
    return { test, workforce }
  }

  beforeAll(async () => {
    plain = await serve(target)
    keyed = await serve(keyedTarget)
  }, openTimeoutMs * 2)
  afterAll(async () => {
    for (const side of [plain, keyed]) {
      await side.workforce.close()
      await side.test.close()
    }
  })

  const get = async <Body>(side: { test: TestApp }, url: string): Promise<Body> => {
    const response = await side.test.app.inject({ method: 'GET', url, headers: side.test.keys.read })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<Body>()
  }
  const detailOf = async (side: { test: TestApp }, id: string) => {
    const detail = await get<EmployeeDetail>(side, `/v1/employees/${encodeURIComponent(id)}`)
    return {
      legalName: detail.legalName,
      homeAddress: detail.homeAddress,
      manager: detail.manager,
      logins: detail.logins,
      latest: detail.latest && { ...detail.latest, assessedAt: undefined },
      signals: detail.signals,
      timeline: detail.timeline.filter((entry) => entry.kind !== 'assessment'),
    }
  }

  it('finds the same farms, outcomes, signals with evidence and timelines with keys as without', async () => {
    const farms = (await get<{ items: Farm[] }>(plain, '/v1/farms')).items
    expect(farms.length).toBeGreaterThan(0)
    for (const id of farms.flatMap((farm) => farm.employeeIds)) expect(farmMembers).toContain(id)
    expect((await get<{ items: Farm[] }>(keyed, '/v1/farms')).items).toEqual(farms)
    const summary = async (side: { test: TestApp }) =>
      (
        await get<{
          items: { id: string; latest: { score: number; outcome: string; signalCodes: string[] } | null }[]
        }>(side, '/v1/employees?limit=500')
      ).items.map((item) => ({ id: item.id, ...item.latest, assessedAt: undefined }))
    expect(await summary(keyed)).toEqual(await summary(plain))
    const ids = [...new Set([...(farms[0]?.employeeIds ?? []), world.labels[0]?.employeeId ?? ''])]
    for (const id of ids) {
      const shown = await detailOf(keyed, id)
      expect(shown, id).toEqual(await detailOf(plain, id))
      expect(shown.legalName, id).toEqual(expect.any(String))
    }
  })

  it('holds names, addresses, IPs, payroll holders and signal evidence only as ciphertext', async () => {
    const count = async (db: TestApp['store']['db'], from: ReturnType<typeof sql>) =>
      Number((await sql<{ n: number }>`select count(*)::int as n from ${from}`.execute(db)).rows[0]?.n)
    const member = farmMembers[0] ?? ''
    const shown = await detailOf(keyed, member)
    const rowOf = async (db: TestApp['store']['db']) =>
      (await sql<{ text: string }>`select e::text as text from employees e where id = ${member}`.execute(db)).rows[0]
        ?.text ?? ''
    expect(await rowOf(plain.test.store.db)).toContain(shown.legalName ?? '?')
    const stored = await rowOf(keyed.test.store.db)
    expect(stored).toContain('hwenc1:')
    for (const secret of [shown.legalName, shown.homeAddress]) expect(stored).not.toContain(secret ?? '?')

    const personalKeys: [string, string][] = [
      ['hire', 'legalName'],
      ['shipment', 'shipTo'],
      ['device-check-in', 'publicIp'],
      ['endpoint-observation', 'rows'],
      ['sign-in', 'ip'],
      ['payroll-change', 'holderName'],
      ['payroll-change', 'accountHash'],
    ]
    for (const [kind, key] of personalKeys) {
      const ofKind = sql`workforce_records where kind = ${kind}`
      const total = await count(keyed.test.store.db, ofKind)
      expect(total, kind).toBeGreaterThan(0)
      expect(await count(plain.test.store.db, sql`${ofKind} and record ? ${key}`), `${kind} ${key}`).toBe(total)
      expect(await count(keyed.test.store.db, sql`${ofKind} and record ? ${key}`), `${kind} ${key}`).toBe(0)
      expect(await count(keyed.test.store.db, sql`${ofKind} and record ->> 'personal' like 'hwenc1:%'`), kind).toBe(
        total,
      )
    }
    const signals = sql`employee_assessments a, jsonb_array_elements(a.signals) s`
    expect(await count(keyed.test.store.db, signals)).toBeGreaterThan(0)
    expect(await count(keyed.test.store.db, sql`${signals} where s ->> 'evidence' not like 'hwenc1:%'`)).toBe(0)
    expect(await count(keyed.test.store.db, sql`${signals} where s ->> 'message' not like 'hwenc1:%'`)).toBe(0)
  })

  it('rebuilds the same farms from the encrypted records in a new process', async () => {
    const second = await createWorkforceService({ store: keyed.test.store, createEvaluator })
    expect(second.lastReplay.records).toBeGreaterThan(0)
    const farms = await second.farms()
    expect(farms.map((farm) => [...farm.employeeIds])).toEqual(
      (await get<{ items: Farm[] }>(plain, '/v1/farms')).items.map((farm) => farm.employeeIds),
    )
    await second.close()
  })

  it('replays and re-assesses after a farm member is erased, the member kept with no personal data', async () => {
    const member = farmMembers[0] ?? ''
    const erased = await eraseSubject(keyed.test.store, { kind: 'employee', value: member }, 'user:test')
    expect(erased.workforceRecordsAnonymised).toBeGreaterThan(0)
    const second = await createWorkforceService({ store: keyed.test.store, createEvaluator })
    expect(second.lastReplay.records).toBeGreaterThan(0)
    await second.farms()
    await second.close()
    const shown = await detailOf(keyed, member)
    expect(shown).toMatchObject({ legalName: null, homeAddress: null, manager: null, logins: [] })
    expect(JSON.stringify(shown.timeline)).not.toMatch(/\d+\.\d+\.\d+\.\d+/)
    // Re-assessed without the erased evidence: a new version; the earlier ones keep their scores and codes.
    expect(shown.latest?.score).toEqual(expect.any(Number))
    const history = await keyed.test.store.employees.history(member, 100)
    expect(history.some((version) => version.signalCodes.length > 0)).toBe(true)
  })
})
