import { describe, expect, it } from 'vitest'
import { buildApp } from '../app/build-app.js'
import type { ReadinessCheck } from './readiness.js'

const passing: ReadinessCheck = { name: 'database', check: () => Promise.resolve('pong') }
const failing: ReadinessCheck = {
  name: 'queue',
  check: () => Promise.reject(new Error('password authentication failed for user "hirewall" at db.internal')),
}
// Never settles: the check's own timeout must fail it.
const hanging: ReadinessCheck = { name: 'reference-data', check: () => new Promise(() => undefined) }

async function readyz(checks: readonly ReadinessCheck[]) {
  const app = await buildApp({
    logLevel: 'silent',
    processMetrics: false,
    readinessChecks: checks,
    readinessTimeoutMs: 50,
  })
  try {
    return await app.inject({ method: 'GET', url: '/readyz' })
  } finally {
    await app.close()
  }
}

describe('/healthz and /readyz', () => {
  it('reports the process up without running any check', async () => {
    const app = await buildApp({ logLevel: 'silent', processMetrics: false, readinessChecks: [failing] })
    const response = await app.inject({ method: 'GET', url: '/healthz' })
    await app.close()
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'up' })
  })

  it.each([
    ['no checks', [], 200, []],
    ['a passing check', [passing], 200, []],
    ['a failing check', [passing, failing], 503, ['queue']],
    ['a check that never answers', [hanging, passing], 503, ['reference-data']],
    ['two failing checks', [failing, hanging], 503, ['queue', 'reference-data']],
  ])('with %s answers %i', async (_name, checks, status, failingNames) => {
    const response = await readyz(checks)
    expect(response.statusCode).toBe(status)
    if (status === 200) {
      expect(response.json()).toEqual({ status: 'ready', checks: checks.map(({ name }) => ({ name, status: 'pass' })) })
    } else {
      expect(response.json()).toMatchObject({ error: { code: 'UNAVAILABLE', details: { failing: failingNames } } })
    }
  })

  it('does not tell the client why a check failed', async () => {
    const response = await readyz([failing])
    expect(response.body).not.toContain('db.internal')
    expect(response.body).not.toContain('password')
  })
})
