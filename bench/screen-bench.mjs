// `npm run bench`: screening speed against the floor of reading and parsing the same file, side by side in one run.
// Generates a world of BENCH_COUNT applications (default 100,000) with the CLI, then alternates runs of the bare
// parse, of `hirewall screen --no-link` (per-record screening) and of `hirewall screen` (also linking each application
// to the pool) end to end (separate processes, output to /dev/null), BENCH_RUNS times each (default 3), and reports
// the median applications/second, the ratios to the bare parse and each one's peak memory.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = `${root}bench/out`
const count = Number(process.env.BENCH_COUNT ?? 100_000)
const runs = Number(process.env.BENCH_RUNS ?? 3)
const seed = 2026
const cli = `${root}packages/cli/bin/hirewall.js`
const reporter = `${root}bench/rusage-reporter.mjs`
const world = `${out}/world-${count}-seed${seed}.jsonl`

mkdirSync(out, { recursive: true })
if (!existsSync(world)) {
  console.log(`generating ${count} applications (seed ${seed}) -> ${world.slice(root.length)}`)
  execFileSync(process.execPath, [cli, 'generate', '--count', String(count), '--seed', String(seed), '-o', world], {
    stdio: 'inherit',
  })
}
const bytes = statSync(world).size

function timed(label, args) {
  const rusageFile = `${out}/rusage-${process.pid}.json`
  rmSync(rusageFile, { force: true })
  const started = process.hrtime.bigint()
  const child = spawnSync(process.execPath, ['--import', reporter, ...args], {
    env: { ...process.env, BENCH_RUSAGE_FILE: rusageFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (child.status !== 0) throw new Error(`${label} failed (${child.status}): ${child.stderr.toString().slice(-2000)}`)
  const usage = JSON.parse(readFileSync(rusageFile, 'utf8'))
  return { seconds, ...usage }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const parseRuns = []
const screenRuns = []
const linkedRuns = []
const screenArgs = [cli, 'screen', world, '-o', '/dev/null', '--no-summary', '--no-progress']
for (let run = 0; run < runs; run += 1) {
  parseRuns.push(timed('parse', [`${root}bench/parse-only.mjs`, world]))
  screenRuns.push(timed('screen --no-link', [...screenArgs, '--no-link']))
  linkedRuns.push(timed('screen', screenArgs))
}

const parseSeconds = median(parseRuns.map((run) => run.seconds))
const screenSeconds = median(screenRuns.map((run) => run.seconds))
const linkedSeconds = median(linkedRuns.map((run) => run.seconds))
const report = {
  machine: `${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, node ${process.version}`,
  applications: count,
  fileMb: Math.round(bytes / 1e5) / 10,
  runs,
  parse: {
    seconds: round(parseSeconds),
    perSecond: Math.round(count / parseSeconds),
    peakRssMb: Math.round(Math.max(...parseRuns.map((run) => run.maxRssMb))),
  },
  screen: {
    seconds: round(screenSeconds),
    perSecond: Math.round(count / screenSeconds),
    peakRssMb: Math.round(Math.max(...screenRuns.map((run) => run.maxRssMb))),
  },
  ratioScreenToParse: round(screenSeconds / parseSeconds),
  screenWithLinking: {
    seconds: round(linkedSeconds),
    perSecond: Math.round(count / linkedSeconds),
    peakRssMb: Math.round(Math.max(...linkedRuns.map((run) => run.maxRssMb))),
  },
  ratioLinkedScreenToParse: round(linkedSeconds / parseSeconds),
}
console.log(JSON.stringify(report, null, 2))
console.log(
  `screen --no-link: ${report.screen.perSecond} applications/s end to end (one process, one core), ` +
    `${report.ratioScreenToParse}x the bare read+parse (${report.parse.perSecond}/s); peak RSS ${report.screen.peakRssMb} MB\n` +
    `screen (linking the pool): ${report.screenWithLinking.perSecond} applications/s, ` +
    `${report.ratioLinkedScreenToParse}x the bare parse; peak RSS ${report.screenWithLinking.peakRssMb} MB`,
)

function round(value) {
  return Math.round(value * 100) / 100
}
