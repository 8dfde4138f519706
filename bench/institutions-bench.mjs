// `npm run bench:institutions`: the institution resolver on the real world-universities list and IPEDS HD2022
// directory of ../shared/data (a sibling of the checkout), in a fresh process. Reports the parse and index build
// times (median of 3) and the index's memory; the resolution quality on a seeded measurement set (BENCH_SAMPLE
// schools, default 2000, each name written every way that applies: as listed, abbreviated, word order, accents
// dropped, upper case, a typo, its initials...) with and without the country, and the false-resolution rate on
// BENCH_HELD_OUT schools (default 1000) removed from the lists; and queries/second with p50/p99 latency per query.
import { readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

if (!globalThis.gc) {
  // Memory figures need a collection before each reading: run again with --expose-gc.
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url)], { stdio: 'inherit' })
  process.exit(child.status ?? 1)
}

const { parseWorldUniversities, parseIpedsDirectory, createInstitutionIndex, buildResolutionCases, measureResolution } =
  await import('@hirewall/intel')

const sampleSize = Number(process.env.BENCH_SAMPLE ?? 2000)
const heldOutSize = Number(process.env.BENCH_HELD_OUT ?? 1000)
const data = fileURLToPath(new URL('../../shared/data/universities/', import.meta.url))
const worldText = readFileSync(`${data}world_universities_and_domains.json`, 'utf8')
// NCES publishes the directory in Windows-1252; Latin-1 reads every byte (the parser maps 0x80-0x9F).
const ipedsText = readFileSync(`${data}ipeds_hd2022.csv`, 'latin1')

const median = (values) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]
const percentile = (sorted, share) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]
const timedMedian = (run) => {
  const times = []
  let value
  for (let round = 0; round < 3; round++) {
    const started = performance.now()
    value = run()
    times.push(performance.now() - started)
  }
  return { value, ms: median(times) }
}
const heap = () => {
  globalThis.gc()
  globalThis.gc()
  return process.memoryUsage().heapUsed
}
const listOf = (name, result) => {
  if (result.status !== 'ok') throw new Error(`${name} did not parse: ${JSON.stringify(result.issues).slice(0, 500)}`)
  return {
    source: { name, version: result.version ?? 'shared', entries: result.entries },
    items: result.data.institutions,
  }
}

console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, node ${process.version}`)
const world = timedMedian(() =>
  parseWorldUniversities([{ name: 'world_universities_and_domains.json', text: worldText }]),
)
const ipeds = timedMedian(() => parseIpedsDirectory([{ name: 'hd2022.csv', text: ipedsText }]))
const lists = [listOf('world-universities', world.value), listOf('ipeds', ipeds.value)]
console.log(
  `parse: world-universities ${world.ms.toFixed(0)} ms (${world.value.entries} entries), ipeds ${ipeds.ms.toFixed(0)} ms (${ipeds.value.entries} entries)`,
)

const before = heap()
const built = timedMedian(() => createInstitutionIndex(lists))
const index = built.value
const held = heap() - before
console.log(
  `index: built in ${built.ms.toFixed(0)} ms; ${index.size} institutions after merging, ${index.names} names, ${index.countries.size} countries, ~${(held / 1e6).toFixed(0)} MB heap (the last of 3 builds kept)`,
)

const percent = (count, total) => `${((100 * count) / total).toFixed(1)}%`.padStart(6)
for (const withCountry of [false, true]) {
  const cases = buildResolutionCases(lists, { sampleSize, heldOutSize, seed: 2026, withCountry })
  const measured = measureResolution(index, cases.listed)
  console.log(`\nquality ${withCountry ? 'with' : 'without'} the country (confident >= 0.85, found >= 0.5):`)
  console.log('  perturbation       cases  resolved   wrong   found  ambiguous')
  for (const [perturbation, figures] of [...Object.entries(measured.byPerturbation), ['all', measured.overall]]) {
    console.log(
      `  ${perturbation.padEnd(17)} ${String(figures.cases).padStart(6)}  ${percent(figures.resolved, figures.cases)}  ${percent(figures.wrong, figures.cases)}  ${percent(figures.found, figures.cases)}  ${percent(figures.ambiguous, figures.cases)}`,
    )
  }
  const heldOut = measureResolution(createInstitutionIndex(cases.heldOut.lists), cases.heldOut.cases)
  const { overall } = heldOut
  console.log(
    `  held out (schools removed from the lists): ${overall.cases} names, resolved confidently to another school ${percent(overall.wrong, overall.cases).trim()}, found (>= 0.5) ${percent(overall.found, overall.cases).trim()}`,
  )
  if (withCountry) continue

  const queries = cases.listed.map((testCase) => testCase.query)
  const exact = cases.listed
    .filter((testCase) => testCase.perturbation === 'as-listed')
    .map((testCase) => testCase.query)
  const rate = (label, batch) => {
    const { ms } = timedMedian(() => {
      for (const query of batch) index.resolve(query)
    })
    const latencies = batch.map((query) => {
      const started = performance.now()
      index.resolve(query)
      return performance.now() - started
    })
    latencies.sort((left, right) => left - right)
    console.log(
      `  ${label}: ${Math.round((batch.length / ms) * 1000).toLocaleString('en')} queries/s, p50 ${(percentile(latencies, 0.5) * 1000).toFixed(0)} µs, p99 ${(percentile(latencies, 0.99) * 1000).toFixed(0)} µs (${batch.length} queries)`,
    )
  }
  console.log('\nspeed:')
  rate('names as listed', exact)
  rate('all perturbations', queries)
}
