// `npm run bench:backtest`: how long `POST /v1/policy/backtest` takes to replay a candidate policy over stored history.
// 1. The demo store: the bundled 300 demo applications screened through the real pipeline (as `hirewall serve --demo`).
// 2. A generated store of BENCH_BACKTEST_SIZE applications (default 100,000), written with set-based SQL: each result's
//    signals, score and outcome are copied from one of 2,000 real screenings of a generated world, so the signal mix is
//    real. On embedded PGlite by default, on a throw-away database of the PostgreSQL server DATABASE_URL names when set
//    (the user needs CREATEDB). Each backtest runs BENCH_BACKTEST_RUNS times (default 3); the median is reported.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { defaultScoringPolicy, InMemoryIdentityIndex, screenApplication } from '@hirewall/core'
import { backtestPolicy, createScreeningService } from '@hirewall/server'
import { openStore } from '@hirewall/store'
import { generateWorld } from '@hirewall/synth'
import { sql } from 'kysely'
import pg from 'pg'

const size = Number(process.env.BENCH_BACKTEST_SIZE ?? 100_000)
const runs = Number(process.env.BENCH_BACKTEST_RUNS ?? 3)
const serverUrl = process.env.DATABASE_URL?.trim() || undefined
const candidate = {
  ...defaultScoringPolicy,
  version: 'bench-candidate',
  thresholds: { review: 15, hold: 50 },
  severityWeights: { ...defaultScoringPolicy.severityWeights, low: 0.15 },
}
const reference = {
  isDisposableEmailDomain: (domain) => domain === 'mailinator.com',
  isFreeEmailDomain: (domain) => ['gmail.com', 'outlook.com', 'yahoo.com'].includes(domain),
  sources: [],
}

async function timeBacktest(store, label) {
  const times = []
  let report
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    report = await backtestPolicy(store.policyVersions, candidate)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  console.log(
    `${label}: ${report.applications.toLocaleString('en')} applications, ${report.changed.toLocaleString('en')} would change; ` +
      `backtest median ${(median / 1000).toFixed(2)} s (${Math.round(report.applications / (median / 1000)).toLocaleString('en')}/s) over ${runs} runs; load average ${loadavg()[0].toFixed(1)}`,
  )
}

async function demoStore() {
  const store = await openStore({ dataDir: 'memory://', env: {} })
  try {
    const text = await readFile(new URL('../packages/cli/demo/applications.jsonl', import.meta.url), 'utf8')
    const records = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line))
    const screening = await createScreeningService({ store, policy: defaultScoringPolicy, reference })
    for (let start = 0; start < records.length; start += 100) {
      const batch = records.slice(start, start + 100)
      await screening.submitMany(batch.map((record) => ({ record, raw: record, actor: 'system:bench' })))
    }
    await screening.close()
    await timeBacktest(store, 'demo store (PGlite)')
  } finally {
    await store.close()
  }
}

/** Real screenings of a generated world: the signals, score and outcome each generated result copies. */
function templates(count) {
  const index = new InMemoryIdentityIndex()
  return generateWorld({ count, seed: 'backtest-bench', fraudShare: 0.3 }).map((record) => {
    const result = screenApplication(record, { policy: defaultScoringPolicy, reference, identityIndex: index })
    return { score: result.score, outcome: result.outcome, holdGate: result.holdGate, signals: result.signals }
  })
}

async function generatedStore() {
  let admin
  let name
  let store
  if (serverUrl === undefined) {
    store = await openStore({ dataDir: 'memory://', env: {} })
  } else {
    name = `hirewall_bench_${randomBytes(4).toString('hex')}`
    admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    const url = new URL(serverUrl)
    url.pathname = `/${name}`
    store = await openStore({ databaseUrl: url.toString(), env: {} })
  }
  try {
    const started = performance.now()
    const kept = templates(2000)
    await sql`create temporary table bench_templates (k int primary key, score float8, outcome text, hold_gate text, signals jsonb)`.execute(
      store.db,
    )
    for (let start = 0; start < kept.length; start += 200) {
      const rows = kept
        .slice(start, start + 200)
        .map(
          (item, offset) =>
            sql`(${start + offset}, ${item.score}, ${item.outcome}, ${item.holdGate}, ${JSON.stringify(item.signals)}::jsonb)`,
        )
      await sql`insert into bench_templates values ${sql.join(rows)}`.execute(store.db)
    }
    await sql`
      insert into applications (id, idempotency_key, source_system, submitted_at, raw, record, facts)
      select 'bench-' || lpad(n::text, 7, '0'), 'bench:' || n, 'api', timestamptz '2025-01-01' + n * interval '9 minutes',
        '{}'::jsonb, jsonb_build_object('schemaVersion', 1, 'id', 'bench-' || lpad(n::text, 7, '0')), '{}'::jsonb
      from generate_series(1, ${size}) n`.execute(store.db)
    await sql`
      insert into screening_results (application_id, version, trigger, score, outcome, hold_gate, signals, signal_codes,
        policy_version, data_versions)
      select 'bench-' || lpad(n::text, 7, '0'), 1, 'submission', t.score, t.outcome, t.hold_gate, t.signals,
        array(select s->>'code' from jsonb_array_elements(t.signals) s), ${defaultScoringPolicy.version}, '{}'::jsonb
      from generate_series(1, ${size}) n join bench_templates t on t.k = n % ${kept.length}`.execute(store.db)
    await sql`update applications a set latest_result_id = r.id, latest_version = 1
      from screening_results r where r.application_id = a.id`.execute(store.db)
    await sql`analyze`.execute(store.db)
    console.log(
      `seeded ${size.toLocaleString('en')} applications on ${serverUrl === undefined ? 'PGlite' : 'PostgreSQL'} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    await timeBacktest(store, `generated store (${serverUrl === undefined ? 'PGlite' : 'PostgreSQL'})`)
  } finally {
    await store.close()
    if (admin !== undefined) {
      await admin.query(`drop database ${name}`)
      await admin.end()
    }
  }
}

await demoStore()
await generatedStore()
