import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { buildApp } from '../app/build-app.js'
import { ApiError } from './api-error.js'

const lines: string[] = []
let app: FastifyInstance

beforeAll(async () => {
  app = await buildApp({ bodyLimitBytes: 256, logStream: { write: (line) => lines.push(line) }, processMetrics: false })
  const typed = app.withTypeProvider<ZodTypeProvider>()
  typed.post(
    '/demo/applications',
    {
      schema: {
        body: z.object({
          name: z.string(),
          contacts: z.object({ phones: z.array(z.object({ value: z.string() })) }),
        }),
        querystring: z.object({ limit: z.coerce.number().int().max(100).optional() }),
      },
    },
    (request) => ({ received: request.body.name }),
  )
  typed.get('/demo/fault', () => {
    throw new Error('connection refused to db.internal:5432', { cause: new Error('ECONNREFUSED') })
  })
  typed.get('/demo/conflict', () => {
    throw new ApiError('CONFLICT', 'That idempotency key was used with another body.', { key: 'k1' })
  })
  await app.ready()
})

afterAll(async () => {
  await app.close()
})

const validBody = { name: 'Jane', contacts: { phones: [{ value: '+1 555 0100' }] } }

describe('the house error shape', () => {
  it.each([
    ['an unknown route', { method: 'GET' as const, url: '/nowhere?email=jane@example.com' }, 404, 'NOT_FOUND'],
    [
      'invalid JSON',
      {
        method: 'POST' as const,
        url: '/demo/applications',
        headers: { 'content-type': 'application/json' },
        payload: '{"name":',
      },
      400,
      'BAD_REQUEST',
    ],
    [
      'an empty JSON body',
      {
        method: 'POST' as const,
        url: '/demo/applications',
        headers: { 'content-type': 'application/json' },
        payload: '',
      },
      400,
      'BAD_REQUEST',
    ],
    [
      'an unsupported content type',
      {
        method: 'POST' as const,
        url: '/demo/applications',
        headers: { 'content-type': 'application/xml' },
        payload: '<a/>',
      },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body over the limit',
      { method: 'POST' as const, url: '/demo/applications', payload: { ...validBody, name: 'x'.repeat(300) } },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a schema violation',
      { method: 'POST' as const, url: '/demo/applications', payload: { name: 3 } },
      400,
      'VALIDATION_FAILED',
    ],
    ['an unexpected fault', { method: 'GET' as const, url: '/demo/fault' }, 500, 'INTERNAL'],
    ['a thrown ApiError', { method: 'GET' as const, url: '/demo/conflict' }, 409, 'CONFLICT'],
  ])('answers %s with { error: { code, message, details } }', async (_name, request, status, code) => {
    const response = await app.inject(request)
    expect(response.statusCode).toBe(status)
    const body = response.json<{ error: Record<string, unknown> }>()
    expect(Object.keys(body)).toEqual(['error'])
    expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message'])
    expect(body.error['code']).toBe(code)
    expect(typeof body.error['message']).toBe('string')
    expect(typeof body.error['details']).toBe('object')
  })

  it('lists each invalid field with its path', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/demo/applications',
      payload: { contacts: { phones: [{ value: 5 }] } },
    })
    const { error } = response.json<{ error: { details: { issues: { path: string }[] } } }>()
    expect(error.details.issues.map((issue) => issue.path).sort()).toEqual([
      'body.contacts.phones[0].value',
      'body.name',
    ])
  })

  it('names the query parameter that is invalid', async () => {
    const response = await app.inject({ method: 'POST', url: '/demo/applications?limit=500', payload: validBody })
    const { error } = response.json<{ error: { code: string; details: { issues: { path: string }[] } } }>()
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.details.issues.map((issue) => issue.path)).toEqual(['querystring.limit'])
  })

  it('gives the body limit', async () => {
    const response = await app.inject({ method: 'POST', url: '/demo/applications', payload: { name: 'x'.repeat(300) } })
    expect(response.json()).toMatchObject({ error: { details: { limitBytes: 256 } } })
  })

  it('hides a fault from the client and logs it with its cause', async () => {
    const response = await app.inject({ method: 'GET', url: '/demo/fault', headers: { 'x-request-id': 'fault-1' } })
    expect(response.body).not.toContain('db.internal')
    expect(response.body).not.toContain('at ')
    expect(response.json()).toMatchObject({ error: { details: { requestId: 'fault-1' } } })
    const logged = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line['reqId'] === 'fault-1' && line['level'] === 50)
    expect(JSON.stringify(logged)).toContain('db.internal')
    expect(JSON.stringify(logged)).toContain('ECONNREFUSED')
  })

  it('does not echo the query string of an unknown route', async () => {
    const response = await app.inject({ method: 'GET', url: '/nowhere?email=jane@example.com' })
    expect(response.body).not.toContain('jane@example.com')
  })

  it('accepts a valid request', async () => {
    const response = await app.inject({ method: 'POST', url: '/demo/applications', payload: validBody })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ received: 'Jane' })
  })
})
