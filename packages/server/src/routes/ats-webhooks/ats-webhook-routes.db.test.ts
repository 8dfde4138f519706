import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets, type Store } from '@hirewall/store'
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScreeningService } from '../../screening/create-screening-service.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { testReference } from '../../testing/application-fixtures.js'
import { openTestApp, type TestApp } from '../../testing/test-app.js'
import { registerAtsWebhookRoutes } from './ats-webhook-routes.js'
import { handleInboundEvent } from './handle-inbound-event.js'
import { createLeverApi } from './lever-api.js'

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8')
const own = (name: string): string => read(`./fixtures/${name}`)
const shared = (name: string): string => read(`../../webhooks/fixtures/${name}`)

const secrets = { greenhouse: 'gh-secret-key', ashby: 'ashby-secret-token', lever: 'lever-signature-token-for-tests' }
const hex = (secret: string, text: string): string => createHmac('sha256', secret).update(text).digest('hex')
const opportunityId = '3410c8b9-5c31-4bab-b7e9-9f710206d647'
/** An opportunity whose name holds U+0000, which PostgreSQL cannot store. */
const unstorableId = 'bbbbbbbb-0000-4000-8000-000000000000'

/** A Lever body with a fresh token, signed as Lever signs (token + triggeredAt). */
function leverBody(fields: Record<string, unknown>): string {
  const token = `token-${Math.random().toString(16).slice(2)}`
  const triggeredAt = 1774629900000
  return JSON.stringify({
    triggeredAt,
    token,
    signature: hex(secrets.lever, `${token}${triggeredAt}`),
    ...fields,
  })
}

describe.each(storeTestTargets())('ATS webhooks into screening on $name', (target) => {
  let test: TestApp
  let store: Store
  let screening: ScreeningService
  let lever: Server
  let leverFails = false
  const leverRequests: string[] = []
  const logLines: string[] = []

  beforeAll(async () => {
    lever = createServer((request, response) => {
      leverRequests.push(request.url ?? '')
      if (leverFails) return response.writeHead(502).end()
      const routes: Record<string, string> = {
        [`/v1/opportunities/${opportunityId}`]: own('lever-api-opportunity.json'),
        [`/v1/opportunities/${opportunityId}/resumes`]: own('lever-api-resumes.json'),
        [`/v1/opportunities/${unstorableId}`]: own('lever-api-opportunity.json')
          .replace(opportunityId, unstorableId)
          .replace('"Shane Smith"', '"Shane\\u0000Smith"'),
        [`/v1/opportunities/${unstorableId}/resumes`]: '{"data": []}',
      }
      const body = routes[request.url ?? '']
      if (body === undefined) return response.writeHead(404, { 'content-type': 'application/json' }).end('{}')
      return response.writeHead(200, { 'content-type': 'application/json' }).end(body)
    })
    await new Promise<void>((resolve) => lever.listen(0, '127.0.0.1', resolve))
    const leverUrl = `http://127.0.0.1:${(lever.address() as AddressInfo).port}/v1`

    test = await openTestApp(target, { logLevel: 'info', logStream: { write: (line) => logLines.push(line) } })
    store = test.store
    screening = await createScreeningService({ store, policy: defaultScoringPolicy, reference: testReference })
    await registerAtsWebhookRoutes(test.app, {
      store,
      screening,
      secrets: { greenhouse: ['rotated-out', secrets.greenhouse], ashby: [secrets.ashby], lever: [secrets.lever] },
      lever: createLeverApi({ apiKey: 'lever-key', baseUrl: leverUrl }),
      env: {},
    })
    await test.app.ready()
  }, openTimeoutMs)
  afterAll(async () => {
    await screening.close()
    await test.close()
    lever.closeAllConnections()
    await new Promise((resolve) => lever.close(resolve))
  })

  const post = (vendor: string, body: string, headers: Record<string, string> = {}) =>
    test.app.inject({
      method: 'POST',
      url: `/v1/webhooks/${vendor}`,
      payload: body,
      headers: { 'content-type': 'application/json', ...headers },
    })
  const greenhouse = (body: string, secret = secrets.greenhouse) =>
    post('greenhouse', body, { signature: `sha256 ${hex(secret, body)}`, 'greenhouse-event-id': 'evt-1' })
  const ashby = (body: string) => post('ashby', body, { 'ashby-signature': `sha256=${hex(secrets.ashby, body)}` })
  const count = async (table: 'applications' | 'screening_results' | 'ats_hires' | 'outbox_events') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  describe('Greenhouse', () => {
    const application = shared('greenhouse-new-candidate-application.json')

    it('screens a new application once, however often it is delivered or updated', async () => {
      const first = await greenhouse(application)
      expect(first.statusCode).toBe(200)
      expect(first.json()).toEqual({ status: 'screened', applicationId: 'greenhouse:71980812' })
      const stored = await store.applications.find('greenhouse:71980812')
      expect(stored).toMatchObject({
        idempotencyKey: 'greenhouse:71980812',
        sourceSystem: 'greenhouse',
        latestVersion: 1,
      })
      expect(stored?.raw).toEqual(JSON.parse(application))
      const events = await store.db.selectFrom('outbox_events').select(['type', 'payload']).execute()
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'screening.completed',
          payload: expect.objectContaining({ applicationId: 'greenhouse:71980812' }) as unknown,
        }),
      )
      const before = await Promise.all([count('applications'), count('screening_results'), count('outbox_events')])

      expect((await greenhouse(application)).json()).toEqual({
        status: 'already-screened',
        applicationId: 'greenhouse:71980812',
      })
      const updated = await greenhouse(own('greenhouse-application-updated.json'))
      expect(updated.json()).toEqual({ status: 'already-screened', applicationId: 'greenhouse:71980812' })
      expect(await Promise.all([count('applications'), count('screening_results'), count('outbox_events')])).toEqual(
        before,
      )
    })

    it('records the hire of a screened application once, with when it was accepted and when work starts', async () => {
      const hire = own('greenhouse-hire-candidate.json')
      const response = await greenhouse(hire)
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ status: 'hire-recorded', applicationId: 'greenhouse:71980812' })
      expect(await store.hires.findByApplication('greenhouse:71980812')).toMatchObject({
        sourceSystem: 'greenhouse',
        externalApplicationId: '71980812',
        externalCandidateId: '60304594',
        hiredAt: new Date('2026-03-24T16:30:00Z'),
        startDate: '2026-04-13',
        recordedBy: 'ats:greenhouse',
      })
      const hires = await count('ats_hires')
      expect((await greenhouse(hire)).json()).toMatchObject({ status: 'hire-recorded' })
      expect(await count('ats_hires')).toBe(hires)
      const audit = await store.audit.list({ target: 'application:greenhouse:71980812', action: 'hire.recorded' })
      expect(audit.items).toHaveLength(1)
      expect(audit.items[0]?.actor).toBe('ats:greenhouse')
    })

    it('records the hire of an application HireWall never received, without one', async () => {
      const hire = own('greenhouse-hire-candidate.json').replaceAll('71980812', '88000001')
      const response = await greenhouse(hire)
      expect(response.json()).toEqual({ status: 'hire-recorded', applicationId: null })
      expect(await store.hires.find('greenhouse', '88000001')).toMatchObject({ applicationId: null })
      expect(await store.applications.find('greenhouse:88000001')).toBeUndefined()

      // The application arrives later (an update resent, a backfill): the hire is linked to it.
      const late = await greenhouse(
        application.replaceAll('71980812', '88000001').replaceAll('jane.smith@', 'j.smith@'),
      )
      expect(late.json()).toEqual({ status: 'screened', applicationId: 'greenhouse:88000001' })
      expect(await store.hires.find('greenhouse', '88000001')).toMatchObject({
        applicationId: 'greenhouse:88000001',
        hiredAt: new Date('2026-03-24T16:30:00Z'),
      })
    })

    it('answers the ping, and acknowledges events it has no use for with 200 (Greenhouse retries anything else)', async () => {
      expect((await greenhouse(own('greenhouse-ping.json'))).json()).toEqual({ status: 'ping', applicationId: null })
      const offer = await greenhouse(own('greenhouse-offer-created.json'))
      expect(offer.statusCode).toBe(200)
      expect(offer.json()).toEqual({ status: 'ignored', applicationId: null, reason: 'unsupported-event' })
    })

    it('refuses a signed body it cannot read, naming the Greenhouse field', async () => {
      const body = application.replace('"applied_at": "2026-02-27T14:44:43Z",', '').replaceAll('71980812', '71980813')
      const response = await greenhouse(body)
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({
        error: {
          code: 'VALIDATION_FAILED',
          details: { issues: [expect.objectContaining({ path: 'body.payload.application.applied_at' })] },
        },
      })
      expect(await store.applications.find('greenhouse:71980813')).toBeUndefined()
    })

    it.each([
      ['no signature', {}],
      [
        'the wrong secret',
        { signature: `sha256 ${hex('guess', shared('greenhouse-new-candidate-application.json'))}` },
      ],
      ['an admin API key instead of a signature', { authorization: 'admin' }],
    ])('refuses a webhook with %s, storing nothing', async (_case, headers) => {
      const body = application.replaceAll('71980812', '71980899')
      const sent = 'authorization' in headers ? { ...test.keys.admin } : headers
      const response = await post('greenhouse', body, sent)
      expect(response.statusCode).toBe(401)
      expect(response.json()).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } })
      expect(await store.applications.find('greenhouse:71980899')).toBeUndefined()
    })
  })

  describe('Ashby', () => {
    it('screens a submitted application, then records its hire', async () => {
      const submitted = await ashby(shared('ashby-application-submit.json'))
      expect(submitted.json()).toEqual({
        status: 'screened',
        applicationId: 'ashby:0a3e7c4e-51f6-4d5b-8d1e-1f4b6a9c2d11',
      })
      expect((await store.applications.find('ashby:0a3e7c4e-51f6-4d5b-8d1e-1f4b6a9c2d11'))?.requisitionId).toBe(
        '9c8b7a6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
      )
      const hired = await ashby(own('ashby-candidate-hire.json'))
      expect(hired.json()).toEqual({
        status: 'hire-recorded',
        applicationId: 'ashby:0a3e7c4e-51f6-4d5b-8d1e-1f4b6a9c2d11',
      })
      expect(await store.hires.find('ashby', '0a3e7c4e-51f6-4d5b-8d1e-1f4b6a9c2d11')).toMatchObject({
        hiredAt: new Date('2026-03-27T17:05:00.000Z'),
        startDate: '2026-04-20',
      })
    })

    it('screens the application of a hire it had not seen, then records the hire against it', async () => {
      const hire = own('ashby-candidate-hire.json').replaceAll(
        '0a3e7c4e-51f6-4d5b-8d1e-1f4b6a9c2d11',
        '11111111-2222-4333-8444-555555555555',
      )
      expect((await ashby(hire)).json()).toEqual({
        status: 'hire-recorded',
        applicationId: 'ashby:11111111-2222-4333-8444-555555555555',
      })
      expect(await store.applications.find('ashby:11111111-2222-4333-8444-555555555555')).toMatchObject({
        latestVersion: 1,
      })
    })

    it('answers the ping and acknowledges other events with 202', async () => {
      expect((await ashby(own('ashby-ping.json'))).json()).toEqual({ status: 'ping', applicationId: null })
      const other = await ashby('{"action":"interviewScheduleCreate","data":{}}')
      expect(other.statusCode).toBe(202)
      expect(other.json()).toMatchObject({ status: 'ignored' })
    })

    it('refuses the Greenhouse header style', async () => {
      const body = shared('ashby-application-submit.json')
      const response = await post('ashby', body, { signature: `sha256 ${hex(secrets.ashby, body)}` })
      expect(response.statusCode).toBe(401)
    })
  })

  describe('Lever', () => {
    it('fetches a new opportunity from Lever, screens it, and does not fetch it again', async () => {
      const created = await post('lever', own('lever-application-created.json'))
      expect(created.statusCode).toBe(200)
      expect(created.json()).toEqual({ status: 'screened', applicationId: `lever:${opportunityId}` })
      expect(leverRequests).toEqual([
        `/v1/opportunities/${opportunityId}`,
        `/v1/opportunities/${opportunityId}/resumes`,
      ])
      const stored = await store.applications.find(`lever:${opportunityId}`)
      expect(stored?.record.cv?.work?.map((role) => role.name)).toContain('Vandelay Industries')
      expect(stored?.raw).toMatchObject({ opportunity: { id: opportunityId } })

      const moved = await post('lever', shared('lever-candidate-stage-change.json'))
      expect(moved.json()).toEqual({ status: 'already-screened', applicationId: `lever:${opportunityId}` })
      expect(leverRequests).toHaveLength(2)
    })

    it('records a hire at triggeredAt', async () => {
      const hired = await post('lever', own('lever-candidate-hired.json'))
      expect(hired.json()).toEqual({ status: 'hire-recorded', applicationId: `lever:${opportunityId}` })
      expect(await store.hires.find('lever', opportunityId)).toMatchObject({
        hiredAt: new Date(1774629900000),
        externalCandidateId: '05c248f9-ccb1-435f-bab5-0ec608aec263',
      })
    })

    it('accepts each token once, even with other ids in the replayed body', async () => {
      const replayed = await post('lever', own('lever-application-created.json'))
      expect(replayed.json()).toEqual({ status: 'duplicate', applicationId: null })
      const forged = own('lever-candidate-hired.json').replace(opportunityId, '99999999-aaaa-4bbb-8ccc-dddddddddddd')
      const response = await post('lever', forged)
      expect(response.json()).toEqual({ status: 'duplicate', applicationId: null })
      expect(await store.hires.find('lever', '99999999-aaaa-4bbb-8ccc-dddddddddddd')).toBeUndefined()
    })

    it('acknowledges an opportunity with text the database cannot store as unreadable (it was a 400 naming no field)', async () => {
      const body = leverBody({ event: 'applicationCreated', data: { opportunityId: unstorableId, contactId: 'c-9' } })
      const response = await post('lever', body)
      expect(response.statusCode).toBe(202)
      expect(response.json()).toEqual({ status: 'ignored', applicationId: null, reason: 'opportunity-unreadable' })
      expect(await store.applications.find(`lever:${unstorableId}`)).toBeUndefined()
    })

    it('answers 503 while Lever fails, and accepts the retry of the same delivery once Lever is back', async () => {
      const body = leverBody({
        event: 'applicationCreated',
        data: { opportunityId: 'aaaaaaaa-0000-4000-8000-000000000001', contactId: 'c-1' },
      })
      leverFails = true
      const failing = await post('lever', body)
      leverFails = false
      expect(failing.statusCode).toBe(503)
      expect(failing.json()).toMatchObject({ error: { code: 'UNAVAILABLE', details: { upstream: 'lever' } } })
      const retried = await post('lever', body)
      expect(retried.statusCode).toBe(202)
      expect(retried.json()).toEqual({ status: 'ignored', applicationId: null, reason: 'opportunity-not-found' })
    })

    it('acknowledges an opportunity it cannot fetch without a Lever key, and still records hires', async () => {
      const context = {
        vendor: 'lever' as const,
        store,
        screening,
        lever: undefined,
        body: {},
        receivedAt: new Date('2026-04-01T00:00:00Z'),
        log: { warn: () => undefined },
      }
      expect(await handleInboundEvent({ kind: 'fetch', opportunityId: 'never-fetched' }, context)).toEqual({
        statusCode: 202,
        body: { status: 'ignored', applicationId: null, reason: 'lever-api-not-configured' },
      })
      const hire = { externalApplicationId: 'never-fetched' }
      expect(await handleInboundEvent({ kind: 'fetch', opportunityId: 'never-fetched', hire }, context)).toEqual({
        statusCode: 200,
        body: { status: 'hire-recorded', applicationId: null },
      })
      expect(await store.hires.find('lever', 'never-fetched')).toMatchObject({
        hiredAt: new Date('2026-04-01T00:00:00Z'),
      })
    })

    it('refuses a forged signature', async () => {
      const body = own('lever-application-created.json').replace(
        /"signature": "[0-9a-f]+"/,
        `"signature": "${'ab'.repeat(32)}"`,
      )
      expect((await post('lever', body)).statusCode).toBe(401)
    })
  })

  it('logs vendors, event types and outcomes, never what the payloads say about people', () => {
    const handled = logLines.filter((line) => line.includes('ats webhook handled'))
    expect(handled.length).toBeGreaterThan(5)
    expect(handled.some((line) => line.includes('"eventType":"new_candidate_application"'))).toBe(true)
    for (const personal of [
      'jane.smith@example.com',
      'Smith',
      'Ji-ho',
      '281-8004',
      '415 555 0100',
      'shane@example.com',
    ]) {
      expect(logLines.filter((line) => line.includes(personal))).toEqual([])
    }
  })
})
