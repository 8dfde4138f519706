/** The seed and number of cases of a fuzz run. */
export type FuzzOptions = { readonly seed: number; readonly runs: number }

/**
 * `FUZZ_SEED` and `FUZZ_RUNS` from the environment (set by `npm run fuzz -- --seed N --runs M`), else `defaults`:
 * the fixed-seed run of the test suite.
 */
export function fuzzOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  defaults: FuzzOptions,
): FuzzOptions {
  return {
    seed: integer(env.FUZZ_SEED, 'FUZZ_SEED') ?? defaults.seed,
    runs: integer(env.FUZZ_RUNS, 'FUZZ_RUNS') ?? defaults.runs,
  }
}

function integer(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text === '') return undefined
  if (!/^\d{1,9}$/.test(text)) throw new Error(`${name} must be a whole number, got ${JSON.stringify(text)}`)
  return Number(text)
}
