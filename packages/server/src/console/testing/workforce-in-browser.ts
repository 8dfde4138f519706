import { loadPackagedIpDatabase, loadShippedNetworkClassification } from '@hirewall/intel'
import type { WorkforceWorld } from '@hirewall/synth'
import { createWorkforceEvaluator, loadShippedLists } from '@hirewall/workforce'
import { expect } from 'vitest'
import { generateApiKey } from '../../auth/api-key.js'
import { createWorkforceService, type WorkforceService } from '../../workforce/workforce-service.js'
import type { ConsoleBrowserSetup } from './console-browser-harness.js'

/** A generated workforce behind the console: its after-hire pipeline and the HR feeds' way in. */
export type WorkforceInBrowser = {
  /** Pass as the harness's `prepare`: starts the workforce service on the test's store and makes the feeds' API key. */
  readonly prepare: NonNullable<ConsoleBrowserSetup['prepare']>
  /** The running workforce service (inside tests). */
  readonly service: () => WorkforceService
  /** Sends every feed of the world through `POST /v1/workforce/{feed}` as an HR system would; each must be taken. */
  readonly sendFeeds: (base: string) => Promise<void>
}

/** The workforce pipeline of `world` (its organisation, the shipped lists and network data) for a browser test. */
export function workforceInBrowser(world: WorkforceWorld): WorkforceInBrowser {
  let workforce: WorkforceService | undefined
  let apiKey = ''
  const send = async (base: string, feed: string, body: string, type: string): Promise<void> => {
    const response = await fetch(`${base}/v1/workforce/${feed}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': type },
      body,
    })
    expect(response.status, feed).toBe(200)
  }
  return {
    prepare: async ({ store }) => {
      const service = await createWorkforceService({
        store,
        createEvaluator: () =>
          createWorkforceEvaluator({
            lists: loadShippedLists(),
            network: { ranges: [loadShippedNetworkClassification()], ipDatabase: loadPackagedIpDatabase() },
            organisation: world.company,
          }),
      })
      workforce = service
      const key = generateApiKey()
      await store.apiKeys.create({
        name: 'hr feeds',
        prefix: key.prefix,
        keyHash: key.tokenHash,
        scopes: ['submit'],
        createdBy: 'test',
      })
      apiKey = key.token
      return { service: { workforce: { service } }, close: () => service.close() }
    },
    service: () => {
      if (workforce === undefined) throw new Error('the workforce service is not running: read it inside a test')
      return workforce
    },
    sendFeeds: async (base) => {
      const events = [...world.signInLines()]
      const signIns = (provider: string) =>
        events.flatMap((event) => (event.provider === provider ? [event.line] : [])).join('\n')
      await send(base, 'hires', world.hiresCsv, 'text/csv')
      await send(base, 'shipments', world.shipmentsCsv, 'text/csv')
      await send(base, 'devices', world.mdmCsv, 'text/csv')
      await send(base, 'payroll', world.payrollCsv, 'text/csv')
      await send(base, 'osquery', [...world.osqueryLines()].join('\n'), 'application/x-ndjson')
      await send(base, 'okta', signIns('okta'), 'application/x-ndjson')
      await send(base, 'entra', signIns('entra'), 'application/x-ndjson')
    },
  }
}
