// One measured linking run (a child of link-bench.mjs): generates COUNT applications in-process, normalises each
// (not timed) and links it into an InMemoryIdentityIndex (timed per call), never holding the records. With
// MODE=control it does everything but the linking, so the difference in peak memory is the index's own.
import { InMemoryIdentityIndex, normaliseApplication } from '@hirewall/core'
import { generateApplications } from '@hirewall/synth'

const count = Number(process.argv[2] ?? 100_000)
const mode = process.argv[3] ?? 'link'
const tail = 2_000
const index = new InMemoryIdentityIndex()
const tailTimes = new Float64Array(tail)
let linkNs = 0n
let position = 0
let signals = 0
for (const record of generateApplications({ count, seed: 2026 })) {
  const facts = normaliseApplication(record)
  if (mode === 'link') {
    const started = process.hrtime.bigint()
    signals += index.link(record, facts).signals.length
    const elapsed = process.hrtime.bigint() - started
    linkNs += elapsed
    if (position >= count - tail) tailTimes[position - (count - tail)] = Number(elapsed) / 1e6
  }
  position++
}
const sorted = [...tailTimes].sort((a, b) => a - b)
const quantile = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const clusters = mode === 'link' ? index.clusters() : []
process.stdout.write(
  JSON.stringify({
    count,
    mode,
    linkSeconds: Number(linkNs) / 1e9,
    signals,
    clusters: clusters.length,
    rings: clusters.filter((cluster) => cluster.isRing).length,
    lastLinksMs: mode === 'link' ? { p50: quantile(0.5), p99: quantile(0.99), max: sorted[sorted.length - 1] } : null,
    heapUsedMb: process.memoryUsage().heapUsed / 1e6,
  }) + '\n',
)
