/**
 * @hirewall/intel: reference intelligence. Parsers for the official lists, the indexes built from them (sanctions
 * name matching, institution resolution, IP ranges, watchlists) and the detectors that consult them. Parsers and
 * indexes are pure; reading the cache, packaged data and downloads happens in the files that say so.
 */
export * from './source/intel-source.js'
export { intelSourceDefinitions, findSourceDefinition } from './source/source-catalogue.js'
export * from './sanctions/sanctioned-entity.js'
export type { Institution, HighRiskInstitution } from './institutions/institution.js'
export * from './network/network-range.js'
export * from './watchlists/watchlist-entry.js'
// ── sanctions ──
export { sanctionsSources } from './sanctions/sanctions-sources.js'
export { parseOfacCsvList, ofacCsvLists, ofacCsvFileNames, type OfacCsvList } from './sanctions/ofac-csv-list.js'
export { parseUnConsolidatedList, unConsolidatedFileName } from './sanctions/un-consolidated-list.js'
export { parseOpenSanctionsEntities, openSanctionsFileName } from './sanctions/opensanctions-entities.js'
export { readOfacRemarks, type OfacRemarks } from './sanctions/ofac-remarks.js'
// ── institutions ──
// ── network ──
// ── watchlists ──
export { watchlistSources } from './watchlists/watchlist-sources.js'
export { parseWatchlistCsv } from './watchlists/parse-watchlist-csv.js'
export {
  watchlistColumns,
  watchlistColumnAliases,
  watchlistKindAliases,
  type WatchlistColumn,
} from './watchlists/watchlist-csv-names.js'
export { readListedIndicator, type ListedIndicator } from './watchlists/listed-indicator.js'
export { createWatchlistDetector, type WatchlistDetectorOptions } from './watchlists/watchlist-detector.js'
// ── cache, update, loading ──
