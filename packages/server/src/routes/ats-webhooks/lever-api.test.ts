import { importLeverOpportunity } from '@hirewall/core'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unusedPort } from '../../testing/webhook-receiver.js'
import { atsWebhookSecretsFromEnv, leverApiFromEnv } from './ats-webhook-config.js'
import { createLeverApi, LeverApiError } from './lever-api.js'

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const opportunityId = '3410c8b9-5c31-4bab-b7e9-9f710206d647'

/** Lever's Data API as its documentation shapes it, served on 127.0.0.1 from fixtures. */
describe('createLeverApi', () => {
  let server: Server
  let baseUrl: string
  const seen: { path: string; headers: IncomingHttpHeaders }[] = []
  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ path: request.url ?? '', headers: request.headers })
      const routes: Record<string, [number, string]> = {
        [`/v1/opportunities/${opportunityId}`]: [200, fixture('lever-api-opportunity.json')],
        [`/v1/opportunities/${opportunityId}/resumes`]: [200, fixture('lever-api-resumes.json')],
        '/v1/opportunities/broken': [500, '{"code":"InternalServerError"}'],
        '/v1/opportunities/not-json': [200, '<html>maintenance</html>'],
      }
      if (request.url === '/v1/opportunities/slow') return
      const [status, body] = routes[request.url ?? ''] ?? [404, '{"code":"ResourceNotFound"}']
      response.writeHead(status, { 'content-type': 'application/json' }).end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('reads an opportunity and its resumes, which import as one record with its history', async () => {
    const lever = createLeverApi({ apiKey: 'lever-key', baseUrl: `${baseUrl}/` })
    const fetched = await lever.fetchOpportunity(opportunityId)
    expect(seen.slice(-2).map((request) => request.path)).toEqual([
      `/v1/opportunities/${opportunityId}`,
      `/v1/opportunities/${opportunityId}/resumes`,
    ])
    expect(seen.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from('lever-key:').toString('base64')}`)
    const imported = importLeverOpportunity(fetched)
    expect(imported.status).toBe('valid')
    expect(imported.status === 'valid' && imported.record).toMatchObject({
      id: `lever:${opportunityId}`,
      source: { system: 'lever', candidateId: '05c248f9-ccb1-435f-bab5-0ec608aec263' },
    })
    const work = imported.status === 'valid' ? (imported.record.cv?.work ?? []) : []
    expect(work.map((role) => role.name)).toContain('Vandelay Industries')
  })

  it('says an opportunity Lever does not know is gone', async () => {
    expect(await createLeverApi({ apiKey: 'k', baseUrl }).fetchOpportunity('deleted-one')).toBeUndefined()
  })

  it('names the path segment it asks for safely', async () => {
    await createLeverApi({ apiKey: 'k', baseUrl }).fetchOpportunity('../admin?x=1')
    expect(seen.at(-1)?.path).toBe('/v1/opportunities/..%2Fadmin%3Fx%3D1')
  })

  it.each([
    ['an error status', 'broken', { status: 500 }],
    ['a body that is not JSON', 'not-json', { status: undefined }],
    ['no answer in time', 'slow', { status: undefined }],
  ])('throws a LeverApiError on %s, so the webhook is retried', async (_case, id, fields) => {
    const lever = createLeverApi({ apiKey: 'k', baseUrl, timeoutMs: 200 })
    const failure = await lever.fetchOpportunity(id).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(LeverApiError)
    expect(failure).toMatchObject(fields)
  })

  it('throws a LeverApiError when Lever cannot be reached', async () => {
    const lever = createLeverApi({ apiKey: 'k', baseUrl: `http://127.0.0.1:${await unusedPort()}/v1` })
    await expect(lever.fetchOpportunity(opportunityId)).rejects.toBeInstanceOf(LeverApiError)
  })
})

describe('the ATS webhook configuration from the environment', () => {
  it('reads each vendor’s secrets, comma-separated, and Lever’s API only with a key', () => {
    expect(
      atsWebhookSecretsFromEnv({
        HIREWALL_GREENHOUSE_SECRET: 'gh-new, gh-old',
        HIREWALL_ASHBY_SECRET: ' ',
        HIREWALL_LEVER_SECRET: 'token-a,,token-b',
      }),
    ).toEqual({ greenhouse: ['gh-new', 'gh-old'], lever: ['token-a', 'token-b'] })
    expect(atsWebhookSecretsFromEnv({})).toEqual({})
    expect(leverApiFromEnv({})).toBeUndefined()
    expect(leverApiFromEnv({ HIREWALL_LEVER_API_KEY: ' ' })).toBeUndefined()
    expect(leverApiFromEnv({ HIREWALL_LEVER_API_KEY: 'key' })).toHaveProperty('fetchOpportunity')
  })
})
