import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { StoreError, formatDataKeyRing, generateDataKeyRing, readDataKeyRing, type DataKeyRing } from '@hirewall/store'
import { UsageError } from '../usage-error.js'

/** Where the keys that encrypt personal data came from, for the startup banner. */
export type ResolvedDataKeys = {
  /** Null: personal data is stored unencrypted (only with `--allow-unencrypted` against a server). */
  readonly ring: DataKeyRing | null
  readonly source: 'environment' | 'key file' | 'new key file' | 'in memory' | 'unencrypted' | 'none'
  /** A line for the operator when the choice needs attention. */
  readonly warning?: string
}

/** The key file of a PGlite data directory: beside it, `<dataDir>.keys.json`. */
export function dataKeyFileOf(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, '')}.keys.json`
}

/**
 * The key ring for personal data. `HIREWALL_DATA_KEYS` and `HIREWALL_IDENTIFIER_KEY` win. Without them: on a
 * PostgreSQL server the service refuses to start unless `allowUnencrypted`; on PGlite in memory a throwaway ring is
 * made; on a PGlite data directory the key file beside it is read, or (when `create`) generated with a warning to
 * back it up. Commands that only read (`create` false) use the key file when there is one, else no keys.
 */
export async function resolveDataKeys(options: {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly databaseUrl: string | undefined
  readonly dataDir: string
  readonly create: boolean
  readonly allowUnencrypted?: boolean
}): Promise<ResolvedDataKeys> {
  let fromEnvironment: DataKeyRing | undefined
  try {
    fromEnvironment = readDataKeyRing(options.env)
  } catch (error) {
    if (error instanceof StoreError) throw new UsageError(error.message)
    throw error
  }
  if (fromEnvironment !== undefined) return { ring: fromEnvironment, source: 'environment' }
  const allowUnencrypted = options.allowUnencrypted === true || options.env.HIREWALL_ALLOW_UNENCRYPTED === 'true'
  if (options.databaseUrl !== undefined) {
    if (allowUnencrypted) {
      return {
        ring: null,
        source: 'unencrypted',
        warning:
          'Personal data is stored UNENCRYPTED (--allow-unencrypted): set HIREWALL_DATA_KEYS and HIREWALL_IDENTIFIER_KEY.',
      }
    }
    if (!options.create) return { ring: null, source: 'none' }
    throw new UsageError(
      'DATABASE_URL is set but HIREWALL_DATA_KEYS and HIREWALL_IDENTIFIER_KEY are not: personal data would be stored ' +
        'unencrypted. Set both (docs/security.md, "Personal data"), or pass --allow-unencrypted.',
    )
  }
  if (options.dataDir === 'memory://') {
    return options.create ? { ring: generateDataKeyRing(), source: 'in memory' } : { ring: null, source: 'none' }
  }
  const file = dataKeyFileOf(options.dataDir)
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw new UsageError(`cannot read the key file ${file}: ${error.message}`)
  })
  if (text !== undefined) return { ring: parseKeyFile(text, file), source: 'key file' }
  if (!options.create) return { ring: null, source: 'none' }
  const ring = generateDataKeyRing()
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, `${JSON.stringify(formatDataKeyRing(ring), null, 2)}\n`, { mode: 0o600, flag: 'wx' })
  await chmod(file, 0o600)
  return {
    ring,
    source: 'new key file',
    warning:
      `Generated the keys that encrypt personal data: ${file}. Back it up with the data directory ` +
      '(without it the personal data cannot be read), or set HIREWALL_DATA_KEYS and HIREWALL_IDENTIFIER_KEY.',
  }
}

function parseKeyFile(text: string, file: string): DataKeyRing {
  try {
    const parsed = JSON.parse(text) as Record<string, string | undefined>
    const ring = readDataKeyRing(parsed)
    if (ring === undefined) throw new UsageError(`the key file ${file} holds no keys`)
    return ring
  } catch (error) {
    if (error instanceof UsageError) throw error
    const message = error instanceof Error ? error.message : String(error)
    throw new UsageError(`the key file ${file} is not valid: ${message}`)
  }
}
