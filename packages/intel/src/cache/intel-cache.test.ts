import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { IntelCache, type IncomingVersion } from './intel-cache.js'
import { lineListDefinition, lineListText } from './testing/line-list-definition.js'
import type { SourceManifest } from './source-manifest.js'

const official = lineListDefinition('ofac-sdn')
const named = lineListDefinition('watchlist', { isNamedList: true })

function freshCache(): IntelCache {
  return new IntelCache(mkdtempSync(join(tmpdir(), 'hirewall-cache-')))
}

function version(text: string, day: number, overrides: Partial<IncomingVersion> = {}): IncomingVersion {
  return {
    key: { kind: 'ofac-sdn' },
    origin: 'download',
    fetchedAt: new Date(Date.UTC(2026, 10, day, 8, 0, 0)),
    files: [{ name: 'sdn.csv', bytes: Buffer.from(text), url: 'https://example.test/sdn.csv' }],
    ...overrides,
  }
}

describe('IntelCache', () => {
  it('stores a parsed version with its manifest and reads it back verified', async () => {
    const cache = freshCache()
    const text = lineListText('2026-11-01', 3)
    const outcome = await cache.store(official, version(text, 2))
    expect(outcome).toMatchObject({
      status: 'stored',
      manifest: { kind: 'ofac-sdn', version: '2026-11-01', entries: 3 },
    })
    expect(outcome.status === 'stored' && outcome.manifest.files[0]).toMatchObject({
      name: 'sdn.csv',
      bytes: Buffer.byteLength(text),
      url: 'https://example.test/sdn.csv',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    })
    const current = await cache.readCurrent({ kind: 'ofac-sdn' })
    expect(current).toMatchObject({ status: 'ok', files: [{ name: 'sdn.csv', text }] })
    expect(await cache.list()).toEqual([
      { key: { kind: 'ofac-sdn' }, manifest: expect.objectContaining({ entries: 3 }) as SourceManifest },
    ])
  })

  it('uses the fetch date as the version when the files state none', async () => {
    const cache = freshCache()
    const outcome = await cache.store(official, version(lineListText('-', 2), 9))
    expect(outcome.status === 'stored' && outcome.manifest.version).toBe('2026-11-09')
  })

  it('keeps the version in use and one before it, pruning older ones', async () => {
    const cache = freshCache()
    for (const day of [1, 2, 3, 4]) await cache.store(official, version(lineListText(`v${day}`, 10 + day), day))
    const ids = await cache.versionIds({ kind: 'ofac-sdn' })
    expect(ids).toHaveLength(2)
    expect(ids[0]).toMatch(/^2026-11-03T08-00-00-000Z-[0-9a-f]{8}$/)
    expect((await cache.currentManifest({ kind: 'ofac-sdn' }))?.version).toBe('v4')
  })

  it.each([
    [
      'an HTML error page',
      '<!DOCTYPE html><html><body>Service unavailable</body></html>',
      'invalid',
      /sdn\.csv line 1/,
    ],
    ['a truncated file with no entries', '# line-list v2\n', 'empty', /no entries/],
    ['a list collapsed to under half', lineListText('v2', 4), 'collapsed', /4 entries against 10/],
  ])('refuses %s and keeps the version in use', async (_case, text, reason, message) => {
    const cache = freshCache()
    await cache.store(official, version(lineListText('v1', 10), 1))
    const outcome = await cache.store(official, version(text, 2))
    expect(outcome).toMatchObject({ status: 'refused', reason, message: expect.stringMatching(message) as string })
    expect(outcome.status === 'refused' && outcome.current?.version).toBe('v1')
    expect((await cache.currentManifest({ kind: 'ofac-sdn' }))?.version).toBe('v1')
    expect(await cache.versionIds({ kind: 'ofac-sdn' })).toHaveLength(1)
  })

  it('accepts a collapse when told the import is a deliberate subset, and named lists may shrink freely', async () => {
    const cache = freshCache()
    await cache.store(official, version(lineListText('v1', 10), 1))
    expect((await cache.store(official, version(lineListText('v2', 2), 2, { allowShrink: true }))).status).toBe(
      'stored',
    )
    const key = { kind: 'watchlist' as const, name: 'front-companies' }
    await cache.store(named, version(lineListText('-', 10), 1, { key, origin: 'import' }))
    const shrunk = await cache.store(named, version(lineListText('-', 1), 2, { key, origin: 'import' }))
    expect(shrunk).toMatchObject({ status: 'stored', manifest: { name: 'front-companies', entries: 1 } })
  })

  it('reports byte-identical files as unchanged without writing a version', async () => {
    const cache = freshCache()
    const text = lineListText('v1', 5)
    await cache.store(official, version(text, 1))
    expect((await cache.store(official, version(text, 2))).status).toBe('unchanged')
    expect(await cache.versionIds({ kind: 'ofac-sdn' })).toHaveLength(1)
  })

  it('lists official sources and named lists, and removes one', async () => {
    const cache = freshCache()
    await cache.store(official, version(lineListText('v1', 2), 1))
    for (const name of ['zeta', 'alpha'])
      await cache.store(named, version(lineListText('-', 1), 1, { key: { kind: 'watchlist', name }, origin: 'import' }))
    expect((await cache.list()).map((source) => source.key)).toEqual([
      { kind: 'ofac-sdn' },
      { kind: 'watchlist', name: 'alpha' },
      { kind: 'watchlist', name: 'zeta' },
    ])
    expect(await cache.remove({ kind: 'watchlist', name: 'zeta' })).toBe(true)
    expect(await cache.remove({ kind: 'watchlist', name: 'zeta' })).toBe(false)
    expect((await cache.list()).map((source) => source.key.name)).toEqual([undefined, 'alpha'])
  })

  it('reports a file changed on disk after it was stored as damaged', async () => {
    const cache = freshCache()
    await cache.store(official, version(lineListText('v1', 2), 1))
    const [id] = await cache.versionIds({ kind: 'ofac-sdn' })
    const path = join(cache.directory, 'ofac-sdn', 'versions', id ?? '', 'files', 'sdn.csv')
    writeFileSync(path, `${readFileSync(path, 'utf8')}evil@example.test\n`)
    expect(await cache.readCurrent({ kind: 'ofac-sdn' })).toMatchObject({
      status: 'damaged',
      message: expect.stringMatching(/does not match the SHA-256/) as string,
    })
  })

  it('leaves no temporary files behind after switching versions', async () => {
    const cache = freshCache()
    await cache.store(official, version(lineListText('v1', 2), 1))
    await cache.store(official, version(lineListText('v2', 2), 2))
    const folder = join(cache.directory, 'ofac-sdn')
    expect(readdirSync(folder).sort()).toEqual(['current', 'versions'])
    expect(readdirSync(join(folder, 'versions')).filter((name) => name.startsWith('.'))).toEqual([])
  })
})
