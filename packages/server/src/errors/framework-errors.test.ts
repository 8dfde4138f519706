import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app/build-app.js'
import { maxPathParamLength } from './framework-errors.js'

let app: FastifyInstance

beforeAll(async () => {
  app = await buildApp({ logLevel: 'silent', processMetrics: false })
  app.get('/demo/:id', (request) => ({ id: (request.params as { id: string }).id }))
  await app.ready()
})

afterAll(async () => {
  await app.close()
})

describe("the router's refusals", () => {
  it('answers a path that is not percent-encoded UTF-8 with the house 400, without echoing the path', async () => {
    for (const url of ['/demo/%ED%A0%80', '/demo/%E0%A4%A', '/demo/jane.doe%FF@example.com']) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(400)
      expect(response.json()).toEqual({
        error: {
          code: 'BAD_REQUEST',
          message: 'The request path is not valid percent-encoded UTF-8.',
          details: { path: 'params' },
        },
      })
      expect(response.body).not.toContain('jane')
    }
  })

  it('reaches an id longer than 100 characters (a stored application id can be that long)', async () => {
    const id = `greenhouse:${'7'.repeat(300)}`
    const response = await app.inject({ method: 'GET', url: `/demo/${id}` })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ id })
  })

  it('answers a parameter past the limit with the house 400 instead of a bare 414', async () => {
    const response = await app.inject({ method: 'GET', url: `/demo/${'a'.repeat(maxPathParamLength + 1)}` })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: { code: 'BAD_REQUEST', details: { path: 'params' } } })
  })
})
