import { writeFile } from 'node:fs/promises'
import { Command } from 'commander'
import { InMemoryIdentityIndex, type ApplicationRecord, type ScreeningResult } from '@hirewall/core'
import { evaluateLinking, evaluateScreening, formatEvaluationTable, formatLinkingTable } from '@hirewall/synth'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { loadPolicy } from '../policy/load-policy.js'
import { screenFiles } from '../screening/screen-files.js'

type EvalOptions = {
  readonly policy?: string
  readonly json?: boolean
  readonly output?: string
  readonly link: boolean
}

export function evalCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return new Command('eval')
    .description(
      'Screen a labelled file (from "hirewall generate") and report precision, recall and F1 against its labels.',
    )
    .argument('<file...>', 'labelled applications (JSONL/JSON)')
    .option('--policy <file>', 'scoring policy JSON to evaluate (default: the shipped policy)')
    .option('--json', 'print the metrics as JSON instead of a table')
    .option('-o, --output <file>', 'also write the metrics as JSON to this file')
    .option('--no-link', 'screen each application alone, without the identity graph (and without its metrics)')
    .addHelpText(
      'after',
      `
"Flagged" means outcome review or hold. Reported: confusion counts, precision, recall, F1, recall per fraud
pattern, and the false-positive rate of legitimate applicants overall and per hard-negative kind. For the identity
graph: ring recall (rings whose members all end in one persona cluster), precision and recall of linked pairs, and
the rate of legitimate applicants (roommates, families, campus IPs...) linked to someone else.

Example:
  hirewall generate --count 20000 --seed 7 -o world.jsonl && hirewall eval world.jsonl`,
    )
    .action(async (files: string[], options: EvalOptions) => {
      setExitCode(await runEval(files, options, io))
    })
}

async function runEval(files: readonly string[], options: EvalOptions, io: CliIo): Promise<ExitCode> {
  const policy = await loadPolicy(options.policy)
  const records: ApplicationRecord[] = []
  const results: ScreeningResult[] = []
  let invalid = 0
  const identityIndex = options.link ? new InMemoryIdentityIndex() : undefined
  for await (const row of screenFiles(files, {
    policy,
    stdin: io.stdin,
    ...(identityIndex ? { identityIndex } : {}),
    onScreened: (record) => records.push(record),
  })) {
    if (row.status === 'screened') results.push(row.result)
    else invalid += 1
  }
  const screening = evaluateScreening(records, results)
  let linking: ReturnType<typeof evaluateLinking> | undefined
  if (identityIndex) {
    // Final clusters, not the ids results saw at link time: a later application can join two earlier clusters.
    const clusterOfApplication = new Map<string, string>()
    for (const cluster of identityIndex.clusters()) {
      for (const applicationId of cluster.applicationIds) clusterOfApplication.set(applicationId, cluster.id)
    }
    linking = evaluateLinking(records, (applicationId) => clusterOfApplication.get(applicationId))
  }
  const metrics = { ...screening, ...(linking ? { linking } : {}) }
  if (options.output) await writeFile(options.output, `${JSON.stringify(metrics, null, 2)}\n`)
  io.stdout.write(
    options.json
      ? `${JSON.stringify(metrics, null, 2)}\n`
      : `${formatEvaluationTable(screening)}${linking ? `\n${formatLinkingTable(linking)}` : ''}`,
  )
  if (invalid > 0) io.stderr.write(`${invalid} invalid row(s) were not evaluated (run "hirewall screen" to see them)\n`)
  return invalid > 0 ? exitCodes.invalidRows : exitCodes.ok
}
