import { loadPackagedIpDatabase, loadShippedNetworkClassification } from '@hirewall/intel'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { generateWorkforce, generateWorld } from '@hirewall/synth'
import { createWorkforceEvaluator, loadShippedLists } from '@hirewall/workforce'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { createWorkforceService, type WorkforceService } from '../../workforce/workforce-service.js'
import { registerReviewRoutes } from '../register-review-routes.js'
import { registerEmployeeRoutes } from './employee-routes.js'
import { registerWorkforceIngestRoute } from './workforce-ingest-route.js'

type Farm = { id: string; employeeIds: string[]; links: { kind: string; value: string; employeeIds: string[] }[] }
type FarmDetail = {
  farm: Farm
  members: {
    employeeId: string
    applicationId: string | null
    applicationClusterId: string | null
    outcome: string | null
    openCaseId: string | null
    toolHits: { tool: string; device: string }[]
  }[]
  graph: {
    nodes: { type: string; id: string; kind?: string; employeeId?: string; tools?: string[] }[]
    edges: { source: string; target: string; kind: string }[]
  }
}

describe.each(storeTestTargets())('the farm routes on $name', (target) => {
  let test: TestApp
  let workforce: WorkforceService
  const world = generateWorkforce({ employees: 40, seed: 'farm-routes', days: 14, farmShare: 0.2 })
  const headerOf = (csv: string) => csv.split('\n')[0] ?? ''

  beforeAll(async () => {
    test = await openTestApp(target)
    workforce = await createWorkforceService({
      store: test.store,
      createEvaluator: () =>
        createWorkforceEvaluator({
          lists: loadShippedLists(),
          network: { ranges: [loadShippedNetworkClassification()], ipDatabase: loadPackagedIpDatabase() },
          organisation: world.company,
        }),
    })
    await registerWorkforceIngestRoute(test.app, { workforce })
    registerEmployeeRoutes(test.app, { store: test.store, workforce })
    registerReviewRoutes(test.app, { store: test.store })
    await test.app.ready()
    const events = [...world.signInLines()]
    const feeds: [string, string, string][] = [
      ['hires', world.hiresCsv, 'text/csv'],
      ['shipments', world.shipmentsCsv, 'text/csv'],
      ['devices', world.mdmCsv, 'text/csv'],
      ['payroll', world.payrollCsv, 'text/csv'],
      ['osquery', [...world.osqueryLines()].join('\n'), 'application/x-ndjson'],
      [
        'okta',
        events.flatMap((event) => (event.provider === 'okta' ? [event.line] : [])).join('\n'),
        'application/x-ndjson',
      ],
      [
        'entra',
        events.flatMap((event) => (event.provider === 'entra' ? [event.line] : [])).join('\n'),
        'application/x-ndjson',
      ],
    ]
    for (const [feed, body, type] of feeds) {
      const response = await post(feed, body, type)
      if (response.statusCode !== 200) throw new Error(`${feed}: ${response.body.slice(0, 300)}`)
    }
  }, openTimeoutMs * 4)
  afterAll(async () => {
    await workforce.close()
    await test.close()
  })

  const post = (feed: string, body: string, type: string) =>
    test.app.inject({
      method: 'POST',
      url: `/v1/workforce/${feed}`,
      headers: { ...test.keys.submit, 'content-type': type },
      payload: body,
    })
  const get = (url: string, headers: AuthHeaders = test.people.viewer) =>
    test.app.inject({ method: 'GET', url, headers })
  const firstFarm = async () => {
    const farm = (await get('/v1/farms')).json<{ items: Farm[] }>().items[0]
    if (farm === undefined) throw new Error('the world plants no farm the evaluator finds')
    return farm
  }

  it('shows one farm as a graph of its members and what joins them, audit-logged', async () => {
    const farm = await firstFarm()
    const response = await get(`/v1/farms/${encodeURIComponent(farm.id)}`)
    expect(response.statusCode, response.body).toBe(200)
    const detail = response.json<FarmDetail>()
    expect(detail.farm).toEqual(farm)
    expect(detail.members.map((member) => member.employeeId)).toEqual(farm.employeeIds)
    for (const member of detail.members) {
      expect(['review', 'hold']).toContain(member.outcome)
      expect(member.openCaseId, 'each member is in the review queue').toEqual(expect.any(String))
    }
    const employeeNodes = detail.graph.nodes.filter((node) => node.type === 'employee')
    expect(employeeNodes.map((node) => node.employeeId)).toEqual(farm.employeeIds)
    // Every link of the farm is a node its members reach, directly or through the device that checked in there.
    for (const link of farm.links) {
      const id = `${link.kind === 'ip' ? 'ip' : 'address'}:${link.value}`
      expect(detail.graph.nodes.map((node) => node.id)).toContain(id)
      expect(detail.graph.edges.some((edge) => edge.target === id)).toBe(true)
    }
    const ids = new Set(detail.graph.nodes.map((node) => node.id))
    for (const edge of detail.graph.edges) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true)
    const read = await test.store.audit.list({ action: 'farm.read', actor: `user:${test.people.viewer.userId}` })
    expect(read.items[0]).toMatchObject({ target: farm.id, details: { members: farm.employeeIds.length } })
  })

  it('puts the remote-access tools found on members’ devices on their nodes', async () => {
    const farms = (await get('/v1/farms')).json<{ items: Farm[] }>().items
    const details = await Promise.all(
      farms.map(async (farm) => (await get(`/v1/farms/${encodeURIComponent(farm.id)}`)).json<FarmDetail>()),
    )
    const hits = details.flatMap((detail) => detail.members.flatMap((member) => member.toolHits))
    expect(hits.length, 'the planted farms run remote-access tools').toBeGreaterThan(0)
    for (const detail of details) {
      for (const member of detail.members) {
        const node = detail.graph.nodes.find((candidate) => candidate.employeeId === member.employeeId)
        expect(node?.tools).toEqual([...new Set(member.toolHits.map((hit) => hit.tool))].sort())
        for (const hit of member.toolHits)
          expect(detail.graph.nodes.find((candidate) => candidate.id === `device:${hit.device}`)?.tools).toContain(
            hit.tool,
          )
      }
    }
  })

  it('answers 404 naming the id for an unknown farm, and shows farms to readers only', async () => {
    const unknown = await get('/v1/farms/farm:nobody')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: { path: 'params.id' } } })
    const url = `/v1/farms/${encodeURIComponent((await firstFarm()).id)}`
    const expected: [AuthHeaders, number][] = [
      [test.people.viewer, 200],
      [test.people.analyst, 200],
      [test.keys.read, 200],
      [test.keys.admin, 200],
      [test.keys.submit, 403],
      [{}, 401],
    ]
    for (const [headers, status] of expected) {
      expect((await get(url, headers)).statusCode).toBe(status)
      expect((await get('/v1/farms?applicationId=x', headers)).statusCode).toBe(status)
    }
  })

  it('lists only the farms holding the hire of given applications, and links the hire to its application', async () => {
    const farm = await firstFarm()
    const member = farm.employeeIds[0] ?? ''
    const row = world.hiresCsv.split('\n').find((line) => line.startsWith(`${member},`)) ?? ''
    const applicationRef = row.split(',')[1] ?? ''
    // The application the member was hired from is screened now; HR sends the hire again with a new manager.
    const [record] = generateWorld({ count: 1, seed: 'farm-by-application' })
    if (record === undefined) throw new Error('no application generated')
    await test.store.applications.submit({
      record: { ...record, id: applicationRef },
      raw: { id: applicationRef },
      idempotencyKey: `test:${applicationRef}`,
    })
    const [email, timeZone] = row.split(',').slice(-2)
    const managerAt = row.lastIndexOf(',', row.lastIndexOf(',', row.lastIndexOf(',') - 1) - 1)
    const rehired = `${headerOf(world.hiresCsv)}\n${row.slice(0, managerAt)},Another Manager,${email ?? ''},${timeZone ?? ''}\n`
    expect((await post('hires', rehired, 'text/csv')).json<{ accepted: number }>().accepted).toBe(1)

    const only = await get(`/v1/farms?applicationId=${encodeURIComponent(applicationRef)}&applicationId=none`)
    expect(only.statusCode, only.body).toBe(200)
    expect(only.json<{ items: Farm[] }>().items.map((item) => item.id)).toEqual([farm.id])
    expect((await get('/v1/farms?applicationId=none')).json<{ items: Farm[] }>().items).toEqual([])
    const listed = await test.store.audit.list({ action: 'farms.listed' })
    expect(listed.items[0]?.details).toMatchObject({ applicationIds: ['none'], returned: 0 })

    const detail = (await get(`/v1/farms/${encodeURIComponent(farm.id)}`)).json<FarmDetail>()
    expect(detail.members.find((item) => item.employeeId === member)).toMatchObject({
      applicationId: applicationRef,
      applicationClusterId: null,
    })
    expect(detail.graph.edges).toContainEqual(
      expect.objectContaining({ source: `employee:${member}`, target: applicationRef, kind: 'hired-from' }),
    )
    expect(detail.graph.nodes).toContainEqual({ type: 'application', id: applicationRef, clusterId: null })
  })

  it("re-opens a farm member's decided case in the same review queue when a new hit changes the assessment", async () => {
    const member = (await firstFarm()).employeeIds.at(-1) ?? ''
    const openIn = async () =>
      (await get('/v1/cases?kind=employee&limit=500'))
        .json<{ items: { case: { id: string; status: string; subject: { id: string } } }[] }>()
        .items.filter((item) => item.case.subject.id === member)
        .map((item) => item.case)
    const [first] = await openIn()
    expect(first?.status).toBe('open')
    const decided = await test.app.inject({
      method: 'POST',
      url: `/v1/employees/${encodeURIComponent(member)}/decisions`,
      headers: test.people.analyst,
      payload: { verdict: 'cleared', reason: 'Verified on a video call' },
    })
    expect(decided.statusCode, decided.body).toBe(201)
    expect(await openIn()).toEqual([])
    // The employee's pay now goes to a crypto exchange: a new hit.
    const payroll = `employee_id,changed_at,account_number,routing_number,holder_name,method,institution\n${member},2026-03-25T10:00:00Z,55443322,021000021,Someone Else,crypto,Binance\n`
    const report = (await post('payroll', payroll, 'text/csv')).json<{
      casesRaised: { caseId: string; employeeId: string; isReopened: boolean }[]
    }>()
    expect(report.casesRaised).toEqual([
      { caseId: expect.any(String) as unknown, employeeId: member, isReopened: true },
    ])
    const reopened = await openIn()
    expect(reopened).toHaveLength(1)
    expect(reopened[0]).toMatchObject({ status: 'open', id: report.casesRaised[0]?.caseId })
    const detail = (await get(`/v1/farms/${encodeURIComponent((await firstFarm()).id)}`)).json<FarmDetail>()
    expect(detail.members.find((item) => item.employeeId === member)?.openCaseId).toBe(reopened[0]?.id)
  })
})
