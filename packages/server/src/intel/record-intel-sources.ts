import type { IntelSourceStatus } from '@hirewall/intel'
import type { IntelSourceRecord, Store } from '@hirewall/store'

/**
 * Records the reference sources a process loaded (the intel cache's lists and the data shipped in npm packages) in
 * `intel_sources`, replacing what an earlier start recorded, so `GET /v1/intel/sources` and the console show what
 * screening uses: each source's version, date, entries, skipped rows and checksum. Call it at start and after every
 * reload of the intel cache.
 */
export function recordIntelSources(
  store: Pick<Store, 'intelSources'>,
  statuses: readonly IntelSourceStatus[],
): Promise<readonly IntelSourceRecord[]> {
  return store.intelSources.replaceAll(
    statuses.map((status) => ({
      kind: status.kind,
      name: status.name,
      version: status.version,
      sha256: status.sha256,
      entries: status.entries,
      skipped: status.skipped ?? 0,
      origin: status.origin,
      fetchedAt: new Date(status.fetchedAt),
    })),
  )
}
