// Preloaded into the server `npm run bench:api` starts (`node --import`): counts the SQL statements the process sends
// to PostgreSQL, transaction control included (every `query` of a pg client is one round trip), so the bench can
// report statements per screening without pg_stat_statements. On SIGUSR2 the count so far is written to the file
// BENCH_SQL_COUNT_FILE names, as `{ "reading": n, "statements": m }`, `reading` counting the signals.
import { writeFileSync } from 'node:fs'
import pg from 'pg'

const file = process.env.BENCH_SQL_COUNT_FILE
if (file) {
  let statements = 0
  let reading = 0
  const query = pg.Client.prototype.query
  pg.Client.prototype.query = function countedQuery(...args) {
    statements++
    return query.apply(this, args)
  }
  process.on('SIGUSR2', () => {
    writeFileSync(file, JSON.stringify({ reading: ++reading, statements }))
  })
}
