import { describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli.js'

describe('hirewall demo', () => {
  it('screens the bundled world, lists the riskiest applications with evidence and shows its largest ring', async () => {
    const run = await runCli(['demo', '--top', '5'])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/Screened 300 applications/)
    expect(run.stdout).toMatch(
      /The 5 riskiest applications:\nAPPLICATION\s+SCORE\s+OUTCOME\s+SIGNALS\n(syn-\d+\s+\d+\s+hold .*\n){5}/,
    )
    expect(run.stdout).toMatch(/Why the riskiest one scored as it did:\nsyn-\d+: score \d+, hold/)
    expect(run.stdout).toMatch(/The largest ring, cluster:syn-\d+: \d+ applications claiming \d+ different people/)
    expect(run.stdout).toMatch(/npx hirewall graph --cluster cluster:syn-\d+ packages\/cli\/demo\/applications\.jsonl/)
  })
})
