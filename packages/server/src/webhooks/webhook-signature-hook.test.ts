import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { buildApp } from '../app/build-app.js'
import { keepRawJsonBody } from './keep-raw-json-body.js'
import { webhookSignatureHook } from './webhook-signature-hook.js'

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const greenhouse = fixture('greenhouse-new-candidate-application.json')
const ashby = fixture('ashby-application-submit.json')
const lever = fixture('lever-candidate-stage-change.json')
const secrets = { greenhouse: 'gh-secret-key', ashby: 'ashby-secret-token', lever: 'lever-signature-token-for-tests' }
const hmac = (secret: string, body: string): string => createHmac('sha256', secret).update(body).digest('hex')

const received: unknown[] = []
let app: FastifyInstance

beforeAll(async () => {
  app = await buildApp({ logLevel: 'silent', processMetrics: false })
  await app.register((scope, _options, done) => {
    keepRawJsonBody(scope)
    const typed = scope.withTypeProvider<ZodTypeProvider>()
    typed.post(
      '/webhooks/greenhouse',
      {
        preValidation: webhookSignatureHook({ vendor: 'greenhouse', secrets: () => [secrets.greenhouse] }),
        schema: {
          body: z.object({ action: z.string(), payload: z.object({ application: z.looseObject({ id: z.number() }) }) }),
        },
      },
      (request) => {
        received.push(request.body)
        return { received: request.body.action }
      },
    )
    typed.post(
      '/webhooks/ashby',
      { preValidation: webhookSignatureHook({ vendor: 'ashby', secrets: () => Promise.resolve([secrets.ashby]) }) },
      (request) => ({ received: (request.body as { action: string }).action }),
    )
    typed.post(
      '/webhooks/lever',
      { preValidation: webhookSignatureHook({ vendor: 'lever', secrets: () => [secrets.lever] }) },
      (request) => ({ received: (request.body as { event: string }).event }),
    )
    done()
  })
  // Outside the raw-body scope: a wiring mistake the hook must report as a server fault.
  app.post(
    '/misconfigured',
    { preValidation: webhookSignatureHook({ vendor: 'ashby', secrets: () => ['x'] }) },
    () => ({}),
  )
  app.post('/plain', (request) => ({ hasRawBody: request.rawBody !== null }))
  await app.ready()
})

afterAll(async () => {
  await app.close()
})

function post(url: string, body: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/json', ...headers } })
}

describe('webhookSignatureHook', () => {
  it('accepts a Greenhouse webhook signed over the raw bytes, whose escapes re-serialising would lose', async () => {
    expect(greenhouse).toContain('\\u003c')
    expect(JSON.stringify(JSON.parse(greenhouse))).not.toBe(greenhouse)
    const response = await post('/webhooks/greenhouse', greenhouse, {
      signature: `sha256 ${hmac(secrets.greenhouse, greenhouse)}`,
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ received: 'new_candidate_application' })
    expect(JSON.stringify(received.at(-1))).toContain('<b>remote</b>')
  })

  it('refuses a Greenhouse webhook signed over the re-serialised body', async () => {
    const reserialised = hmac(secrets.greenhouse, JSON.stringify(JSON.parse(greenhouse)))
    const response = await post('/webhooks/greenhouse', greenhouse, { signature: `sha256 ${reserialised}` })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({
      error: {
        code: 'SIGNATURE_INVALID',
        message: 'The greenhouse webhook signature is mismatch.',
        details: { vendor: 'greenhouse', reason: 'mismatch' },
      },
    })
  })

  it('refuses an unsigned body before validating it, so the schema stays private', async () => {
    const before = received.length
    const response = await post('/webhooks/greenhouse', '{"action":1}')
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ error: { code: 'SIGNATURE_INVALID', details: { reason: 'missing' } } })
    expect(received.length).toBe(before)
  })

  it.each([
    [
      'Ashby',
      '/webhooks/ashby',
      ashby,
      { 'ashby-signature': `sha256=${hmac(secrets.ashby, ashby)}` },
      'applicationSubmit',
    ],
    ['Lever', '/webhooks/lever', lever, {}, 'candidateStageChange'],
  ])('accepts a signed %s webhook', async (_vendor, url, body, headers, expected) => {
    const response = await post(url, body, headers)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ received: expected })
  })

  it.each([
    [
      'Ashby with the Greenhouse secret',
      '/webhooks/ashby',
      ashby,
      { 'ashby-signature': `sha256=${hmac(secrets.greenhouse, ashby)}` },
    ],
    [
      'Lever with a forged signature',
      '/webhooks/lever',
      lever.replace(/"signature": "[0-9a-f]+"/, `"signature": "${'ab'.repeat(32)}"`),
      {},
    ],
  ])('refuses %s', async (_name, url, body, headers) => {
    const response = await post(url, body, headers)
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } })
  })

  it('keeps the default JSON parser outside the webhook scope', async () => {
    const response = await post('/plain', '{"a":1}')
    expect(response.json()).toEqual({ hasRawBody: false })
  })

  it('reports a route outside the raw-body scope as a server fault', async () => {
    const response = await post('/misconfigured', '{}')
    expect(response.statusCode).toBe(500)
    expect(response.json()).toMatchObject({ error: { code: 'INTERNAL' } })
  })

  it('answers invalid JSON in the webhook scope with BAD_REQUEST', async () => {
    const response = await post('/webhooks/ashby', '{"action":', {
      'ashby-signature': `sha256=${hmac(secrets.ashby, '{"action":')}`,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } })
  })
})
