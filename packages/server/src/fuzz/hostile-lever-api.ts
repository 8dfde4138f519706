import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mutateJson, toJsonText } from './hostile-json.js'
import { seededRandom } from './seeded-random.js'

const fixture = (name: string): { data: unknown } =>
  JSON.parse(readFileSync(new URL(`../routes/ats-webhooks/fixtures/${name}`, import.meta.url), 'utf8')) as {
    data: unknown
  }

/** A Lever API on 127.0.0.1 for the fuzz run, and how to point the server at it and stop it. */
export type HostileLeverApi = {
  /** `HIREWALL_LEVER_API_URL` for the app under test. */
  readonly baseUrl: string
  /** Opportunities served so far: the run reached the fetch. */
  readonly served: () => number
  readonly close: () => Promise<void>
}

/**
 * Lever's Data API as an attacker who controls the Lever account would answer it: what a webhook points at is
 * fetched from here, so the opportunity and resumes are hostile input too. Each opportunity id gets its own answer,
 * the same every time (seeded by `seed` and the id): the fixture opportunity mutated like a request body, a 404, or an
 * envelope without `data`. (Lever failing, a 5xx or a body that is not JSON, is the documented 503 that makes Lever
 * retry: `ats-webhook-routes.db.test.ts`.)
 */
export async function startHostileLeverApi(seed: number): Promise<HostileLeverApi> {
  const opportunity = fixture('lever-api-opportunity.json').data
  const resumes = fixture('lever-api-resumes.json').data
  let served = 0
  const server: Server = createServer((request, response) => {
    const match = /^\/v1\/opportunities\/([^/?]+)(\/resumes)?/.exec(request.url ?? '')
    if (match === null) return response.writeHead(404).end()
    const id = decodeURIComponent(match[1] ?? '')
    const digest = createHash('sha256')
      .update(`${seed}:${id}:${match[2] ?? ''}`)
      .digest()
    const random = seededRandom(digest.readUInt32LE(0))
    const json = (text: string) => response.writeHead(200, { 'content-type': 'application/json' }).end(text)
    switch (random.int(10)) {
      case 0:
        return response.writeHead(404).end()
      case 1:
        return json('{"items": []}')
      default: {
        if (match[2] === undefined) served += 1
        const base = match[2] === undefined ? { ...(opportunity as object), id } : resumes
        return json(`{"data":${toJsonText(mutateJson(base, random).value)}}`)
      }
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    served: () => served,
    close: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
