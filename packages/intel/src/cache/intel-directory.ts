import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export type IntelDirectoryInputs = {
  /** `--intel-dir` as given on the command line. */
  readonly flag?: string | undefined
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly homeDirectory?: string
}

/**
 * Where the intel cache lives: `--intel-dir`, else `$HIREWALL_INTEL_DIR`, else `$HIREWALL_HOME/intel`, else
 * `~/.hirewall/intel`. Empty values count as unset. The result is an absolute path.
 */
export function resolveIntelDirectory(inputs: IntelDirectoryInputs = {}): string {
  const env = inputs.env ?? process.env
  const given = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value : undefined)
  const flag = given(inputs.flag)
  if (flag) return resolve(flag)
  const intelDir = given(env.HIREWALL_INTEL_DIR)
  if (intelDir) return resolve(intelDir)
  const home = given(env.HIREWALL_HOME)
  if (home) return resolve(home, 'intel')
  return join(inputs.homeDirectory ?? homedir(), '.hirewall', 'intel')
}
