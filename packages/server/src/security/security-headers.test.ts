import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../app/build-app.js'
import { ApiError } from '../errors/api-error.js'
import { defaultContentSecurityPolicy, registerSecurityHeaders } from './security-headers.js'

const expected = {
  'content-security-policy': defaultContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
}

async function appWithHeaders() {
  const app = await buildApp({ logLevel: 'silent', processMetrics: false })
  registerSecurityHeaders(app)
  app.get('/ok', () => ({ ok: true }))
  app.get('/fails', () => {
    throw new ApiError('FORBIDDEN', 'no')
  })
  app.get('/cached', (_request, reply) => reply.header('cache-control', 'public, max-age=3600').send('asset'))
  await app.ready()
  return app
}

describe('registerSecurityHeaders', () => {
  it.each([
    ['a JSON response', '/ok', 200],
    ['an error', '/fails', 403],
    ['an unknown route', '/nowhere', 404],
    ['a route registered before the hook (health)', '/healthz', 200],
    ['the API docs', '/docs/openapi.json', 200],
    ['Swagger UI', '/docs', 200],
    ['a Swagger UI script', '/docs/static/swagger-initializer.js', 200],
  ])('puts the headers on %s', async (_name, url, status) => {
    const app = await appWithHeaders()
    const response = await app.inject({ method: 'GET', url })
    await app.close()
    expect(response.statusCode).toBe(status)
    expect(response.headers).toMatchObject(expected)
    expect(response.headers['strict-transport-security']).toBeUndefined()
  })

  it('keeps the caching a route chose', async () => {
    const app = await appWithHeaders()
    const response = await app.inject({ method: 'GET', url: '/cached' })
    await app.close()
    expect(response.headers['cache-control']).toBe('public, max-age=3600')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
  })

  it('sends HSTS only over HTTPS (here as a trusted proxy reports it)', async () => {
    const app = Fastify({ trustProxy: true })
    registerSecurityHeaders(app, { hstsMaxAgeSeconds: 600 })
    app.get('/ok', () => ({ ok: true }))
    const https = await app.inject({ method: 'GET', url: '/ok', headers: { 'x-forwarded-proto': 'https' } })
    const http = await app.inject({ method: 'GET', url: '/ok', headers: { 'x-forwarded-proto': 'http' } })
    await app.close()
    expect(https.headers['strict-transport-security']).toBe('max-age=600; includeSubDomains')
    expect(http.headers['strict-transport-security']).toBeUndefined()
  })

  it('takes another CSP when given one', async () => {
    const app = Fastify()
    registerSecurityHeaders(app, { contentSecurityPolicy: "default-src 'none'" })
    app.get('/ok', () => ({ ok: true }))
    const response = await app.inject({ method: 'GET', url: '/ok' })
    await app.close()
    expect(response.headers['content-security-policy']).toBe("default-src 'none'")
  })
})
