/**
 * @hirewall/model: the learned risk model that scores next to the rules. Features from a screening result and the
 * identity graph (never protected attributes), gradient-boosted trees with Platt-calibrated probabilities, tree SHAP
 * explanations in plain English, held-out evaluation against the rules, backtests, fairness guardrails, drift, and
 * the models directory. See docs/model.md.
 */
export {
  allowedSignalGroups,
  excludedSignals,
  type AllowedSignalGroup,
  type ExcludedSignal,
} from './features/signal-features.js'
export {
  modelFeatures,
  modelFeatureNames,
  featureKinds,
  featurePosition,
  findFeature,
  type FeatureDefinition,
  type FeatureKind,
} from './features/model-features.js'
export { extractFeatures, severityLevel, type ModelInput } from './features/extract-features.js'
export { linkFactsFrom, unlinkedFacts, sharedKinds, type LinkFacts } from './features/link-facts.js'
export { LinkFactsRecorder } from './features/link-facts-recorder.js'
export {
  protectedAttributes,
  reviewedExceptions,
  checkFeatureNames,
  type FeatureViolation,
  type ProtectedAttribute,
} from './features/protected-attribute-guard.js'
export { boostTrees, defaultBoostingParameters, ensembleMargin, type BoostingParameters } from './gbt/boost-trees.js'
export type { DecisionTree } from './gbt/decision-tree.js'
export { fitPlattScaling, calibrate, type PlattScaling } from './calibration/platt-scaling.js'
export { toModelExample, syntheticLabel, type ModelExample, type ModelLabel } from './dataset/model-example.js'
export {
  screenForModel,
  generatedWorldExamples,
  type ModelScreeningOptions,
  type ScreenedForModel,
} from './dataset/screen-for-model.js'
export {
  decisionVerdicts,
  decisionSubjectKinds,
  parseDecisionLines,
  labelBook,
  type DecisionVerdict,
  type DecisionRow,
  type DecisionLineIssue,
  type LabelBook,
} from './dataset/decision-labels.js'
export {
  rankingMetrics,
  thresholdMetrics,
  precisionRecallCurve,
  precisionAtRecall,
  type CurvePoint,
  type RankingMetrics,
  type ThresholdMetrics,
} from './evaluation/ranking-metrics.js'
export { calibrationReport, type CalibrationReport, type ReliabilityBin } from './evaluation/calibration-report.js'
export {
  fairnessDimensions,
  gatedFairnessDimensions,
  measurementGroups,
  countryArea,
  type FairnessDimension,
  type MeasurementGroups,
} from './evaluation/measurement-groups.js'
export {
  fairnessReport,
  defaultFairnessBounds,
  type FairnessBounds,
  type FairnessReport,
  type DimensionFairness,
  type GroupRates,
} from './evaluation/fairness-report.js'
export {
  evaluateModel,
  modelOutcome,
  combinedOutcome,
  type ModelEvaluation,
  type ModelThresholds,
  type ScorerReport,
} from './evaluation/evaluate-model.js'
export { backtest, backtestTally, type Backtest, type BacktestRow, type BacktestTally } from './evaluation/backtest.js'
export {
  scoreDistribution,
  scoreDrift,
  scoreBinEdges,
  driftLevels,
  type ScoreDistribution,
  type ScoreDrift,
  type DriftLevel,
} from './evaluation/score-distribution.js'
export {
  decidePromotion,
  promotionCheckNames,
  type PromotionCheck,
  type PromotionDecision,
  type PromotionInput,
} from './evaluation/promotion-gate.js'
export {
  riskModelFormat,
  riskModelFormatVersion,
  type RiskModelFile,
  type TrainingLabels,
  type FoldSummary,
  type FeatureImportance,
} from './risk-model/risk-model-file.js'
export { parseRiskModelFile, type ModelFileParse, type ModelFileIssue } from './risk-model/parse-risk-model-file.js'
export {
  compileRiskModel,
  type RiskModel,
  type RiskPrediction,
  type RiskExplanation,
  type FeatureContribution,
} from './risk-model/risk-model.js'
export { trainRiskModel, type TrainingOptions, type TrainingOutcome } from './risk-model/train-risk-model.js'
export {
  ModelDirectory,
  resolveModelDirectory,
  activationActions,
  type ActiveModelRecord,
  type ActivationAction,
  type ModelDirectoryInputs,
  type ModelListing,
  type ModelLoad,
} from './registry/model-directory.js'
