import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { IntelCache } from './intel-cache.js'
import { lineListDefinition, lineListText } from './testing/line-list-definition.js'
import { serveFiles, type CannedResponse, type FileServer } from './testing/serve-files.js'
import { updateIntel, type SourceUpdate } from './update-intel.js'

const sdn = lineListDefinition('ofac-sdn', {
  downloads: [
    { name: 'sdn.csv', url: 'https://lists.example.test/exports/SDN.CSV' },
    { name: 'add.csv', url: 'https://lists.example.test/exports/ADD.CSV', isOptional: true },
  ],
})
const zipped = lineListDefinition('ipeds', {
  downloads: [{ name: 'hd.csv', url: 'https://stats.example.test/data/HD2023.zip', zipMember: 'hd2023.csv' }],
})
const definitions = [sdn, zipped]
const sdnPath = '/lists.example.test/exports/SDN.CSV'

let server: FileServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function update(
  cache: IntelCache,
  responses: Record<string, CannedResponse>,
  options: { day?: number; maxBytes?: number; timeoutMs?: number; kinds?: ('ofac-sdn' | 'ipeds')[] } = {},
): Promise<SourceUpdate[]> {
  await server?.close()
  server = await serveFiles(responses)
  const results: SourceUpdate[] = []
  for await (const result of updateIntel(cache, {
    definitions,
    kinds: options.kinds ?? ['ofac-sdn'],
    mirror: server.baseUrl,
    now: () => new Date(Date.UTC(2026, 10, options.day ?? 1)),
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  }))
    results.push(result)
  return results
}

function freshCache(): IntelCache {
  return new IntelCache(mkdtempSync(join(tmpdir(), 'hirewall-update-')))
}

async function cacheWithVersion(entries = 10): Promise<IntelCache> {
  const cache = freshCache()
  const [first] = await update(cache, { [sdnPath]: { body: lineListText('v1', entries) } })
  expect(first?.status).toBe('updated')
  return cache
}

describe('updateIntel', () => {
  it('downloads through the mirror, verifies and stores the official URL, mirror URL and checksum', async () => {
    const cache = freshCache()
    const [result] = await update(cache, { [sdnPath]: { body: lineListText('2026-10-31', 12) } })
    expect(result).toMatchObject({
      kind: 'ofac-sdn',
      status: 'updated',
      manifest: { version: '2026-10-31', entries: 12 },
    })
    expect(result?.status === 'updated' && result.manifest.files[0]).toMatchObject({
      name: 'sdn.csv',
      url: 'https://lists.example.test/exports/SDN.CSV',
      fetchedFrom: `${server?.baseUrl}lists.example.test/exports/SDN.CSV`,
    })
    expect(result?.status === 'updated' && result.missingOptional).toEqual([
      expect.stringMatching(/^add\.csv: HTTP 404/) as string,
    ])
  })

  it('reports an identical download as unchanged', async () => {
    const cache = await cacheWithVersion()
    const [result] = await update(cache, { [sdnPath]: { body: lineListText('v1', 10) } }, { day: 2 })
    expect(result?.status).toBe('unchanged')
  })

  it.each<[string, CannedResponse, { maxBytes?: number; timeoutMs?: number }, string, RegExp]>([
    ['HTTP 500', { status: 500, body: 'oops' }, {}, 'failed', /sdn\.csv: HTTP 500 Internal Server Error from http/],
    [
      'an HTML page',
      { body: '\n<!DOCTYPE html><title>Maintenance</title>' },
      {},
      'failed',
      /sent an HTML page, not sdn\.csv/,
    ],
    ['an empty body', { body: '' }, {}, 'failed', /sent an empty body/],
    [
      'a declared size over the limit',
      { body: lineListText('v2', 100) },
      { maxBytes: 200 },
      'failed',
      /declares \d+ bytes, over the 200-byte limit/,
    ],
    [
      'a chunked body over the size limit',
      { body: lineListText('v2', 100), isChunked: true },
      { maxBytes: 200 },
      'failed',
      /sent a body over the 200-byte limit/,
    ],
    ['no answer in time', { hang: true }, { timeoutMs: 150 }, 'failed', /sdn\.csv: timed out/],
    [
      'a truncated file (not parseable)',
      { body: '# line-list v2\nuser0@' },
      {},
      'refused',
      /not a valid ofac-sdn list: sdn\.csv line 2/,
    ],
    ['a collapse of the entry count', { body: lineListText('v2', 3) }, {}, 'refused', /3 entries against 10/],
  ])('keeps the version in use on %s', async (_case, response, options, status, message) => {
    const cache = await cacheWithVersion(10)
    const [result] = await update(cache, { [sdnPath]: response }, { day: 2, ...options })
    expect(result).toMatchObject({
      status,
      message: expect.stringMatching(message) as string,
      current: { version: 'v1' },
    })
    expect((await cache.currentManifest({ kind: 'ofac-sdn' }))?.version).toBe('v1')
    const current = await cache.readCurrent({ kind: 'ofac-sdn' })
    expect(current.status === 'ok' && current.files[0]?.text).toBe(lineListText('v1', 10))
  })

  it('unzips the named member of a zip download and records the archive checksum', async () => {
    const cache = freshCache()
    const archive = zipSync({
      'HD2023/hd2023.csv': Buffer.from(lineListText('2023', 4)),
      'readme.txt': Buffer.from('x'),
    })
    const [result] = await update(
      cache,
      { '/stats.example.test/data/HD2023.zip': { body: archive } },
      { kinds: ['ipeds'] },
    )
    expect(result).toMatchObject({
      status: 'updated',
      manifest: { entries: 4, files: [{ name: 'hd.csv', zipMember: 'hd2023.csv' }] },
    })
    expect(result?.status === 'updated' && result.manifest.files[0]?.archiveSha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it.each([
    ['not a zip', lineListText('2023', 4), /is not a zip archive \(expected one holding hd2023\.csv\)/],
    ['a zip without the member', zipSync({ 'other.csv': Buffer.from('x') }), /holds no hd2023\.csv/],
  ])('fails a zip download that is %s', async (_case, body, message) => {
    const [result] = await update(
      freshCache(),
      { '/stats.example.test/data/HD2023.zip': { body } },
      { kinds: ['ipeds'] },
    )
    expect(result).toMatchObject({ status: 'failed', message: expect.stringMatching(message) as string })
  })

  it('says a kind has no official download', async () => {
    const results: SourceUpdate[] = []
    for await (const result of updateIntel(freshCache(), { definitions, kinds: ['watchlist'] })) results.push(result)
    expect(results).toEqual([
      { kind: 'watchlist', status: 'failed', message: expect.stringMatching(/use intel import/) as string },
    ])
  })
})
