import { createWriteStream } from 'node:fs'
import { InMemoryIdentityIndex } from '@hirewall/core'
import { Command, Option } from 'commander'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { inputFormats, type InputFormat } from '../input/read-applications.js'
import { BufferedWriter } from '../output/buffered-writer.js'
import { closeStream } from '../output/close-stream.js'
import { createProgress } from '../output/progress-bar.js'
import { formatHeader, formatRow, resultFormats, type ResultFormat } from '../output/result-format.js'
import { ScreeningSummary } from '../output/screening-summary.js'
import { loadScreeningIntel } from '../intel/screening-intel.js'
import { loadPolicy } from '../policy/load-policy.js'
import { screenFiles } from '../screening/screen-files.js'

type ScreenOptions = {
  readonly format: InputFormat
  readonly output?: string
  readonly outputFormat: ResultFormat
  readonly policy?: string
  readonly summary: boolean
  readonly summaryJson?: string
  readonly progress: boolean
  readonly link: boolean
  readonly intel: boolean
  readonly intelDir?: string
}

export function screenCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return new Command('screen')
    .description('Screen job applications and write one result per application, with its score, outcome and evidence.')
    .argument(
      '<file...>',
      'input files (JSONL, JSON, CSV, JSON Resume, Greenhouse/Lever/Ashby payloads); - reads stdin',
    )
    .addOption(new Option('-f, --format <format>', 'input format').choices(inputFormats).default('auto'))
    .option('-o, --output <file>', 'write results to this file instead of stdout')
    .addOption(new Option('-O, --output-format <format>', 'result format').choices(resultFormats).default('jsonl'))
    .option('--policy <file>', 'scoring policy JSON (default: the shipped policy; see docs/scoring.md)')
    .option('--no-summary', 'do not print the summary to stderr')
    .option('--summary-json <file>', 'also write the summary as JSON to this file')
    .option('--no-progress', 'never show a progress bar')
    .option('--no-link', 'screen each application alone, without linking it to the others in the input')
    .option(
      '--intel-dir <dir>',
      'the intel cache (default: $HIREWALL_INTEL_DIR, else $HIREWALL_HOME/intel, else ~/.hirewall/intel)',
    )
    .option(
      '--no-intel',
      'screen without the intel cache and the shipped network data (sanctions, institutions, network, watchlists)',
    )
    .addHelpText(
      'after',
      `
Output: one row per input row. Screened rows carry the result (score 0-100, outcome clear|review|hold, the signals
with their contributions and evidence, the persona cluster id, policy version); invalid rows carry their issues (line,
field path, message). Each application is linked to every earlier one in the input (shared phones, emails,
addresses, devices, IPs, profiles, CV files, near-duplicate CV texts, photos): reuse across different claimed people
raises identity.* signals, and the summary counts the rings found. The intel cache (\`hirewall intel status\`) adds
sanctions, institution, network and watchlist signals; results cite every list's version in dataVersions.
HireWall never rejects anyone: "hold" means a human must decide before the process goes on.

Exit codes: 0 all rows screened; 2 usage error (nothing screened); 3 some rows invalid (the valid ones were screened).

Examples:
  hirewall screen applications.jsonl > results.jsonl
  hirewall screen -O table greenhouse-export.json
  cat export.csv | hirewall screen -f csv -`,
    )
    .action(async (files: string[], options: ScreenOptions) => {
      setExitCode(await runScreen(files, options, io))
    })
}

async function runScreen(files: readonly string[], options: ScreenOptions, io: CliIo): Promise<ExitCode> {
  const policy = await loadPolicy(options.policy)
  const intel = await loadScreeningIntel(options, io)
  const outputStream = options.output ? createWriteStream(options.output) : io.stdout
  const writer = new BufferedWriter(outputStream)
  const summary = new ScreeningSummary()
  const progress = createProgress(io.stderr, options.progress)
  const identityIndex = options.link ? new InMemoryIdentityIndex() : undefined
  try {
    await writer.write(formatHeader(options.outputFormat))
    for await (const row of screenFiles(files, {
      policy,
      format: options.format,
      stdin: io.stdin,
      onProgress: progress.update,
      reference: intel.reference,
      detectors: intel.detectors,
      ...(identityIndex ? { identityIndex } : {}),
    })) {
      if (row.status === 'screened') summary.addResult(row.result)
      else summary.addInvalid()
      await writer.write(formatRow(row, options.outputFormat))
    }
    await writer.flush()
  } finally {
    progress.stop()
    if (options.output) await closeStream(outputStream)
  }
  if (identityIndex) summary.addClusters(identityIndex.clusters())
  if (options.summary) io.stderr.write(summary.format())
  if (options.summaryJson) {
    const { writeFile } = await import('node:fs/promises')
    await writeFile(options.summaryJson, `${JSON.stringify(summary.toJSON(), null, 2)}\n`)
  }
  return summary.invalid > 0 ? exitCodes.invalidRows : exitCodes.ok
}
