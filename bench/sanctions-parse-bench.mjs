// `npm run bench:sanctions-parse`: how long each sanctions list takes to parse, as the CLI does at every start.
// Reads the real lists from ../shared/data/sanctions and, for each source, runs BENCH_RUNS fresh processes (default 5):
// each times its first parse (cold: the code not yet optimised, as at a CLI start) and then BENCH_WARM more parses
// (default 5). Reports the median cold and warm wall time, the CPU time of the cold parse and the entries loaded.
import { Buffer } from 'node:buffer'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const data = new URL('../../shared/data/sanctions/', import.meta.url)
const runs = Number(process.env.BENCH_RUNS ?? 5)
const warmRuns = Number(process.env.BENCH_WARM ?? 5)

// The real files under the names the official downloads are saved as.
const sources = {
  'ofac-sdn': { 'sdn.csv': 'sdn_2024-05-03.csv', 'alt.csv': 'alt_2025-12.csv', 'add.csv': 'add_2025-12.csv' },
  'ofac-consolidated': { 'cons_prim.csv': 'cons_prim.csv', 'cons_alt.csv': 'cons_alt.csv' },
  'un-consolidated': { 'consolidated.xml': 'UN_consolidated.xml' },
  opensanctions: { 'entities.ftm.json': 'opensanctions_zala_entities.ftm.json' },
}

async function measureOnce(kind) {
  const { findSourceDefinition } = await import('@hirewall/intel')
  const files = Object.entries(sources[kind]).map(([name, path]) => ({
    name,
    text: readFileSync(new URL(path, data), 'utf8'),
  }))
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0)
  const source = findSourceDefinition(kind)
  const cpu = process.cpuUsage()
  let started = performance.now()
  const result = source.parse(files)
  const cold = performance.now() - started
  const used = process.cpuUsage(cpu)
  const warm = []
  for (let run = 0; run < warmRuns; run += 1) {
    started = performance.now()
    source.parse(files)
    warm.push(performance.now() - started)
  }
  if (result.status !== 'ok') throw new Error(`${kind}: ${JSON.stringify(result.issues)}`)
  const cpuMs = (used.user + used.system) / 1000
  console.log(JSON.stringify({ cold, cpuMs, warm: median(warm), entries: result.entries, bytes }))
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

if (process.argv[2]) await measureOnce(process.argv[2])
else {
  console.log(`sanctions list parse, ${runs} fresh processes per source (median), ${warmRuns} warm parses each`)
  console.log('source               MB   entries   cold ms   cold CPU ms   warm ms')
  for (const kind of Object.keys(sources)) {
    const samples = []
    for (let run = 0; run < runs; run += 1) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), kind], { encoding: 'utf8' })
      if (child.status !== 0) throw new Error(`${kind} failed: ${child.stderr.slice(-2000)}`)
      samples.push(JSON.parse(child.stdout))
    }
    const pick = (key) => median(samples.map((sample) => sample[key]))
    const row = [
      kind.padEnd(18),
      (samples[0].bytes / 1e6).toFixed(1).padStart(5),
      String(samples[0].entries).padStart(9),
      pick('cold').toFixed(0).padStart(9),
      pick('cpuMs').toFixed(0).padStart(13),
      pick('warm').toFixed(0).padStart(9),
    ]
    console.log(row.join(' '))
  }
}
