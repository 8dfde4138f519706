#!/usr/bin/env node
// npm run fuzz -- --seed N --runs M [--only api|importers|feeds|uploads]: the hostile-input fuzz suites with another
// seed and more cases than `npm test` (docs/security.md, "Hostile input").
import { spawnSync } from 'node:child_process'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 1_000_000_000) },
    runs: { type: 'string', default: '3000' },
    only: { type: 'string' },
  },
})
for (const [name, value] of [
  ['seed', values.seed],
  ['runs', values.runs],
]) {
  if (!/^\d{1,9}$/.test(value)) {
    console.error(`--${name} must be a whole number, got ${JSON.stringify(value)}`)
    process.exit(2)
  }
}
const suites = {
  api: 'packages/server/src/fuzz/api-fuzz.db.test.ts',
  importers: 'packages/server/src/fuzz/importer-fuzz.test.ts',
  feeds: 'packages/server/src/fuzz/feed-importer-fuzz.test.ts',
  uploads: 'packages/server/src/fuzz/import-upload-fuzz.db.test.ts',
}
const chosen = values.only === undefined ? Object.values(suites) : [suites[values.only]]
if (chosen.includes(undefined)) {
  console.error(`--only must be one of ${Object.keys(suites).join(', ')}`)
  process.exit(2)
}
console.log(`fuzzing with seed ${values.seed}, ${values.runs} cases per suite and store target`)
const result = spawnSync('npx', ['vitest', 'run', ...chosen], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: values.seed, FUZZ_RUNS: values.runs },
})
process.exit(result.status ?? 1)
