import {
  IntelCache,
  cachedSourceStatus,
  defaultDownloadTimeoutMs,
  importIntel,
  intelKinds,
  intelSourceDefinitions,
  isIntelKind,
  listNameProblem,
  resolveIntelDirectory,
  resolveIntelMirror,
  sanctionsKinds,
  sourceDisplayName,
  sourceKeyProblem,
  updatableKinds,
  updateIntel,
  type IntelKind,
  type IntelSourceStatus,
} from '@hirewall/intel'
import { Command } from 'commander'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import {
  describeKept,
  describeVersion,
  formatBytes,
  formatInstant,
  formatIssues,
  formatStatusTable,
} from '../intel/format-intel.js'
import { packagedSourceStatuses } from '../intel/packaged-source-statuses.js'
import { noSanctionsListHint } from '../intel/screening-intel.js'
import { UsageError } from '../usage-error.js'

type DirectoryOption = { readonly intelDir?: string }
type UpdateOptions = DirectoryOption & { readonly mirror?: string; readonly timeout: string }
type ImportOptions = DirectoryOption & { readonly name?: string; readonly allowShrink?: boolean }
type StatusOptions = DirectoryOption & { readonly json?: boolean }
type RemoveOptions = DirectoryOption & { readonly name?: string }

const intelDirHelp = 'the intel cache (default: $HIREWALL_INTEL_DIR, else $HIREWALL_HOME/intel, else ~/.hirewall/intel)'

export function intelCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  const configure = (command: Command): Command =>
    command.exitOverride().configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
  const intel = new Command('intel')
    .description('Keep the reference data current: sanctions lists, institutions, network ranges, watchlists.')
    .addHelpText(
      'after',
      `
The intel cache keeps each source's files exactly as downloaded or imported, with their date, SHA-256 and entry
count, and the previous version beside the one in use. Screening works offline from the last update.
See "Keeping reference data current" in the README.`,
    )
  intel.addCommand(
    configure(
      new Command('update')
        .description(
          'Download the official sources, verify them by parsing and cache them (keeps the previous version).',
        )
        .argument(
          '[kind...]',
          `only these kinds (default: ${updatableKinds().join(', ') || 'every kind with a download'})`,
        )
        .option('--intel-dir <dir>', intelDirHelp)
        .option(
          '--mirror <url>',
          'fetch every file from this internal mirror instead (default: $HIREWALL_INTEL_MIRROR)',
        )
        .option('--timeout <seconds>', 'give up on a file after this long', String(defaultDownloadTimeoutMs / 1000))
        .addHelpText(
          'after',
          `
A mirror serves each official file under its host and path: with --mirror http://mirror.internal/intel/, OFAC's
https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV is fetched from
http://mirror.internal/intel/sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV (the layout
\`wget --force-directories\` writes). A download that fails, does not parse, or holds under half the entries of the
version in use is reported and the version in use is kept.

Exit codes: 0 every source updated or unchanged; 3 some sources failed or were refused (their previous versions are
kept); 2 usage error.`,
        )
        .action(async (kinds: string[], options: UpdateOptions) => setExitCode(await runUpdate(kinds, options, io))),
    ),
  )
  intel.addCommand(
    configure(
      new Command('import')
        .description('Load a source from files (for offline sites): the same formats and checks as update.')
        .argument('<kind>', `the kind of source: ${intelKinds.join(', ')}`)
        .argument('<file...>', 'its files; NAME=FILE says which expected file FILE is (sdn.csv=export-2026-11.csv)')
        .option('--name <name>', 'the list name, for kinds that hold several named lists')
        .option('--intel-dir <dir>', intelDirHelp)
        .option('--allow-shrink', 'accept an official list with under half the entries of the version in use')
        .addHelpText(
          'after',
          `\nKinds and their files:\n${importKindsHelp()}\nExit codes: 0 imported or unchanged; 3 the files were refused (nothing changed); 2 usage error.`,
        )
        .action(async (kind: string, files: string[], options: ImportOptions) =>
          setExitCode(await runImport(kind, files, options, io)),
        ),
    ),
  )
  intel.addCommand(
    configure(
      new Command('status')
        .description('List every source: version, date, origin, entries and size, cached and shipped in npm packages.')
        .option('--json', 'write the statuses as JSON')
        .option('--intel-dir <dir>', intelDirHelp)
        .action(async (options: StatusOptions) => setExitCode(await runStatus(options, io))),
    ),
  )
  intel.addCommand(
    configure(
      new Command('remove')
        .description('Delete a cached source and all its versions.')
        .argument('<kind>', 'the kind of source')
        .option('--name <name>', 'the list name, for kinds that hold several named lists')
        .option('--intel-dir <dir>', intelDirHelp)
        .action(async (kind: string, options: RemoveOptions) => setExitCode(await runRemove(kind, options, io))),
    ),
  )
  return intel
}

function importKindsHelp(): string {
  const width = Math.max(...intelSourceDefinitions.map((definition) => definition.kind.length))
  return intelSourceDefinitions
    .map(
      (definition) =>
        `  ${definition.kind.padEnd(width)}  ${definition.isNamedList ? '(--name NAME) ' : ''}${definition.importHelp}\n`,
    )
    .join('')
}

function parseKind(value: string): IntelKind {
  if (!isIntelKind(value)) throw new UsageError(`unknown intel kind "${value}" (kinds: ${intelKinds.join(', ')})`)
  return value
}

function openCache(options: DirectoryOption): IntelCache {
  return new IntelCache(resolveIntelDirectory({ flag: options.intelDir }))
}

async function runUpdate(kindArgs: readonly string[], options: UpdateOptions, io: CliIo): Promise<ExitCode> {
  const kinds = kindArgs.map(parseKind)
  for (const kind of kinds)
    if (!updatableKinds().includes(kind))
      throw new UsageError(
        `${kind} has no official download: load it with \`hirewall intel import ${kind} FILE...\`` +
          (intelSourceDefinitions.find((definition) => definition.kind === kind)?.isNamedList ? ' --name NAME' : ''),
      )
  const mirror = resolveIntelMirror(options.mirror)
  if (mirror.status === 'invalid') throw new UsageError(mirror.message)
  const timeoutSeconds = Number(options.timeout)
  if (!(timeoutSeconds > 0)) throw new UsageError(`--timeout must be a number of seconds, got "${options.timeout}"`)
  const cache = openCache(options)
  const width = Math.max(...(kinds.length > 0 ? kinds : updatableKinds()).map((kind) => kind.length))
  let failures = 0
  for await (const update of updateIntel(cache, {
    ...(kinds.length > 0 ? { kinds } : {}),
    ...(mirror.status === 'ok' ? { mirror: mirror.mirror } : {}),
    timeoutMs: timeoutSeconds * 1000,
  })) {
    const label = `${update.kind.padEnd(width)}  ${update.status.padEnd(9)}  `
    switch (update.status) {
      case 'updated': {
        const was = update.previous ? ` (was ${update.previous.version})` : ''
        const missing = update.missingOptional.map((note) => `\n${' '.repeat(width + 13)}without ${note}`).join('')
        io.stdout.write(`${label}${describeVersion(update.manifest)}${was}${missing}\n`)
        break
      }
      case 'unchanged':
        io.stdout.write(`${label}${describeVersion(update.manifest)}\n`)
        break
      case 'failed':
      case 'refused':
        failures += 1
        io.stdout.write(`${label}${update.message}${describeKept(update.current)}\n`)
        if (update.status === 'refused') io.stdout.write(formatIssues(update.issues, 3))
        break
    }
  }
  io.stdout.write(`Intel cache: ${cache.directory}${mirror.status === 'ok' ? ` (mirror ${mirror.mirror})` : ''}\n`)
  return failures > 0 ? exitCodes.invalidRows : exitCodes.ok
}

async function runImport(
  kindArg: string,
  files: readonly string[],
  options: ImportOptions,
  io: CliIo,
): Promise<ExitCode> {
  const kind = parseKind(kindArg)
  const cache = openCache(options)
  const result = await importIntel(cache, {
    kind,
    files,
    ...(options.name !== undefined ? { name: options.name } : {}),
    ...(options.allowShrink ? { allowShrink: true } : {}),
  })
  const name = sourceDisplayName({ kind, ...(options.name !== undefined ? { name: options.name } : {}) })
  switch (result.status) {
    case 'unusable':
      throw new UsageError(result.message)
    case 'refused':
      io.stderr.write(`hirewall: ${name} not imported: ${result.message}${describeKept(result.current)}\n`)
      io.stderr.write(formatIssues(result.issues))
      return exitCodes.invalidRows
    case 'unchanged':
      io.stdout.write(`${name}: these files are the version in use already (${describeVersion(result.manifest)})\n`)
      return exitCodes.ok
    case 'stored': {
      const from = result.manifest.files.map((file) => file.originalName ?? file.name).join(', ')
      const kept = result.previous ? `; the previous version ${result.previous.version} is kept beside it` : ''
      io.stdout.write(`Imported ${name} from ${from}: ${describeVersion(result.manifest)}. It is in use now${kept}.\n`)
      if (result.manifest.skippedExamples.length > 0) {
        io.stdout.write(
          `Rows skipped${result.manifest.skipped > result.manifest.skippedExamples.length ? ', the first' : ''}:\n`,
        )
        io.stdout.write(formatIssues(result.manifest.skippedExamples))
      }
      io.stdout.write(`Intel cache: ${cache.directory}\n`)
      return exitCodes.ok
    }
  }
}

async function runStatus(options: StatusOptions, io: CliIo): Promise<ExitCode> {
  const cache = openCache(options)
  const cached = await cache.list()
  const statuses: IntelSourceStatus[] = [
    ...cached.map((source) => cachedSourceStatus(source.key, source.manifest)),
    ...packagedSourceStatuses(),
  ]
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ directory: cache.directory, sources: statuses }, null, 2)}\n`)
    return exitCodes.ok
  }
  io.stdout.write(formatStatusTable(statuses))
  io.stdout.write(
    `\nIntel cache: ${cache.directory} (${cached.length} cached sources, ${formatBytes(cached.reduce((total, source) => total + source.manifest.bytes, 0))})\n`,
  )
  if (!cached.some((source) => sanctionsKinds.includes(source.key.kind))) io.stdout.write(`${noSanctionsListHint}\n`)
  const oldest = cached.map((source) => source.manifest.fetchedAt).sort()[0]
  if (oldest)
    io.stdout.write(
      `Oldest cached source fetched ${formatInstant(oldest)}; shipped sources update with \`npm update\`.\n`,
    )
  return exitCodes.ok
}

async function runRemove(kindArg: string, options: RemoveOptions, io: CliIo): Promise<ExitCode> {
  const kind = parseKind(kindArg)
  const definition = intelSourceDefinitions.find((candidate) => candidate.kind === kind)
  // A name becomes a folder name: check it even for a kind this build has no definition for.
  const problem = definition
    ? sourceKeyProblem(definition, options.name)
    : options.name !== undefined
      ? listNameProblem(options.name)
      : undefined
  if (problem) throw new UsageError(problem)
  const key = { kind, ...(options.name !== undefined ? { name: options.name } : {}) }
  const cache = openCache(options)
  if (!(await cache.remove(key))) throw new UsageError(`${sourceDisplayName(key)} is not cached in ${cache.directory}`)
  io.stdout.write(`Removed ${sourceDisplayName(key)} and all its versions from ${cache.directory}\n`)
  return exitCodes.ok
}
