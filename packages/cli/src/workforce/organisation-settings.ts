import { readFile } from 'node:fs/promises'
import {
  parseForwardingAddresses,
  parsePayoutInstitutions,
  parseRemoteAccessCatalogue,
  trustedNetworkProblems,
  type ListFile,
  type OrganisationSettings,
} from '@hirewall/workforce'
import { UsageError } from '../usage-error.js'

const settingKeys = ['trustedNetworks', 'officeAddresses', 'allowedTools', 'embargoedCountries'] as const

/**
 * The organisation file (`organisation.json`): `{ trustedNetworks, officeAddresses, allowedTools, embargoedCountries }`,
 * each an array of strings. A file that is not that is a usage error naming the field.
 */
export async function loadOrganisationSettings(path: string | undefined): Promise<OrganisationSettings> {
  if (path === undefined) return {}
  let value: unknown
  try {
    value = JSON.parse(await readFile(path, 'utf8'))
  } catch (error) {
    throw new UsageError(`--organisation ${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`--organisation ${path}: must be a JSON object with ${settingKeys.join(', ')}`)
  const settings: Record<string, readonly string[]> = {}
  for (const [key, entry] of Object.entries(value)) {
    if (!(settingKeys as readonly string[]).includes(key)) continue
    if (!Array.isArray(entry) || !entry.every((item) => typeof item === 'string'))
      throw new UsageError(`--organisation ${path}: ${key} must be an array of strings`)
    settings[key] = entry
  }
  const problems = trustedNetworkProblems(settings['trustedNetworks'] ?? [])
  if (problems.length > 0) throw new UsageError(`--organisation ${path}: ${problems.join('; ')}`)
  return settings
}

/** A user's own list file, parsed; bad rows are reported on stderr and skipped, a broken file is a usage error. */
export async function loadListFile<Entry>(
  path: string,
  flag: string,
  parse: (text: string, name: string) => ListFile<Entry>,
  warn: (message: string) => void,
): Promise<{ source: { name: string; version: string; entries: number }; entries: readonly Entry[] }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`${flag} ${path}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = parse(text, path)
  if (parsed.status === 'invalid')
    throw new UsageError(
      `${flag} ${path}: ${parsed.issues.map((issue) => `line ${issue.line}: ${issue.message}`).join('; ')}`,
    )
  for (const issue of parsed.skipped)
    warn(`${path}:${issue.line}: ${issue.column ? `${issue.column} ` : ''}${issue.message} (row skipped)`)
  return { source: parsed.source, entries: parsed.entries }
}

export const listParsers = {
  catalogue: parseRemoteAccessCatalogue,
  forwarders: parseForwardingAddresses,
  payoutInstitutions: parsePayoutInstitutions,
} as const
