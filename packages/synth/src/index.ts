/**
 * @hirewall/synth: a labelled synthetic world of job applications (honest applicants, hard negatives and the fraud
 * patterns of the red-flag catalogue) and the evaluation of screening results against its labels.
 */
export {
  generateApplications,
  worldDefaults,
  fraudPatternShares,
  hardNegativeShares,
  type WorldOptions,
} from './generate-applications.js'
export { generateWorld } from './generate-world.js'
export { fraudPatterns, type FraudPattern } from './episodes/fraud-episodes.js'
export { hardNegativeKinds, type HardNegativeKind } from './episodes/legitimate-episodes.js'
export {
  evaluateScreening,
  type EvaluationMetrics,
  type ConfusionCounts,
  type PatternRecall,
  type HardNegativeRate,
} from './evaluate-screening.js'
export { formatEvaluationTable } from './format-evaluation-table.js'
export { evaluateLinking, formatLinkingTable, type LinkingMetrics } from './evaluate-linking.js'
export {
  generateWorkforce,
  workforceWorldDefaults,
  workforceHardNegativeShares,
  type WorkforceWorld,
  type WorkforceWorldOptions,
} from './workforce/generate-workforce.js'
export {
  workforceHardNegatives,
  workforcePatterns,
  type WorkforceHardNegative,
  type WorkforceLabel,
  type WorkforcePattern,
} from './workforce/employee-plan.js'
export { workforceCompany, type WorkforceCompany } from './workforce/plan-workforce.js'
export type { SignInLine } from './workforce/sign-in-events.js'
export {
  evaluateWorkforce,
  formatWorkforceTable,
  type AssessedEmployee,
  type EvaluatedCluster,
  type WorkforceMetrics,
} from './workforce/evaluate-workforce.js'
