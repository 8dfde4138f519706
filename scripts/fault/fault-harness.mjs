// What the fault runs share: a fresh database on the local PostgreSQL server, `hirewall serve` as a child process on
// it, an API key written straight into the store, a steady submission driver, percentiles and the count checks.
/* global fetch, AbortSignal -- Node 20's own */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createReadStream } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { generateApiKey } from '@hirewall/server'
import { defaultIdempotencyKey, openStore } from '@hirewall/store'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const hirewall = join(root, 'packages/cli/bin/hirewall.js')
/** The PostgreSQL server the runs create their database on: `DATABASE_URL`, else the local one. */
export const serverUrl = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres'

// Personal data is encrypted as in production: keys made for this run unless the environment gives them. The
// harness's own store and the server's share them.
if (!process.env.HIREWALL_DATA_KEYS && !process.env.HIREWALL_IDENTIFIER_KEY) {
  process.env.HIREWALL_DATA_KEYS = `fault:${randomBytes(32).toString('base64')}`
  process.env.HIREWALL_IDENTIFIER_KEY = randomBytes(32).toString('base64')
}

/** A number from the environment, or `fallback`; anything else stops the run before it starts. */
export function numberSetting(name, fallback) {
  const text = process.env[name]?.trim()
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0) {
    console.error(`${name} must be a number of at least 0, got ${JSON.stringify(text)}`)
    process.exit(2)
  }
  return value
}

/** Seconds since the run started, and a line on stderr stamped with them. */
export function clock() {
  const started = performance.now()
  const seconds = () => (performance.now() - started) / 1000
  return { seconds, say: (line) => console.error(`[${seconds().toFixed(1)} s] ${line}`) }
}

export const loadAverage = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

/** The value at quantile `q` (0..1) of `values` (nearest rank), or NaN for none. */
export function percentile(values, q) {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

/** The least-squares slope of `points` ({ x, y }), in y per x. */
export function slope(points) {
  const n = points.length
  if (n < 2) return 0
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / n
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / n
  let numerator = 0
  let denominator = 0
  for (const point of points) {
    numerator += (point.x - meanX) * (point.y - meanY)
    denominator += (point.x - meanX) ** 2
  }
  return denominator === 0 ? 0 : numerator / denominator
}

/** Prints each check as `ok` or `FAIL` and counts the failures. */
export function checker() {
  let failures = 0
  return {
    check(what, actual, wanted) {
      const ok = typeof wanted === 'function' ? wanted(actual) : actual === wanted
      if (!ok) failures += 1
      const expected = typeof wanted === 'function' ? '' : ` (expected ${wanted})`
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${actual}${ok ? '' : expected}`)
      return ok
    },
    failures: () => failures,
  }
}

// CREATE and DROP DATABASE cannot run in a pool's session: one short-lived client each.
export async function administer(statement) {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/**
 * Creates the database `name` on the server, migrates it and writes an API key with `scopes` into it. Returns its URL,
 * the key's `Authorization` header, and `drop()` (kept with `FAULT_KEEP=1`).
 */
export async function createFaultDatabase(name, scopes) {
  await administer(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const databaseUrl = url.toString()
  const store = await openStore({ databaseUrl, maxConnections: 2 })
  const key = generateApiKey()
  try {
    await store.apiKeys.create({
      name: 'fault run',
      prefix: key.prefix,
      keyHash: key.tokenHash,
      scopes,
      createdBy: 'fault-script',
    })
  } finally {
    await store.close()
  }
  return {
    databaseUrl,
    auth: { authorization: `Bearer ${key.token}` },
    drop: async () => {
      if (process.env.FAULT_KEEP === '1') console.error(`kept the database ${name}`)
      else await administer(`drop database if exists ${name} with (force)`)
    },
  }
}

/**
 * Starts `hirewall serve` (API only, no intel cache) on `databaseUrl` and waits until `/readyz` answers. Errors from
 * its JSON log are echoed with `label`; `onLog` sees every line. `extraEnv` adds settings (the delivery schedule).
 */
export async function startServer({ label, port, databaseUrl, extraEnv = {}, onLog, logLevel = 'warn' }) {
  const child = spawn(
    process.execPath,
    [hirewall, 'serve', '--port', String(port), '--no-console', '--no-intel', '--log-level', logLevel],
    { cwd: root, env: { ...process.env, ...extraEnv, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let pending = ''
  child.stdout.on('data', (chunk) => {
    pending += chunk.toString('utf8')
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      onLog?.(line)
      if (/"level":(50|60)/.test(line)) process.stderr.write(`  ${label}: ${line.slice(0, 600)}\n`)
    }
  })
  child.stderr.on('data', (chunk) => {
    // The banner; the one-time admin password is not echoed.
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() !== '' && !/one-time password|^\s{4}\S+$/.test(line))
        process.stderr.write(`  ${label}: ${line}\n`)
    }
  })
  const base = `http://127.0.0.1:${port}`
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the ${label} server exited with ${child.exitCode}`)
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) return { child, base, stop: () => stopServer(child) }
    await sleep(100)
  }
  child.kill('SIGTERM')
  throw new Error(`the ${label} server was not ready within 2 minutes`)
}

async function stopServer(child) {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await once(child, 'exit')
}

/** Runs a command to the end; throws with its output when it fails. */
export async function run(command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${output.trim().slice(0, 500)}`)
  return output
}

/**
 * `count` generated applications (`hirewall generate`, seed `seed`) with distinct ids and idempotency keys, without
 * their evaluation labels: each can be submitted once under its own key.
 */
export async function generatedApplications(file, count, seed) {
  const records = []
  for await (const record of streamGeneratedApplications(file, count, seed)) records.push(record)
  return records
}

/**
 * As generatedApplications, one at a time: the soak's hour holds too many to keep in memory at once (the world's
 * file alone outgrows the longest string Node can read).
 */
export async function* streamGeneratedApplications(file, count, seed) {
  // The world repeats some applicants (the same record id or key twice); ask for more and keep the first of each.
  await run(process.execPath, [
    hirewall,
    'generate',
    '--count',
    String(Math.ceil(count * 1.3)),
    '--seed',
    String(seed),
    '-o',
    file,
  ])
  const ids = new Set()
  const keys = new Set()
  let yielded = 0
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })
  for await (const line of lines) {
    if (line.trim() === '') continue
    const record = JSON.parse(line)
    delete record.label
    const key = defaultIdempotencyKey(record)
    if (ids.has(record.id) || keys.has(key)) continue
    ids.add(record.id)
    keys.add(key)
    yield record
    yielded += 1
    if (yielded === count) {
      lines.close()
      return
    }
  }
  throw new Error(`the generated world has only ${yielded} distinct applications`)
}

/** POSTs one application with its idempotency key; the answer's status (0 when the connection failed) and time. */
export async function submit(base, auth, record, idempotencyKey, timeoutMs = 30_000) {
  const started = performance.now()
  try {
    const response = await fetch(`${base}/v1/applications`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(record),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    let body
    try {
      body = JSON.parse(text)
    } catch {
      body = { text: text.slice(0, 200) }
    }
    return { status: response.status, body, ms: performance.now() - started, at: started }
  } catch (error) {
    return { status: 0, body: { error: String(error?.cause ?? error) }, ms: performance.now() - started, at: started }
  }
}

/** The rows of one SQL statement on `databaseUrl`, on a connection of its own (a long-lived one could be cut). */
export async function queryIn(databaseUrl, query, values = []) {
  const client = new pg.Client({ connectionString: databaseUrl })
  client.on('error', () => undefined)
  await client.connect()
  try {
    return (await client.query(query, values)).rows
  } finally {
    await client.end()
  }
}

/** One number from SQL on `databaseUrl`. */
export async function countIn(databaseUrl, query, values = []) {
  return Number(Object.values((await queryIn(databaseUrl, query, values))[0])[0])
}
