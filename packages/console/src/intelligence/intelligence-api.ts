import { callApi, withQuery } from '../api/api-client'

/** A reference source the service loaded (`GET /v1/intel/sources`). */
export type IntelSource = {
  readonly kind: string
  readonly name: string
  readonly version: string
  readonly fetchedAt: string
  readonly loadedAt: string
  readonly entries: number
  readonly skipped: number
  readonly origin: 'download' | 'import' | 'package'
  readonly sha256: string
}

export type Watchlist = {
  readonly id: string
  readonly name: string
  readonly description: string | null
  readonly entries: number
  readonly revision: number
  readonly createdBy: string
  readonly createdAt: string
  readonly updatedAt: string
}

export const indicatorKinds = ['phone', 'email', 'domain', 'address', 'handle', 'ip', 'cv-sha256'] as const
export type IndicatorKind = (typeof indicatorKinds)[number]
export const tlpLevels = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const
export type TlpLevel = (typeof tlpLevels)[number]
export const entrySeverities = ['info', 'low', 'medium', 'high', 'critical'] as const

export type WatchlistEntry = {
  readonly id: number
  readonly kind: IndicatorKind
  readonly value: string
  readonly normalised: string
  readonly severity: string | null
  readonly note: string | null
  readonly source: string
  readonly tlp: TlpLevel
  readonly isShareable: boolean
  readonly confidence: number | null
  readonly addedBy: string
  readonly addedAt: string
}

/** What the server started after a change: the applications holding the indicators are screened again. */
export type RescreenStarted = {
  readonly status: 'queued' | 'running' | 'not-needed'
  readonly scope: 'some' | 'all'
  readonly applications: number | null
  readonly reason?: string
}

export type ImportReport = {
  readonly watchlist: Watchlist
  readonly format: 'csv' | 'stix' | 'misp'
  readonly added: number
  readonly alreadyListed: number
  readonly repeated: number
  readonly rejectedCount: number
  readonly rejected: readonly {
    readonly line?: number
    readonly field?: string
    readonly path?: string
    readonly message: string
  }[]
  readonly unsupported: readonly { readonly path?: string; readonly type: string; readonly message: string }[]
  readonly rescreen: RescreenStarted
}

export async function listSources(signal: AbortSignal): Promise<readonly IntelSource[]> {
  return (await callApi<{ items: readonly IntelSource[] }>('GET', '/v1/intel/sources', { signal })).items
}

export async function listWatchlists(signal: AbortSignal): Promise<readonly Watchlist[]> {
  return (await callApi<{ items: readonly Watchlist[] }>('GET', '/v1/watchlists', { signal })).items
}

export function createWatchlist(body: { readonly name: string; readonly description?: string }): Promise<Watchlist> {
  return callApi('POST', '/v1/watchlists', { body })
}

export function listEntries(
  id: string,
  after: string | undefined,
  signal?: AbortSignal,
): Promise<{ readonly items: readonly WatchlistEntry[]; readonly nextCursor: string | null }> {
  const path = withQuery(`/v1/watchlists/${encodeURIComponent(id)}/entries`, { limit: 50, after })
  return callApi('GET', path, signal === undefined ? {} : { signal })
}

export type NewEntry = {
  readonly kind: IndicatorKind
  readonly value: string
  readonly severity?: string
  readonly note?: string
  readonly tlp?: TlpLevel
}

export function addEntry(
  id: string,
  body: NewEntry,
): Promise<{ readonly entry: WatchlistEntry; readonly rescreen: RescreenStarted }> {
  return callApi('POST', `/v1/watchlists/${encodeURIComponent(id)}/entries`, { body })
}

export function removeEntry(id: string, entryId: number): Promise<{ readonly rescreen: RescreenStarted }> {
  return callApi('DELETE', `/v1/watchlists/${encodeURIComponent(id)}/entries/${entryId}`)
}

/** Sends a file as it is: CSV as text/csv, a STIX bundle or MISP event as JSON (the server tells them apart). */
export function importFile(id: string, file: { readonly name: string; readonly text: string }): Promise<ImportReport> {
  const isCsv = /\.(csv|tsv|txt)$/i.test(file.name)
  return callApi('POST', withQuery(`/v1/watchlists/${encodeURIComponent(id)}/imports`, { fileName: file.name }), {
    text: { contentType: isCsv ? 'text/csv' : 'application/json', body: file.text },
  })
}
