import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stixSpecViolations } from '../../../../sharing/src/testing/stix-spec-checks.js'
import { testReference } from '../../testing/application-fixtures.js'
import { seedConfirmedFraud } from '../../testing/seed-confirmed-fraud.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { registerSharingExportRoutes } from '../sharing/sharing-export-routes.js'
import { taxiiCollectionOf } from './taxii-collections.js'
import { taxiiMediaType } from './taxii-media-types.js'
import { registerTaxiiRoutes } from './register-taxii-routes.js'

type StixObject = { type: string; id: string; modified?: string; created?: string }
type Envelope = { more: boolean; next?: string; objects?: StixObject[] }
type Manifest = { more: boolean; next?: string; objects?: { id: string; date_added: string; version: string }[] }

const amber = taxiiCollectionOf('amber')
const objectsUrl = `/taxii2/api1/collections/${amber.id}/objects/`

describe.each(storeTestTargets())('TAXII 2.1 server on $name', (target) => {
  let test: TestApp
  let firstExportObjects: number

  beforeAll(async () => {
    test = await openTestApp(target)
    const settings = { producer: 'Example Corp', apiRootTitle: 'Example Corp fraud feed', reference: testReference }
    registerSharingExportRoutes(test.app, { store: test.store, settings })
    await registerTaxiiRoutes(test.app, { store: test.store, settings })
    await test.app.ready()
    await seedConfirmedFraud(test.store, `user:${test.people.analyst.userId}`)
  }, openTimeoutMs)
  afterAll(() => test.close())

  const taxii = (url: string, headers: AuthHeaders = test.keys.read, accept: string | null = taxiiMediaType) =>
    test.app.inject({ method: 'GET', url, headers: { ...headers, ...(accept === null ? {} : { accept }) } })
  const exportNow = async (payload: Record<string, unknown>) => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/v1/sharing/exports',
      headers: test.people.admin,
      payload,
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<{ export: { objectCount: number } }>().export
  }
  const expectTaxiiError = (response: LightMyRequestResponse, status: number, code: string) => {
    expect(response.statusCode, response.body).toBe(status)
    expect(response.headers['content-type']).toBe(taxiiMediaType)
    const message = response.json<{ title: unknown; http_status: string; error_code: string }>()
    expect(message).toMatchObject({ http_status: String(status), error_code: code })
    expect(typeof message.title).toBe('string')
  }
  /** Every page of a listing, following `next`. */
  const allPages = async (url: string) => {
    const pages: Envelope[] = []
    let next: string | undefined
    do {
      const separator = url.includes('?') ? '&' : '?'
      const response = await taxii(next === undefined ? url : `${url}${separator}next=${encodeURIComponent(next)}`)
      expect(response.statusCode, response.body).toBe(200)
      const page = response.json<Envelope>()
      pages.push(page)
      next = page.next
      expect(page.more).toBe(next !== undefined)
    } while (next !== undefined)
    return pages
  }

  it('serves nothing before an admin exports: no collections, and the amber collection is 404', async () => {
    const collections = await taxii('/taxii2/api1/collections/')
    expect(collections.statusCode).toBe(200)
    expect(collections.json()).toEqual({})
    expectTaxiiError(await taxii(`/taxii2/api1/collections/${amber.id}/`), 404, 'NOT_FOUND')
    const objects = await taxii(objectsUrl)
    expect(objects.json()).toEqual({ more: false })
    const misp = await exportNow({ format: 'misp', tlp: 'green' })
    expect(misp.objectCount).toBeGreaterThan(0)
    expect((await taxii('/taxii2/api1/collections/')).json()).toEqual({})
  })

  it('answers discovery, the API root and the collections of exported TLP levels, never red', async () => {
    firstExportObjects = (await exportNow({ format: 'stix', tlp: 'amber' })).objectCount
    const discovery = await taxii('/taxii2/')
    expect(discovery.statusCode, discovery.body).toBe(200)
    expect(discovery.headers['content-type']).toBe(taxiiMediaType)
    expect(discovery.json()).toMatchObject({
      title: 'Example Corp TAXII server',
      default: 'http://localhost:80/taxii2/api1/',
      api_roots: ['http://localhost:80/taxii2/api1/'],
    })
    const root = await taxii('/taxii2/api1/')
    expect(root.json()).toMatchObject({ title: 'Example Corp fraud feed', versions: [taxiiMediaType] })
    const collections = (await taxii('/taxii2/api1/collections/')).json<{ collections: { id: string }[] }>()
    expect(collections.collections).toEqual([
      {
        id: amber.id,
        title: amber.title,
        description: amber.description,
        can_read: true,
        can_write: false,
        media_types: ['application/stix+json;version=2.1'],
      },
    ])
    expect((await taxii(`/taxii2/api1/collections/${amber.id}/`)).json()).toMatchObject({ id: amber.id })
    expectTaxiiError(await taxii('/taxii2/api1/collections/00000000-0000-4000-8000-000000000000/'), 404, 'NOT_FOUND')
    expectTaxiiError(await taxii('/taxii2/api2/'), 404, 'NOT_FOUND')
  })

  it('pages by next and by added_after with no repeats and no gaps, and the objects meet the STIX spec', async () => {
    const everything = (await taxii(`${objectsUrl}?limit=1000`)).json<Envelope>()
    const all = everything.objects ?? []
    expect(all).toHaveLength(firstExportObjects)
    expect(everything.more).toBe(false)
    expect(
      stixSpecViolations({ type: 'bundle', id: 'bundle--6f0c8d0e-1c1e-4d8a-9f4e-3d1c2b0a9e8f', objects: all }),
    ).toEqual([])

    const byNext = (await allPages(`${objectsUrl}?limit=7`)).flatMap((page) => page.objects ?? [])
    expect(byNext.map((object) => object.id)).toEqual(all.map((object) => object.id))

    // A client that only remembers X-TAXII-Date-Added-Last.
    const byTime: string[] = []
    let addedAfter: string | undefined
    for (;;) {
      const response = await taxii(
        `${objectsUrl}?limit=5${addedAfter === undefined ? '' : `&added_after=${addedAfter}`}`,
      )
      const page = response.json<Envelope>()
      if (page.objects === undefined) {
        expect(response.headers['x-taxii-date-added-last']).toBeUndefined()
        break
      }
      byTime.push(...page.objects.map((object) => object.id))
      const first = String(response.headers['x-taxii-date-added-first'])
      const last = String(response.headers['x-taxii-date-added-last'])
      expect(first <= last).toBe(true)
      if (addedAfter !== undefined) expect(first > addedAfter).toBe(true)
      addedAfter = last
    }
    expect(byTime).toEqual(all.map((object) => object.id))
    expect(new Set(byTime).size).toBe(byTime.length)
  })

  it('keeps versions: a second export adds new versions, served after the first ones, and last is the default', async () => {
    const before = (await taxii(`/taxii2/api1/collections/${amber.id}/manifest/?limit=1000`)).json<Manifest>()
    const lastAdded = before.objects?.at(-1)?.date_added ?? ''
    await new Promise((resolve) => setTimeout(resolve, 5))
    await exportNow({ format: 'stix', tlp: 'amber' })

    const latest = (await taxii(`${objectsUrl}?limit=1000`)).json<Envelope>().objects ?? []
    expect(latest).toHaveLength(firstExportObjects)
    expect(new Set(latest.map((object) => object.id)).size).toBe(latest.length)
    const every = (await taxii(`${objectsUrl}?limit=1000&match[version]=all`)).json<Envelope>().objects ?? []
    const newer = (await taxii(`${objectsUrl}?limit=1000&added_after=${lastAdded}`)).json<Envelope>().objects ?? []
    // Indicators, observed data and relationships carry the new time; observables and markings have one version.
    expect(newer.length).toBeGreaterThan(0)
    expect(every).toHaveLength(firstExportObjects + newer.length)
    expect(newer.every((object) => object.type !== 'marking-definition')).toBe(true)
    const first = (await taxii(`${objectsUrl}?limit=1000&match[version]=first`)).json<Envelope>().objects ?? []
    expect(first.map((object) => object.id).sort()).toEqual(latest.map((object) => object.id).sort())

    const indicator = latest.find((object) => object.type === 'indicator')
    if (indicator === undefined) throw new Error('no indicator served')
    const versions = (await taxii(`/taxii2/api1/collections/${amber.id}/objects/${indicator.id}/versions/`)).json<{
      versions: string[]
    }>()
    expect(versions.versions).toHaveLength(2)
    expect(versions.versions[1]).toBe(indicator.modified)
    const one = (await taxii(`/taxii2/api1/collections/${amber.id}/objects/${indicator.id}/`)).json<Envelope>()
    expect(one.objects).toEqual([indicator])
    const old = (
      await taxii(
        `/taxii2/api1/collections/${amber.id}/objects/${indicator.id}/?match[version]=${versions.versions[0]}`,
      )
    ).json<Envelope>()
    expect(old.objects?.[0]?.modified).toBe(versions.versions[0])
    expectTaxiiError(
      await taxii(`/taxii2/api1/collections/${amber.id}/objects/indicator--00000000-0000-4000-8000-000000000000/`),
      404,
      'NOT_FOUND',
    )
  })

  it('filters by match[type] and match[id], and lists the manifest', async () => {
    const indicators = (await taxii(`${objectsUrl}?limit=1000&match[type]=indicator`)).json<Envelope>().objects ?? []
    expect(indicators.length).toBeGreaterThan(0)
    expect(indicators.every((object) => object.type === 'indicator')).toBe(true)
    const two = (await taxii(`${objectsUrl}?match[type]=indicator,identity&limit=1000`)).json<Envelope>().objects ?? []
    expect(new Set(two.map((object) => object.type))).toEqual(new Set(['indicator', 'identity']))
    const [a, b] = indicators
    if (a === undefined || b === undefined) throw new Error('fewer than two indicators')
    const byId = (await taxii(`${objectsUrl}?match[id]=${a.id},${b.id}`)).json<Envelope>().objects ?? []
    expect(byId.map((object) => object.id).sort()).toEqual([a.id, b.id].sort())
    const none = (await taxii(`${objectsUrl}?match[spec_version]=2.0`)).json<Envelope>()
    expect(none).toEqual({ more: false })

    const manifest = await taxii(`/taxii2/api1/collections/${amber.id}/manifest/?match[type]=indicator&limit=1000`)
    const records = manifest.json<Manifest>().objects ?? []
    expect(records.map((record) => record.id)).toEqual(indicators.map((object) => object.id))
    expect(records[0]).toMatchObject({ version: a.modified, media_type: 'application/stix+json;version=2.1' })
    expect(manifest.headers['x-taxii-date-added-first']).toBe(records[0]?.date_added)

    const bad = await taxii(`${objectsUrl}?added_after=yesterday`)
    expectTaxiiError(bad, 400, 'VALIDATION_FAILED')
    expect(bad.json()).toMatchObject({ details: { issues: [{ path: 'querystring.added_after' }] } })
    expectTaxiiError(await taxii(`${objectsUrl}?limit=0`), 400, 'VALIDATION_FAILED')
    expectTaxiiError(await taxii(`${objectsUrl}?next=not-a-cursor`), 400, 'VALIDATION_FAILED')
  })

  it('asks for credentials (401), refuses keys without the read scope and non-admins (403), lets admins in', async () => {
    const anonymous = await taxii('/taxii2/', {})
    expectTaxiiError(anonymous, 401, 'UNAUTHENTICATED')
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="hirewall"')
    expectTaxiiError(await taxii(objectsUrl, { authorization: 'Bearer hw_nope_nope' }), 401, 'UNAUTHENTICATED')
    for (const headers of [test.keys.submit, test.people.viewer, test.people.analyst]) {
      expectTaxiiError(await taxii(objectsUrl, headers), 403, 'FORBIDDEN')
    }
    expect((await taxii(objectsUrl, test.people.admin)).statusCode).toBe(200)
    expect((await taxii(objectsUrl, test.keys.admin)).statusCode).toBe(200)
  })

  it('negotiates Accept: TAXII 2.1, no version, a wildcard or no header is served; anything else is 406', async () => {
    for (const accept of [taxiiMediaType, 'application/taxii+json', '*/*', 'application/json, application/*;q=0.5']) {
      expect((await taxii('/taxii2/', test.keys.read, accept)).statusCode).toBe(200)
    }
    expect((await taxii('/taxii2/', test.keys.read, null)).statusCode).toBe(200)
    for (const accept of [
      'application/json',
      'application/taxii+json;version=2.0',
      'text/html',
      'application/taxii+json;q=0',
    ]) {
      expectTaxiiError(await taxii(objectsUrl, test.keys.read, accept), 406, 'NOT_ACCEPTABLE')
    }
  })

  it('is read-only: adding objects is 403, other writes 405 with Allow', async () => {
    const post = await test.app.inject({
      method: 'POST',
      url: objectsUrl,
      headers: { ...test.keys.read, accept: taxiiMediaType, 'content-type': taxiiMediaType },
      payload: JSON.stringify({ objects: [] }),
    })
    expectTaxiiError(post, 403, 'FORBIDDEN')
    const put = await test.app.inject({
      method: 'DELETE',
      url: `/taxii2/api1/collections/${amber.id}/`,
      headers: { ...test.keys.read, accept: taxiiMediaType },
    })
    expectTaxiiError(put, 405, 'METHOD_NOT_ALLOWED')
    expect(put.headers.allow).toBe('GET, HEAD')
  })

  it('writes every read to the audit log with the key that made it', async () => {
    const keyReads = await test.store.audit.list({ action: 'taxii.read' }, { limit: 500 })
    const actors = new Set(keyReads.items.map((entry) => entry.actor))
    expect([...actors].some((actor) => actor.startsWith('api-key:'))).toBe(true)
    expect(actors.has(`user:${test.people.admin.userId}`)).toBe(true)
    const objectReads = keyReads.items.filter((entry) => entry.details['resource'] === 'objects')
    expect(objectReads.length).toBeGreaterThan(10)
    expect(objectReads[0]?.target).toBe('taxii-collection:amber')
    // Refused requests are not reads.
    expect(keyReads.items.some((entry) => entry.actor === 'unknown')).toBe(false)
  })
})
