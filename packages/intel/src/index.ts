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
export {
  createSanctionsMatcher,
  defaultMatchOptions,
  maximumMatchLimit,
  type SanctionsMatcher,
  type SanctionsMatcherStatistics,
} from './sanctions/matching/sanctions-matcher.js'
export * from './sanctions/matching/match-types.js'
export { readMatchQuery, type MatchQueryReading } from './sanctions/matching/read-match-query.js'
export { scoreAdjustments } from './sanctions/matching/score-match.js'
export {
  normaliseName,
  nameReadings,
  nameTokenKinds,
  type NameReading,
  type NameToken,
  type NameTokenKind,
  type NormalisedName,
} from './sanctions/matching/normalise-name.js'
export { jaroWinkler } from './sanctions/matching/jaro-winkler.js'
export {
  createSanctionsDetector,
  defaultReviewThreshold,
  screenedParties,
  type SanctionsDetectorOptions,
  type ScreenedParty,
} from './sanctions/sanctions-detector.js'
// ── institutions ──
export { institutionSources, ipedsDirectoryYear } from './institutions/institution-sources.js'
export { parseWorldUniversities, worldUniversitiesFileName } from './institutions/parse-world-universities.js'
export { parseIpedsDirectory } from './institutions/parse-ipeds-directory.js'
export { parseHighRiskList, highRiskListColumns } from './institutions/parse-high-risk-list.js'
export {
  createInstitutionIndex,
  resolutionMethods,
  type InstitutionCandidate,
  type InstitutionIndex,
  type InstitutionQuery,
  type InstitutionResolution,
  type ResolutionMethod,
} from './institutions/institution-index.js'
export {
  createHighRiskIndex,
  highRiskMatchKinds,
  type HighRiskIndex,
  type HighRiskMatch,
  type HighRiskMatchKind,
} from './institutions/high-risk-index.js'
export {
  createInstitutionDetector,
  type InstitutionDetectorInput,
  type InstitutionDetectorOptions,
  type InstitutionSignalCode,
} from './institutions/institution-detector.js'
export { normaliseInstitutionName, type InstitutionName } from './institutions/institution-name.js'
export {
  buildResolutionCases,
  measureResolution,
  type ResolutionCase,
  type ResolutionCaseOptions,
  type ResolutionCases,
  type ResolutionFigures,
  type ResolutionMeasureOptions,
} from './institutions/evaluate-resolution.js'
export { namePerturbations, type NamePerturbation } from './institutions/perturb-institution-name.js'
// ── network ──
export { networkSources } from './network/network-sources.js'
export {
  createNetworkDetector,
  defaultEmbargoedCountries,
  type NetworkDetectorInput,
  type NetworkDetectorOptions,
  type NetworkSignalCode,
} from './network/network-detector.js'
export { createNetworkIndex, type NetworkIndex, type NetworkMatch } from './network/network-index.js'
export { createIpDatabase, type IpDatabase, type IpDatabaseParts, type IpFacts } from './network/ip-database.js'
export { loadPackagedIpDatabase, ipDatabasePackages } from './network/packaged-ip-database.js'
export {
  loadShippedNetworkClassification,
  shippedNetworkClassificationName,
} from './network/shipped-network-classification.js'
export { parseAsnRanges, type AsnRanges, type AsnRecord } from './network/asn-ranges.js'
export { createIpRangeSet, type IpRangeEntry, type IpRangeSet } from './network/ip-range-set.js'
export {
  parseIpBlock,
  readIpBlock,
  ipBlockBetween,
  ipBlockToCidrs,
  type IpBlock,
  type IpBlockReading,
} from './network/ip-block.js'
export { parseNetworkClassification, networkClassificationColumns } from './network/parse-network-classification.js'
export { parseNetworkLines } from './network/parse-network-lines.js'
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
export { recordIndicators, type RecordIndicator } from './watchlists/record-indicators.js'
export {
  keyedHashPrefix,
  keyedIndicatorHash,
  keyFingerprint,
  readKeyedHash,
} from './watchlists/keyed-indicator-hash.js'
// ── CSV ──
export {
  readCsv,
  csvDelimiters,
  csvQuoteModes,
  type CsvDelimiter,
  type CsvQuoteMode,
  type CsvReadOptions,
  type CsvReadResult,
  type CsvRecord,
  type CsvRecordIssue,
} from './csv/read-csv.js'
// ── cache, update, loading ──
export { resolveIntelDirectory, type IntelDirectoryInputs } from './cache/intel-directory.js'
export {
  IntelCache,
  type CachedSource,
  type CurrentVersion,
  type IncomingFile,
  type IncomingVersion,
  type StoreOutcome,
} from './cache/intel-cache.js'
export {
  isIntelKind,
  listNameProblem,
  sourceDisplayName,
  sourceKeyProblem,
  type SourceKey,
} from './cache/source-key.js'
export {
  combinedSha256,
  sourceOrigins,
  type ManifestFile,
  type SourceManifest,
  type SourceOrigin,
} from './cache/source-manifest.js'
export { describeIssue, collapseRatio } from './cache/verify-source-files.js'
export { mirrorUrl, resolveIntelMirror, type MirrorSetting } from './cache/mirror-url.js'
export { defaultDownloadTimeoutMs, defaultMaxDownloadBytes, type DownloadOptions } from './cache/download-source.js'
export { updateIntel, updatableKinds, type SourceUpdate, type UpdateOptions } from './cache/update-intel.js'
export { importIntel, type ImportOptions, type ImportResult } from './cache/import-intel.js'
export { cachedSourceStatus, packageSourceStatus, type PackagedSource } from './cache/source-status.js'
export { packagedIntelStatuses } from './cache/packaged-intel-statuses.js'
export { intelKindAreas, sanctionsKinds, type IntelArea } from './cache/intel-areas.js'
export {
  loadIntel,
  intelLoadWarningCodes,
  type IntelLoadWarning,
  type IntelLoadWarningCode,
  type LoadIntelOptions,
  type LoadedIntel,
} from './cache/load-intel.js'
export type { IntelLists } from './cache/intel-detectors.js'
