import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stixSpecViolations } from '../../../../sharing/src/testing/stix-spec-checks.js'
import { buildApp } from '../../app/build-app.js'
import { storeAccessControl } from '../../auth/store-access-control.js'
import { testReference } from '../../testing/application-fixtures.js'
import { loneFraudster, seedConfirmedFraud, type ConfirmedFraudSeed } from '../../testing/seed-confirmed-fraud.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerSharingExportRoutes } from './sharing-export-routes.js'

type ExportView = {
  id: string
  format: string
  tlp: string
  isHashed: boolean
  keyFingerprint: string | null
  actor: string
  indicatorCount: number
  withheldCount: number
  objectCount: number
  downloadUrl: string
}
type Bundle = { type: 'bundle'; objects: { type: string; id: string; pattern?: string; value?: string }[] }

const consortiumKey = new TextEncoder().encode('a consortium key of 32 bytes....')

describe.each(storeTestTargets())('sharing export routes on $name', (target) => {
  let test: TestApp
  let seed: ConfirmedFraudSeed

  beforeAll(async () => {
    test = await openTestApp(target)
    registerSharingExportRoutes(test.app, {
      store: test.store,
      settings: { producer: 'Example Corp', consortiumKey, reference: testReference },
    })
    await test.app.ready()
    seed = await seedConfirmedFraud(test.store, `user:${test.people.analyst.userId}`)
  }, openTimeoutMs)
  afterAll(() => test.close())

  const create = (payload: Record<string, unknown>, headers: AuthHeaders = test.people.admin) =>
    test.app.inject({ method: 'POST', url: '/v1/sharing/exports', headers, payload })
  const download = async (url: string) => {
    const response = await test.app.inject({ method: 'GET', url, headers: test.people.admin })
    expect(response.statusCode, response.body).toBe(200)
    return response
  }

  it('lets only a signed-in admin export: viewers, analysts and every API key get 403, no credentials 401', async () => {
    for (const headers of [
      test.people.viewer,
      test.people.analyst,
      test.keys.read,
      test.keys.submit,
      test.keys.admin,
    ]) {
      const response = await create({ format: 'stix', tlp: 'amber' }, headers)
      expect(response.statusCode).toBe(403)
      expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { permission: 'sharing.export' } } })
      expect((await test.app.inject({ method: 'GET', url: '/v1/sharing/exports', headers })).statusCode).toBe(403)
    }
    expect((await create({ format: 'stix', tlp: 'amber' }, {})).statusCode).toBe(401)
    expect((await test.store.sharingExports.list()).items).toEqual([])
  })

  it('refuses TLP:RED with a 400 naming body.tlp, and other bad fields by name', async () => {
    const red = await create({ format: 'stix', tlp: 'red' })
    expect(red.statusCode).toBe(400)
    expect(red.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'body.tlp' }] } },
    })
    expect(red.body).toContain('TLP:RED never leaves')
    const format = await create({ format: 'csv', tlp: 'amber' })
    expect(format.json()).toMatchObject({ error: { details: { issues: [{ path: 'body.format' }] } } })
    const range = await create({ format: 'stix', tlp: 'amber', decidedFrom: '2030-01-02', decidedBefore: '2030-01-01' })
    expect(range.json()).toMatchObject({ error: { details: { issues: [{ path: 'body.decidedBefore' }] } } })
    const nothing = await create({ format: 'stix', tlp: 'amber', clusterId: 'cluster:nobody' })
    expect(nothing.statusCode).toBe(400)
    expect(nothing.json()).toMatchObject({ error: { details: { issues: [{ code: 'nothing_to_export' }] } } })
    expect((await test.store.sharingExports.list()).items).toEqual([])
  })

  it('exports the confirmed indicators as a STIX bundle that meets the spec, stores it and audits it', async () => {
    const response = await create({ format: 'stix', tlp: 'amber', attributedTo: 'Famous Chollima' })
    expect(response.statusCode, response.body).toBe(201)
    const created = response.json<{ export: ExportView; withheld: unknown[] }>()
    expect(created.export).toMatchObject({
      format: 'stix',
      tlp: 'amber',
      isHashed: false,
      keyFingerprint: null,
      actor: `user:${test.people.admin.userId}`,
    })
    const bundle = (await download(created.export.downloadUrl)).json<Bundle>()
    expect(stixSpecViolations(bundle)).toEqual([])
    expect(bundle.objects).toHaveLength(created.export.objectCount)
    const patterns = bundle.objects.flatMap((object) => (object.pattern === undefined ? [] : [object.pattern]))
    expect(patterns).toHaveLength(created.export.indicatorCount)
    const text = JSON.stringify(bundle)
    // The ring's phone and mailboxes, and every kind of the lone fraudster's identifiers.
    expect(text).toContain("x-hirewall-phone-number:value = '+14155550199'")
    expect(text).toContain("email-addr:value = 'min.park@outlook.com'")
    expect(text).toContain(`email-addr:value = '${loneFraudster.email}'`)
    expect(text).toContain(`domain-name:value = '${loneFraudster.domain}'`)
    expect(text).toContain(`x-hirewall-phone-number:value = '${loneFraudster.phone}'`)
    expect(text).toContain("user-account:account_login = 'jdoe-builds'")
    expect(text).toContain(`ipv4-addr:value = '${loneFraudster.ip}'`)
    expect(text).toContain(loneFraudster.cvSha256)
    expect(text).toContain(loneFraudster.address)
    expect(text).toContain('Famous Chollima')
    // Common mail, other organisations' sites, the cleared and the undecided application stay home.
    for (const kept of [
      'outlook.com',
      'gmail.com',
      'acme.com',
      'github.com',
      'stone-consulting.com',
      'quinn-labs.com',
    ]) {
      expect(text).not.toContain(`domain-name:value = '${kept}'`)
    }
    expect(text).not.toContain('riley@stone-consulting.com')
    expect(text).not.toContain('pat@quinn-labs.com')

    const audit = await test.store.audit.list({ action: 'sharing.exported' })
    expect(audit.items).toHaveLength(1)
    expect(audit.items[0]).toMatchObject({
      actor: `user:${test.people.admin.userId}`,
      target: `sharing-export:${created.export.id}`,
      details: {
        exportId: created.export.id,
        format: 'stix',
        tlp: 'amber',
        isHashed: false,
        applications: seed.ringIds.length + 1,
        decisions: 2,
        publishedToTaxii: true,
      },
    })
    const downloads = await test.store.audit.list({ action: 'sharing-export.downloaded' })
    expect(downloads.items[0]).toMatchObject({ actor: `user:${test.people.admin.userId}` })
  })

  it('exports a MISP event, and keyed hashes in privacy-preserving mode, limited to one cluster', async () => {
    const misp = await create({ format: 'misp', tlp: 'green', clusterId: seed.ringClusterId })
    expect(misp.statusCode, misp.body).toBe(201)
    const mispExport = misp.json<{ export: ExportView }>().export
    const event = (await download(mispExport.downloadUrl)).json<{
      Event: { Tag: { name: string }[]; Attribute: { type: string; value: string }[] }
    }>()
    expect(event.Event.Tag).toEqual([{ name: 'tlp:green' }])
    const values = event.Event.Attribute.map((attribute) => `${attribute.type} ${attribute.value}`).sort()
    expect(values).toContain('phone-number +14155550199')
    expect(values).toContain('email-src min.park@outlook.com')
    expect(values.join('\n')).not.toContain(loneFraudster.email)
    expect(mispExport.objectCount).toBe(event.Event.Attribute.length)

    const hashed = await create({ format: 'stix', tlp: 'clear', hashed: true, decidedFrom: '2000-01-01' })
    expect(hashed.statusCode, hashed.body).toBe(201)
    const hashedExport = hashed.json<{ export: ExportView }>().export
    expect(hashedExport.isHashed).toBe(true)
    expect(hashedExport.keyFingerprint).toMatch(/^[0-9a-f]{16}$/)
    const bundle = (await download(hashedExport.downloadUrl)).json<Bundle>()
    expect(stixSpecViolations(bundle)).toEqual([])
    const text = JSON.stringify(bundle)
    expect(text).toContain('x-hirewall-keyed-hash')
    expect(text).not.toContain('+14155550199')
    expect(text).not.toContain(loneFraudster.email)
  })

  it('lists exports newest first and answers 404 for an unknown one', async () => {
    const page = await test.app.inject({
      method: 'GET',
      url: '/v1/sharing/exports?limit=2',
      headers: test.people.admin,
    })
    expect(page.statusCode).toBe(200)
    const body = page.json<{ items: ExportView[]; nextCursor: string | null }>()
    expect(body.items.map((item) => [item.format, item.tlp])).toEqual([
      ['stix', 'clear'],
      ['misp', 'green'],
    ])
    expect(body.nextCursor).not.toBeNull()
    const rest = await test.app.inject({
      method: 'GET',
      url: `/v1/sharing/exports?limit=2&after=${body.nextCursor}`,
      headers: test.people.admin,
    })
    expect(rest.json<{ items: ExportView[] }>().items.map((item) => item.tlp)).toEqual(['amber'])
    const missing = await test.app.inject({
      method: 'GET',
      url: '/v1/sharing/exports/00000000-0000-4000-8000-000000000000',
      headers: test.people.admin,
    })
    expect(missing.statusCode).toBe(404)
  })

  it('refuses privacy-preserving mode on a server without a consortium key, naming body.hashed', async () => {
    const app = await buildApp({
      logLevel: 'silent',
      processMetrics: false,
      accessControl: storeAccessControl(test.store),
    })
    registerSharingExportRoutes(app, { store: test.store, settings: {} })
    await app.ready()
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/sharing/exports',
        headers: test.people.admin,
        payload: { format: 'stix', tlp: 'amber', hashed: true },
      })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ error: { details: { issues: [{ path: 'body.hashed' }] } } })
    } finally {
      await app.close()
    }
  })
})
