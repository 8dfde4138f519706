// `npm run bench:model-backtest`: how long `POST /v1/models/{version}/backtest` takes to replay a stored risk model
// over stored history.
// 1. The demo store: the bundled 300 demo applications screened through the real pipeline (link facts stored), a model
//    trained on a small generated world stored next to them, a quarter of them decided.
// 2. A generated store of BENCH_BACKTEST_SIZE applications (default 100,000), written with set-based SQL: each result's
//    signals, score, outcome and link facts are copied from one of 2,000 real screenings of a generated world, and one
//    in ten is decided by its ground truth. On embedded PGlite by default, on a throw-away database of the PostgreSQL
//    server DATABASE_URL names when set (the user needs CREATEDB). Each backtest runs BENCH_BACKTEST_RUNS times
//    (default 3); the median wall time is reported with this process's CPU time (user + system; on PostgreSQL the
//    server's own CPU is not in it) and the load average.
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { defaultScoringPolicy } from '@hirewall/core'
import { compileRiskModel, screenForModel, syntheticLabel, toModelExample, trainRiskModel } from '@hirewall/model'
import { backtestModel, createScreeningService, storeModelFile } from '@hirewall/server'
import { openStore } from '@hirewall/store'
import { generateApplications, generateWorld } from '@hirewall/synth'
import { sql } from 'kysely'
import pg from 'pg'

const size = Number(process.env.BENCH_BACKTEST_SIZE ?? 100_000)
const runs = Number(process.env.BENCH_BACKTEST_RUNS ?? 3)
const serverUrl = process.env.DATABASE_URL?.trim() || undefined
const reference = {
  isDisposableEmailDomain: (domain) => domain === 'mailinator.com',
  isFreeEmailDomain: (domain) => ['gmail.com', 'outlook.com', 'yahoo.com'].includes(domain),
  sources: [],
}

/** A model really trained on a generated world of 3,000 (40 rounds): the candidate every backtest replays. */
function trainedModel() {
  const examples = []
  const screening = { policy: defaultScoringPolicy, reference }
  for (const { record, result, link } of screenForModel(generateApplications({ count: 3000, seed: 41 }), screening))
    examples.push(toModelExample(record, result, link, syntheticLabel(record)))
  const outcome = trainRiskModel(examples, {
    seed: 5,
    createdAt: new Date().toISOString(),
    labels: { source: 'generated-world', description: 'bench', world: { count: 3000, seed: 41 }, files: [] },
    policyVersion: defaultScoringPolicy.version,
    thresholds: { review: 0.25, hold: 0.6 },
    parameters: { rounds: 40 },
  })
  if (outcome.status !== 'trained') throw new Error(outcome.reason)
  return outcome.model
}

async function timeBacktest(store, file, label) {
  const model = compileRiskModel(file)
  const times = []
  const cpu = []
  let report
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    const usage = process.cpuUsage()
    report = await backtestModel(store.models, model, { policy: defaultScoringPolicy })
    const used = process.cpuUsage(usage)
    cpu.push((used.user + used.system) / 1000)
    times.push(performance.now() - started)
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const wall = median(times)
  console.log(
    `${label}: ${report.applications.toLocaleString('en')} applications (${report.labelled.toLocaleString('en')} labelled), ` +
      `${report.changed.toLocaleString('en')} would change (newly flagged: ${report.newlyFlagged.fraud} fraud, ${report.newlyFlagged.legitimate} legitimate, ${report.newlyFlagged.unlabelled} unlabelled); ` +
      `median ${(wall / 1000).toFixed(2)} s wall (${Math.round(report.applications / (wall / 1000)).toLocaleString('en')}/s), ` +
      `${(median(cpu) / 1000).toFixed(2)} s CPU of this process, over ${runs} runs; load average ${loadavg()[0].toFixed(1)}`,
  )
}

async function demoStore(file) {
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
    for (const [index, record] of records.entries()) {
      if (index % 4 !== 0) continue
      await store.decisions.record({
        subject: { kind: 'application', id: record.id },
        verdict: record.label?.isFraud === true ? 'confirmed-fraud' : 'cleared',
        reason: 'bench',
        actor: 'user:bench',
      })
    }
    await storeModelFile(store, file, 'system:bench')
    await timeBacktest(store, file, 'demo store (PGlite)')
  } finally {
    await store.close()
  }
}

/** Real screenings of a generated world: what each generated result copies, with its link facts and truth. */
function templates(count) {
  const screening = { policy: defaultScoringPolicy, reference }
  const world = generateWorld({ count, seed: 'model-backtest-bench', fraudShare: 0.3 })
  return [...screenForModel(world, screening)].map(({ record, result, link }) => ({
    score: result.score,
    outcome: result.outcome,
    holdGate: result.holdGate,
    signals: result.signals,
    link,
    isFraud: record.label?.isFraud === true,
  }))
}

async function generatedStore(file) {
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
    await sql`create temporary table bench_templates (k int primary key, score float8, outcome text, hold_gate text,
      signals jsonb, link_facts jsonb, is_fraud boolean)`.execute(store.db)
    for (let start = 0; start < kept.length; start += 200) {
      const rows = kept.slice(start, start + 200).map(
        (item, offset) =>
          sql`(${start + offset}, ${item.score}, ${item.outcome}, ${item.holdGate}, ${JSON.stringify(item.signals)}::jsonb,
              ${JSON.stringify(item.link)}::jsonb, ${item.isFraud})`,
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
        policy_version, data_versions, link_facts)
      select 'bench-' || lpad(n::text, 7, '0'), 1, 'submission', t.score, t.outcome, t.hold_gate, t.signals,
        array(select s->>'code' from jsonb_array_elements(t.signals) s), ${defaultScoringPolicy.version}, '{}'::jsonb,
        t.link_facts
      from generate_series(1, ${size}) n join bench_templates t on t.k = n % ${kept.length}`.execute(store.db)
    await sql`update applications a set latest_result_id = r.id, latest_version = 1
      from screening_results r where r.application_id = a.id`.execute(store.db)
    await sql`
      insert into decisions (subject_kind, subject_id, verdict, reason, actor)
      select 'application', 'bench-' || lpad(n::text, 7, '0'),
        case when t.is_fraud then 'confirmed-fraud' else 'cleared' end, 'bench', 'user:bench'
      from generate_series(10, ${size}, 10) n join bench_templates t on t.k = n % ${kept.length}`.execute(store.db)
    await sql`analyze`.execute(store.db)
    await storeModelFile(store, file, 'system:bench')
    console.log(
      `seeded ${size.toLocaleString('en')} applications on ${serverUrl === undefined ? 'PGlite' : 'PostgreSQL'} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    await timeBacktest(store, file, `generated store (${serverUrl === undefined ? 'PGlite' : 'PostgreSQL'})`)
  } finally {
    await store.close()
    if (admin !== undefined) {
      await admin.query(`drop database ${name}`)
      await admin.end()
    }
  }
}

const file = trainedModel()
await demoStore(file)
await generatedStore(file)
