// `npm run fault:import`: kill -9 the server in the middle of a bulk import on a real PostgreSQL, restart it, and show
// by count that the job resumes and every row is stored exactly once (docs/jobs.md, "The fault run").
// 1. Creates a fresh database on the server DATABASE_URL names (default the local one) and an API key in it.
// 2. Generates a world (`hirewall generate`, FAULT_COUNT applications, JSONL) and uploads it to `hirewall serve`,
//    started as a child process (API only, no intel cache).
// 3. Once FAULT_KILL_AT rows are recorded, sends the server SIGKILL, starts a new one on the same database and waits
//    for the import to finish (the batches the killed server held come back once they expire).
// 4. Checks by count: rows recorded once each and matching the file, one application per idempotency key, each
//    screened once (one result version), one audit entry each, nothing else stored. Exits 1 when a check fails.
/* global fetch -- Node 20's own */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { readRows } from '@hirewall/core'
import { generateApiKey } from '@hirewall/server'
import { defaultIdempotencyKey, formatDataKeyRing, generateDataKeyRing, openStore } from '@hirewall/store'

const root = fileURLToPath(new URL('../..', import.meta.url))
const hirewall = join(root, 'packages/cli/bin/hirewall.js')
const serverUrl = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres'
const count = Number(process.env.FAULT_COUNT ?? 12_000)
const killAt = Number(process.env.FAULT_KILL_AT ?? Math.floor(count / 3))
const port = Number(process.env.FAULT_PORT ?? 18_432)
const keep = process.env.FAULT_KEEP === '1'
const databaseName = `hirewall_fault_${process.pid}`
const base = `http://127.0.0.1:${port}`
const started = performance.now()
const seconds = () => ((performance.now() - started) / 1000).toFixed(1)
const say = (line) => console.error(`[${seconds()} s] ${line}`)

await administer(`create database ${databaseName}`)
const faultUrl = new URL(serverUrl)
faultUrl.pathname = `/${databaseName}`
const databaseUrl = faultUrl.toString()
const dataKeys = formatDataKeyRing(generateDataKeyRing())
const work = await mkdtemp(join(tmpdir(), 'hirewall-fault-'))
let server
let failures = 0
try {
  // The store migrates the new database; the key is written straight into it, as an admin would create one.
  const store = await openStore({ databaseUrl, maxConnections: 2 })
  const key = generateApiKey()
  await store.apiKeys.create({
    name: 'fault run',
    prefix: key.prefix,
    keyHash: key.tokenHash,
    scopes: ['submit', 'read'],
    createdBy: 'fault-script',
  })
  await store.close()
  const auth = { authorization: `Bearer ${key.token}` }

  const file = join(work, 'world.jsonl')
  say(`generating ${count} applications ...`)
  await run(process.execPath, [hirewall, 'generate', '--count', String(count), '--seed', '7', '-o', file])
  const bytes = await readFile(file)
  const expected = await expectedCounts(file)
  say(`${(bytes.length / 1024 / 1024).toFixed(1)} MiB, ${expected.rows} rows: ${expected.keys} idempotency keys`)

  server = await startServer('first')
  say('the server is ready; uploading ...')
  const uploaded = await fetch(`${base}/v1/imports?fileName=world.jsonl`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/x-ndjson' },
    body: bytes,
  })
  if (uploaded.status !== 202) throw new Error(`upload answered ${uploaded.status}: ${await uploaded.text()}`)
  const { id } = await uploaded.json()
  const uploadedAt = performance.now()
  say(`uploaded: import ${id}`)

  let atKill
  for (;;) {
    atKill = await progress(id, auth)
    if (atKill.processedRows >= killAt || (atKill.status !== 'queued' && atKill.status !== 'running')) break
    await sleep(100)
  }
  if (atKill.status !== 'running') throw new Error(`the import was ${atKill.status} before it could be killed`)
  server.child.kill('SIGKILL')
  await once(server.child, 'exit')
  const killedAt = performance.now()
  const rateBefore = atKill.processedRows / ((killedAt - uploadedAt) / 1000)
  say(
    `kill -9 with ${atKill.processedRows} of ${atKill.totalRows ?? '?'} rows recorded (${rateBefore.toFixed(0)} rows/s)`,
  )

  server = await startServer('restarted')
  const restartedAt = performance.now()
  const afterRestart = await progress(id, auth)
  let finished
  for (;;) {
    finished = await progress(id, auth)
    if (!['queued', 'running'].includes(finished.status)) break
    if (performance.now() - restartedAt > 30 * 60_000) throw new Error('the import did not finish within 30 minutes')
    await sleep(500)
  }
  const finishedAt = performance.now()
  say(`import ${finished.status} ${((finishedAt - restartedAt) / 1000).toFixed(1)} s after the restart`)

  // The checks, by count, straight from the database.
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  const one = async (query, values = []) => Number(Object.values((await db.query(query, values)).rows[0])[0])
  const check = (what, actual, wanted) => {
    const ok = actual === wanted
    if (!ok) failures += 1
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${actual}${ok ? '' : ` (expected ${wanted})`}`)
  }
  const counts = finished.rowCounts
  check('import status', finished.status, 'completed')
  check('rows in the job', finished.totalRows, expected.rows)
  check('rows processed', finished.processedRows, expected.rows)
  check('row results stored', await one('select count(*) from import_job_rows where job_id = $1', [id]), expected.rows)
  check(
    'distinct rows stored',
    await one('select count(distinct line) from import_job_rows where job_id = $1', [id]),
    expected.rows,
  )
  check('rows created', counts.created, expected.keys)
  check('rows existing', counts.existing, expected.valid - expected.keys)
  check('rows invalid', counts.invalid, expected.rows - expected.valid)
  check('rows failed', counts.failed, 0)
  check('applications stored', await one('select count(*) from applications'), expected.keys)
  check(
    'distinct idempotency keys',
    await one('select count(distinct idempotency_key) from applications'),
    expected.keys,
  )
  check('screening results (one each)', await one('select count(*) from screening_results'), expected.keys)
  check(
    'applications screened more than once',
    await one('select count(*) from applications where latest_version <> 1'),
    0,
  )
  check(
    'audit entries for the import',
    await one("select count(*) from audit_log where action = 'application.submitted' and actor = $1", [`import:${id}`]),
    expected.keys,
  )
  check('rows still staged', await one('select count(*) from import_job_inputs'), 0)
  await db.end()

  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
  console.log(
    [
      `file: ${count} generated applications, ${(bytes.length / 1024 / 1024).toFixed(1)} MiB JSONL`,
      `killed (SIGKILL) at ${atKill.processedRows} rows recorded, ${((killedAt - uploadedAt) / 1000).toFixed(1)} s after the upload (${rateBefore.toFixed(0)} rows/s)`,
      `restarted and ready in ${((restartedAt - killedAt) / 1000).toFixed(1)} s; ${afterRestart.processedRows} rows recorded then`,
      `finished ${((finishedAt - restartedAt) / 1000).toFixed(1)} s after the restart; ${((finishedAt - uploadedAt) / 1000).toFixed(1)} s from upload to done`,
      `load average ${load}`,
    ].join('\n'),
  )
} finally {
  if (server !== undefined && server.child.exitCode === null) {
    server.child.kill('SIGTERM')
    await once(server.child, 'exit')
  }
  await rm(work, { recursive: true, force: true })
  if (!keep) await administer(`drop database if exists ${databaseName} with (force)`)
  else say(`kept the database ${databaseName}`)
}
process.exitCode = failures > 0 ? 1 : 0

/** Starts `hirewall serve` on the fault database and waits until it answers /readyz. */
async function startServer(label) {
  const child = spawn(
    process.execPath,
    [hirewall, 'serve', '--port', String(port), '--no-console', '--no-intel', '--log-level', 'warn'],
    {
      cwd: root,
      // A server refuses to store personal data unencrypted: the run's own throwaway keys.
      env: { ...process.env, ...dataKeys, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  // Its JSON log: errors and worse (a failed job says so here); the warnings about unset webhook secrets are noise.
  child.stdout.on('data', (chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (/"level":(50|60)/.test(line)) process.stderr.write(`  ${label}: ${line}\n`)
    }
  })
  child.stderr.on('data', (chunk) => {
    // The banner; the one-time admin password is not echoed.
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() !== '' && !/one-time password|^\s{4}\S+$/.test(line))
        process.stderr.write(`  ${label}: ${line}\n`)
    }
  })
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the ${label} server exited with ${child.exitCode}`)
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) return { child }
    await sleep(100)
  }
  throw new Error(`the ${label} server was not ready within 2 minutes`)
}

async function progress(id, auth) {
  const response = await fetch(`${base}/v1/imports/${id}`, { headers: auth })
  if (!response.ok) throw new Error(`GET /v1/imports/${id} answered ${response.status}`)
  return response.json()
}

/** What the import must end with, from the file itself: rows, valid rows and distinct idempotency keys. */
async function expectedCounts(path) {
  let rows = 0
  let valid = 0
  const keys = new Set()
  const chunks = createReadStream(path, { highWaterMark: 1024 * 1024 })
  for await (const row of readRows(chunks, {
    file: 'world.jsonl',
    format: 'jsonl',
    receivedAt: new Date().toISOString(),
  })) {
    rows += 1
    if (row.status !== 'valid') continue
    valid += 1
    keys.add(defaultIdempotencyKey(row.record))
  }
  return { rows, valid, keys: keys.size }
}

async function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`)
}

// CREATE and DROP DATABASE cannot run in a pool's session: one short-lived client each.
async function administer(statement) {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
