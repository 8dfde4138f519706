// `npm run bench:compression`: what lz4 compression of the large JSON columns (migration 016) saves on the screening
// write path, side by side with PostgreSQL's default pglz in one run against the server DATABASE_URL names (default
// the local one).
// Two fresh databases are migrated; in one the columns are set back to pglz. The same generated applications go
// through the screening pipeline in batches of 64 (the API's group commit), alternating between the two databases
// batch by batch so both see the same machine load. Reports applications/s for each and the ratio, and the size of the
// applications table. BENCH_COMPRESSION_COUNT applications (default 6,400).
import { performance } from 'node:perf_hooks'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { defaultScoringPolicy } from '@hirewall/core'
import { createScreeningService } from '@hirewall/server'
import { openStore } from '@hirewall/store'
import { generateApplications } from '@hirewall/synth'

const root = fileURLToPath(new URL('..', import.meta.url))
const serverUrl = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres'
const count = Number(process.env.BENCH_COMPRESSION_COUNT ?? 6_400)
const batchSize = 64
const { packagedReferenceData } = await import(`${root}packages/cli/dist/reference/packaged-reference-data.js`)
const reference = packagedReferenceData()
const columns = [
  ['applications', 'raw'],
  ['applications', 'record'],
  ['applications', 'facts'],
  ['applications', 'identity_signals'],
  ['screening_results', 'signals'],
  ['outbox_events', 'payload'],
]

async function administer(statement, url = serverUrl) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await client.query(statement)
  } finally {
    await client.end()
  }
}

async function open(name, compression) {
  await administer(`drop database if exists ${name} with (force)`)
  await administer(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const store = await openStore({ databaseUrl: url.toString(), maxConnections: 4 })
  for (const [table, column] of columns) {
    await administer(`alter table ${table} alter column ${column} set compression ${compression}`, url.toString())
  }
  const setting = await administer(
    `select string_agg(distinct attcompression::text, ',') as c from pg_attribute where attrelid = 'applications'::regclass and attname in ('raw', 'record', 'facts')`,
    url.toString(),
  )
  const service = await createScreeningService({ store, policy: defaultScoringPolicy, reference })
  return { name, compression, url: url.toString(), store, service, ms: 0, stored: setting.rows[0].c }
}

const targets = [await open('hirewall_bench_pglz', 'pglz'), await open('hirewall_bench_lz4', 'lz4')]
const records = [...generateApplications({ count, seed: 2026 })]
const loadBefore = loadavg()[0]
for (let start = 0; start < records.length; start += batchSize) {
  const batch = records.slice(start, start + batchSize)
  // Alternate which goes first, so neither always follows the other's writes.
  const order = (start / batchSize) % 2 === 0 ? targets : [...targets].reverse()
  for (const target of order) {
    const submissions = batch.map((record) => ({ record, raw: record, actor: 'bench' }))
    const began = performance.now()
    await target.service.submitMany(submissions)
    target.ms += performance.now() - began
  }
}
const report = { applications: records.length, batchSize, loadAverage: { before: loadBefore, after: loadavg()[0] } }
for (const target of targets) {
  const size = await administer(`select pg_total_relation_size('applications') as bytes`, target.url)
  report[target.compression] = {
    perSecond: Math.round(records.length / (target.ms / 1000)),
    seconds: Math.round(target.ms) / 1000,
    applicationsTableMiB: Math.round(Number(size.rows[0].bytes) / 1024 / 102.4) / 10,
    columnCompression: target.stored,
  }
  await target.service.close()
  await target.store.close()
  await administer(`drop database if exists ${target.name} with (force)`)
}
report.lz4OverPglz = Math.round((report.lz4.perSecond / report.pglz.perSecond) * 100) / 100
console.log(JSON.stringify(report, null, 2))
