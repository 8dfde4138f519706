import type { Detector, ReferenceSource } from '@hirewall/core'
import type { HighRiskInstitution, Institution } from '../institutions/institution.js'
import type { NetworkRange } from '../network/network-range.js'
import type { SanctionedEntity } from '../sanctions/sanctioned-entity.js'
import type { IntelSourceDefinition, IntelSourceStatus, LoadedList } from '../source/intel-source.js'
import { intelSourceDefinitions } from '../source/source-catalogue.js'
import type { WatchlistEntry } from '../watchlists/watchlist-entry.js'
import { IntelCache } from './intel-cache.js'
import { buildIntelDetectors, loadPackagedIntel, packagedExtraSources, type IntelLists } from './intel-detectors.js'
import { sourceDisplayName } from './source-key.js'
import { cachedSourceStatus } from './source-status.js'
import { describeIssue } from './verify-source-files.js'

export type LoadIntelOptions = {
  /** The intel cache directory (see resolveIntelDirectory). */
  readonly directory: string
  /** Also load the sources that ship in npm packages (the IP database, the shipped network classification); default true. */
  readonly includePackaged?: boolean
  readonly definitions?: readonly IntelSourceDefinition[]
  /** The consortium key partners hashed shared watchlist entries with (see docs/sharing.md). */
  readonly consortiumKey?: Uint8Array
}

export const intelLoadWarningCodes = [
  'source-damaged',
  'source-invalid',
  'packaged-unavailable',
  'no-sanctions-list',
] as const
export type IntelLoadWarningCode = (typeof intelLoadWarningCodes)[number]

/** Something the caller should tell the user: screening goes on without the source named. */
export type IntelLoadWarning = {
  readonly code: IntelLoadWarningCode
  readonly source?: string
  readonly message: string
}

export type LoadedIntel = {
  /** One detector per area that has data: run them after the per-record detectors. */
  readonly detectors: readonly Detector[]
  /** Every source the detectors consult, cached and shipped, for the results' `dataVersions`. */
  readonly sources: readonly ReferenceSource[]
  /** The cached sources as `intel status` lists them. */
  readonly statuses: readonly IntelSourceStatus[]
  readonly warnings: readonly IntelLoadWarning[]
  readonly lists: IntelLists
}

/**
 * Reads the version in use of every cached source, parses it, groups the lists by area, adds the sources shipped in
 * npm packages, and builds the intel detectors over them. Call it once per run: the indexes are built here. A source
 * that cannot be read or parsed is left out with a warning; loading never fails because of the data.
 */
export async function loadIntel(options: LoadIntelOptions): Promise<LoadedIntel> {
  const definitions = options.definitions ?? intelSourceDefinitions
  const cache = new IntelCache(options.directory)
  const warnings: IntelLoadWarning[] = []
  const statuses: IntelSourceStatus[] = []
  const lists = {
    sanctions: [] as LoadedList<SanctionedEntity>[],
    institutions: [] as LoadedList<Institution>[],
    highRiskInstitutions: [] as LoadedList<HighRiskInstitution>[],
    network: [] as LoadedList<NetworkRange>[],
    watchlists: [] as LoadedList<WatchlistEntry>[],
  }
  for (const { key, manifest } of await cache.list()) {
    const name = sourceDisplayName(key)
    const definition = definitions.find((candidate) => candidate.kind === key.kind)
    if (!definition) {
      warnings.push({ code: 'source-invalid', source: name, message: `${name}: this version cannot read ${key.kind}` })
      continue
    }
    const current = await cache.readCurrent(key)
    if (current.status !== 'ok') {
      const message = current.status === 'damaged' ? current.message : 'its files are missing'
      warnings.push({ code: 'source-damaged', source: name, message: `${name} left out: ${message}` })
      continue
    }
    const parsed = definition.parse(current.files)
    if (parsed.status === 'invalid') {
      const first = parsed.issues[0]
      const why = first ? describeIssue(first) : 'it does not parse'
      warnings.push({ code: 'source-invalid', source: name, message: `${name} left out: ${why}` })
      continue
    }
    const source: ReferenceSource = { name, version: manifest.version, entries: parsed.entries }
    statuses.push(cachedSourceStatus(key, manifest))
    const data = parsed.data
    switch (data.area) {
      case 'sanctions':
        lists.sanctions.push({ source, items: data.entities })
        break
      case 'institutions':
        lists.institutions.push({ source, items: data.institutions })
        break
      case 'high-risk-institutions':
        lists.highRiskInstitutions.push({ source, items: data.entries })
        break
      case 'network':
        lists.network.push({ source, items: data.ranges })
        break
      case 'watchlist':
        lists.watchlists.push({ source, items: data.entries })
        break
    }
  }
  const packaged = options.includePackaged === false ? undefined : loadPackagedIntel()
  if (packaged?.status === 'unavailable') warnings.push({ code: 'packaged-unavailable', message: packaged.message })
  const shipped = packaged?.status === 'ok' ? packaged : undefined
  if (lists.sanctions.length === 0)
    warnings.push({ code: 'no-sanctions-list', message: 'no sanctions list is cached: names are not screened' })
  const all: IntelLists = { ...lists, network: [...(shipped?.network ?? []), ...lists.network] }
  const detectors = buildIntelDetectors(all, shipped?.ipDatabase, options.consortiumKey)
  const sources = [
    ...Object.values(all).flatMap((areaLists: readonly LoadedList<unknown>[]) => areaLists.map((list) => list.source)),
    ...packagedExtraSources(packaged),
  ]
  return { detectors, sources, statuses, warnings, lists: all }
}
