import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app/build-app.js'
import { registerCsrfCheck } from './csrf-check.js'

const cookie = 'theme=dark; hw_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
const bearer = 'Bearer hw_AAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

let app: FastifyInstance

beforeAll(async () => {
  app = await buildApp({ logLevel: 'silent', processMetrics: false })
  registerCsrfCheck(app, { origins: ['https://hirewall.example.com/', 'http://localhost:5173'] })
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
    app.route({ method, url: '/thing', handler: () => ({ done: true }) })
  }
  await app.ready()
})

afterAll(() => app.close())

describe('registerCsrfCheck', () => {
  it.each([
    ['a GET with a cookie from another site', 'GET', { cookie, origin: 'https://evil.example' }],
    ['a cookie write from the console', 'POST', { cookie, origin: 'https://hirewall.example.com' }],
    ['the origin in capitals', 'POST', { cookie, origin: 'HTTPS://HireWall.example.com' }],
    ['a second configured origin', 'DELETE', { cookie, origin: 'http://localhost:5173' }],
    ['a Referer on the console when no Origin is sent', 'PUT', { cookie, referer: 'https://hirewall.example.com/a?b' }],
    [
      'an API key from another site (no ambient credentials)',
      'POST',
      { authorization: bearer, cookie, origin: 'https://evil.example' },
    ],
    ['a server-to-server write without a cookie or Origin', 'POST', {}],
  ])('lets through %s', async (_name, method, headers) => {
    const response = await app.inject({ method, url: '/thing', headers })
    expect(response.statusCode).toBe(200)
  })

  it.each([
    ['a cookie write without Origin or Referer', 'POST', { cookie }, 'origin-missing'],
    ['a cookie DELETE without Origin', 'DELETE', { cookie }, 'origin-missing'],
    ['a cookie PATCH without Origin', 'PATCH', { cookie }, 'origin-missing'],
    ['a cookie write from another site', 'POST', { cookie, origin: 'https://evil.example' }, 'origin-not-allowed'],
    [
      'a cookie write from another port',
      'POST',
      { cookie, origin: 'https://hirewall.example.com:8443' },
      'origin-not-allowed',
    ],
    ['a cookie write from plain http', 'POST', { cookie, origin: 'http://hirewall.example.com' }, 'origin-not-allowed'],
    ['a cookie write from an opaque origin', 'POST', { cookie, origin: 'null' }, 'origin-not-allowed'],
    [
      'a cookie write with a foreign Referer',
      'POST',
      { cookie, referer: 'https://evil.example/page' },
      'origin-not-allowed',
    ],
    ['a cookie write with a broken Referer', 'POST', { cookie, referer: '::not a url' }, 'origin-not-allowed'],
    [
      'a write from another site without a cookie (a forged sign-in)',
      'POST',
      { origin: 'https://evil.example' },
      'origin-not-allowed',
    ],
  ])('refuses %s with 403 FORBIDDEN', async (_name, method, headers, reason) => {
    const response = await app.inject({ method, url: '/thing', headers })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN', details: { reason } } })
  })

  it('refuses before reading the body', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/thing',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{ not json',
    })
    expect(response.statusCode).toBe(403)
  })

  it.each([[[]], [['ftp://files.example.com']], [['not a url']]])(
    'refuses to start with the origins %j',
    async (origins) => {
      const bare = await buildApp({ logLevel: 'silent', processMetrics: false })
      expect(() => registerCsrfCheck(bare, { origins })).toThrow()
      await bare.close()
    },
  )
})
