import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'hirewall-world-'))

describe('hirewall generate', () => {
  it('writes a deterministic labelled world for a seed', async () => {
    const first = await runCli(['generate', '--count', '300', '--seed', '11'])
    const second = await runCli(['generate', '--count', '300', '--seed', '11'])
    const other = await runCli(['generate', '--count', '300', '--seed', '12'])
    expect(first.exitCode).toBe(0)
    expect(first.stdout).toBe(second.stdout)
    expect(first.stdout).not.toBe(other.stdout)
    const records = first.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { label: { isFraud: boolean } })
    expect(records).toHaveLength(300)
    expect(records.some((record) => record.label.isFraud)).toBe(true)
    expect(records.some((record) => !record.label.isFraud)).toBe(true)
  })

  it.each([
    [['generate', '--count', 'many'], /--count must be a whole number/],
    [['generate', '--fraud-share', '2'], /--fraud-share must be between 0 and 1/],
  ])('refuses bad numbers: %j', async (argv, message) => {
    const run = await runCli(argv)
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(message)
  })
})

describe('hirewall eval', () => {
  it('screens a generated world and reports precision, recall, F1 and recall per pattern', async () => {
    const world = join(dir, 'world.jsonl')
    expect((await runCli(['generate', '--count', '1500', '--seed', '5', '-o', world])).exitCode).toBe(0)
    const table = await runCli(['eval', world])
    expect(table.exitCode).toBe(0)
    expect(table.stdout).toMatch(/precision \d\.\d{3}\s+recall \d\.\d{3}\s+F1 \d\.\d{3}/)
    expect(table.stdout).toMatch(/Recall by fraud pattern/)
    const json = await runCli(['eval', '--json', world])
    const metrics = JSON.parse(json.stdout) as Record<string, unknown>
    expect(metrics).toHaveProperty('recallByPattern')
    expect(JSON.stringify(metrics)).toMatch(/"precision":/)
  })

  it('never reads the labels: stripping them changes no screening result', async () => {
    const world = join(dir, 'labelled.jsonl')
    await runCli(['generate', '--count', '800', '--seed', '9', '-o', world])
    const stripped = join(dir, 'stripped.jsonl')
    const lines = readFileSync(world, 'utf8').trim().split('\n')
    writeFileSync(
      stripped,
      `${lines
        .map((line) => {
          const record = JSON.parse(line) as Record<string, unknown>
          delete record['label']
          return JSON.stringify(record)
        })
        .join('\n')}\n`,
    )
    const withLabels = await runCli(['screen', '--no-summary', world])
    const withoutLabels = await runCli(['screen', '--no-summary', stripped])
    const results = (text: string): unknown[] =>
      text
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { result: unknown }).result)
    expect(results(withoutLabels.stdout)).toEqual(results(withLabels.stdout))
    expect(results(withLabels.stdout)).toHaveLength(800)
  })
})
