// `node bench/api-key-lookup-bench.mjs` (after `npm run build`): what authenticating one API request costs, with the
// key kept by the process for 2 s (the default) and read from the database every time (`apiKeyCache: { ttlMs: 0 }`),
// side by side in one run: the two take turns in blocks, so both see the same machine load. Reports per request the
// Node CPU, the CPU of the PostgreSQL backends serving the bench database (from /proc) and the SQL statements sent.
// On a fresh database of the server DATABASE_URL names (default the local one); BENCH_AUTH_REQUESTS per variant.
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import pg from 'pg'
import { authenticateRequest, generateApiKey, storeAccessControl } from '@hirewall/server'
import { openStore } from '@hirewall/store'

const serverUrl = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres'
const requests = Number(process.env.BENCH_AUTH_REQUESTS ?? 4_000)
const block = 500
const databaseName = 'hirewall_bench_auth'

let statements = 0
const query = pg.Client.prototype.query
pg.Client.prototype.query = function countedQuery(...args) {
  statements++
  return query.apply(this, args)
}

const monitor = new pg.Client({ connectionString: serverUrl })
await monitor.connect()
await monitor.query(`drop database if exists ${databaseName} with (force)`)
await monitor.query(`create database ${databaseName}`)
const benchUrl = new URL(serverUrl)
benchUrl.pathname = `/${databaseName}`
const store = await openStore({ databaseUrl: benchUrl.toString(), maxConnections: 4 })
const key = generateApiKey()
await store.apiKeys.create({
  name: 'bench',
  prefix: key.prefix,
  keyHash: key.tokenHash,
  scopes: ['submit'],
  createdBy: 'bench',
})
const headers = { authorization: `Bearer ${key.token}` }
const variants = {
  cached: { ...storeAccessControl(store), now: () => new Date() },
  uncached: { ...storeAccessControl(store, { apiKeyCache: { ttlMs: 0 } }), now: () => new Date() },
}
const totals = Object.fromEntries(
  Object.keys(variants).map((name) => [name, { nodeCpuMs: 0, postgresCpuMs: 0, statements: 0 }]),
)

const loadBefore = loadavg()[0]
for (let done = 0; done < requests; done += block) {
  for (const [name, access] of Object.entries(variants)) {
    const before = await costs()
    for (let request = 0; request < block; request++) {
      const authentication = await authenticateRequest(headers, access)
      if (authentication.status !== 'authenticated') throw new Error(`${name}: ${JSON.stringify(authentication)}`)
    }
    const after = await costs()
    const total = totals[name]
    total.nodeCpuMs += after.nodeCpuMs - before.nodeCpuMs
    total.postgresCpuMs += after.postgresCpuMs - before.postgresCpuMs
    total.statements += after.statements - before.statements
  }
}
const loadAfter = loadavg()[0]
await store.close()
await monitor.end()

const perRequest = (value) => Math.round((value / requests) * 1000) / 1000
console.log(
  JSON.stringify(
    {
      requestsPerVariant: requests,
      perRequest: Object.fromEntries(
        Object.entries(totals).map(([name, total]) => [
          name,
          {
            nodeCpuMs: perRequest(total.nodeCpuMs),
            postgresCpuMs: perRequest(total.postgresCpuMs),
            sqlStatements: perRequest(total.statements),
          },
        ]),
      ),
      loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(loadAfter * 100) / 100 },
    },
    null,
    2,
  ),
)

/** Node CPU, the bench database's backends' CPU (ms) and statements so far; the monitor's own query not counted. */
async function costs() {
  const { user, system } = process.cpuUsage()
  const counted = statements
  const backends = await monitor.query('select pid from pg_stat_activity where datname = $1', [databaseName])
  statements = counted
  let postgresCpuMs = 0
  for (const { pid } of backends.rows) postgresCpuMs += processCpuMs(pid)
  return { nodeCpuMs: (user + system) / 1000, postgresCpuMs, statements: counted }
}

/** utime + stime of a process in ms (clock ticks of 10 ms); 0 for one that has exited. */
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return 0
  }
}
