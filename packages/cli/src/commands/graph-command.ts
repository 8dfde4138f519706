import { writeFile } from 'node:fs/promises'
import { InMemoryIdentityIndex, toGraphMl } from '@hirewall/core'
import { Command, Option } from 'commander'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { inputFormats, type InputFormat } from '../input/read-applications.js'
import { loadPolicy } from '../policy/load-policy.js'
import { screenFiles } from '../screening/screen-files.js'
import { UsageError } from '../usage-error.js'

const graphFormats = ['json', 'graphml'] as const
type GraphFormat = (typeof graphFormats)[number]

type GraphOptions = {
  readonly format: InputFormat
  readonly graphFormat?: GraphFormat
  readonly output?: string
  readonly cluster?: string
}

export function graphCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  return new Command('graph')
    .description('Link the applications in the files and write their identity graph as JSON or GraphML.')
    .argument('<file...>', 'input files, as for "hirewall screen"; - reads stdin')
    .addOption(new Option('-f, --format <format>', 'input format').choices(inputFormats).default('auto'))
    .addOption(
      new Option('-g, --graph-format <format>', 'graph format (default: from the output file name, else json)').choices(
        graphFormats,
      ),
    )
    .option('-o, --output <file>', 'write the graph to this file instead of stdout')
    .option('--cluster <id>', 'only this persona cluster (an id such as cluster:app-17, from screening results)')
    .addHelpText(
      'after',
      `
Nodes are applications (with their persona cluster) and the identifiers two or more of them share (phone, email,
address, device, ip, ip-prefix, profile, cv-file, payee, referrer); edges join an application to such an identifier,
or two applications whose CV texts or photos nearly match, with the identifier kind and a weight. Identifiers used by
one application only are left out. GraphML opens in Gephi, Cytoscape, yEd and NetworkX.

Examples:
  hirewall graph world.jsonl -o graph.graphml
  hirewall graph --cluster cluster:syn-0000412 world.jsonl > ring.json`,
    )
    .action(async (files: string[], options: GraphOptions) => {
      setExitCode(await runGraph(files, options, io))
    })
}

async function runGraph(files: readonly string[], options: GraphOptions, io: CliIo): Promise<ExitCode> {
  const identityIndex = new InMemoryIdentityIndex()
  let invalid = 0
  for await (const row of screenFiles(files, {
    policy: await loadPolicy(undefined),
    format: options.format,
    stdin: io.stdin,
    identityIndex,
    // The graph needs the links only: skip the per-record detectors.
    detectors: [],
  })) {
    if (row.status === 'invalid') invalid += 1
  }
  if (options.cluster !== undefined && identityIndex.cluster(options.cluster) === undefined) {
    throw new UsageError(`no persona cluster ${options.cluster} of two or more applications in the input`)
  }
  const graph = identityIndex.graph(options.cluster === undefined ? {} : { clusterId: options.cluster })
  const format = options.graphFormat ?? (options.output?.toLowerCase().endsWith('.graphml') ? 'graphml' : 'json')
  const text = format === 'graphml' ? toGraphMl(graph) : `${JSON.stringify(graph, null, 2)}\n`
  if (options.output) await writeFile(options.output, text)
  else io.stdout.write(text)
  io.stderr.write(
    `graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges` +
      (invalid > 0 ? `; ${invalid} invalid row(s) left out (see "hirewall screen")` : '') +
      '\n',
  )
  return invalid > 0 ? exitCodes.invalidRows : exitCodes.ok
}
