import { createWriteStream } from 'node:fs'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  evaluateWorkforce,
  formatWorkforceTable,
  generateWorkforce,
  workforceWorldDefaults,
  type WorkforceLabel,
} from '@hirewall/synth'
import { farmGraph, type WorkforceEvaluator } from '@hirewall/workforce'
import { Command, Option } from 'commander'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { BufferedWriter } from '../output/buffered-writer.js'
import { closeStream } from '../output/close-stream.js'
import { UsageError } from '../usage-error.js'
import { feedFileNames, feedKinds, feedRows, resolveFeedFiles, type FeedKind } from '../workforce/feed-files.js'
import { assessmentTableHeader, assessmentTableRow, clusterLines } from '../workforce/format-assessments.js'
import { createEngine, type EngineFlags } from '../workforce/workforce-engine.js'
import { worldRows } from '../workforce/world-records.js'

type FeedFlags = Partial<Record<FeedKind, string>>

type ScreenFlags = EngineFlags &
  FeedFlags & {
    readonly output?: string
    readonly outputFormat: 'jsonl' | 'table'
    readonly clusters?: string
  }

type EvalFlags = EngineFlags & {
  readonly employees?: string
  readonly seed: string
  readonly days?: string
  readonly farmShare?: string
  readonly json?: boolean
  readonly output?: string
}

type GenerateFlags = {
  readonly employees: string
  readonly seed: string
  readonly days?: string
  readonly farmShare?: string
  readonly output: string
}

const engineHelp = `
Lists: the shipped remote-access catalogue, forwarding-address and payout-institution lists (packages/workforce/data),
or your own copies (--catalogue, --forwarders, --payout-institutions). The organisation file (--organisation) is JSON:
{"trustedNetworks": ["203.0.113.0/28"], "officeAddresses": ["..."], "allowedTools": ["Atera"], "embargoedCountries": [...]}.
Network data: the classification and offline IP database that ship with HireWall, plus the network lists of the intel
cache (hirewall intel update) unless --no-intel. Payroll account numbers are hashed on import with HMAC-SHA-256 keyed by
$HIREWALL_ACCOUNT_KEY (plain SHA-256 without it); they are never written out.`

function addEngineOptions(command: Command): Command {
  return command
    .option(
      '--organisation <file>',
      "the organisation file: trusted networks, offices, allowed tools (JSON; default: the directory's organisation.json)",
    )
    .option('--catalogue <file>', 'your remote-access catalogue instead of the shipped one (CSV)')
    .option('--forwarders <file>', 'your forwarding-address list instead of the shipped one (CSV)')
    .option('--payout-institutions <file>', 'your payout-institution list instead of the shipped one (CSV)')
    .option('--allow <tool...>', 'catalogue tool names your IT uses itself (its RMM agent)')
    .option('--policy <file>', 'scoring policy JSON (default: the shipped policy)')
    .option('--intel-dir <dir>', 'the intel cache (default: $HIREWALL_INTEL_DIR, else ~/.hirewall/intel)')
    .option('--no-intel', 'only the network data that ships with HireWall, not the cached network lists')
}

function whole(text: string | undefined, flag: string, minimum = 0): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < minimum)
    throw new UsageError(`${flag} must be a whole number ≥ ${minimum}, got "${text}"`)
  return value
}

function share(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0 || value > 0.5)
    throw new UsageError(`--farm-share must be between 0 and 0.5, got "${text}"`)
  return value
}

/** Feeds every file's rows to the evaluator; returns the invalid rows (and counts) for the report. */
async function feedFiles(
  evaluator: WorkforceEvaluator,
  directory: string | undefined,
  flags: FeedFlags,
  onInvalid: (file: string, line: number, issues: readonly { path: string; message: string }[]) => Promise<void>,
  io: CliIo,
): Promise<{ invalid: number }> {
  const files = await resolveFeedFiles(directory, flags)
  const accountKey = process.env['HIREWALL_ACCOUNT_KEY']
  let invalid = 0
  for (const file of files) {
    let read = 0
    let skipped = 0
    let bad = 0
    for await (const { row } of feedRows(file, accountKey)) {
      read++
      if (row.status === 'ok') evaluator.add(row.record)
      else if (row.status === 'skipped') skipped++
      else {
        bad++
        await onInvalid(file.path, row.line, row.issues)
      }
    }
    invalid += bad
    io.stderr.write(
      `${file.path}: ${read} rows, ${read - skipped - bad} read${skipped ? `, ${skipped} skipped` : ''}${bad ? `, ${bad} invalid` : ''}\n`,
    )
  }
  return { invalid }
}

function screenSubcommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  const command = new Command('screen')
    .description(
      "Read the after-hire feeds and write each employee's assessment: signals, score, outcome, farm cluster.",
    )
    .argument(
      '[directory]',
      `a directory holding the feeds under their usual names (${Object.values(feedFileNames)
        .map((names) => names[0])
        .join(', ')})`,
    )
  for (const kind of feedKinds) command.option(`--${kind} <file>`, `the ${kind} feed (instead of the directory's)`)
  addEngineOptions(command)
    .option('-o, --output <file>', 'write the assessments to this file instead of stdout')
    .addOption(
      new Option('-O, --output-format <format>', 'assessment format').choices(['jsonl', 'table']).default('jsonl'),
    )
    .option('--clusters <file>', 'also write the farm clusters and their identity graph (JSON)')
    .addHelpText(
      'after',
      `
Feeds (docs/workforce.md lists every column and field): HR hires (CSV or JSON Lines), equipment shipments (CSV), MDM
devices (CSV), osquery results (the results log: programs, processes, usb_devices, interface_addresses), Okta System
Log events and Microsoft Entra sign-ins (JSON Lines, or the API's JSON documents), payroll changes (CSV).
Output: one JSON line per employee ({"status":"assessed", employeeId, score, outcome, signals with evidence, clusterId})
after one per invalid row ({"status":"invalid", file, line, issues}); -O table prints the employees at review or hold
first. HireWall never acts on its own: "hold" means a person decides what happens next.
${engineHelp}

Exit codes: 0 every row read; 2 usage error; 3 some rows invalid (the valid ones were evaluated).

Examples:
  hirewall workforce generate --employees 500 -o world/
  hirewall workforce screen world/ --organisation world/organisation.json -O table
  hirewall workforce screen --hires hr.csv --okta okta.jsonl --mdm jamf.csv > assessments.jsonl`,
    )
    .action(async (directory: string | undefined, flags: ScreenFlags) => {
      setExitCode(await runScreen(directory, flags, io))
    })
  return command
}

async function runScreen(directory: string | undefined, flags: ScreenFlags, io: CliIo): Promise<ExitCode> {
  const beside = directory === undefined ? undefined : join(directory, 'organisation.json')
  const organisation = flags.organisation ?? (beside !== undefined && (await isFile(beside)) ? beside : undefined)
  const evaluator = await createEngine({ ...flags, ...(organisation ? { organisation } : {}) }, io)
  const stream = flags.output ? createWriteStream(flags.output) : io.stdout
  const writer = new BufferedWriter(stream)
  // JSON Lines carry invalid rows as they are read; a table lists them under the employees.
  const invalidLines: string[] = []
  const { invalid } = await feedFiles(
    evaluator,
    directory,
    flags,
    async (file, line, issues) => {
      if (flags.outputFormat === 'jsonl')
        await writer.write(`${JSON.stringify({ status: 'invalid', file, line, issues })}\n`)
      else
        invalidLines.push(
          `${file}:${line}  invalid  ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}\n`,
        )
    },
    io,
  )
  const assessments = evaluator.assessAll()
  if (flags.outputFormat === 'jsonl') {
    for (const assessment of assessments)
      await writer.write(`${JSON.stringify({ status: 'assessed', ...assessment })}\n`)
  } else {
    await writer.write(`${assessmentTableHeader}\n`)
    const ranked = [...assessments].sort((a, b) => b.score - a.score || a.employeeId.localeCompare(b.employeeId))
    for (const assessment of ranked) await writer.write(`${assessmentTableRow(assessment)}\n`)
    for (const line of invalidLines) await writer.write(line)
  }
  await writer.flush()
  if (flags.output) await closeStream(stream)
  const clusters = evaluator.farmClusters()
  if (flags.clusters) {
    const applicationOf = new Map(
      assessments.flatMap((assessment) =>
        assessment.applicationId ? [[assessment.employeeId, assessment.applicationId] as const] : [],
      ),
    )
    await writeFile(
      flags.clusters,
      `${JSON.stringify({ clusters, graph: farmGraph(clusters, (id) => applicationOf.get(id)) }, null, 2)}\n`,
    )
  }
  const count = (outcome: string): number => assessments.filter((assessment) => assessment.outcome === outcome).length
  io.stderr.write(
    [
      `Assessed ${assessments.length} employees: ${count('hold')} hold, ${count('review')} review, ${count('clear')} clear`,
      `Farm clusters: ${clusters.length}`,
      ...clusterLines(clusters.slice(0, 10)),
      ...(invalid > 0 ? [`${invalid} invalid row(s): see their issues in the output`] : []),
    ].join('\n') + '\n',
  )
  return invalid > 0 ? exitCodes.invalidRows : exitCodes.ok
}

function evalSubcommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return addEngineOptions(
    new Command('eval')
      .description('Evaluate the engine on a generated workforce: farm recall and false alerts per 1,000 employees.')
      .argument(
        '[directory]',
        'a world written by "hirewall workforce generate" (with labels.jsonl); or use --employees',
      ),
  )
    .option('-n, --employees <count>', 'generate a world of this many employees in memory instead of reading one')
    .option('-s, --seed <seed>', 'seed of the generated world', '1')
    .option('--days <days>', `days of activity of the generated world (default ${workforceWorldDefaults.days})`)
    .option('--farm-share <share>', `share of employees planted in farms (default ${workforceWorldDefaults.farmShare})`)
    .option('--json', 'print the metrics as JSON')
    .option('-o, --output <file>', 'also write the metrics as JSON to this file')
    .addHelpText(
      'after',
      `
Farm recall: planted farms found as a cluster (two or more of their members joined). Member recall: farm members at
review or hold. False alerts: legitimate employees at review or hold, per 1,000, overall and per hard negative
(couples, travellers, a conference hotel, corporate VPN, staff in Asia, privacy VPN, personal remote tools, relatives'
and office addresses). A generated world uses its organisation (trusted VPN egress, offices, allowed RMM) unless
--organisation names another.
${engineHelp}

Examples:
  hirewall workforce eval --employees 2000 --seed 7
  hirewall workforce generate --employees 2000 -o world/ && hirewall workforce eval world/`,
    )
    .action(async (directory: string | undefined, flags: EvalFlags) => {
      setExitCode(await runEval(directory, flags, io))
    })
}

async function runEval(directory: string | undefined, flags: EvalFlags, io: CliIo): Promise<ExitCode> {
  const employees = whole(flags.employees, '--employees', 1)
  if ((employees === undefined) === (directory === undefined))
    throw new UsageError('give a world directory or --employees N (one of the two)')
  const startedMs = performance.now()
  let labels: readonly WorkforceLabel[]
  let evaluator: WorkforceEvaluator
  let invalid = 0
  if (employees !== undefined) {
    const days = whole(flags.days, '--days', 7)
    const farmShare = share(flags.farmShare)
    const world = generateWorkforce({
      employees,
      seed: flags.seed,
      ...(days ? { days } : {}),
      ...(farmShare !== undefined ? { farmShare } : {}),
    })
    evaluator = await createEngine(flags, io, world.company)
    for (const { row } of worldRows(world)) {
      if (row.status === 'ok') evaluator.add(row.record)
      else if (row.status === 'invalid') invalid++
    }
    labels = world.labels
  } else {
    const dir = directory as string
    const organisationFile = join(dir, 'organisation.json')
    evaluator = await createEngine({ ...flags, ...(flags.organisation ? {} : { organisation: organisationFile }) }, io)
    labels = await readLabels(join(dir, 'labels.jsonl'))
    ;({ invalid } = await feedFiles(evaluator, dir, {}, () => Promise.resolve(), io))
  }
  const metrics = evaluateWorkforce(labels, evaluator.assessAll(), evaluator.farmClusters())
  const seconds = (performance.now() - startedMs) / 1000
  if (flags.output) await writeFile(flags.output, `${JSON.stringify(metrics, null, 2)}\n`)
  io.stdout.write(flags.json ? `${JSON.stringify(metrics, null, 2)}\n` : formatWorkforceTable(metrics))
  const statistics = evaluator.statistics()
  io.stderr.write(
    `${statistics.records['sign-in']} sign-in events, ${statistics.employees} employees evaluated in ${seconds.toFixed(1)} s\n`,
  )
  if (invalid > 0)
    io.stderr.write(`${invalid} invalid row(s) were not evaluated (run "hirewall workforce screen" to see them)\n`)
  return invalid > 0 ? exitCodes.invalidRows : exitCodes.ok
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

async function readLabels(path: string): Promise<WorkforceLabel[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw new UsageError(`no labels at ${path}: evaluate a world written by "hirewall workforce generate"`)
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as WorkforceLabel
      } catch {
        throw new UsageError(`${path}:${index + 1}: not a JSON label`)
      }
    })
}

function generateSubcommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return new Command('generate')
    .description('Write a generated, labelled workforce: every after-hire feed in its vendor shape, and the labels.')
    .requiredOption('-o, --output <directory>', 'the directory to write the world to (created if missing)')
    .option('-n, --employees <count>', 'how many employees', '500')
    .option('-s, --seed <seed>', 'random seed: the same seed always gives the same world', '1')
    .option('--days <days>', `days of activity (default ${workforceWorldDefaults.days})`)
    .option(
      '--farm-share <share>',
      `share of employees planted in laptop farms (default ${workforceWorldDefaults.farmShare})`,
    )
    .addHelpText(
      'after',
      `
Files: hires.csv, shipments.csv, mdm.csv, payroll.csv, osquery.log (osquery results log), okta-system-log.jsonl,
entra-sign-ins.jsonl, organisation.json (the company's trusted networks, offices and allowed tools) and labels.jsonl
(farm ids and hard negatives; the engine never reads it). The application world of a seed is not changed by this.

Example:
  hirewall workforce generate --employees 2000 --seed 7 -o world/ && hirewall workforce eval world/`,
    )
    .action(async (flags: GenerateFlags) => {
      setExitCode(await runGenerate(flags, io))
    })
}

async function runGenerate(flags: GenerateFlags, io: CliIo): Promise<ExitCode> {
  const employees = whole(flags.employees, '--employees', 0) ?? 0
  const days = whole(flags.days, '--days', 7)
  const farmShare = share(flags.farmShare)
  const world = generateWorkforce({
    employees,
    seed: flags.seed,
    ...(days ? { days } : {}),
    ...(farmShare !== undefined ? { farmShare } : {}),
  })
  const directory = flags.output
  await mkdir(directory, { recursive: true })
  await writeFile(join(directory, 'hires.csv'), world.hiresCsv)
  await writeFile(join(directory, 'shipments.csv'), world.shipmentsCsv)
  await writeFile(join(directory, 'mdm.csv'), world.mdmCsv)
  await writeFile(join(directory, 'payroll.csv'), world.payrollCsv)
  const { trustedNetworks, officeAddresses, allowedTools } = world.company
  await writeFile(
    join(directory, 'organisation.json'),
    `${JSON.stringify({ trustedNetworks, officeAddresses, allowedTools }, null, 2)}\n`,
  )
  await writeFile(join(directory, 'labels.jsonl'), world.labels.map((label) => JSON.stringify(label)).join('\n') + '\n')
  const osquery = createWriteStream(join(directory, 'osquery.log'))
  const osqueryWriter = new BufferedWriter(osquery)
  for (const line of world.osqueryLines()) await osqueryWriter.write(`${line}\n`)
  await osqueryWriter.flush()
  await closeStream(osquery)
  const okta = createWriteStream(join(directory, 'okta-system-log.jsonl'))
  const entra = createWriteStream(join(directory, 'entra-sign-ins.jsonl'))
  const writers = { okta: new BufferedWriter(okta), entra: new BufferedWriter(entra) }
  let events = 0
  for (const event of world.signInLines()) {
    events++
    await writers[event.provider].write(`${event.line}\n`)
  }
  await writers.okta.flush()
  await writers.entra.flush()
  await closeStream(okta)
  await closeStream(entra)
  const farms = new Set(world.labels.flatMap((label) => (label.farmId ? [label.farmId] : []))).size
  io.stderr.write(
    `wrote ${employees} employees (${farms} planted farms), ${events} sign-in events over ${world.days} days to ${directory}\n`,
  )
  return exitCodes.ok
}

/** `hirewall workforce`: after the hire. */
export function workforceCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  const command = new Command('workforce').description(
    'After the hire: laptop farms and account takeover in HR, shipment, device, sign-in and payroll feeds.',
  )
  for (const subcommand of [screenSubcommand, evalSubcommand, generateSubcommand])
    command.addCommand(
      subcommand(io, setExitCode)
        .exitOverride()
        .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) }),
    )
  return command
}
