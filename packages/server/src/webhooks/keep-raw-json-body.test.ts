import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app/build-app.js'
import { keepRawJsonBody } from './keep-raw-json-body.js'
import { webhookSignatureHook } from './webhook-signature-hook.js'

let app: FastifyInstance

beforeAll(async () => {
  app = await buildApp({ logLevel: 'silent', processMetrics: false })
  await app.register((scope, _options, done) => {
    keepRawJsonBody(scope)
    scope.post(
      '/hook',
      { preValidation: webhookSignatureHook({ vendor: 'ashby', secrets: () => ['secret'] }) },
      (request) => ({ raw: request.rawBody?.toString('utf8') }),
    )
    done()
  })
  await app.ready()
})

afterAll(async () => {
  await app.close()
})

describe('a scope that keeps raw JSON bodies', () => {
  it('refuses a signed body sent as text/plain with 415 instead of a server fault', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/hook',
      headers: { 'content-type': 'text/plain', 'ashby-signature': 'sha256=00' },
      payload: '{"action":"ping"}',
    })
    expect(response.statusCode).toBe(415)
    expect(response.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } })
  })

  it('still checks the signature over the exact bytes of a JSON body', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/hook',
      headers: { 'content-type': 'application/json', 'ashby-signature': 'sha256=00' },
      payload: '{"action":"ping"}',
    })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } })
  })
})
