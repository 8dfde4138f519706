// `npm run bench:workforce`: ingesting and evaluating identity-provider sign-in events against bare JSON parsing of the
// same lines, side by side in one process. Generates a workforce (BENCH_EMPLOYEES, default 2,500, over BENCH_DAYS,
// default 60) and streams its Okta and Entra events in chunks of BENCH_CHUNK lines (default 50,000) until
// BENCH_EVENTS (default 1,000,000): each chunk is parsed bare, then ingested (parsed, imported through the Okta or Entra
// importer, added to the evaluator). Generation is not timed. Reports events/second by wall clock and by CPU time
// (steadier on a shared machine), the ratio to bare parsing, the final assessment of every employee, memory and the
// load average before and after.
import { cpus, loadavg } from 'node:os'
import { loadPackagedIpDatabase, loadShippedNetworkClassification } from '@hirewall/intel'
import { generateWorkforce } from '@hirewall/synth'
import {
  createWorkforceEvaluator,
  importEntraSignIn,
  importHiresCsv,
  importMdmCsv,
  importOktaEvent,
  importOsqueryResult,
  importPayrollCsv,
  importShipmentsCsv,
  loadShippedLists,
} from '@hirewall/workforce'

const employees = Number(process.env.BENCH_EMPLOYEES ?? 2500)
const days = Number(process.env.BENCH_DAYS ?? 60)
const target = Number(process.env.BENCH_EVENTS ?? 1_000_000)
const chunkSize = Number(process.env.BENCH_CHUNK ?? 50_000)
const loadBefore = loadavg()

const world = generateWorkforce({ employees, seed: 2026, days })
// Loading the network data (the IPv4 ASN table is parsed on its first lookup) is start-up, not per-event work.
const loadStarted = process.hrtime.bigint()
const ipDatabase = loadPackagedIpDatabase()
ipDatabase.lookup('8.8.8.8')
const networkLoadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9
const evaluator = createWorkforceEvaluator({
  lists: loadShippedLists(),
  network: { ranges: [loadShippedNetworkClassification()], ipDatabase },
  organisation: world.company,
})
for (const rows of [
  importHiresCsv(world.hiresCsv),
  importShipmentsCsv(world.shipmentsCsv),
  importMdmCsv(world.mdmCsv),
  importPayrollCsv(world.payrollCsv),
])
  for (const row of rows) if (row.status === 'ok') evaluator.add(row.record)
let osqueryLine = 0
for (const line of world.osqueryLines())
  for (const row of importOsqueryResult(JSON.parse(line), ++osqueryLine))
    if (row.status === 'ok') evaluator.add(row.record)

const cpuSeconds = (usage) => (usage.user + usage.system) / 1e6
function measure(work) {
  const cpu = process.cpuUsage()
  const started = process.hrtime.bigint()
  const result = work()
  return { result, wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: cpuSeconds(process.cpuUsage(cpu)) }
}

const totals = {
  events: 0,
  bytes: 0,
  invalid: 0,
  parse: { wall: 0, cpu: 0 },
  ingest: { wall: 0, cpu: 0 },
  generateWall: 0,
}
const stream = world.signInLines()
let exhausted = false
while (totals.events < target && !exhausted) {
  const generated = measure(() => {
    const chunk = []
    while (chunk.length < Math.min(chunkSize, target - totals.events)) {
      const next = stream.next()
      if (next.done) {
        exhausted = true
        break
      }
      chunk.push(next.value)
    }
    return chunk
  })
  totals.generateWall += generated.wall
  const chunk = generated.result
  for (const event of chunk) totals.bytes += event.line.length + 1
  const parsed = measure(() => {
    let keys = 0
    for (const event of chunk) keys += Object.keys(JSON.parse(event.line)).length
    return keys
  })
  const ingested = measure(() => {
    let invalid = 0
    for (let index = 0; index < chunk.length; index++) {
      const event = chunk[index]
      const value = JSON.parse(event.line)
      const row = event.provider === 'okta' ? importOktaEvent(value, index + 1) : importEntraSignIn(value, index + 1)
      if (row.status === 'ok') evaluator.add(row.record)
      else if (row.status === 'invalid') invalid++
    }
    return invalid
  })
  if (parsed.result === 0) throw new Error('nothing parsed')
  totals.invalid += ingested.result
  totals.events += chunk.length
  for (const phase of ['parse', 'ingest']) {
    const measured = phase === 'parse' ? parsed : ingested
    totals[phase].wall += measured.wall
    totals[phase].cpu += measured.cpu
  }
  process.stderr.write(`\r${totals.events.toLocaleString('en-US')} events`)
}
process.stderr.write('\n')

const assessed = measure(() => evaluator.assessAll())
const outcomes = { clear: 0, review: 0, hold: 0 }
for (const assessment of assessed.result) outcomes[assessment.outcome]++
const memory = process.memoryUsage()
const perSecond = (seconds) => Math.round(totals.events / seconds)
const round = (value, places = 2) => Math.round(value * 10 ** places) / 10 ** places
const report = {
  machine: `${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, node ${process.version}`,
  loadAverageBefore: loadBefore.map((value) => round(value, 1)),
  loadAverageAfter: loadavg().map((value) => round(value, 1)),
  world: { employees, days, events: totals.events, megabytes: round(totals.bytes / 1e6, 1), invalid: totals.invalid },
  bareParse: {
    wallSeconds: round(totals.parse.wall),
    cpuSeconds: round(totals.parse.cpu),
    eventsPerSecondWall: perSecond(totals.parse.wall),
    eventsPerSecondCpu: perSecond(totals.parse.cpu),
  },
  ingestAndEvaluate: {
    wallSeconds: round(totals.ingest.wall),
    cpuSeconds: round(totals.ingest.cpu),
    eventsPerSecondWall: perSecond(totals.ingest.wall),
    eventsPerSecondCpu: perSecond(totals.ingest.cpu),
  },
  ratioToBareParseWall: round(totals.ingest.wall / totals.parse.wall),
  ratioToBareParseCpu: round(totals.ingest.cpu / totals.parse.cpu),
  assessAllEmployees: { wallSeconds: round(assessed.wall), cpuSeconds: round(assessed.cpu), outcomes },
  farmClusters: evaluator.farmClusters().length,
  classifiedAddresses: evaluator.statistics().classifiedAddresses,
  memoryMb: { rss: Math.round(memory.rss / 1e6), heapUsed: Math.round(memory.heapUsed / 1e6) },
  networkDataLoadSeconds: round(networkLoadSeconds),
  generationWallSeconds: round(totals.generateWall),
}
console.log(JSON.stringify(report, null, 2))
console.log(
  `\n${totals.events.toLocaleString('en-US')} sign-in events: ingest and evaluate ${report.ingestAndEvaluate.eventsPerSecondCpu.toLocaleString('en-US')}/s ` +
    `(CPU; ${report.ingestAndEvaluate.eventsPerSecondWall.toLocaleString('en-US')}/s wall), bare parse ${report.bareParse.eventsPerSecondCpu.toLocaleString('en-US')}/s (CPU); ` +
    `${report.ratioToBareParseCpu}x the bare parse (CPU; ${report.ratioToBareParseWall}x wall). Load average ${report.loadAverageBefore.join(' ')} -> ${report.loadAverageAfter.join(' ')}.`,
)
