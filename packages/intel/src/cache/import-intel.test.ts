import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importIntel, type ImportOptions } from './import-intel.js'
import { IntelCache } from './intel-cache.js'
import { lineListDefinition, lineListText } from './testing/line-list-definition.js'

const definitions = [
  lineListDefinition('ofac-sdn', {
    downloads: ['sdn.csv', 'alt.csv'].map((name) => ({ name, url: `https://x.test/${name}` })),
  }),
  lineListDefinition('watchlist', { isNamedList: true }),
]
const folder = mkdtempSync(join(tmpdir(), 'hirewall-import-files-'))
writeFileSync(join(folder, 'sdn_2024-05-03.csv'), lineListText('2024-05-03', 4))
writeFileSync(join(folder, 'alt_2025-12.csv'), lineListText('2025-12', 2, 'alias.test'))
writeFileSync(join(folder, 'bad.csv'), lineListText('-', 3, 'bad.test'))
writeFileSync(join(folder, 'html.csv'), '<html><body>Login</body></html>\n')
mkdirSync(join(folder, 'a-folder'), { recursive: true })

function run(
  options: Omit<ImportOptions, 'definitions' | 'now'>,
  cache = new IntelCache(mkdtempSync(join(tmpdir(), 'hirewall-import-'))),
) {
  return importIntel(cache, { ...options, definitions, now: () => new Date('2026-11-23T09:00:00Z') })
}

describe('importIntel', () => {
  it('imports dated copies of an official list under the names its parser reads, recording the original names', async () => {
    const result = await run({
      kind: 'ofac-sdn',
      files: [join(folder, 'sdn_2024-05-03.csv'), join(folder, 'alt_2025-12.csv')],
    })
    expect(result).toMatchObject({
      status: 'stored',
      manifest: {
        kind: 'ofac-sdn',
        origin: 'import',
        version: '2024-05-03',
        entries: 6,
        fetchedAt: '2026-11-23T09:00:00.000Z',
        files: [
          { name: 'sdn.csv', originalName: 'sdn_2024-05-03.csv' },
          { name: 'alt.csv', originalName: 'alt_2025-12.csv' },
        ],
      },
    })
  })

  it('imports a named list under its name', async () => {
    const result = await run({ kind: 'watchlist', name: 'front-companies', files: [join(folder, 'bad.csv')] })
    expect(result).toMatchObject({
      status: 'stored',
      manifest: { kind: 'watchlist', name: 'front-companies', entries: 3 },
    })
  })

  it.each<[string, Omit<ImportOptions, 'definitions' | 'now'>, RegExp]>([
    [
      'a named kind without --name',
      { kind: 'watchlist', files: [join(folder, 'bad.csv')] },
      /watchlist holds named lists: give the list a name with --name/,
    ],
    [
      'an official kind with --name',
      { kind: 'ofac-sdn', name: 'x', files: [join(folder, 'sdn_2024-05-03.csv')] },
      /ofac-sdn is an official list and takes no --name/,
    ],
    [
      'a bad list name',
      { kind: 'watchlist', name: '../etc', files: [join(folder, 'bad.csv')] },
      /list name "\.\.\/etc" must be/,
    ],
    [
      'a missing file',
      { kind: 'watchlist', name: 'w', files: [join(folder, 'missing.csv')] },
      /no such file: .*missing\.csv/,
    ],
    [
      'a folder',
      { kind: 'watchlist', name: 'w', files: [join(folder, 'a-folder')] },
      /a-folder is a directory, not a file/,
    ],
    [
      'a kind this build cannot read',
      { kind: 'ipeds', files: [join(folder, 'bad.csv')] },
      /ipeds cannot be imported by this version/,
    ],
  ])('refuses %s before reading anything', async (_case, options, message) => {
    expect(await run(options)).toEqual({ status: 'unusable', message: expect.stringMatching(message) as string })
  })

  it('refuses a file its parser rejects, naming the file and line', async () => {
    const result = await run({ kind: 'watchlist', name: 'w', files: [join(folder, 'html.csv')] })
    expect(result).toMatchObject({
      status: 'refused',
      reason: 'invalid',
      message: expect.stringMatching(/html\.csv line 1: not a line-list file/) as string,
    })
  })
})
