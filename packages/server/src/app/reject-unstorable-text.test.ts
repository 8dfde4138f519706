import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from './build-app.js'

let app: FastifyInstance
let reached = 0

beforeAll(async () => {
  app = await buildApp({ logLevel: 'silent', processMetrics: false })
  app.post('/items/:id', () => {
    reached += 1
    return { ok: true }
  })
  app.get(
    '/guarded/:id',
    { preHandler: async (_request, reply) => reply.code(401).send({ refused: true }) },
    () => ({}),
  )
  await app.ready()
})

afterAll(async () => {
  await app.close()
})

const issueAt = (body: string) => (JSON.parse(body) as { error: { details: { issues: { path: string }[] } } }).error

describe('U+0000 or an unpaired surrogate in a request', () => {
  it.each([
    ['a path parameter (an application id that crashed the detail query)', '/items/Jordan%00', {}, 'params.id'],
    ['a query value', '/items/a?filter=x%00y', {}, 'querystring.filter'],
    ['a body value', '/items/a', { cv: { names: ['ok', 'Kevin\u0000Lee'] } }, 'body.cv.names[1]'],
    ['a body key', '/items/a', { 'bad\u0000key': 1 }, 'body.bad\u0000key'],
    ['a lone surrogate (a decision note read back as U+FFFD)', '/items/a', { note: 'lone \udfff low' }, 'body.note'],
    [
      'a lone surrogate in an id (a re-screen that failed in PostgreSQL)',
      '/items/a',
      { ids: ['\ud800'] },
      'body.ids[0]',
    ],
  ])('is a 400 naming %s', async (_name, url, payload, path) => {
    const before = reached
    const response = await app.inject({ method: 'POST', url, payload })
    expect(response.statusCode).toBe(400)
    const error = issueAt(response.body)
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(error.details.issues.map((issue) => issue.path)).toEqual([path])
    expect(reached).toBe(before)
  })

  it("is checked after the route's own preHandlers (a caller refused there learns nothing more)", async () => {
    const response = await app.inject({ method: 'GET', url: '/guarded/x%00' })
    expect(response.statusCode).toBe(401)
  })
})
