// `npm run bench:read`: the queries behind the read and review endpoints at scale, on a real PostgreSQL server
// (DATABASE_URL; the user needs CREATEDB). It creates a throw-away database, fills it with BENCH_READ_SIZE
// applications (default 100,000) with one screening result each, identifiers, clusters of three and an open case for
// every application reviewed or held, then times each query (p50/p99 over BENCH_READ_RUNS runs, default 30) and
// drops the database. The rows are written with set-based SQL, not through the pipeline: this measures reading.
import { randomBytes } from 'node:crypto'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { openStore } from '@hirewall/store'
import pg from 'pg'

const serverUrl = process.env.DATABASE_URL
if (!serverUrl) {
  console.error('bench:read needs DATABASE_URL (a PostgreSQL server; the user needs CREATEDB)')
  process.exit(2)
}
const size = Number(process.env.BENCH_READ_SIZE ?? 100_000)
const runs = Number(process.env.BENCH_READ_RUNS ?? 30)
const name = `hirewall_bench_${randomBytes(4).toString('hex')}`
const admin = new pg.Client({ connectionString: serverUrl })
await admin.connect()
await admin.query(`create database ${name}`)
const url = new URL(serverUrl)
url.pathname = `/${name}`
const store = await openStore({ databaseUrl: url.toString(), env: {} })

try {
  const started = performance.now()
  await seed(store, size)
  console.log(
    `seeded ${size.toLocaleString('en')} applications in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  const openCases = Number(
    (
      await store.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
  console.log(
    `cases: ${openCases.toLocaleString('en')}; load average before timing: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  )

  const deepCursor = await cursorAfter(10, (after) =>
    store.applications.list({}, { limit: 50, ...(after ? { after } : {}) }),
  )
  const deepRiskiestCursor = await cursorAfter(10, (after) =>
    store.applications.list({}, { limit: 50, order: 'riskiest', ...(after ? { after } : {}) }),
  )
  const deepQueueCursor = await cursorAfter(10, (after) =>
    store.cases.queue({}, { limit: 50, ...(after ? { after } : {}) }),
  )
  const cluster = await store.identity.cluster('cluster:bench-0000004')
  const queries = {
    'applications newest, first page (50)': () => store.applications.list({}, { limit: 50 }),
    'applications newest, page 11': () => store.applications.list({}, { limit: 50, after: deepCursor }),
    'applications riskiest, first page': () => store.applications.list({}, { limit: 50, order: 'riskiest' }),
    'applications riskiest, page 11': () =>
      store.applications.list({}, { limit: 50, order: 'riskiest', after: deepRiskiestCursor }),
    'applications outcome=hold': () => store.applications.list({ outcomes: ['hold'] }, { limit: 50 }),
    'applications signal=identity.shared.phone': () =>
      store.applications.list({ signalCodes: ['identity.shared.phone'] }, { limit: 50 }),
    'applications staffingVendor': () => store.applications.list({ staffingVendor: 'apex talent' }, { limit: 50 }),
    'applications received last hour': () =>
      store.applications.list({ receivedFrom: new Date(Date.now() - 3_600_000) }, { limit: 50 }),
    'cases queue riskiest, first page (50)': () => store.cases.queue({}, { limit: 50 }),
    'cases queue riskiest, page 11': () => store.cases.queue({}, { limit: 50, after: deepQueueCursor }),
    'cases queue outcome=hold': () => store.cases.queue({ outcomes: ['hold'] }, { limit: 50 }),
    'cases queue clusters only': () => store.cases.queue({ subjectKind: 'cluster' }, { limit: 50 }),
    'cases queue oldest first': () => store.cases.queue({}, { limit: 50, order: 'oldest' }),
    'cluster members and shared identifiers': async () => {
      await store.applications.list({ applicationIds: cluster?.applicationIds ?? [] }, { limit: 500 })
      await store.identity.sharedIdentifiers(cluster?.applicationIds ?? [])
    },
  }
  console.log(`\n| query | p50 ms | p99 ms |\n| --- | ---: | ---: |`)
  for (const [label, query] of Object.entries(queries)) {
    await query()
    const times = []
    for (let run = 0; run < runs; run++) {
      const start = performance.now()
      await query()
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1)
    console.log(`| ${label} | ${at(0.5)} | ${at(0.99)} |`)
  }
  console.log(
    `\nload average after: ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  )
} finally {
  await store.close()
  // BENCH_READ_KEEP=1 keeps the database to look at query plans.
  if (process.env.BENCH_READ_KEEP === '1') console.log(`kept database ${name}`)
  else await admin.query(`drop database if exists ${name} with (force)`)
  await admin.end()
}

async function cursorAfter(pages, read) {
  let after
  for (let page = 0; page < pages; page++) after = (await read(after)).nextCursor
  return after
}

async function seed(store, count) {
  const { sql } = await import('kysely')
  await sql`
    insert into applications (id, idempotency_key, source_system, external_id, requisition_id, submitted_at, raw, record, facts)
    select 'bench-' || lpad(n::text, 7, '0'), 'bench:' || n, (array['greenhouse', 'lever', 'ashby', 'api'])[1 + n % 4],
      n::text, 'REQ-' || (n % 50), timestamptz '2025-01-01' + n * interval '9 minutes', '{}'::jsonb,
      jsonb_build_object('schemaVersion', 1, 'id', 'bench-' || lpad(n::text, 7, '0'),
        'cv', jsonb_build_object('basics', jsonb_build_object('name', 'Applicant ' || n)))
        || case when n % 20 = 0 then jsonb_build_object('staffingVendor', jsonb_build_object('name', 'Apex Talent'))
          else '{}'::jsonb end,
      '{}'::jsonb
    from generate_series(1, ${count}) n`.execute(store.db)
  // Scores skewed low like real traffic: most clear, some review, few hold.
  await sql`
    insert into screening_results (application_id, version, trigger, score, outcome, hold_gate, signals, signal_codes,
      cluster_id, policy_version, data_versions)
    select a.id, 1, 'submission', s.score,
      case when s.score >= 70 then 'hold' when s.score >= 35 then 'review' else 'clear' end,
      case when s.score >= 70 then 'met' else 'not-reached' end, '[]'::jsonb,
      case when n % 17 = 0 then array['identity.shared.phone', 'phone.voip'] when n % 5 = 0 then array['email.free']
        else array[]::text[] end,
      'cluster:bench-' || lpad((n - (n - 1) % 3)::text, 7, '0'), 'bench-1', '{}'::jsonb
    from generate_series(1, ${count}) n
    join applications a on a.id = 'bench-' || lpad(n::text, 7, '0')
    cross join lateral (select round((100 * power(((n * 7919) % 1000) / 1000.0, 3))::numeric, 1)::float8 as score) s`.execute(
    store.db,
  )
  await sql`update applications a set latest_result_id = r.id, latest_version = 1
    from screening_results r where r.application_id = a.id`.execute(store.db)
  await sql`insert into application_identifiers (application_id, kind, value, display)
    select a.id, 'phone', '+1555' || lpad(((n - 1) / 3)::text, 7, '0'), 'phone'
    from generate_series(1, ${count}) n join applications a on a.id = 'bench-' || lpad(n::text, 7, '0')`.execute(
    store.db,
  )
  await sql`insert into clusters (id, claimed_people, is_ring)
    select 'cluster:bench-' || lpad(n::text, 7, '0'), 3, true from generate_series(1, ${count}, 3) n`.execute(store.db)
  await sql`insert into cluster_members (application_id, cluster_id)
    select 'bench-' || lpad(n::text, 7, '0'), 'cluster:bench-' || lpad((n - (n - 1) % 3)::text, 7, '0')
    from generate_series(1, ${count}) n`.execute(store.db)
  await sql`insert into cases (subject_kind, subject_id, opened_by, opened_at)
    select 'application', a.id, 'system:screening', a.received_at + (row_number() over (order by a.id)) * interval '1 ms'
    from applications a join screening_results r on r.id = a.latest_result_id where r.outcome <> 'clear'`.execute(
    store.db,
  )
  // A cluster case for every thirtieth cluster: the queue scores each by its riskiest member.
  await sql`insert into cases (subject_kind, subject_id, opened_by)
    select 'cluster', id, 'system:screening' from clusters where (substr(id, 15)::int - 1) % 90 = 0`.execute(store.db)
  await sql`analyze`.execute(store.db)
}
