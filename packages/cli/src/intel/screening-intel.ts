import { perRecordDetectors, type Detector, type ReferenceData } from '@hirewall/core'
import { loadIntel, resolveIntelDirectory, type IntelSourceStatus } from '@hirewall/intel'
import type { CliIo } from '../cli-io.js'
import { packagedReferenceData } from '../reference/packaged-reference-data.js'
import { packagedSourceStatuses } from './packaged-source-statuses.js'
import { consortiumKeyFileVariable, readConsortiumKey } from '../sharing/read-consortium-key.js'

/** The `--intel-dir` and `--no-intel` options of the commands that screen. */
export type IntelFlags = { readonly intel: boolean; readonly intelDir?: string }

/** What a screening run uses: every detector to run and the reference data whose sources the results cite. */
export type ScreeningIntel = {
  readonly detectors: readonly Detector[]
  readonly reference: ReferenceData
  /** The sources loaded, as `intel status` lists them (computed when asked: packaged data is checksummed). */
  readonly sourceStatuses?: () => readonly IntelSourceStatus[]
  /** The consortium key hashed watchlist entries match with (`HIREWALL_CONSORTIUM_KEY_FILE`). */
  readonly consortiumKey?: Uint8Array
}

/** One line naming how to get a sanctions list, printed wherever its absence matters. */
export const noSanctionsListHint =
  'No sanctions list is cached, so names are not screened against one: run `hirewall intel update` (online) or `hirewall intel import ofac-sdn FILE...`.'

/**
 * Loads the intel cache once for a run: the per-record detectors plus the intel detectors, and the packaged reference
 * data with the intel sources added so every result's `dataVersions` cites them. Problems with the data go to stderr,
 * one line each, and screening goes on without the source concerned. With `--no-intel`, only the packaged lists.
 */
export async function loadScreeningIntel(flags: IntelFlags, io: CliIo): Promise<ScreeningIntel> {
  const packaged = packagedReferenceData()
  const packagedStatuses = (isIntelOn: boolean): readonly IntelSourceStatus[] =>
    packagedSourceStatuses().filter(
      (status) => isIntelOn || packaged.sources.some((source) => source.name === status.name),
    )
  if (!flags.intel) {
    return { detectors: perRecordDetectors, reference: packaged, sourceStatuses: () => packagedStatuses(false) }
  }
  // Hashed watchlist entries shared by partners match only with the consortium key they were hashed with.
  const keyFile = process.env[consortiumKeyFileVariable]
  const consortiumKey = keyFile === undefined || keyFile === '' ? undefined : await readConsortiumKey(keyFile)
  const intel = await loadIntel({
    directory: resolveIntelDirectory({ flag: flags.intelDir }),
    ...(consortiumKey === undefined ? {} : { consortiumKey }),
  })
  for (const warning of intel.warnings)
    io.stderr.write(
      warning.code === 'no-sanctions-list' ? `${noSanctionsListHint}\n` : `hirewall: ${warning.message}\n`,
    )
  return {
    detectors: [...perRecordDetectors, ...intel.detectors],
    reference: { ...packaged, sources: [...packaged.sources, ...intel.sources] },
    sourceStatuses: () => [...intel.statuses, ...packagedStatuses(true)],
    ...(consortiumKey === undefined ? {} : { consortiumKey }),
  }
}
