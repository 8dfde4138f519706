import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command } from 'commander'
import { InMemoryIdentityIndex, type ScreeningResult } from '@hirewall/core'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { explainResult } from '../output/explain-result.js'
import { formatHeader, formatRow } from '../output/result-format.js'
import { ScreeningSummary } from '../output/screening-summary.js'
import { loadScreeningIntel, type IntelFlags } from '../intel/screening-intel.js'
import { loadPolicy } from '../policy/load-policy.js'
import { screenFiles } from '../screening/screen-files.js'

/** The bundled demo file: a small generated world (see docs/demo.md for how it was made). */
export const demoFile = fileURLToPath(new URL('../../demo/applications.jsonl', import.meta.url))

export function demoCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return new Command('demo')
    .description('Screen the bundled demo applications and show the riskiest ones with their evidence.')
    .option('-n, --top <count>', 'how many of the riskiest applications to list', '12')
    .option(
      '--intel-dir <dir>',
      'the intel cache (default: $HIREWALL_INTEL_DIR, else $HIREWALL_HOME/intel, else ~/.hirewall/intel)',
    )
    .option('--no-intel', 'screen without the intel cache and the shipped network data')
    .action(async (options: { top: string } & IntelFlags) => {
      setExitCode(await runDemo(Number.parseInt(options.top, 10) || 12, options, io))
    })
}

async function runDemo(top: number, flags: IntelFlags, io: CliIo): Promise<ExitCode> {
  const policy = await loadPolicy(undefined)
  const { detectors, reference } = await loadScreeningIntel(flags, io)
  const summary = new ScreeningSummary()
  const results: ScreeningResult[] = []
  const identityIndex = new InMemoryIdentityIndex()
  for await (const row of screenFiles([demoFile], { policy, identityIndex, detectors, reference })) {
    if (row.status !== 'screened') {
      summary.addInvalid()
      continue
    }
    summary.addResult(row.result)
    results.push(row.result)
  }
  const clusters = identityIndex.clusters()
  summary.addClusters(clusters)
  results.sort((a, b) => b.score - a.score || a.applicationId.localeCompare(b.applicationId))
  const shownFile = relative(process.cwd(), demoFile)
  const out: string[] = [`HireWall demo: screening ${shownFile}\n\n`]
  out.push(summary.format(), '\n')
  out.push(`The ${top} riskiest applications:\n`, formatHeader('table'))
  for (const result of results.slice(0, top))
    out.push(formatRow({ status: 'screened', file: 'demo', line: 0, result }, 'table'))
  const first = results[0]
  if (first) out.push('\nWhy the riskiest one scored as it did:\n', explainResult(first))
  const ring = [...clusters]
    .filter((cluster) => cluster.isRing)
    .sort((a, b) => b.applicationIds.length - a.applicationIds.length)[0]
  if (ring) {
    const kinds = [...new Set(ring.edges.map((edge) => edge.kind))].join(', ')
    out.push(
      `\nThe largest ring, ${ring.id}: ${ring.applicationIds.length} applications claiming ${ring.claimedPeople} different ` +
        `people, joined by ${kinds}:\n  ${ring.applicationIds.join(', ')}\n` +
        `(\`npx hirewall graph --cluster ${ring.id} ${shownFile}\` exports it.)\n`,
    )
  }
  out.push('\nHireWall never rejects anyone: "hold" means a human decides before the process goes on.\n')
  out.push('Next: `npx hirewall screen --help`, `npx hirewall generate --help`, `npx hirewall eval --help`.\n')
  io.stdout.write(out.join(''))
  return exitCodes.ok
}
