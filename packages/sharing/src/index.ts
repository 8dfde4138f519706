/**
 * @hirewall/sharing: confirmed-fraud indicators in the formats security teams already run. Pure functions:
 * indicators in, a STIX 2.1 bundle or a MISP event out (with the list of what left, for the audit log); a bundle or
 * an event in, watchlist indicators and a report of what could not be read out. Privacy-preserving mode writes keyed
 * hashes of the normalised identifiers instead of the values.
 */
export * from './shared-indicator.js'
export * from './plan-export.js'
export * from './imported-indicator.js'
export * from './read-indicator-csv.js'
export { writeWatchlistCsv } from './write-watchlist-csv.js'
export * from './stix/export-stix-bundle.js'
export { importStixBundle } from './stix/import-stix-bundle.js'
export { readStixPattern, type StixComparison, type StixPatternReading } from './stix/read-stix-pattern.js'
export { observableId, uuidV5, canonicalJson, stixObservableNamespace } from './stix/stix-identifier.js'
export { customObservableTypes, extensionDefinitionId } from './stix/stix-observable.js'
export { tlp2MarkingIds, tlp2ExtensionId, tlp1MarkingIds, tlpOfMarking } from './stix/tlp-markings.js'
export * from './misp/export-misp-event.js'
export { importMispEvent, mispTypeKinds } from './misp/import-misp-event.js'
export { mispAttributeType, hirewallTagNamespace, type MispAttributeType } from './misp/misp-attribute-type.js'
