import { loadPackagedIpDatabase, loadShippedNetworkClassification } from '@hirewall/intel'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { generateWorkforce, generateWorld, type WorkforceWorld } from '@hirewall/synth'
import { createWorkforceEvaluator, loadShippedLists, type WorkforceEvaluatorOptions } from '@hirewall/workforce'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { createWorkforceService, type WorkforceService } from '../../workforce/workforce-service.js'
import { registerReviewRoutes } from '../register-review-routes.js'
import { registerEmployeeRoutes } from './employee-routes.js'
import { registerWorkforceIngestRoute } from './workforce-ingest-route.js'

type Report = {
  accepted: number
  duplicates: number
  rejected: number
  skipped: number
  rows: { line: number; status: string; issues?: { path: string; message: string }[]; reason?: string }[]
  assessed: number
  casesRaised: { caseId: string; employeeId: string; isReopened: boolean }[]
}
type Farm = { id: string; employeeIds: string[]; links: { kind: string; value: string }[] }

const evaluatorOptions = (world: WorkforceWorld): WorkforceEvaluatorOptions => ({
  lists: loadShippedLists(),
  network: { ranges: [loadShippedNetworkClassification()], ipDatabase: loadPackagedIpDatabase() },
  organisation: world.company,
})

describe.each(storeTestTargets())('the workforce routes on $name', (target) => {
  let test: TestApp
  let workforce: WorkforceService
  const world = generateWorkforce({ employees: 40, seed: 'workforce-routes', days: 14, farmShare: 0.15 })
  const farmMembers = world.labels.filter((label) => label.pattern === 'laptop-farm').map((label) => label.employeeId)
  const okta = [...world.signInLines()].filter((event) => event.provider === 'okta').map((event) => event.line)
  const entra = [...world.signInLines()].filter((event) => event.provider === 'entra').map((event) => event.line)

  beforeAll(async () => {
    test = await openTestApp(target)
    workforce = await createWorkforceService({
      store: test.store,
      createEvaluator: () => createWorkforceEvaluator(evaluatorOptions(world)),
    })
    await registerWorkforceIngestRoute(test.app, { workforce })
    registerEmployeeRoutes(test.app, { store: test.store, workforce })
    registerReviewRoutes(test.app, { store: test.store })
    await test.app.ready()
  }, openTimeoutMs)
  afterAll(async () => {
    await workforce.close()
    await test.close()
  })

  const post = (feed: string, body: string, type: string, headers: AuthHeaders = test.keys.submit) =>
    test.app.inject({
      method: 'POST',
      url: `/v1/workforce/${feed}`,
      headers: { ...headers, 'content-type': type },
      payload: body,
    })
  const get = (url: string, headers: AuthHeaders = test.people.viewer) =>
    test.app.inject({ method: 'GET', url, headers })

  it('ingests every feed of a generated workforce over HTTP, answering per row', async () => {
    const feeds: [string, string, string][] = [
      ['hires', world.hiresCsv, 'text/csv'],
      ['shipments', world.shipmentsCsv, 'text/csv'],
      ['devices', world.mdmCsv, 'text/csv'],
      ['payroll', world.payrollCsv, 'text/csv'],
      ['osquery', [...world.osqueryLines()].join('\n'), 'application/x-ndjson'],
      ['okta', `[${okta.join(',\n')}]`, 'application/json'],
      ['entra', entra.join('\n'), 'application/x-ndjson'],
    ]
    for (const [feed, body, type] of feeds) {
      const response = await post(feed, body, type, feed === 'okta' ? test.people.analyst : test.keys.submit)
      expect(response.statusCode, `${feed}: ${response.body.slice(0, 300)}`).toBe(200)
      const report = response.json<Report>()
      expect(report.rejected, feed).toBe(0)
      expect(report.accepted, feed).toBeGreaterThan(0)
      expect(report.rows.length).toBe(report.accepted + report.duplicates + report.rejected + report.skipped)
    }
    const audit = await test.store.audit.list({ action: 'workforce.ingested' })
    expect(audit.items.length).toBe(feeds.length)
  })

  it('finds the planted farms, raises their cases in the review queue and lists them as employees', async () => {
    const farms = await get('/v1/farms')
    expect(farms.statusCode, farms.body).toBe(200)
    const clustered = farms.json<{ items: Farm[] }>().items.flatMap((farm) => farm.employeeIds)
    expect(clustered.length).toBeGreaterThan(1)
    // Every clustered employee is a planted farm member: no honest employee is put in a farm.
    for (const id of clustered) expect(farmMembers).toContain(id)

    const queue = await get('/v1/cases?kind=employee&limit=500')
    expect(queue.statusCode, queue.body).toBe(200)
    const cases = queue.json<{
      items: {
        case: { subject: { kind: string; id: string } }
        risk: { applicationId: null; outcome: string } | null
        candidateName: string | null
      }[]
    }>().items
    const caseSubjects = cases.map((item) => item.case.subject.id)
    for (const id of clustered) expect(caseSubjects).toContain(id)
    for (const item of cases) {
      expect(item.case.subject.kind).toBe('employee')
      expect(item.risk?.applicationId).toBeNull()
      expect(['review', 'hold']).toContain(item.risk?.outcome)
      expect(item.candidateName).toEqual(expect.any(String))
    }

    const held = await get('/v1/employees?outcome=hold&limit=500')
    expect(held.statusCode, held.body).toBe(200)
    const heldIds = held.json<{ items: { id: string; latest: { outcome: string } }[] }>().items.map((item) => item.id)
    for (const id of clustered) expect(heldIds).toContain(id)
    const all = await get('/v1/employees?limit=7')
    const page = all.json<{ items: { latest: { score: number } | null }[]; nextCursor: string | null }>()
    expect(page.items).toHaveLength(7)
    const scores = page.items.map((item) => item.latest?.score ?? -1)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(page.nextCursor).not.toBeNull()
    const listed = await test.store.audit.list({
      action: 'employees.listed',
      actor: `user:${test.people.viewer.userId}`,
    })
    expect(listed.items.length).toBeGreaterThan(0)
  })

  it("shows an employee's signals with evidence and a timeline ordered by time", async () => {
    const farms = (await get('/v1/farms')).json<{ items: Farm[] }>().items
    const member = farms[0]?.employeeIds[0] ?? ''
    const response = await get(`/v1/employees/${encodeURIComponent(member)}`)
    expect(response.statusCode, response.body).toBe(200)
    const detail = response.json<{
      id: string
      latest: { outcome: string; clusterId: string | null }
      signals: { code: string; evidence: unknown }[]
      timeline: { at: string; kind: string }[]
      openCase: { subject: { kind: string } } | null
    }>()
    expect(detail.latest.clusterId).toBe(farms[0]?.id)
    expect(detail.signals.length).toBeGreaterThan(0)
    for (const signal of detail.signals) expect(signal.evidence).toEqual(expect.any(Object))
    expect(detail.openCase?.subject.kind).toBe('employee')
    const kinds = new Set(detail.timeline.map((entry) => entry.kind))
    for (const kind of ['start', 'shipment', 'device-check-in', 'sign-ins', 'payroll-change', 'assessment'])
      expect(kinds, kind).toContain(kind)
    const times = detail.timeline.map((entry) => entry.at)
    expect(times).toEqual([...times].sort())
    const read = await test.store.audit.list({ action: 'employee.read' })
    expect(read.items[0]?.target).toBe(`employee:${member}`)
    expect((await get('/v1/employees/no-such-employee')).statusCode).toBe(404)
  })

  it('links a hire to the screened application through the ATS hire, and shows both in the timeline', async () => {
    const [record] = generateWorld({ count: 1, seed: 'workforce-link' })
    if (record === undefined) throw new Error('no application generated')
    await test.store.applications.submit({ record, raw: record })
    await test.store.hires.record({
      sourceSystem: 'greenhouse',
      externalApplicationId: 'gh-app-7731',
      applicationId: record.id,
      hiredAt: new Date('2026-02-20T15:00:00Z'),
      recordedBy: 'ats:greenhouse',
    })
    // HR knows the ATS's own application id, not HireWall's: the ATS hire joins the two.
    const csv = `employee_id,application_id,legal_name,home_address,start_date\nE-LINK-1,gh-app-7731,Lee Linked,"4 Oak St, Austin, TX 78701",2026-03-02\n`
    expect((await post('hires', csv, 'text/csv')).json<Report>().accepted).toBe(1)
    const response = await get('/v1/employees/E-LINK-1')
    expect(response.statusCode, response.body).toBe(200)
    const detail = response.json<{
      applicationId: string | null
      applicationRef: string | null
      application: { id: string } | null
      timeline: { kind: string; details: Record<string, unknown> }[]
    }>()
    expect(detail).toMatchObject({
      applicationId: record.id,
      applicationRef: 'gh-app-7731',
      application: { id: record.id },
    })
    const kinds = detail.timeline.map((entry) => entry.kind)
    expect(kinds.slice(0, 3)).toEqual(['application', 'hire', 'start'])
    expect(detail.timeline[1]?.details).toMatchObject({
      sourceSystem: 'greenhouse',
      externalApplicationId: 'gh-app-7731',
    })
  })

  it('stores a re-sent event once, and answers a bad row with its line and field', async () => {
    const again = await post('okta', okta.slice(0, 20).join('\n'), 'application/x-ndjson')
    expect(again.json<Report>()).toMatchObject({ accepted: 0, duplicates: 20, rejected: 0 })
    const csv = `employee_id,legal_name,home_address,start_date\nE-NEW-1,Ada Example,"1 Main St, Springfield",2026-03-02\n,No Id,somewhere,2026-13-40\n`
    const response = await post('hires', csv, 'text/csv; charset=utf-8')
    expect(response.statusCode, response.body).toBe(200)
    const report = response.json<Report>()
    expect(report).toMatchObject({ accepted: 1, rejected: 1 })
    const rejected = report.rows.find((row) => row.status === 'rejected')
    expect(rejected?.line).toBe(3)
    expect(rejected?.issues?.map((issue) => issue.path)).toEqual(expect.arrayContaining(['employee_id', 'start_date']))
    const one = await post(
      'entra',
      JSON.stringify({ id: 'x', userPrincipalName: 'a@b.example', createdDateTime: 'yesterday' }, null, 2),
      'application/json',
    )
    expect(one.json<Report>().rows).toEqual([
      { line: 1, status: 'rejected', issues: [{ path: 'createdDateTime', message: expect.any(String) as unknown }] },
    ])
  })

  it('refuses the wrong content type, an empty body and an unknown feed, naming what is accepted', async () => {
    const wrongType = await post('okta', 'a,b\n1,2\n', 'text/csv')
    expect(wrongType.statusCode).toBe(415)
    expect(wrongType.json()).toMatchObject({
      error: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        details: { accepted: ['application/json', 'application/x-ndjson', 'application/jsonl'] },
      },
    })
    expect((await post('payroll', '', 'text/csv')).json()).toMatchObject({ error: { code: 'BAD_REQUEST' } })
    const unknown = await post('badges', 'x', 'text/csv')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
    expect(JSON.stringify(unknown.json())).toContain('params.feed')
  })

  it('lets submit keys and analysts ingest, viewers and read keys only read', async () => {
    const body = world.hiresCsv.split('\n').slice(0, 2).join('\n')
    expect((await post('hires', body, 'text/csv', test.people.viewer)).statusCode).toBe(403)
    expect((await post('hires', body, 'text/csv', test.keys.read)).statusCode).toBe(403)
    expect((await post('hires', body, 'text/csv', {})).statusCode).toBe(401)
    expect((await post('hires', body, 'text/csv', test.keys.admin)).statusCode).toBe(200)
    for (const url of ['/v1/employees', '/v1/farms', `/v1/employees/${farmMembers[0] ?? ''}`]) {
      expect((await get(url, test.keys.read)).statusCode, url).toBe(200)
      expect((await get(url, test.keys.submit)).statusCode, url).toBe(403)
      expect((await get(url, {})).statusCode, url).toBe(401)
    }
  })

  it('closes an employee case by decision and re-opens it when a new hit changes the assessment', async () => {
    const member = farmMembers.find((id) => id !== undefined) ?? ''
    const decided = await test.app.inject({
      method: 'POST',
      url: `/v1/employees/${encodeURIComponent(member)}/decisions`,
      headers: test.people.analyst,
      payload: { verdict: 'cleared', reason: 'Verified on a video call' },
    })
    expect(decided.statusCode, decided.body).toBe(201)
    expect(decided.json()).toMatchObject({ case: { status: 'closed', subject: { kind: 'employee', id: member } } })
    // The employee's pay now goes to a crypto exchange: a new hit, so the review opens again.
    const payroll = `employee_id,changed_at,account_number,routing_number,holder_name,method,institution\n${member},2026-03-20T10:00:00Z,99887766,021000021,Someone Else,crypto,Binance\n`
    const report = (await post('payroll', payroll, 'text/csv')).json<Report>()
    expect(report.casesRaised).toContainEqual({
      caseId: expect.any(String) as unknown,
      employeeId: member,
      isReopened: true,
    })
  })

  it('rebuilds the same picture in a new process by replaying the stored records, and catches up with others', async () => {
    const before = (await get('/v1/farms')).json<{ items: Farm[] }>().items
    const second = await createWorkforceService({
      store: test.store,
      createEvaluator: () => createWorkforceEvaluator(evaluatorOptions(world)),
    })
    expect(second.lastReplay.records).toBeGreaterThan(okta.length)
    expect(await second.farms()).toEqual(before)
    // Records the first process stores reach the second when it catches up.
    const hire = `employee_id,legal_name,home_address,start_date,work_email\nE-LATE-1,Late Hire,"9 Elm St, Austin, TX 78701",2026-03-09,late@acme.example\n`
    expect((await post('hires', hire, 'text/csv')).json<Report>().accepted).toBe(1)
    const seen = second.statistics().employees
    await second.farms()
    expect(second.statistics().employees).toBe(seen + 1)
    await second.close()
  })
})
