/**
 * @hirewall/workforce: HireWall after the hire. Importers for the feeds that show a laptop farm or a taken-over account
 * (HR hires, equipment shipments, device management, osquery, Okta and Entra sign-ins, payroll changes), the
 * user-editable lists they are judged against, and the incremental evaluator that keeps each employee's case. Pure:
 * the importers take text, the evaluator takes records; only `loadShippedLists` reads the package's own data files.
 */
export * from './records/workforce-record.js'
// ── importers ──
export type { ImportedRow } from './import/import-row.js'
export { hireColumns, importHiresCsv, importHiresJson, importHireObject } from './import/hires.js'
export { shipmentColumns, importShipmentsCsv } from './import/shipments.js'
export { mdmColumns, importMdmCsv } from './import/mdm.js'
export { importOsqueryLog, importOsqueryResult } from './import/osquery.js'
export { importOktaSystemLog, importOktaEvent } from './import/okta-system-log.js'
export { importEntraSignIns, importEntraSignIn } from './import/entra-sign-ins.js'
export { payrollColumns, importPayrollCsv, type PayrollImportOptions } from './import/payroll.js'
export { hashAccount, isAccountHash } from './import/account-hash.js'
export { jsonRows, type JsonRow } from './import/json-rows.js'
export type { CsvColumnSpec } from './import/csv-table.js'
// ── lists ──
export type { ListFile, ListIssue } from './lists/list-file.js'
export {
  parseRemoteAccessCatalogue,
  normaliseUsbId,
  shippedCatalogueName,
  toolKinds,
  toolMatches,
  type CatalogueEntry,
  type RemoteAccessCatalogue,
  type ToolKind,
  type ToolMatch,
} from './lists/remote-access-catalogue.js'
export {
  parseForwardingAddresses,
  findForwarding,
  forwardingKinds,
  shippedForwardingName,
  type ForwardingAddresses,
  type ForwardingEntry,
  type ForwardingKind,
} from './lists/forwarding-addresses.js'
export {
  parsePayoutInstitutions,
  findPayoutInstitution,
  payoutKinds,
  shippedPayoutName,
  type PayoutInstitution,
  type PayoutInstitutions,
  type PayoutKind,
} from './lists/payout-institutions.js'
export { loadShippedLists, type ShippedLists } from './lists/shipped-lists.js'
// ── evaluation ──
export {
  WorkforceEvaluator,
  createWorkforceEvaluator,
  workforceDetectors,
  type EmployeeAssessment,
  type OrganisationSettings,
  type WorkforceDetectorFailure,
  type WorkforceEvaluatorOptions,
  type WorkforceLists,
  type WorkforceStatistics,
} from './evaluate/workforce-evaluator.js'
export { defaultWorkforceThresholds, type WorkforceThresholds } from './evaluate/workforce-thresholds.js'
export type { EmployeeView, FarmCluster, FarmLink, HabitualAddress, WorkforcePool } from './evaluate/employee-view.js'
export {
  createIpClassifier,
  trustedNetworkProblems,
  type IpClass,
  type NetworkIntel,
} from './evaluate/ip-classifier.js'
export { farmGraph } from './evaluate/farm-graph.js'
export type { WorkforceDetector } from './detectors/workforce-detector.js'
