import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anApplicationRecord } from '../../testing/application-fixtures.js'
import { seedScreenedPool } from '../../testing/seed-screened-pool.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerPersonalDataRoutes } from './register-personal-data-routes.js'

describe.each(storeTestTargets())('personal-data endpoints on $name', (target) => {
  let test: TestApp
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: AuthHeaders, payload?: object) =>
    test.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) })

  beforeAll(async () => {
    test = await openTestApp(target)
    registerPersonalDataRoutes(test.app, { store: test.store })
    await test.app.ready()
    await seedScreenedPool(test.store, [
      anApplicationRecord('pd-1', { cv: { basics: { name: 'Sam Okafor', email: 'sam.okafor@example.com' } } }),
      anApplicationRecord('pd-2', { cv: { basics: { name: 'Lee Park', email: 'lee.park@example.com' } } }),
    ])
  }, openTimeoutMs)
  afterAll(() => test.close())

  it.each([
    ['a viewer', (t: TestApp) => t.people.viewer],
    ['an analyst', (t: TestApp) => t.people.analyst],
    ['an admin key', (t: TestApp) => t.keys.admin],
  ])('refuses every endpoint to %s', async (_name, headersOf) => {
    for (const [method, url, payload] of [
      ['GET', '/v1/admin/retention-policies', undefined],
      ['PUT', '/v1/admin/retention-policies/api', { maxAgeDays: 30, action: 'anonymise' }],
      ['POST', '/v1/admin/retention/run', { dryRun: true }],
      ['POST', '/v1/admin/subject-requests/export', { email: 'sam.okafor@example.com' }],
      ['POST', '/v1/admin/subject-requests/erase', { email: 'sam.okafor@example.com' }],
      ['POST', '/v1/admin/subject-requests/export', { employeeId: 'E-PD-1' }],
      ['POST', '/v1/admin/subject-requests/erase', { employeeId: 'E-PD-1' }],
    ] as const) {
      const response = await call(method, url, headersOf(test), payload)
      expect([url, response.statusCode]).toEqual([url, 403])
    }
  })

  it('sets, lists, dry-runs and removes a retention policy, naming a bad field', async () => {
    const admin = test.people.admin
    const set = await call('PUT', '/v1/admin/retention-policies/api', admin, { maxAgeDays: 400, action: 'delete' })
    expect(set.statusCode).toBe(200)
    expect(set.json()).toMatchObject({ policy: { sourceSystem: 'api', maxAgeDays: 400, action: 'delete' } })
    const listed = (await call('GET', '/v1/admin/retention-policies', admin)).json<{ policies: unknown[] }>()
    expect(listed.policies).toHaveLength(1)
    const dry = await call('POST', '/v1/admin/retention/run', admin, { dryRun: true })
    expect(dry.json()).toMatchObject({ isDryRun: true, policies: [{ sourceSystem: 'api', due: 0, applied: 0 }] })
    const bad = await call('PUT', '/v1/admin/retention-policies/api', admin, { maxAgeDays: 0, action: 'delete' })
    expect(bad.statusCode).toBe(400)
    expect(JSON.stringify(bad.json<{ error: { details: unknown } }>().error.details)).toContain('maxAgeDays')
    expect((await call('DELETE', '/v1/admin/retention-policies/api', admin)).statusCode).toBe(204)
    expect((await call('DELETE', '/v1/admin/retention-policies/api', admin)).statusCode).toBe(404)
  })

  it("keeps a workforce feed's records by age, deleting them: anonymise is refused naming body.action", async () => {
    const admin = test.people.admin
    const path = `/v1/admin/retention-policies/${encodeURIComponent('workforce:okta')}`
    const refused = await call('PUT', path, admin, { maxAgeDays: 180, action: 'anonymise' })
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { path: 'body.action' } } })
    const set = await call('PUT', path, admin, { maxAgeDays: 180, action: 'delete' })
    expect(set.statusCode, set.body).toBe(200)
    const dry = await call('POST', '/v1/admin/retention/run', admin, { dryRun: true })
    expect(dry.json()).toMatchObject({ policies: [{ sourceSystem: 'workforce:okta', due: 0, applied: 0 }] })
    expect((await call('DELETE', path, admin)).statusCode).toBe(204)
  })

  it('exports and erases a person by email, audited with the actor and without the email', async () => {
    const admin = test.people.admin
    const exported = await call('POST', '/v1/admin/subject-requests/export', admin, { email: 'Sam.Okafor@example.com' })
    expect(exported.statusCode).toBe(200)
    const document = exported.json<{ applicationIds: string[]; tables: Record<string, unknown[]> }>()
    expect(document.applicationIds).toEqual(['pd-1'])
    expect(JSON.stringify(document.tables.applications)).toContain('Sam Okafor')

    const neither = await call('POST', '/v1/admin/subject-requests/export', admin, {})
    expect(neither.statusCode).toBe(400)
    const badPhone = await call('POST', '/v1/admin/subject-requests/export', admin, { phone: 'call me' })
    expect(badPhone.statusCode).toBe(400)
    expect(badPhone.json()).toMatchObject({ error: { details: { path: 'body.phone' } } })

    const erased = await call('POST', '/v1/admin/subject-requests/erase', admin, { email: 'sam.okafor@example.com' })
    expect(erased.json()).toMatchObject({ applicationIds: ['pd-1'], anonymised: 1 })
    const after = await test.store.applications.find('pd-1')
    expect(JSON.stringify(after)).not.toContain('Okafor')
    expect(JSON.stringify(await test.store.applications.find('pd-2'))).toContain('Lee Park')
    const audit = await test.store.audit.list({ action: 'subject.erased' })
    expect(audit.items[0]?.actor).toMatch(/^user:/)
    expect(JSON.stringify(audit.items)).not.toContain('okafor')
  })

  it("exports and erases an employee's records by employeeId, and reaches them from the application they were hired from", async () => {
    const admin = test.people.admin
    await test.store.employees.recordHires([
      {
        id: 'E-PD-1',
        applicationRef: 'pd-2',
        legalName: 'Lee Park',
        homeAddress: '7 Elm Row, Portland, OR 97201',
        startDate: '2026-03-02',
        logins: ['lee.park@corp.example'],
      },
    ])
    await test.store.workforceRecords.append([
      {
        kind: 'sign-in',
        naturalKey: 'okta:pd-1',
        subjectKey: 'lee.park@corp.example',
        at: new Date('2026-03-03T09:00:00Z'),
        record: {
          kind: 'sign-in',
          provider: 'okta',
          eventId: 'pd-1',
          eventType: 'user.session.start',
          login: 'lee.park@corp.example',
          at: '2026-03-03T09:00:00Z',
          atMs: Date.parse('2026-03-03T09:00:00Z'),
          ip: '203.0.113.77',
          outcome: 'success',
        },
        source: 'okta',
        receivedBy: 'user:test',
      },
    ])
    const exported = await call('POST', '/v1/admin/subject-requests/export', admin, { employeeId: 'E-PD-1' })
    expect(exported.statusCode, exported.body).toBe(200)
    const document = exported.json<{
      applicationIds: string[]
      employeeIds: string[]
      tables: Record<string, unknown[]>
    }>()
    expect(document).toMatchObject({ applicationIds: ['pd-2'], employeeIds: ['E-PD-1'] })
    expect(JSON.stringify(document.tables.employees)).toContain('7 Elm Row')
    expect(JSON.stringify(document.tables.workforce_records)).toContain('203.0.113.77')
    const fromApplication = await call('POST', '/v1/admin/subject-requests/export', admin, { applicationId: 'pd-2' })
    expect(fromApplication.json()).toMatchObject({ employeeIds: ['E-PD-1'] })

    const two = await call('POST', '/v1/admin/subject-requests/erase', admin, {
      employeeId: 'E-PD-1',
      applicationId: 'pd-2',
    })
    expect(two.statusCode).toBe(400)
    expect(two.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { path: 'body' } } })
    const blank = await call('POST', '/v1/admin/subject-requests/erase', admin, { employeeId: ' ' })
    expect(blank.statusCode).toBe(400)
    expect(JSON.stringify(blank.json())).toContain('employeeId')

    const erased = await call('POST', '/v1/admin/subject-requests/erase', admin, { employeeId: 'E-PD-1' })
    expect(erased.statusCode, erased.body).toBe(200)
    expect(erased.json()).toMatchObject({
      applicationIds: ['pd-2'],
      employeeIds: ['E-PD-1'],
      anonymised: 1,
      employeesAnonymised: 1,
      workforceRecordsAnonymised: 1,
    })
    const employee = await test.store.employees.find('E-PD-1')
    expect(employee).toMatchObject({ legalName: null, homeAddress: null, logins: [], startDate: '2026-03-02' })
    expect(JSON.stringify(await test.store.workforceRecords.about(['E-PD-1'], ['sign-in'], 10))).not.toContain(
      '203.0.113.77',
    )
    const again = await call('POST', '/v1/admin/subject-requests/erase', admin, { employeeId: 'E-PD-1' })
    expect(again.json()).toMatchObject({
      employeesAnonymised: 0,
      workforceRecordsAnonymised: 0,
      assessmentsRedacted: 0,
    })
    const audit = await test.store.audit.list({ action: 'subject.erased' })
    expect(JSON.stringify(audit.items[0])).toContain('E-PD-1')
    expect(JSON.stringify(audit.items)).not.toContain('Elm Row')
  })
})
