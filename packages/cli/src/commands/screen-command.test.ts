import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli.js'

const fixture = fileURLToPath(new URL('../fixtures/three-applications.jsonl', import.meta.url))
type Row = {
  status: string
  file: string
  line: number
  result?: { applicationId: string; outcome: string; score: number; signals: { code: string; contribution: number }[] }
  issues?: { path: string; message: string }[]
}

function parseRows(text: string): Row[] {
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Row)
}

describe('hirewall screen', () => {
  it('writes one JSONL row per input row, screens the valid ones and reports the invalid one with field paths', async () => {
    const run = await runCli(['screen', fixture])
    const rows = parseRows(run.stdout)
    expect(rows.map((row) => [row.line, row.status])).toEqual([
      [1, 'screened'],
      [2, 'screened'],
      [3, 'invalid'],
    ])
    expect(rows[0]?.result).toMatchObject({ applicationId: 'clean-1', outcome: 'clear' })
    expect(rows[1]?.result).toMatchObject({ applicationId: 'risky-2', outcome: 'hold' })
    expect(rows[2]?.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'submittedAt' }),
        expect.objectContaining({ path: 'contacts.phones[0].value', message: 'must not be empty' }),
      ]),
    )
    expect(run.exitCode).toBe(3)
  })

  it('explains every score: contributions add up to it', async () => {
    const rows = parseRows((await runCli(['screen', fixture])).stdout)
    const risky = rows[1]?.result
    expect(risky?.signals.map((signal) => signal.code)).toEqual(
      expect.arrayContaining(['interview.voice-changer', 'interview.camera-refused']),
    )
    const sum = risky?.signals.reduce((total, signal) => total + signal.contribution, 0) ?? 0
    expect(Math.abs(sum - (risky?.score ?? 0))).toBeLessThan(0.5)
  })

  it('prints a summary with counts by outcome and top signals on stderr', async () => {
    const run = await runCli(['screen', fixture])
    expect(run.stderr).toMatch(/Screened 2 applications/)
    expect(run.stderr).toMatch(/clear\s+1/)
    expect(run.stderr).toMatch(/hold\s+1/)
    expect(run.stderr).toMatch(/invalid\s+1/)
    expect(run.stderr).toMatch(/interview\.voice-changer/)
  })

  it('reads stdin for -', async () => {
    const run = await runCli(
      ['screen', '-f', 'jsonl', '--no-summary', '--no-intel', '-'],
      readFileSync(fixture, 'utf8'),
    )
    expect(parseRows(run.stdout)).toHaveLength(3)
    expect(run.stderr).toBe('')
  })

  it('writes CSV with a header and defuses formula cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hirewall-screen-'))
    const input = join(dir, 'formula.jsonl')
    const record = JSON.parse(readFileSync(fixture, 'utf8').split('\n')[0] ?? '') as Record<string, unknown>
    writeFileSync(input, `${JSON.stringify({ ...record, id: '=HYPERLINK("x")' })}\n`)
    const run = await runCli(['screen', '-O', 'csv', input])
    const [header, first] = run.stdout.trim().split('\n')
    expect(header).toBe(
      'file,line,status,application_id,score,outcome,cluster_id,signals,top_signal_message,policy_version,issues',
    )
    expect(first).toContain(`"'=HYPERLINK(""x"")"`)
  })

  it('writes a readable table', async () => {
    const run = await runCli(['screen', '-O', 'table', '--no-summary', fixture])
    expect(run.stdout.split('\n')[0]).toMatch(/^APPLICATION\s+SCORE\s+OUTCOME\s+SIGNALS$/)
    expect(run.stdout).toMatch(/risky-2\s+\d+\s+hold/)
    expect(run.stdout).toMatch(/:3\s+-\s+invalid\s+submittedAt/)
  })

  it('writes to a file with -o and a JSON summary with --summary-json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hirewall-screen-'))
    const output = join(dir, 'results.jsonl')
    const summary = join(dir, 'summary.json')
    const run = await runCli(['screen', fixture, '-o', output, '--summary-json', summary])
    expect(run.stdout).toBe('')
    expect(parseRows(readFileSync(output, 'utf8'))).toHaveLength(3)
    expect(JSON.parse(readFileSync(summary, 'utf8'))).toMatchObject({
      screened: 2,
      invalid: 1,
      outcomes: { clear: 1, hold: 1, review: 0 },
    })
  })

  it.each([
    [['screen'], /missing required argument/],
    [['screen', 'no-such-file.jsonl'], /no such file: no-such-file\.jsonl/],
    [['screen', '-O', 'xml', 'x'], /argument 'xml' is invalid/],
  ])('exits 2 with a clear message on a usage error: %j', async (argv, message) => {
    const run = await runCli(argv)
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stdout).toBe('')
  })

  it('refuses an invalid policy file naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hirewall-policy-'))
    const policy = join(dir, 'policy.json')
    writeFileSync(
      policy,
      JSON.stringify({ version: 'x', severityWeights: { info: 0, low: 3, medium: 0.2, high: 0.5, critical: 0.9 } }),
    )
    const run = await runCli(['screen', '--policy', policy, fixture])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(/severityWeights\.low: must be between 0 and 1/)
  })

  it('applies an edited policy: a zero weight removes a signal from the score', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hirewall-policy-'))
    const policy = join(dir, 'policy.json')
    const shipped = JSON.parse(
      readFileSync(new URL('../../../core/src/scoring/default-policy.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>
    writeFileSync(
      policy,
      JSON.stringify({ ...shipped, version: 'lenient-1', signalWeights: { 'interview.voice-changer': 0 } }),
    )
    const rows = parseRows((await runCli(['screen', '--no-summary', '--policy', policy, fixture])).stdout)
    const voice = rows[1]?.result?.signals.find((signal) => signal.code === 'interview.voice-changer')
    expect(voice?.contribution).toBe(0)
    expect(rows[1]?.result).toMatchObject({ policyVersion: 'lenient-1' })
  })
})

describe('hirewall --help', () => {
  it.each([['--help'], ['screen', '--help'], ['generate', '--help'], ['eval', '--help'], ['demo', '--help']])(
    '%j prints usage and exits 0',
    async (...argv) => {
      const run = await runCli(argv)
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toMatch(/Usage: hirewall/)
    },
  )
})
