import { describe, expect, it } from 'vitest'
import { fuzzOptionsFromEnv } from './fuzz-options.js'
import { runImporterFuzz } from './importer-fuzz.js'

const { seed, runs } = fuzzOptionsFromEnv(process.env, { seed: 20_260_323, runs: 300 })

describe('hostile input to the importers', () => {
  it(
    `reads ${runs} generated CSV, JSON and JSONL inputs without a crash (seed ${seed})`,
    { timeout: 600_000 },
    async () => {
      expect(await runImporterFuzz({ seed, runs })).toEqual([])
    },
  )
})
