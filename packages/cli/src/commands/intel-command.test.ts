import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findSourceDefinition } from '@hirewall/intel'
import { zipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { serveMirror, type MirrorEntry } from '../testing/serve-mirror.js'
import { runCli } from '../testing/run-cli.js'

const sharedData = (path: string): string =>
  fileURLToPath(new URL(`../../../../../shared/data/${path}`, import.meta.url))
const frontDomains = sharedData('dprk/dprk_it_front_domains_public_reporting.csv')
const work = mkdtempSync(join(tmpdir(), 'hirewall-intel-cli-'))
const badWatchlist = join(work, 'bad-watchlist.csv')
writeFileSync(badWatchlist, 'kind,value\nphone,not a phone\ncolour,blue\n')

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'hirewall-intel-dir-'))
}

type StatusJson = { directory: string; sources: { kind: string; name: string; entries: number; origin: string }[] }

describe('hirewall intel import, status and remove', () => {
  it('imports a named watchlist, lists it with the shipped sources, and removes it', async () => {
    const dir = freshDir()
    const imported = await runCli([
      'intel',
      'import',
      'watchlist',
      frontDomains,
      '--name',
      'dprk-fronts',
      '--intel-dir',
      dir,
    ])
    expect(imported.exitCode).toBe(0)
    expect(imported.stdout).toMatch(
      /^Imported watchlist:dprk-fronts from dprk_it_front_domains_public_reporting\.csv: version \d{4}-\d\d-\d\d, 8 entries, 1\.\d kB\. It is in use now\.\n/,
    )
    const table = await runCli(['intel', 'status', '--intel-dir', dir])
    expect(table.exitCode).toBe(0)
    expect(table.stdout).toMatch(/^SOURCE\s+VERSION\s+DATE\s+ORIGIN\s+ENTRIES\s+SIZE\n/)
    expect(table.stdout).toMatch(/\nwatchlist:dprk-fronts\s+\S+\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+import\s+8\s+1\.\d kB\n/)
    expect(table.stdout).toMatch(/\nmailchecker disposable domains\s+\d+\.\d+\.\d+\s+.*package\s+[\d,]+\s+/)
    expect(table.stdout).toMatch(
      /No sanctions list is cached, so names are not screened against one: run `hirewall intel update`/,
    )
    const json = JSON.parse((await runCli(['intel', 'status', '--json', '--intel-dir', dir])).stdout) as StatusJson
    expect(json.directory).toBe(dir)
    expect(json.sources).toContainEqual(
      expect.objectContaining({ kind: 'watchlist', name: 'watchlist:dprk-fronts', entries: 8, origin: 'import' }),
    )
    const removed = await runCli(['intel', 'remove', 'watchlist', '--name', 'dprk-fronts', '--intel-dir', dir])
    expect(removed).toMatchObject({
      exitCode: 0,
      stdout: `Removed watchlist:dprk-fronts and all its versions from ${dir}\n`,
    })
    const after = JSON.parse((await runCli(['intel', 'status', '--json', '--intel-dir', dir])).stdout) as StatusJson
    expect(after.sources.map((source) => source.origin)).not.toContain('import')
  })

  it('reports the files as unchanged when the same ones are imported again', async () => {
    const dir = freshDir()
    await runCli(['intel', 'import', 'watchlist', frontDomains, '--name', 'fronts', '--intel-dir', dir])
    const again = await runCli(['intel', 'import', 'watchlist', frontDomains, '--name', 'fronts', '--intel-dir', dir])
    expect(again).toMatchObject({
      exitCode: 0,
      stdout: expect.stringMatching(/^watchlist:fronts: these files are the version in use already/) as string,
    })
  })

  it('refuses a file that does not parse, naming file, line and problem, and keeps what is cached (exit 3)', async () => {
    const run = await runCli(['intel', 'import', 'watchlist', badWatchlist, '--name', 'w', '--intel-dir', freshDir()])
    expect(run.exitCode).toBe(3)
    expect(run.stderr).toMatch(/^hirewall: watchlist:w not imported: not a valid watchlist list: bad-watchlist\.csv/)
    expect(run.stderr).toMatch(/nothing cached for it yet/)
    expect(run.stderr).toMatch(/bad-watchlist\.csv line 3/)
  })

  it.each([
    [
      'an unknown kind',
      ['intel', 'import', 'colours', badWatchlist],
      /unknown intel kind "colours" \(kinds: ofac-sdn, /,
    ],
    [
      'a named kind without --name',
      ['intel', 'import', 'watchlist', badWatchlist],
      /watchlist holds named lists: give the list a name with --name/,
    ],
    [
      'a missing file',
      ['intel', 'import', 'watchlist', join(work, 'nope.csv'), '--name', 'w'],
      /no such file: .*nope\.csv/,
    ],
    ['a list name that is a path', ['intel', 'remove', 'watchlist', '--name', '../x'], /list name "\.\.\/x" must be/],
    ['removing what is not cached', ['intel', 'remove', 'watchlist', '--name', 'x'], /watchlist:x is not cached in /],
    [
      'updating a kind without a download',
      ['intel', 'update', 'watchlist'],
      /watchlist has no official download: load it with `hirewall intel import watchlist FILE\.\.\.` --name NAME/,
    ],
    [
      'a mirror that is not a URL',
      ['intel', 'update', '--mirror', 'mirror.internal'],
      /--mirror "mirror\.internal" is not a URL/,
    ],
  ])('exits 2 on %s', async (_case, argv, message) => {
    const run = await runCli([...argv, '--intel-dir', freshDir()])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(message)
  })
})

describe('hirewall intel update', () => {
  const sdn = findSourceDefinition('ofac-sdn')
  const urlOf = (name: string): string => sdn?.downloads.find((download) => download.name === name)?.url ?? ''
  const mirror = serveMirror({
    [urlOf('sdn.csv')]: { file: sharedData('sanctions/sdn_2024-05-03.csv') },
    [urlOf('alt.csv')]: { file: sharedData('sanctions/alt_2025-12.csv') },
    [urlOf('add.csv')]: { file: sharedData('sanctions/add_2025-12.csv') },
  })
  afterAll(async () => (await mirror).close())

  it('downloads the real OFAC SDN files through a mirror, then keeps them when the next download fails', async () => {
    const served = await mirror
    const url = served.url
    const set = (officialUrl: string, entry: MirrorEntry): void => served.set(officialUrl, entry)
    const dir = freshDir()
    const first = await runCli(['intel', 'update', 'ofac-sdn', '--mirror', url, '--intel-dir', dir])
    expect(first.exitCode).toBe(0)
    expect(first.stdout).toMatch(
      /^ofac-sdn +updated +version \S+, 1\d,\d{3} entries.*, \d\.\d MB\n\s+without sdn_comments\.csv: HTTP 404/,
    )
    expect(first.stdout).toContain(`Intel cache: ${dir} (mirror ${url})\n`)
    set(urlOf('sdn.csv'), { status: 500 })
    const second = await runCli(['intel', 'update', 'ofac-sdn', '--mirror', url, '--intel-dir', dir])
    expect(second.exitCode).toBe(3)
    expect(second.stdout).toMatch(
      /^ofac-sdn +failed +sdn\.csv: HTTP 500 Internal Server Error from http:\/\/127\.0\.0\.1:\d+\/sanctionslistservice\.ofac\.treas\.gov\/\S+; keeping version \S+ \(downloaded \d{4}-/,
    )
    const status = JSON.parse((await runCli(['intel', 'status', '--json', '--intel-dir', dir])).stdout) as StatusJson
    expect(status.sources).toContainEqual(expect.objectContaining({ kind: 'ofac-sdn', origin: 'download' }))
    set(urlOf('sdn.csv'), { file: sharedData('sanctions/sdn_2024-05-03.csv') })
  })

  it('unzips the real IPEDS directory (Windows-1252) from its zip download', async () => {
    const ipeds = findSourceDefinition('ipeds')?.downloads[0]
    const archive = join(work, 'HD.zip')
    writeFileSync(
      archive,
      zipSync({ [ipeds?.zipMember ?? '']: readFileSync(sharedData('universities/ipeds_hd2022.csv')) }),
    )
    const served = await mirror
    served.set(ipeds?.url ?? '', { file: archive })
    const dir = freshDir()
    const run = await runCli(['intel', 'update', 'ipeds', '--mirror', served.url, '--intel-dir', dir])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/^ipeds +updated +version \S+, 6,\d{3} entries/)
  })
})
