// `npm run bench:network`: the offline IP database and the network range set, measured in a fresh process.
// IP database (@ip-location-db packages): time to load (read the files), to parse each ASN table on its first lookup,
// the memory it holds, and lookups/second (IPv4 and IPv6). Range set: parse and build time over the real X4BNet,
// ipcat and Tor lists of ../shared/data (a sibling of the checkout), lookups/second, and the network detector's time
// per application. BENCH_LOOKUPS sets the number of lookups per run (default 200,000); the median of 3 runs is shown.
import { readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

if (!globalThis.gc) {
  // Memory figures need a collection before each reading: run again with --expose-gc.
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url)], { stdio: 'inherit' })
  process.exit(child.status ?? 1)
}

const { ipNumber, normaliseApplication, createEmailDomainReference } = await import('@hirewall/core')
const { loadPackagedIpDatabase, findSourceDefinition, createIpRangeSet, parseIpBlock, createNetworkDetector } =
  await import('@hirewall/intel')
const { loadShippedNetworkClassification } = await import('@hirewall/intel')

const lookups = Number(process.env.BENCH_LOOKUPS ?? 200_000)
const sharedData = fileURLToPath(new URL('../../shared/data/network/', import.meta.url))

function memory() {
  globalThis.gc()
  globalThis.gc()
  const usage = process.memoryUsage()
  return { heap: usage.heapUsed, outside: usage.external, rss: usage.rss }
}
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`
const timed = (run) => {
  const started = performance.now()
  const value = run()
  return { value, ms: performance.now() - started }
}
const median = (values) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]
function rate(label, count, run) {
  const seconds = []
  for (let round = 0; round < 3; round++) seconds.push(timed(run).ms / 1000)
  const perSecond = count / median(seconds)
  console.log(`  ${label}: ${Math.round(perSecond).toLocaleString('en')} /s (${(1e6 / perSecond) | 0 || '<1'} µs each)`)
}

// A deterministic spread of addresses: every /8 of the IPv4 space, and IPv6 inside the allocated 2000::/3.
let seed = 2026
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}
const byte = () => Math.floor(random() * 256)
const ipv4 = Array.from({ length: lookups }, () => `${1 + Math.floor(random() * 223)}.${byte()}.${byte()}.${byte()}`)
const hex = () => Math.floor(random() * 0x10000).toString(16)
const ipv6 = Array.from(
  { length: lookups / 4 },
  () =>
    `2${Math.floor(random() * 0x1000)
      .toString(16)
      .padStart(3, '0')}:${hex()}:${hex()}::${hex()}`,
)

console.log(`network benchmark (node ${process.version}, ${lookups.toLocaleString('en')} IPv4 lookups a run)`)
console.log('IP database (@ip-location-db packages)')
const before = memory()
const load = timed(() => loadPackagedIpDatabase())
const database = load.value
for (const source of database.sources)
  console.log(`  source ${source.name} ${source.version}: ${source.entries.toLocaleString('en')} entries`)
console.log(`  load (read the files, count ranges, open the MMDB): ${load.ms.toFixed(0)} ms`)
console.log(
  `  first IPv4 lookup (parses the IPv4 ASN table): ${timed(() => database.lookup('8.8.8.8')).ms.toFixed(0)} ms`,
)
console.log(
  `  first IPv6 lookup (parses the IPv6 ASN table): ${timed(() => database.lookup('2001:4860:4860::8888')).ms.toFixed(0)} ms`,
)
const loaded = memory()
console.log(
  `  memory held: heap ${mb(loaded.heap - before.heap)}, buffers ${mb(loaded.outside - before.outside)}, rss ${mb(loaded.rss - before.rss)}`,
)
let known = 0
rate('IPv4 lookups (ASN + country)', ipv4.length, () => {
  for (const ip of ipv4) if (database.lookup(ip).asn !== undefined) known++
})
rate('IPv6 lookups (ASN + country)', ipv6.length, () => {
  for (const ip of ipv6) if (database.lookup(ip).asn !== undefined) known++
})

console.log('Range set (X4BNet VPN + data centre, ipcat, Tor exits)')
const read = (file) => ({ name: file, text: readFileSync(`${sharedData}${file}`, 'utf8') })
const parsed = timed(() => [
  findSourceDefinition('x4b-vpn').parse([read('x4b_vpn_ipv4.txt'), read('x4b_vpn_ipv6.txt'), read('x4b_vpn_ASN.txt')]),
  findSourceDefinition('x4b-datacenter').parse([read('x4b_datacenter_ipv4.txt'), read('x4b_datacenter_ASN.txt')]),
  findSourceDefinition('tor-exits').parse([read('tor-exit-nodes.lst')]),
  findSourceDefinition('network-classification').parse([read('ipcat_datacenters.csv')]),
])
const ranges = parsed.value.flatMap((result) => (result.status === 'ok' ? result.data.ranges : []))
const withBlocks = ranges.filter((range) => range.cidr !== undefined)
console.log(
  `  parse the lists: ${parsed.ms.toFixed(0)} ms, ${ranges.length.toLocaleString('en')} entries (${withBlocks.length.toLocaleString('en')} ranges)`,
)
const beforeSet = memory()
const built = timed(() =>
  createIpRangeSet(withBlocks.map((range) => ({ block: parseIpBlock(range.cidr), item: range }))),
)
console.log(`  build the range set: ${built.ms.toFixed(0)} ms, memory ${mb(memory().heap - beforeSet.heap)} heap`)
const numbers = ipv4.map((ip) => ipNumber(ip))
let hits = 0
rate('range-set lookups (parsed address)', numbers.length, () => {
  for (const address of numbers) hits += built.value.lookup(address).length
})
rate('range-set lookups (from text)', ipv4.length, () => {
  for (const ip of ipv4) hits += built.value.lookup(ipNumber(ip)).length
})

console.log('Network detector (all lists above + the shipped classification + the IP database)')
const lists = parsed.value.map((result, index) => ({
  source: { name: `list-${index}`, version: 'bench', entries: result.entries },
  items: result.data.ranges,
}))
const detectorBuild = timed(() =>
  createNetworkDetector({ ranges: [...lists, loadShippedNetworkClassification()], ipDatabase: database }),
)
console.log(`  build: ${detectorBuild.ms.toFixed(0)} ms`)
const reference = createEmailDomainReference({ disposable: [], free: [], sources: [] })
const contexts = ipv4.slice(0, lookups / 4).map((ip, index) => {
  const record = {
    schemaVersion: 1,
    id: `bench-${index}`,
    submittedAt: '2026-03-02T15:04:05Z',
    source: { system: 'json' },
    cv: { basics: { name: 'Jordan Miller' } },
    claimed: { location: { countryCode: 'US' } },
    submission: { ip },
  }
  return { record, facts: normaliseApplication(record), reference }
})
let signals = 0
rate('applications screened by the network detector', contexts.length, () => {
  for (const context of contexts) signals += detectorBuild.value.detect(context).length
})
console.log(`  (${known} known ASNs, ${hits} range hits, ${signals} signals: kept so the work is not optimised away)`)
