import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli.js'

const sharedData = (path: string): string =>
  fileURLToPath(new URL(`../../../../../shared/data/${path}`, import.meta.url))
const fixture = fileURLToPath(new URL('../fixtures/three-applications.jsonl', import.meta.url))
const clean = JSON.parse(readFileSync(fixture, 'utf8').split('\n')[0] ?? '') as {
  cv: { basics: Record<string, unknown> }
}
const work = mkdtempSync(join(tmpdir(), 'hirewall-screen-intel-'))

type Result = { signals: { code: string; evidence: Record<string, unknown> }[]; dataVersions: Record<string, string> }

function applicationsFile(name: string, records: readonly Record<string, unknown>[]): string {
  const path = join(work, name)
  writeFileSync(path, records.map((record) => `${JSON.stringify(record)}\n`).join(''))
  return path
}

function results(stdout: string): Result[] {
  return stdout
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { result: Result }).result)
}

describe('hirewall screen with the intel cache', () => {
  const frontApplicant = {
    ...clean,
    id: 'front-1',
    cv: { ...clean.cv, basics: { ...clean.cv.basics, email: 'jordan@inditechlab.com' } },
  }
  const input = applicationsFile('front.jsonl', [clean, frontApplicant])

  it('flags an application matching an imported watchlist and cites the list in dataVersions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hirewall-intel-'))
    const imported = await runCli([
      'intel',
      'import',
      'watchlist',
      sharedData('dprk/dprk_it_front_domains_public_reporting.csv'),
      '--name',
      'dprk-fronts',
      '--intel-dir',
      dir,
    ])
    expect(imported.exitCode).toBe(0)
    const run = await runCli(['screen', '--intel-dir', dir, '--no-summary', input])
    expect(run.exitCode).toBe(0)
    const [first, second] = results(run.stdout)
    expect(first?.signals.map((signal) => signal.code)).not.toContain('watchlist.match')
    const match = second?.signals.find((signal) => signal.code === 'watchlist.match')
    expect(match?.evidence).toMatchObject({
      list: expect.any(String) as string,
      listedValue: 'inditechlab.com',
      source: { name: 'watchlist:dprk-fronts' },
    })
    expect(second?.dataVersions).toHaveProperty('watchlist:dprk-fronts')
    expect(second?.dataVersions).toHaveProperty('mailchecker disposable domains')
    expect(second?.dataVersions).toHaveProperty('hirewall network classification')
    expect(second?.dataVersions).toHaveProperty(['@ip-location-db/asn'])
    expect(run.stderr).toMatch(
      /^No sanctions list is cached, so names are not screened against one: run `hirewall intel update`/,
    )
  })

  it('screens without the cache with --no-intel, and says nothing about it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hirewall-intel-'))
    await runCli([
      'intel',
      'import',
      'watchlist',
      sharedData('dprk/dprk_it_front_domains_public_reporting.csv'),
      '--name',
      'dprk-fronts',
      '--intel-dir',
      dir,
    ])
    const run = await runCli(['screen', '--intel-dir', dir, '--no-intel', '--no-summary', input])
    const [, second] = results(run.stdout)
    expect(second?.signals.map((signal) => signal.code)).not.toContain('watchlist.match')
    expect(Object.keys(second?.dataVersions ?? {})).not.toContain('watchlist:dprk-fronts')
    expect(run.stderr).toBe('')
  })

  it('holds an application whose applicant is a DPRK person on the real OFAC SDN list, citing the entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hirewall-intel-'))
    const files = ['sdn_2024-05-03.csv', 'alt_2025-12.csv', 'add_2025-12.csv'].map((file) =>
      sharedData(`sanctions/${file}`),
    )
    expect((await runCli(['intel', 'import', 'ofac-sdn', ...files, '--intel-dir', dir])).exitCode).toBe(0)
    // JANG, Yong Son (ent_num 17615, DPRK2, DOB 20 Feb 1957): his name in the order an application form gives it.
    const listed = {
      ...clean,
      id: 'listed-1',
      person: { birthDate: '1957-02-20' },
      cv: { ...clean.cv, basics: { ...clean.cv.basics, name: 'Yong Son Jang' } },
    }
    const run = await runCli([
      'screen',
      '--intel-dir',
      dir,
      '--no-summary',
      applicationsFile('listed.jsonl', [clean, listed]),
    ])
    expect(run.exitCode).toBe(0)
    expect(run.stderr).toBe('')
    const [first, second] = results(run.stdout) as (Result & { outcome: string })[]
    expect(first?.signals.map((signal) => signal.code)).not.toContain('sanctions.match')
    const match = second?.signals.find((signal) => signal.code === 'sanctions.match') as
      { severity?: string; evidence: Record<string, unknown> } | undefined
    expect(match?.severity).toBe('critical')
    expect(match?.evidence).toMatchObject({
      party: 'applicant',
      entityId: 'ofac-sdn:17615',
      source: { name: 'ofac-sdn' },
    })
    expect(second?.outcome).toBe('hold')
    expect(second?.dataVersions).toHaveProperty('ofac-sdn')
  })
})
