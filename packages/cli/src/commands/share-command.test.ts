import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { runCli } from '../testing/run-cli.js'

const work = mkdtempSync(join(tmpdir(), 'hirewall-share-'))
const fixture = fileURLToPath(new URL('../fixtures/three-applications.jsonl', import.meta.url))
const clean = JSON.parse(readFileSync(fixture, 'utf8').split('\n')[0] ?? '') as {
  cv: { basics: Record<string, unknown> }
}

const watchlist = join(work, 'ring-a.csv')
writeFileSync(
  watchlist,
  [
    'kind,value,severity,note,tlp,confidence,first_seen',
    'email,jordan.ring@inditechlab.com,critical,Persona caught 2026-01,green,90,2026-01-10',
    'phone,+1 (415) 555-0100,,Ring A burner phone,,80,',
    'domain,front-co.com,,,clear,,',
    'email,internal.only@example.com,,Under investigation,red,,',
    'phone,415 555 0100,,no country code,,,',
  ].join('\n'),
)
const keyFile = join(work, 'consortium.key')
writeFileSync(keyFile, 'a consortium key of 32 bytes at least\n')

type Bundle = { type: string; objects: { type: string; pattern?: string }[] }

describe('hirewall share export', () => {
  it('writes a STIX bundle, withholds TLP:RED, lists what left and the bad rows', async () => {
    const run = await runCli(['share', 'export', '--format', 'stix', '--producer', 'Example Corp', watchlist])
    expect(run.exitCode).toBe(3)
    const bundle = JSON.parse(run.stdout) as Bundle
    expect(bundle.type).toBe('bundle')
    expect(bundle.objects.filter((object) => object.type === 'indicator').map((object) => object.pattern)).toEqual([
      "[email-addr:value = 'jordan.ring@inditechlab.com']",
      "[x-hirewall-phone-number:value = '+14155550100']",
      "[domain-name:value = 'front-co.com']",
    ])
    expect(run.stdout).not.toContain('internal.only')
    expect(run.stderr).toContain('ring-a.csv: line 6 (value): "415 555 0100" has no country code')
    expect(run.stderr).toMatch(
      /Exported 3 indicators as STIX 2\.1:\n {2}email jordan\.ring@inditechlab\.com TLP:GREEN\n/,
    )
    expect(run.stderr).toMatch(/Withheld 1:\n {2}email internal\.only@example\.com: is TLP:RED/)
  })

  it('writes a MISP event of keyed hashes with --hashed and a key file', async () => {
    const output = join(work, 'hashed.misp.json')
    const run = await runCli([
      'share',
      'export',
      '--format',
      'misp',
      '--hashed',
      '--key-file',
      keyFile,
      '-o',
      output,
      watchlist,
    ])
    expect(run.stdout).toBe('')
    const text = readFileSync(output, 'utf8')
    const event = JSON.parse(text) as { Event: { Attribute: { type: string; value: string }[] } }
    expect(event.Event.Attribute).toHaveLength(3)
    expect(event.Event.Attribute.every((a) => a.type === 'text' && /^hmac-sha256:[0-9a-f]{64}$/.test(a.value))).toBe(
      true,
    )
    expect(text).not.toMatch(/inditechlab|4155550100|front-co|Persona/)
    expect(run.stderr).toMatch(/as keyed hashes \(key fingerprint [0-9a-f]{16}\)/)
  })

  it.each<[string, readonly string[], RegExp]>([
    ['--hashed without a key', ['--format', 'stix', '--hashed'], /--hashed needs --key-file/],
    ['a key without --hashed', ['--format', 'stix', '--key-file', keyFile], /--key-file is for --hashed/],
    ['a missing file', ['--format', 'stix', join(work, 'none.csv')], /cannot read/],
    ['an unknown format', ['--format', 'csv'], /Allowed choices are stix, misp/],
  ])('refuses %s', async (_, args, message) => {
    const run = await runCli([
      'share',
      'export',
      ...args,
      ...(args.includes(join(work, 'none.csv')) ? [] : [watchlist]),
    ])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(message)
  })
})

describe('hirewall share import', () => {
  it("turns a partner's bundle into a watchlist that screening matches", async () => {
    const bundle = join(work, 'partner.stix.json')
    expect(
      (await runCli(['share', 'export', '--format', 'stix', '--producer', 'Partner Bank', '-o', bundle, watchlist]))
        .exitCode,
    ).toBe(3)
    const csv = join(work, 'partner.csv')
    const imported = await runCli(['share', 'import', '-o', csv, bundle])
    expect(imported.exitCode).toBe(0)
    expect(imported.stderr).toContain('Imported 3 indicators from STIX; 0 could not be read, 0 unsupported.')
    expect(readFileSync(csv, 'utf8')).toContain(
      'email,jordan.ring@inditechlab.com,,"Persona caught 2026-01 (shared by Partner Bank, TLP:GREEN, confidence 90)",Partner Bank,green,90,2026-01-10T00:00:00.000Z,',
    )
    const intelDir = mkdtempSync(join(tmpdir(), 'hirewall-share-intel-'))
    const loaded = await runCli([
      'intel',
      'import',
      'watchlist',
      '--name',
      'partner-bank',
      '--intel-dir',
      intelDir,
      csv,
    ])
    expect(loaded.exitCode).toBe(0)
    const applicant = {
      ...clean,
      id: 'ring-1',
      cv: { ...clean.cv, basics: { ...clean.cv.basics, email: 'Jordan.Ring@inditechlab.com' } },
    }
    const input = join(work, 'applicant.jsonl')
    writeFileSync(input, `${JSON.stringify(applicant)}\n`)
    const screened = await runCli(['screen', '--intel-dir', intelDir, '--no-summary', input])
    const result = (JSON.parse(screened.stdout.trim()) as { result: { signals: { code: string; message: string }[] } })
      .result
    expect(result.signals.find((signal) => signal.code === 'watchlist.match')?.message).toMatch(
      /Partner Bank, TLP:GREEN/,
    )
  })

  it('loads keyed hashes that screening matches with the consortium key, and only with it', async () => {
    const event = join(work, 'hashed-partner.misp.json')
    const exported = await runCli([
      'share',
      'export',
      '--format',
      'misp',
      '--hashed',
      '--key-file',
      keyFile,
      '-o',
      event,
      watchlist,
    ])
    expect(exported.exitCode).toBe(3)
    const csv = join(work, 'hashed-partner.csv')
    const imported = await runCli(['share', 'import', '-o', csv, event])
    expect(imported.stderr).toContain('(3 keyed hashes: they match when screening has the consortium key)')
    const intelDir = mkdtempSync(join(tmpdir(), 'hirewall-share-hashed-'))
    expect(
      (await runCli(['intel', 'import', 'watchlist', '--name', 'peer', '--intel-dir', intelDir, csv])).exitCode,
    ).toBe(0)
    const applicant = {
      ...clean,
      id: 'ring-2',
      cv: { ...clean.cv, basics: { ...clean.cv.basics, phone: '+1 415-555-0100' } },
    }
    const input = join(work, 'hashed-applicant.jsonl')
    writeFileSync(input, `${JSON.stringify(applicant)}\n`)
    const matches = async (): Promise<readonly string[]> => {
      const run = await runCli(['screen', '--intel-dir', intelDir, '--no-summary', input])
      const result = (JSON.parse(run.stdout.trim()) as { result: { signals: { code: string; message: string }[] } })
        .result
      return result.signals.filter((signal) => signal.code === 'watchlist.match').map((signal) => signal.message)
    }
    expect(await matches()).toEqual([])
    vi.stubEnv('HIREWALL_CONSORTIUM_KEY_FILE', keyFile)
    try {
      expect(await matches()).toEqual([
        expect.stringMatching(/^\+1 415-555-0100 \(cv\.basics\.phone\) matches a phone shared as a keyed hash/),
      ])
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('reports unsupported objects and bad indicators by path, and refuses what is neither format', async () => {
    const event = join(work, 'partner.misp.json')
    writeFileSync(
      event,
      JSON.stringify({
        Event: {
          Orgc: { name: 'Partner Bank' },
          Attribute: [
            { type: 'email-src', value: 'ops@front-co.com' },
            { type: 'email-src', value: 'not-an-email' },
            { type: 'url', value: 'https://front-co.com/apply' },
          ],
        },
      }),
    )
    const run = await runCli(['share', 'import', event])
    expect(run.exitCode).toBe(3)
    expect(run.stdout.split('\n')[1]).toMatch(/^email,ops@front-co\.com,,shared by Partner Bank,Partner Bank,/)
    expect(run.stderr).toContain('partner.misp.json: Event.Attribute[1].value: email')
    expect(run.stderr).toContain('partner.misp.json: Event.Attribute[2]: unsupported: a MISP url attribute')
    const neither = join(work, 'neither.json')
    writeFileSync(neither, '{"hello": 1}')
    const refused = await runCli(['share', 'import', neither])
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toMatch(/neither a STIX bundle .* nor a MISP event/)
  })
})
