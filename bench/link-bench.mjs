// `npm run bench:link`: the identity graph at scale. For each size (BENCH_LINK_SIZES, default 100000,1000000) it runs
// one child that links a generated world into an in-memory index and one control child that generates and
// normalises the same world without linking; it reports the linking time, applications/second, the index's memory
// (peak RSS of the run minus the control's), the p50/p99 of one link against the full pool (the last 2,000 links),
// and the growth ratio time(largest)/time(smallest).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = `${root}bench/out`
const sizes = (process.env.BENCH_LINK_SIZES ?? '100000,1000000').split(',').map(Number)
mkdirSync(out, { recursive: true })

function run(count, mode) {
  const rusageFile = `${out}/rusage-link-${process.pid}.json`
  rmSync(rusageFile, { force: true })
  const child = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '--import',
      `${root}bench/rusage-reporter.mjs`,
      `${root}bench/link-run.mjs`,
      String(count),
      mode,
    ],
    { env: { ...process.env, BENCH_RUSAGE_FILE: rusageFile }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  )
  if (child.status !== 0) throw new Error(`link run ${count} ${mode} failed: ${child.stderr.slice(-2000)}`)
  return { ...JSON.parse(child.stdout), ...JSON.parse(readFileSync(rusageFile, 'utf8')) }
}

const rows = []
for (const count of sizes) {
  const linked = run(count, 'link')
  const control = run(count, 'control')
  const row = {
    applications: count,
    linkSeconds: round(linked.linkSeconds),
    perSecond: Math.round(count / linked.linkSeconds),
    lastLinkMs: {
      p50: round(linked.lastLinksMs.p50, 3),
      p99: round(linked.lastLinksMs.p99, 3),
      max: round(linked.lastLinksMs.max, 3),
    },
    peakRssMb: Math.round(linked.maxRssMb),
    controlPeakRssMb: Math.round(control.maxRssMb),
    indexMemoryMb: Math.round(linked.maxRssMb - control.maxRssMb),
    clusters: linked.clusters,
    rings: linked.rings,
  }
  rows.push(row)
  console.log(JSON.stringify(row))
}
const first = rows[0]
const last = rows[rows.length - 1]
console.log(
  JSON.stringify(
    {
      machine: `${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, node ${process.version}`,
      sizes: rows.map((row) => row.applications),
      growthRatio: first && last && first !== last ? round(last.linkSeconds / first.linkSeconds) : null,
      sizeRatio: first && last ? last.applications / first.applications : null,
    },
    null,
    2,
  ),
)

function round(value, digits = 2) {
  return Math.round(value * 10 ** digits) / 10 ** digits
}
