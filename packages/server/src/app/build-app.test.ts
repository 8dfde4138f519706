import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { errorResponseSchema } from '../errors/error-response-schema.js'
import { buildApp } from './build-app.js'

const lines: string[] = []
let app: FastifyInstance

const secrets = {
  apiKey: 'hw_AAAAAAAAA_0123456789012345678901234567890123456789012',
  cookie: 'hw_session=s3cr3tS3ss10nT0k3nWh1chMustN0tB3L0gg3dAnyWh3r',
  email: 'jane.doe@example.com',
  name: 'Jane Confidential-Doe',
}

function logged(): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>)
}

beforeAll(async () => {
  app = await buildApp({ logStream: { write: (line) => lines.push(line) }, processMetrics: false, version: '9.9.9' })
  const typed = app.withTypeProvider<ZodTypeProvider>()
  typed.post(
    '/demo/people/:id',
    {
      schema: {
        summary: 'A demo route',
        params: z.object({ id: z.string() }),
        body: z.object({ name: z.string(), email: z.email() }),
        response: { 200: z.object({ ok: z.boolean() }), 400: errorResponseSchema },
      },
    },
    (request) => {
      // A careless log line: redaction must still keep the credentials and body out.
      request.log.info({ headers: request.headers, body: request.body }, 'careless')
      return { ok: true }
    },
  )
  await app.ready()
})

afterAll(async () => {
  await app.close()
})

describe('buildApp', () => {
  it('logs one line per request with id, method, route, status and duration, and no personal data', async () => {
    lines.length = 0
    const response = await app.inject({
      method: 'POST',
      url: `/demo/people/42?email=${secrets.email}`,
      headers: { authorization: `Bearer ${secrets.apiKey}`, cookie: secrets.cookie, 'x-request-id': 'abc-123' },
      payload: { name: secrets.name, email: secrets.email },
    })
    expect(response.statusCode).toBe(200)
    const completed = logged().filter((line) => line['msg'] === 'request completed')
    expect(completed).toHaveLength(1)
    expect(completed[0]).toMatchObject({ reqId: 'abc-123', method: 'POST', route: '/demo/people/:id', status: 200 })
    expect(typeof completed[0]?.['durationMs']).toBe('number')
    const text = lines.join('\n')
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret)
    expect(text).toContain('[redacted]')
  })

  it('labels a request that matched no route as unmatched', async () => {
    lines.length = 0
    await app.inject({ method: 'GET', url: `/people/${secrets.email}` })
    expect(logged().find((line) => line['msg'] === 'request completed')).toMatchObject({
      route: 'unmatched',
      status: 404,
    })
    expect(lines.join('\n')).not.toContain(secrets.email)
  })

  it.each([
    ['keeps a plain X-Request-Id', 'trace-7.a_b', 'trace-7.a_b'],
    ['replaces one that could forge log lines', 'x\n{"level":60}', undefined],
    ['replaces one that is too long', 'x'.repeat(200), undefined],
  ])('%s', async (_name, given, expected) => {
    const response = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': given } })
    const id = response.headers['x-request-id']
    if (expected === undefined) expect(id).toMatch(/^[0-9a-f-]{36}$/)
    else expect(id).toBe(expected)
  })

  it('serves the OpenAPI 3.1 document built from the zod schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/openapi.json' })
    expect(response.statusCode).toBe(200)
    const document = response.json<{
      openapi: string
      info: { version: string }
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>>
      components: { securitySchemes: Record<string, unknown> }
    }>()
    expect(document.openapi).toBe('3.1.0')
    expect(document.info.version).toBe('9.9.9')
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/metrics', '/demo/people/{id}']),
    )
    expect(Object.keys(document.paths)).not.toContain('/docs/openapi.json')
    const body = document.paths['/demo/people/{id}']?.['post']?.requestBody?.content['application/json']?.schema
    expect(body).toMatchObject({
      type: 'object',
      required: ['name', 'email'],
      properties: { email: { format: 'email' } },
    })
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['apiKey', 'session'])
    expect(JSON.stringify(document)).toContain('ErrorResponse')
  })

  it('serves Swagger UI at /docs', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/html')
  })

  it('answers 503 UNAVAILABLE with Connection: close while draining', async () => {
    app.lifecycle.isDraining = true
    try {
      const response = await app.inject({ method: 'GET', url: '/healthz' })
      expect(response.statusCode).toBe(503)
      expect(response.headers['connection']).toBe('close')
      expect(response.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } })
    } finally {
      app.lifecycle.isDraining = false
    }
  })
})
