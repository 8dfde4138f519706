import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordIntelSources } from '../../intel/record-intel-sources.js'
import { createScreeningService } from '../../screening/create-screening-service.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { anApplicationRecord, testReference } from '../../testing/application-fixtures.js'
import { partnerStixBundle } from '../../testing/partner-stix-bundle.js'
import { openTestApp, type AuthHeaders, type TestApp } from '../../testing/test-app.js'
import { waitUntil } from '../../testing/wait-until.js'
import { storedWatchlists } from '../../watchlists/stored-watchlists.js'
import { registerIntelSourceRoutes } from '../intel-sources/intel-source-routes.js'
import { registerWatchlistRoutes } from './watchlist-routes.js'

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } }
type ListBody = { id: string; name: string; entries: number; revision: number }
type EntryBody = { id: number; kind: string; value: string; normalised: string; tlp: string; isShareable: boolean }

describe.each(storeTestTargets())('watchlist routes on $name', (target) => {
  let test: TestApp
  let screening: ScreeningService
  beforeAll(async () => {
    test = await openTestApp(target)
    screening = await createScreeningService({
      store: test.store,
      policy: defaultScoringPolicy,
      reference: testReference,
      batch: { maxWaitMs: 0 },
      refreshConfig: storedWatchlists(test.store).refresh,
    })
    registerIntelSourceRoutes(test.app, { store: test.store })
    await registerWatchlistRoutes(test.app, { store: test.store, screening })
    await test.app.ready()
  }, openTimeoutMs)
  afterAll(async () => {
    await screening.close()
    await test.close()
  })

  const createList = (headers: AuthHeaders, body: unknown) =>
    test.app.inject({ method: 'POST', url: '/v1/watchlists', headers: { ...headers }, payload: body as object })
  const addEntry = (id: string, headers: AuthHeaders, body: unknown) =>
    test.app.inject({
      method: 'POST',
      url: `/v1/watchlists/${id}/entries`,
      headers: { ...headers },
      payload: body as object,
    })
  const importFile = (id: string, contentType: string, body: string, query = '') =>
    test.app.inject({
      method: 'POST',
      url: `/v1/watchlists/${id}/imports${query}`,
      headers: { ...test.keys.admin, 'content-type': contentType },
      payload: body,
    })
  const latest = async (applicationId: string) => {
    const result = await test.store.results.latest(applicationId)
    if (result === undefined) throw new Error(`no result for ${applicationId}`)
    return result
  }

  it('lets admins create lists, everyone who reads intelligence list them, and refuses the rest', async () => {
    const created = await createList(test.people.admin, { name: 'ring-a', description: 'Ring A, Q3' })
    expect(created.statusCode).toBe(201)
    const list = created.json<ListBody>()
    expect(list).toMatchObject({ name: 'ring-a', entries: 0, revision: 1 })
    expect(created.headers.location).toBe(`/v1/watchlists/${list.id}`)

    expect((await createList(test.people.analyst, { name: 'ring-x' })).statusCode).toBe(403)
    expect((await createList(test.keys.read, { name: 'ring-x' })).statusCode).toBe(403)
    const taken = await createList(test.keys.admin, { name: 'ring-a' })
    expect(taken.statusCode).toBe(409)
    expect(taken.json<ErrorBody>().error).toMatchObject({ code: 'CONFLICT', details: { field: 'body.name' } })
    const badName = await createList(test.keys.admin, { name: 'has spaces' })
    expect(badName.statusCode).toBe(400)
    expect(badName.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [expect.objectContaining({ path: 'body.name' })] } },
    })

    for (const headers of [test.people.viewer, test.people.analyst, test.keys.read]) {
      const listed = await test.app.inject({ method: 'GET', url: '/v1/watchlists', headers: { ...headers } })
      expect(listed.statusCode).toBe(200)
      expect(listed.json<{ items: ListBody[] }>().items.map((item) => item.name)).toContain('ring-a')
    }
    const unauthenticated = await test.app.inject({ method: 'GET', url: '/v1/watchlists' })
    expect(unauthenticated.statusCode).toBe(401)
    const audit = await test.store.audit.list({ target: `watchlist:${list.id}` })
    expect(audit.items.map((entry) => [entry.action, entry.actor])).toEqual([
      ['watchlist.created', `user:${test.people.admin.userId}`],
    ])
  })

  it('adds an entry, screens new applications against it and re-screens the stored ones that hold it', async () => {
    const stored = await screening.submit({
      record: anApplicationRecord('wl-phone-1', {
        cv: { basics: { name: 'Sam Lee', email: 'sam.lee@gmail.com', phone: '(415) 555-0177' } },
      }),
      raw: {},
      actor: 'test',
    })
    const other = await screening.submit({ record: anApplicationRecord('wl-other-1'), raw: {}, actor: 'test' })
    expect(stored.result.outcome).toBe('clear')
    const list = (await createList(test.keys.admin, { name: 'ring-phones' })).json<ListBody>()

    const added = await addEntry(list.id, test.people.admin, {
      kind: 'phone',
      value: '+1 415-555-0177',
      severity: 'critical',
      note: 'Ring A burner phone',
      tlp: 'red',
      confidence: 90,
    })
    expect(added.statusCode).toBe(201)
    const body = added.json<{ entry: EntryBody; rescreen: Record<string, unknown> }>()
    expect(body.entry).toMatchObject({ kind: 'phone', normalised: '+14155550177', tlp: 'red', isShareable: false })
    expect(body.rescreen).toEqual({ status: 'running', scope: 'some', applications: 1 })

    const rescreened = await waitUntil('the re-screening of wl-phone-1', async () => {
      const result = await latest('wl-phone-1')
      return result.version === 2 ? result : undefined
    })
    expect(rescreened.outcome).toBe('hold')
    const match = rescreened.signals.find((signal) => signal.code === 'watchlist.match')
    expect(match?.evidence).toMatchObject({ list: 'watchlist:ring-phones', listedValue: '+1 415-555-0177' })
    expect(rescreened.dataVersions['watchlist:ring-phones']).toBe('2')
    expect((await latest('wl-other-1')).version).toBe(other.result.version)
    const events = await test.store.db
      .selectFrom('outbox_events')
      .select('payload')
      .where('type', '=', 'screening.outcome_changed')
      .execute()
    expect(events.map((event) => event.payload)).toContainEqual(
      expect.objectContaining({ applicationId: 'wl-phone-1', reason: 'reference-data-changed' }),
    )

    const fresh = await screening.submit({
      record: anApplicationRecord('wl-phone-2', {
        cv: { basics: { name: 'Kai Moreno', email: 'kai.moreno@gmail.com', phone: '415.555.0177' } },
      }),
      raw: {},
      actor: 'test',
    })
    expect(fresh.result.signals.map((signal) => signal.code)).toContain('watchlist.match')

    const audit = await test.store.audit.list({ action: 'watchlist.entry-added' })
    expect(audit.items[0]).toMatchObject({
      actor: `user:${test.people.admin.userId}`,
      target: `watchlist:${list.id}`,
      details: { kind: 'phone', value: '+1 415-555-0177', tlp: 'red' },
    })
  })

  it('refuses a value that cannot be matched, naming body.value, and an entry the list holds already', async () => {
    const list = (await createList(test.keys.admin, { name: 'ring-refusals' })).json<ListBody>()
    const bad = await addEntry(list.id, test.keys.admin, { kind: 'phone', value: '415 555 0103' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        details: {
          issues: [
            expect.objectContaining({ path: 'body.value', message: expect.stringContaining('country code') as string }),
          ],
        },
      },
    })
    const badKind = await addEntry(list.id, test.keys.admin, { kind: 'fax', value: '1' })
    expect(badKind.json()).toMatchObject({
      error: { details: { issues: [expect.objectContaining({ path: 'body.kind' })] } },
    })
    expect(
      (await addEntry(list.id, test.keys.admin, { kind: 'email', value: 'J.Doe+jobs@GMail.com' })).statusCode,
    ).toBe(201)
    const again = await addEntry(list.id, test.keys.admin, { kind: 'email', value: 'jdoe@gmail.com' })
    expect(again.statusCode).toBe(409)
    expect(again.json<ErrorBody>().error.details).toMatchObject({
      field: 'body.value',
      entry: { value: 'J.Doe+jobs@GMail.com', normalised: 'jdoe@gmail.com' },
    })
    expect((await addEntry(list.id, test.people.analyst, { kind: 'email', value: 'x@y.com' })).statusCode).toBe(403)
    expect(
      (await addEntry('00000000-0000-4000-8000-000000000000', test.keys.admin, { kind: 'email', value: 'x@y.com' }))
        .statusCode,
    ).toBe(404)
  })

  it('imports a STIX bundle: accepted, rejected by JSON path, unsupported objects, TLP and source kept', async () => {
    const list = (await createList(test.keys.admin, { name: 'partner-stix' })).json<ListBody>()
    const response = await importFile(
      list.id,
      'application/json',
      JSON.stringify(partnerStixBundle()),
      '?fileName=partner.json',
    )
    expect(response.statusCode).toBe(200)
    const body = response.json<Record<string, unknown>>()
    expect(body).toMatchObject({
      format: 'stix',
      mode: 'per-row',
      added: 3,
      alreadyListed: 0,
      repeated: 0,
      rejectedCount: 1,
      rejected: [{ path: 'objects[4].pattern', message: expect.stringContaining('not an email') as string }],
      unsupported: [expect.objectContaining({ path: 'objects[5]', type: 'malware' })],
      watchlist: { entries: 3, revision: 2 },
    })
    const entries = await test.app.inject({
      method: 'GET',
      url: `/v1/watchlists/${list.id}/entries`,
      headers: test.people.viewer,
    })
    expect(entries.statusCode).toBe(200)
    const items = entries.json<{ items: (EntryBody & { source: string; confidence: number | null })[] }>().items
    expect(items.map((item) => [item.kind, item.value, item.tlp, item.isShareable])).toEqual([
      ['ip', '203.0.113.7', 'green', true],
      ['domain', 'front-co.example', 'red', false],
      ['email', 'ring.persona@outlook.com', 'amber', true],
    ])
    expect(items[2]).toMatchObject({ source: 'Partner Security Team', confidence: 80 })
    const shareable = await test.store.watchlists.listShareable(list.id)
    expect(shareable.map((entry) => entry.kind)).toEqual(['email', 'ip'])

    const again = await importFile(list.id, 'application/json', JSON.stringify(partnerStixBundle()))
    expect(again.json()).toMatchObject({ added: 0, alreadyListed: 3, watchlist: { entries: 3, revision: 2 } })
    const audit = await test.store.audit.list({ action: 'watchlist.imported', target: `watchlist:${list.id}` })
    expect(audit.items.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ format: 'stix', added: 0, alreadyListed: 3 }),
      expect.objectContaining({ format: 'stix', fileName: 'partner.json', added: 3, rejected: 1 }),
    ])
    const listed = await test.store.audit.list({ action: 'watchlist.entries-listed' })
    expect(listed.items[0]).toMatchObject({ actor: `user:${test.people.viewer.userId}`, details: { returned: 3 } })
  })

  it('imports a CSV and a MISP event, reports bad rows by line, and stores nothing in all-or-nothing mode', async () => {
    const list = (await createList(test.keys.admin, { name: 'partner-files' })).json<ListBody>()
    const csv = [
      'kind,value,severity,note,tlp,confidence',
      'email,j.doe.dev@gmail.com,critical,Persona caught 2026-01,amber,90',
      'fax,123,,,,',
      'phone,415 555 0103,,,,',
      'domain,front-co.com,,Front company,clear,',
      'email,jdoe.dev@gmail.com,,,,',
      `address,"${'9 Elm Road '.repeat(200)}",,,,`,
    ].join('\n')
    const strict = await importFile(list.id, 'text/csv', csv, '?mode=all-or-nothing')
    expect(strict.statusCode).toBe(400)
    expect(strict.json()).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        details: {
          issues: [
            expect.objectContaining({ path: 'body', line: 3, field: 'kind' }),
            expect.objectContaining({ path: 'body', line: 4, field: 'value' }),
            expect.objectContaining({ path: 'body', message: expect.stringContaining('longer than 2000') as string }),
          ],
        },
      },
    })
    expect((await test.store.watchlists.find(list.id))?.entries).toBe(0)

    const perRow = await importFile(list.id, 'text/csv; charset=utf-8', csv, '?source=incident-42')
    expect(perRow.statusCode).toBe(200)
    expect(perRow.json()).toMatchObject({
      format: 'csv',
      added: 2,
      repeated: 1,
      rejectedCount: 3,
      rejected: [
        { line: 3, field: 'kind', message: expect.stringContaining('unknown kind "fax"') as string },
        { line: 4, field: 'value', message: expect.stringContaining('country code') as string },
        { message: expect.stringMatching(/^address "9 Elm Road .*…" is longer than 2000 characters$/) as string },
      ],
    })
    const stored = (await test.store.watchlists.listEntries(list.id)).items
    expect(stored.map((entry) => [entry.kind, entry.severity, entry.source, entry.tlp, entry.confidence])).toEqual([
      ['domain', null, 'incident-42', 'clear', null],
      ['email', 'critical', 'incident-42', 'amber', 90],
    ])

    const misp = {
      Event: {
        info: 'Ring B',
        Orgc: { name: 'Peer CERT' },
        Tag: [{ name: 'tlp:green' }],
        Attribute: [
          { type: 'ip-src', value: '198.51.100.23' },
          { type: 'github-username', value: 'ring-b-dev' },
          { type: 'malware-sample', value: 'x.exe' },
        ],
      },
    }
    const mispResponse = await importFile(list.id, 'application/json', JSON.stringify(misp))
    expect(mispResponse.json()).toMatchObject({
      format: 'misp',
      added: 2,
      unsupported: [expect.objectContaining({ type: 'malware-sample' })],
    })
    const handle = (await test.store.watchlists.listEntries(list.id, { kind: 'handle' })).items[0]
    expect(handle).toMatchObject({ normalised: 'github:ring-b-dev', source: 'Peer CERT', tlp: 'green' })
  })

  it('answers a file it cannot read with a clear 4xx', async () => {
    const list = (await createList(test.keys.admin, { name: 'partner-bad' })).json<ListBody>()
    const notJson = await importFile(list.id, 'application/json', '{"type": "bundle", ')
    expect(notJson.statusCode).toBe(400)
    expect(notJson.json<ErrorBody>().error.code).toBe('BAD_REQUEST')
    const notBundle = await importFile(list.id, 'application/json', '{"type": "report"}', '?format=stix')
    expect(notBundle.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [expect.objectContaining({ path: 'body.type' })] } },
    })
    const noKind = await importFile(list.id, 'text/csv', 'indicator,note\n+14155550100,x\n')
    expect(noKind.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [expect.objectContaining({ line: 1, field: 'kind' })] } },
    })
    const empty = await importFile(list.id, 'text/csv', '')
    expect(empty.json<ErrorBody>().error.code).toBe('BAD_REQUEST')
    const xml = await importFile(list.id, 'application/xml', '<x/>')
    expect(xml.statusCode).toBe(415)
    const forbidden = await test.app.inject({
      method: 'POST',
      url: `/v1/watchlists/${list.id}/imports`,
      headers: { ...test.keys.read, 'content-type': 'text/csv' },
      payload: 'kind,value\nemail,a@b.com\n',
    })
    expect(forbidden.statusCode).toBe(403)
  })

  it('removes an entry and re-screens the applications that held it', async () => {
    const list = (await createList(test.keys.admin, { name: 'ring-remove' })).json<ListBody>()
    const added = await addEntry(list.id, test.keys.admin, {
      kind: 'email',
      value: 'remove.me@outlook.com',
      severity: 'critical',
    })
    const { entry } = added.json<{ entry: EntryBody }>()
    const submitted = await screening.submit({
      record: anApplicationRecord('wl-remove-1', {
        cv: { basics: { name: 'Ari Stone', email: 'remove.me@outlook.com' } },
      }),
      raw: {},
      actor: 'test',
    })
    expect(submitted.result.outcome).toBe('hold')
    const removed = await test.app.inject({
      method: 'DELETE',
      url: `/v1/watchlists/${list.id}/entries/${entry.id}`,
      headers: test.keys.admin,
    })
    expect(removed.statusCode).toBe(200)
    expect(removed.json()).toMatchObject({ entry: { id: entry.id }, rescreen: { status: 'running', applications: 1 } })
    const after = await waitUntil('the re-screening of wl-remove-1', async () => {
      const result = await latest('wl-remove-1')
      return result.version === 2 ? result : undefined
    })
    expect(after.signals.map((signal) => signal.code)).not.toContain('watchlist.match')
    const gone = await test.app.inject({
      method: 'DELETE',
      url: `/v1/watchlists/${list.id}/entries/${entry.id}`,
      headers: test.keys.admin,
    })
    expect(gone.statusCode).toBe(404)
    const audit = await test.store.audit.list({ action: 'watchlist.entry-removed' })
    expect(audit.items[0]).toMatchObject({ details: { entryId: entry.id, value: 'remove.me@outlook.com' } })
  })

  it('reaches another screening process on the same database at its next batch', async () => {
    const second = await createScreeningService({
      store: test.store,
      policy: defaultScoringPolicy,
      reference: testReference,
      batch: { maxWaitMs: 0 },
      refreshConfig: storedWatchlists(test.store).refresh,
    })
    try {
      const list = (await createList(test.keys.admin, { name: 'ring-cross' })).json<ListBody>()
      await addEntry(list.id, test.keys.admin, { kind: 'handle', value: 'https://github.com/cross-process-dev' })
      const result = await second.submit({
        record: anApplicationRecord('wl-cross-1', {
          profiles: [{ network: 'GitHub', url: 'https://github.com/Cross-Process-Dev' }],
        }),
        raw: {},
        actor: 'test',
      })
      expect(result.result.signals.find((signal) => signal.code === 'watchlist.match')?.evidence).toMatchObject({
        list: 'watchlist:ring-cross',
      })
    } finally {
      await second.close()
    }
  })

  it('lists the intel sources the service recorded at start', async () => {
    await recordIntelSources(test.store, [
      {
        kind: 'ofac-sdn',
        name: 'ofac-sdn',
        version: '2026-11-19',
        fetchedAt: '2026-11-20T06:00:00.000Z',
        sha256: 'a'.repeat(64),
        bytes: 4_000_000,
        entries: 18_201,
        skipped: 2,
        origin: 'download',
      },
    ])
    const response = await test.app.inject({ method: 'GET', url: '/v1/intel/sources', headers: test.people.viewer })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      items: [
        {
          kind: 'ofac-sdn',
          name: 'ofac-sdn',
          version: '2026-11-19',
          fetchedAt: '2026-11-20T06:00:00.000Z',
          loadedAt: expect.any(String) as string,
          entries: 18_201,
          skipped: 2,
          origin: 'download',
          sha256: 'a'.repeat(64),
        },
      ],
    })
    expect((await test.app.inject({ method: 'GET', url: '/v1/intel/sources' })).statusCode).toBe(401)
  })
})
