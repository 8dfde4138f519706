// One measured process of `npm run bench:intel`: loads the intel cache in DIR the way `hirewall screen` does and
// prints JSON timings: each cached source read (with its checksum check) and parsed on its own, then the whole
// loadIntel (read, parse, indexes, shipped network data). With a demo file, it then screens its applications
// alternately without and with the intel detectors (PASSES passes each) and reports both throughputs.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const [directory, demoFile, passesArg] = process.argv.slice(2)
if (!directory) throw new Error('usage: node bench/intel-load-run.mjs INTEL_DIR [DEMO.jsonl PASSES]')
const started = performance.now()
const intelPackage = await import('../packages/intel/dist/index.js')
const core = await import('../packages/core/dist/index.js')
const { packagedReferenceData } = await import('../packages/cli/dist/reference/packaged-reference-data.js')
const importMs = performance.now() - started
const { IntelCache, findSourceDefinition, loadIntel, sourceDisplayName } = intelPackage

const cache = new IntelCache(directory)
const perSource = {}
for (const { key } of await cache.list()) {
  const readStart = performance.now()
  const current = await cache.readCurrent(key)
  const readMs = performance.now() - readStart
  if (current.status !== 'ok') throw new Error(`${sourceDisplayName(key)}: ${current.status}`)
  const parseStart = performance.now()
  const parsed = findSourceDefinition(key.kind).parse(current.files)
  perSource[sourceDisplayName(key)] = {
    readMs: round(readMs),
    parseMs: round(performance.now() - parseStart),
    entries: parsed.status === 'ok' ? parsed.entries : 0,
  }
}
const loadStart = performance.now()
const intel = await loadIntel({ directory })
const loadMs = performance.now() - loadStart
const report = {
  importModulesMs: round(importMs),
  perSource,
  loadIntelMs: round(loadMs),
  detectors: intel.detectors.map((detector) => detector.name),
  heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6),
}

if (demoFile) {
  const passes = Number(passesArg ?? 10)
  const records = readFileSync(demoFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line))
  const packaged = packagedReferenceData()
  const withoutIntel = { policy: core.defaultScoringPolicy, reference: packaged, detectors: core.perRecordDetectors }
  const withIntel = {
    policy: core.defaultScoringPolicy,
    reference: { ...packaged, sources: [...packaged.sources, ...intel.sources] },
    detectors: [...core.perRecordDetectors, ...intel.detectors],
  }
  const time = (options) => {
    const start = performance.now()
    let signals = 0
    for (const record of records) signals += core.screenApplication(record, options).signals.length
    return { ms: performance.now() - start, signals }
  }
  // One warm-up pass each, then alternate so both see the same machine state.
  time(withoutIntel)
  time(withIntel)
  const off = []
  const on = []
  let intelSignals = 0
  for (let pass = 0; pass < passes; pass += 1) {
    off.push(time(withoutIntel).ms)
    const measured = time(withIntel)
    on.push(measured.ms)
    intelSignals = measured.signals
  }
  const offMs = median(off)
  const onMs = median(on)
  report.screening = {
    applications: records.length,
    passes,
    intelOffPerSecond: Math.round(records.length / (offMs / 1000)),
    intelOnPerSecond: Math.round(records.length / (onMs / 1000)),
    intelOnToOffTime: round(onMs / offMs),
    microsecondsAddedPerApplication: round(((onMs - offMs) * 1000) / records.length),
    signalsWithIntel: intelSignals,
    signalsWithoutIntel: time(withoutIntel).signals,
  }
}
process.stdout.write(`${JSON.stringify(report)}\n`)

function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
}

function round(value) {
  return Math.round(value * 100) / 100
}
