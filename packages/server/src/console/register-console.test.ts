import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app/build-app.js'
import { consoleBuildDirectory, registerConsole } from './register-console.js'

const indexHtml = '<!doctype html><html><head><script type="module" src="/assets/app-1a2b.js"></script></head></html>'

describe('registerConsole', () => {
  let root: string
  let app: FastifyInstance

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'hirewall-console-'))
    await mkdir(join(root, 'assets'))
    await writeFile(join(root, 'index.html'), indexHtml)
    await writeFile(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)')
    await writeFile(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    app = await buildApp({ logLevel: 'silent', processMetrics: false })
    app.get('/v1/things', () => ({ items: [] }))
    await registerConsole(app, { root })
    await app.ready()
  })

  afterAll(async () => {
    await app.close()
    await rm(root, { recursive: true, force: true })
  })

  it('serves index.html at / and revalidates it every time', async () => {
    const response = await app.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.body).toBe(indexHtml)
  })

  it.each(['/applications/app-1', '/clusters/cluster:x', '/users', '/queue?x=1'])(
    'answers the console path %s with index.html so a reload works',
    async (url) => {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode).toBe(200)
      expect(response.body).toBe(indexHtml)
    },
  )

  it('serves hashed assets cached for a year and other files revalidated', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['content-type']).toMatch(/javascript/)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' })
    expect(icon.statusCode).toBe(200)
    expect(icon.headers['cache-control']).toBe('no-cache')
  })

  it('answers a missing file with the JSON 404, not the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/app-gone.js' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })

  it.each(['/v1/unknown', '/v1', '/docs/nothing-here', '/webhooks/x', '/metricsx/../v1/unknown'])(
    'leaves the API path %s its JSON 404',
    async (url) => {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode).toBe(404)
      expect(response.headers['content-type']).toMatch(/^application\/json/)
      expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
    },
  )

  it('keeps the API routes, the OpenAPI document and health checks', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/things' })).json()).toEqual({ items: [] })
    expect((await app.inject({ method: 'GET', url: '/docs/openapi.json' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'up' })
  })

  it('answers other methods on console paths with the JSON 404', async () => {
    const response = await app.inject({ method: 'POST', url: '/applications/app-1', payload: {} })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })

  it('keeps console routes out of the OpenAPI document', async () => {
    const document = (await app.inject({ method: 'GET', url: '/docs/openapi.json' })).json<{ paths: object }>()
    const paths = Object.keys(document.paths)
    expect(paths).toContain('/v1/things')
    expect(paths.filter((path) => path === '/' || path.startsWith('/*') || path.includes('favicon'))).toEqual([])
  })

  it('refuses to start without a build', async () => {
    const bare = await buildApp({ logLevel: 'silent', processMetrics: false })
    await expect(registerConsole(bare, { root: join(root, 'nothing') })).rejects.toThrow(/console is not built/)
    await bare.close()
  })

  it('finds the workspace build by default', () => {
    expect(consoleBuildDirectory()).toMatch(/packages[\\/]console[\\/]dist$/)
  })
})
