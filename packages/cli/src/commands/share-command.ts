import { readFile, writeFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import {
  exportMispEvent,
  exportStixBundle,
  importMispEvent,
  importStixBundle,
  readIndicatorCsv,
  readTlpLevel,
  tlpLabel,
  tlpLevels,
  writeWatchlistCsv,
  type ExportRecord,
  type ImportResult,
  type TlpLevel,
} from '@hirewall/sharing'
import { Command, Option } from 'commander'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { readConsortiumKey } from '../sharing/read-consortium-key.js'
import { UsageError } from '../usage-error.js'

const exportFormats = ['stix', 'misp'] as const
type ExportFormat = (typeof exportFormats)[number]
const importFormats = ['auto', 'stix', 'misp'] as const
type ImportFormat = (typeof importFormats)[number]

type ExportOptions = {
  readonly format: ExportFormat
  readonly hashed?: boolean
  readonly keyFile?: string
  readonly producer: string
  readonly tlp: string
  readonly output?: string
}

type ImportOptions = { readonly format: ImportFormat; readonly output?: string }

export function shareCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  const configure = (command: Command): Command =>
    command.exitOverride().configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
  const share = new Command('share').description(
    'Share confirmed-fraud indicators with partners as STIX 2.1 or MISP, and load theirs as a watchlist.',
  )
  share.addCommand(
    configure(
      new Command('export')
        .description('Write the indicators of a watchlist CSV as a STIX 2.1 bundle or a MISP event.')
        .argument(
          '<file>',
          'a watchlist CSV (kind,value,severity,note) with optional source, tlp, confidence, first_seen, last_seen, attributed_to columns',
        )
        .addOption(new Option('--format <format>', 'the format to write').choices(exportFormats).makeOptionMandatory())
        .option(
          '--hashed',
          'privacy-preserving mode: keyed hashes (HMAC-SHA256) of the identifiers instead of the values',
        )
        .option(
          '--key-file <file>',
          'the consortium key for --hashed (its bytes, surrounding white space trimmed; 16 at least)',
        )
        .option('--producer <name>', 'your organisation, as partners will see it', 'HireWall user')
        .addOption(
          new Option('--tlp <level>', 'the TLP of rows without a tlp cell').choices(tlpLevels).default('amber'),
        )
        .option('-o, --output <file>', 'write the document to this file instead of stdout')
        .addHelpText(
          'after',
          `
TLP:RED rows never leave: they are withheld and listed. What was exported (kind, value or hash, TLP) is listed on
stderr for your audit trail. See docs/sharing.md.

Exit codes: 0 exported; 3 some rows of the file were invalid (listed; the others were exported); 2 usage error.

Examples:
  hirewall share export --format stix --producer "Example Corp" -o ring-a.stix.json ring-a.csv
  hirewall share export --format misp --hashed --key-file consortium.key ring-a.csv > ring-a.misp.json`,
        )
        .action(async (file: string, options: ExportOptions) => setExitCode(await runExport(file, options, io))),
    ),
  )
  share.addCommand(
    configure(
      new Command('import')
        .description("Read a partner's STIX 2.1 bundle or MISP event into a watchlist CSV the intel cache loads.")
        .argument('<file>', 'a STIX 2.1 bundle or a MISP event (JSON)')
        .addOption(new Option('--format <format>', 'the format of the file').choices(importFormats).default('auto'))
        .option('-o, --output <file>', 'write the watchlist CSV to this file instead of stdout')
        .addHelpText(
          'after',
          `
Load the watchlist with: hirewall intel import watchlist --name <partner> <file.csv>
Indicators keep the partner as source, their TLP and confidence (in the note and their own columns). Objects that
name no identifier are listed as unsupported; bad indicators are listed with their JSON path.

Exit codes: 0 imported; 3 some objects could not be read (listed; the others were imported); 2 usage error.`,
        )
        .action(async (file: string, options: ImportOptions) => setExitCode(await runImport(file, options, io))),
    ),
  )
  return share
}

async function runExport(file: string, options: ExportOptions, io: CliIo): Promise<ExitCode> {
  if (options.hashed === true && options.keyFile === undefined) throw new UsageError('--hashed needs --key-file')
  if (options.hashed !== true && options.keyFile !== undefined) throw new UsageError('--key-file is for --hashed')
  const consortiumKey = options.keyFile === undefined ? undefined : await readConsortiumKey(options.keyFile)
  const tlp = readTlpLevel(options.tlp) as TlpLevel
  const text = await readText(file)
  const reading = readIndicatorCsv(text, { source: basename(file, extname(file)), tlp })
  for (const issue of reading.issues) {
    io.stderr.write(
      `${file}: line ${issue.line}${issue.field === undefined ? '' : ` (${issue.field})`}: ${issue.message}\n`,
    )
  }
  const common = {
    producer: { name: options.producer },
    createdAt: new Date().toISOString(),
    ...(consortiumKey === undefined ? {} : { hashing: { consortiumKey } }),
  }
  const result =
    options.format === 'stix'
      ? { ...exportStixBundle(reading.indicators, common), document: 'bundle' as const }
      : { ...exportMispEvent(reading.indicators, common), document: 'event' as const }
  const json = `${JSON.stringify(result.document === 'bundle' ? result.bundle : result.event, null, 2)}\n`
  if (options.output === undefined) io.stdout.write(json)
  else await writeFile(options.output, json)
  io.stderr.write(auditLines(result, options.format))
  return reading.issues.length > 0 ? exitCodes.invalidRows : exitCodes.ok
}

/** What left and what did not, one line each: the export's audit record. */
function auditLines(record: ExportRecord, format: ExportFormat): string {
  const lines = [
    `Exported ${record.exported.length} indicator${record.exported.length === 1 ? '' : 's'} as ${format === 'stix' ? 'STIX 2.1' : 'MISP'}${record.keyFingerprint === undefined ? '' : `, as keyed hashes (key fingerprint ${record.keyFingerprint})`}:`,
    ...record.exported.map((item) => `  ${item.kind} ${item.sharedValue} ${tlpLabel(item.indicator.tlp)}`),
  ]
  if (record.withheld.length > 0) {
    lines.push(`Withheld ${record.withheld.length}:`)
    for (const item of record.withheld) lines.push(`  ${item.indicator.kind} ${item.indicator.value}: ${item.message}`)
  }
  return `${lines.join('\n')}\n`
}

async function runImport(file: string, options: ImportOptions, io: CliIo): Promise<ExitCode> {
  let document: unknown
  try {
    document = JSON.parse(await readText(file))
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const format = options.format === 'auto' ? detectFormat(document) : options.format
  if (format === undefined) {
    throw new UsageError(`${file} is neither a STIX bundle ("type": "bundle") nor a MISP event ("Event"): say --format`)
  }
  const result: ImportResult = format === 'stix' ? importStixBundle(document) : importMispEvent(document)
  if (result.status === 'invalid') {
    throw new UsageError(`${file}: ${result.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`)
  }
  const csv = writeWatchlistCsv(result.indicators)
  if (options.output === undefined) io.stdout.write(csv)
  else await writeFile(options.output, csv)
  for (const issue of result.issues) io.stderr.write(`${file}: ${issue.path}: ${issue.message}\n`)
  for (const item of result.unsupported) io.stderr.write(`${file}: ${item.path}: unsupported: ${item.message}\n`)
  const hashed = result.indicators.filter((indicator) => indicator.isHashed).length
  io.stderr.write(
    `Imported ${result.indicators.length} indicator${result.indicators.length === 1 ? '' : 's'} from ${format === 'stix' ? 'STIX' : 'MISP'}` +
      `${hashed === 0 ? '' : ` (${hashed} keyed hashes: they match when screening has the consortium key)`}` +
      `; ${result.issues.length} could not be read, ${result.unsupported.length} unsupported.\n`,
  )
  return result.issues.length > 0 ? exitCodes.invalidRows : exitCodes.ok
}

function detectFormat(document: unknown): 'stix' | 'misp' | undefined {
  if (typeof document !== 'object' || document === null) return undefined
  if ('type' in document && document.type === 'bundle') return 'stix'
  if ('Event' in document || 'Attribute' in document) return 'misp'
  return undefined
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
