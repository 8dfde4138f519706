// `npm run bench:intel`: what the intel cache costs a screening run. Imports the full real sanctions lists from
// ../shared/data (OFAC SDN + alt + add, OFAC consolidated, UN consolidated) into a fresh cache with the CLI, then in
// BENCH_RUNS separate processes (default 5) measures loading it as `hirewall screen` does (each source read and
// parsed, and the whole loadIntel with its indexes and the shipped network data), and in each process the screening
// throughput of the demo applications with the intel detectors off and on, alternating (BENCH_PASSES passes, default
// 10). Last, `hirewall screen` end to end on the demo file with --no-intel and with the cache. Medians reported.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const data = fileURLToPath(new URL('../../shared/data/sanctions/', import.meta.url))
const runs = Number(process.env.BENCH_RUNS ?? 5)
const passes = Number(process.env.BENCH_PASSES ?? 10)
const cli = `${root}packages/cli/bin/hirewall.js`
const demo = `${root}packages/cli/demo/applications.jsonl`
const directory = `${root}bench/out/intel-cache-${process.pid}`

if (!existsSync(`${data}sdn_2024-05-03.csv`)) throw new Error(`the shared reference data is not at ${data}`)
mkdirSync(directory, { recursive: true })
const imports = [
  ['ofac-sdn', 'sdn_2024-05-03.csv', 'alt_2025-12.csv', 'add_2025-12.csv'],
  ['ofac-consolidated', 'cons_prim.csv', 'cons_alt.csv'],
  ['un-consolidated', 'UN_consolidated.xml'],
]
const importSeconds = {}
for (const [kind, ...files] of imports) {
  const started = process.hrtime.bigint()
  execFileSync(
    process.execPath,
    [cli, 'intel', 'import', kind, ...files.map((file) => data + file), '--intel-dir', directory],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  importSeconds[kind] = round(Number(process.hrtime.bigint() - started) / 1e9)
}

const loads = []
for (let run = 0; run < runs; run += 1) {
  const child = spawnSync(process.execPath, [`${root}bench/intel-load-run.mjs`, directory, demo, String(passes)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  if (child.status !== 0) throw new Error(`load run failed: ${child.stderr.slice(-2000)}`)
  loads.push(JSON.parse(child.stdout))
}

function screenSeconds(extra) {
  const started = process.hrtime.bigint()
  const child = spawnSync(
    process.execPath,
    [cli, 'screen', demo, '-o', '/dev/null', '--no-summary', '--no-progress', ...extra],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  if (child.status !== 0) throw new Error(`screen failed: ${child.stderr.toString().slice(-2000)}`)
  return Number(process.hrtime.bigint() - started) / 1e9
}
const endToEndOff = []
const endToEndOn = []
for (let run = 0; run < runs; run += 1) {
  endToEndOff.push(screenSeconds(['--no-intel']))
  endToEndOn.push(screenSeconds(['--intel-dir', directory]))
}
rmSync(directory, { recursive: true, force: true })

const first = loads[0]
const report = {
  machine: `${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, node ${process.version}`,
  runs,
  importSeconds,
  sources: Object.fromEntries(
    Object.entries(first.perSource).map(([name, source]) => [
      name,
      {
        entries: source.entries,
        readMs: round(median(loads.map((load) => load.perSource[name].readMs))),
        parseMs: round(median(loads.map((load) => load.perSource[name].parseMs))),
      },
    ]),
  ),
  loadIntelMs: round(median(loads.map((load) => load.loadIntelMs))),
  importModulesMs: round(median(loads.map((load) => load.importModulesMs))),
  detectors: first.detectors,
  heapUsedMb: Math.max(...loads.map((load) => load.heapUsedMb)),
  screening: {
    applications: first.screening.applications,
    passes,
    intelOffPerSecond: median(loads.map((load) => load.screening.intelOffPerSecond)),
    intelOnPerSecond: median(loads.map((load) => load.screening.intelOnPerSecond)),
    microsecondsAddedPerApplication: median(loads.map((load) => load.screening.microsecondsAddedPerApplication)),
    signalsWithoutIntel: first.screening.signalsWithoutIntel,
    signalsWithIntel: first.screening.signalsWithIntel,
  },
  endToEndDemoSeconds: { noIntel: round(median(endToEndOff)), withIntel: round(median(endToEndOn)) },
}
console.log(JSON.stringify(report, null, 2))
console.log(
  `loadIntel with the full real lists (${Object.values(report.sources).reduce((total, source) => total + source.entries, 0)} entries): ` +
    `${report.loadIntelMs} ms; screening the demo file: ${report.screening.intelOffPerSecond}/s without intel, ` +
    `${report.screening.intelOnPerSecond}/s with it (+${report.screening.microsecondsAddedPerApplication} us per application); ` +
    `hirewall screen end to end: ${report.endToEndDemoSeconds.noIntel} s --no-intel, ${report.endToEndDemoSeconds.withIntel} s with the cache`,
)

function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
}

function round(value) {
  return Math.round(value * 100) / 100
}
