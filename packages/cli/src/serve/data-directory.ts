import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/**
 * Where embedded PGlite keeps the database when no `DATABASE_URL` is set: `--data-dir`, else `$HIREWALL_HOME/data`,
 * else `~/.hirewall/data` (beside the intel cache); `--data-dir memory://` keeps it in memory.
 */
export function resolveDataDirectory(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  // `memory://` keeps the database in memory (a throwaway run); the store reads it as such.
  if (flag?.trim() === 'memory://') return 'memory://'
  if (flag !== undefined && flag.trim() !== '') return resolve(flag)
  const home = env.HIREWALL_HOME?.trim()
  if (home !== undefined && home !== '') return resolve(home, 'data')
  return join(homedir(), '.hirewall', 'data')
}
