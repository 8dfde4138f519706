import { outcomes } from '@hirewall/core'
import { precisionAtRecall } from '@hirewall/model'
import type {
  Backtest,
  CalibrationReport,
  FairnessReport,
  ModelEvaluation,
  ModelListing,
  PromotionDecision,
  RiskModelFile,
  ScorerReport,
  ScoreDrift,
  TrainingLabels,
} from '@hirewall/model'

const count = (value: number): string => value.toLocaleString('en-US')
const metric = (value: number | null): string => (value === null ? '—' : value.toFixed(3))
const percent = (value: number | null, digits = 1): string =>
  value === null ? '—' : `${(value * 100).toFixed(digits)}%`

function table(rows: readonly (readonly string[])[], rightAligned: (column: number) => boolean): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? []
  return rows
    .map(
      (row) =>
        `  ${row
          .map((cell, column) =>
            rightAligned(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
          )
          .join('  ')
          .trimEnd()}`,
    )
    .join('\n')
}

export function describeLabels(labels: TrainingLabels): string {
  switch (labels.source) {
    case 'generated-world':
      return labels.world
        ? `a generated world (seed ${labels.world.seed}, ${count(labels.world.count)} applications), labelled by its ground truth, not by analyst decisions`
        : `generated-world files (${labels.files.join(', ')}), labelled by their ground truth, not by analyst decisions`
    case 'analyst-decisions':
      return `analyst decisions (${count(labels.confirmedFraud)} confirmed fraud, ${count(labels.cleared)} cleared; ${count(labels.needsVerification)} needing verification and ${count(labels.undecided)} undecided left out) on ${labels.files.join(', ')}`
  }
}

/** Rules alone, the model alone and both, on the same labelled applications. */
export function formatScorers(evaluation: ModelEvaluation): string {
  const row = (name: string, report: ScorerReport): string[] => [
    name,
    metric(report.prAuc),
    metric(report.rocAuc),
    percent(report.recallAtOnePercentFpr),
    metric(report.review.precision),
    metric(report.review.recall),
    percent(report.review.falsePositiveRate, 2),
    metric(report.hold.precision),
    metric(report.hold.recall),
  ]
  const recalls = [0.5, 0.7, 0.8, 0.9]
  const curveRow = (name: string, report: ScorerReport): string[] => [
    name,
    ...recalls.map((recall) => metric(precisionAtRecall(report.curve, recall))),
  ]
  return [
    table(
      [
        ['', 'PR-AUC', 'ROC-AUC', 'recall@1%FPR', 'review: precision', 'recall', 'FPR', 'hold: precision', 'recall'],
        row('rules only', evaluation.rules),
        row('model only', evaluation.model),
        row('both', evaluation.combined),
      ],
      (column) => column > 0,
    ),
    '',
    table(
      [
        ['precision at recall', ...recalls.map((recall) => percent(recall, 0))],
        curveRow('rules only', evaluation.rules),
        curveRow('model only', evaluation.model),
        curveRow('both', evaluation.combined),
      ],
      (column) => column > 0,
    ),
  ].join('\n')
}

export function formatCalibration(calibration: CalibrationReport, before?: CalibrationReport): string {
  const lines = [
    `Calibration: expected calibration error ${percent(calibration.expectedCalibrationError, 2)}${
      before ? ` (${percent(before.expectedCalibrationError, 2)} before Platt scaling)` : ''
    }, worst bin ${percent(calibration.maximumCalibrationError, 2)}, Brier score ${metric(calibration.brierScore)}`,
    table(
      [
        ['predicted', 'applications', 'mean predicted', 'observed'],
        ...calibration.bins
          .filter((bin) => bin.count > 0)
          .map((bin) => [
            `${Math.round(bin.from * 100)}-${Math.round(bin.to * 100)}%`,
            count(bin.count),
            percent(bin.meanPredicted),
            percent(bin.observedRate),
          ]),
      ],
      (column) => column > 0,
    ),
  ]
  return lines.join('\n')
}

export function formatFairness(report: FairnessReport, title: string): string {
  const lines = [
    `${title}: false-positive rate of legitimate applicants by group (gap bound ${(report.maxFalsePositiveGap * 100).toFixed(1)} points; groups of ${count(report.minGroupSize)}+ measured)`,
  ]
  for (const dimension of report.dimensions) {
    const measured = dimension.groups.filter((group) => group.isMeasured)
    const verdict =
      dimension.status === 'too-few-groups'
        ? 'too few groups to compare'
        : `${dimension.status === 'exceeds' ? 'EXCEEDS' : 'within'}: gap ${((dimension.falsePositiveGap ?? 0) * 100).toFixed(2)} points (highest ${dimension.highest}, lowest ${dimension.lowest})`
    lines.push(`  ${dimension.dimension}${dimension.isGated ? '' : ' (reported, not gated)'}: ${verdict}`)
    const shown = measured.slice(0, 12)
    if (shown.length > 0)
      lines.push(
        `    ${shown.map((group) => `${group.group} ${percent(group.falsePositiveRate, 2)} of ${count(group.legitimate)}`).join(' · ')}${
          measured.length > shown.length ? ` · ${measured.length - shown.length} more` : ''
        }`,
      )
  }
  return lines.join('\n')
}

export function formatBacktest(result: Backtest, title: string): string {
  const moves: string[] = []
  for (const before of outcomes)
    for (const after of outcomes) {
      const moved = result.transitions[before][after]
      if (before !== after && moved > 0) moves.push(`${before} → ${after} ${count(moved)}`)
    }
  return [
    `${title}: ${count(result.changed)} of ${count(result.applications)} outcomes would change${moves.length > 0 ? ` (${moves.join(', ')})` : ''}`,
    `  newly flagged: ${count(result.newlyFlagged.fraud)} fraud, ${count(result.newlyFlagged.legitimate)} legitimate${result.newlyFlagged.unlabelled > 0 ? `, ${count(result.newlyFlagged.unlabelled)} unlabelled` : ''}`,
    `  newly cleared: ${count(result.newlyCleared.fraud)} fraud, ${count(result.newlyCleared.legitimate)} legitimate${result.newlyCleared.unlabelled > 0 ? `, ${count(result.newlyCleared.unlabelled)} unlabelled` : ''}`,
  ].join('\n')
}

export function formatModelCard(model: RiskModelFile, savedTo?: string): string {
  const { split, treeCount, featureImportance, timings } = model.training
  const fold = (name: string, summary: typeof split.train): string =>
    `${name} ${count(summary.applications)} (${count(summary.fraud)} fraud)`
  const timing =
    timings?.screeningMs === undefined || timings.trainingMs === undefined
      ? ''
      : `; screening ${(timings.screeningMs / 1000).toFixed(1)} s, training ${(timings.trainingMs / 1000).toFixed(1)} s`
  return [
    `Model ${model.version}${savedTo ? ` saved to ${savedTo}` : ''}`,
    `  trained on ${describeLabels(model.labels)}`,
    `  created ${model.createdAt}; policy ${model.training.policyVersion}; ${treeCount} trees, seed ${model.seed}${timing}`,
    `  split by submission time: ${fold('train', split.train)} · ${fold('calibration', split.calibration)} · ${fold('held out', split.test)}`,
    `  thresholds: review from ${percent(model.thresholds.review)}, hold from ${percent(model.thresholds.hold)} (calibrated probability of fraud)`,
    '',
    `Held-out applications (the latest ${count(model.evaluation.applications)}; ${count(model.evaluation.fraud)} fraud)`,
    formatScorers(model.evaluation),
    '',
    formatCalibration(model.evaluation.calibration, model.training.calibrationBeforeScaling),
    '',
    formatFairness(model.evaluation.fairness.model, 'Fairness, model alone, held out'),
    '',
    `Features with the largest effect (mean |contribution| in log-odds, held out): ${featureImportance
      .slice(0, 8)
      .map((importance) => `${importance.feature} ${importance.meanAbsoluteContribution.toFixed(2)}`)
      .join(', ')}`,
  ].join('\n')
}

export function formatPromotion(decision: PromotionDecision, version: string): string {
  const lines = [
    decision.status === 'allowed' ? `Promotion of ${version}: allowed` : `Promotion of ${version}: BLOCKED`,
  ]
  for (const check of decision.checks) {
    lines.push(`  ${check.name}: ${check.status}`)
    for (const message of check.messages) lines.push(`    ${message}`)
  }
  return lines.join('\n')
}

export function formatModelList(listings: readonly ModelListing[]): string {
  if (listings.length === 0) return 'No models yet: run "hirewall model train".'
  return table(
    [
      ['', 'VERSION', 'CREATED', 'LABELS', 'HELD-OUT PR-AUC'],
      ...listings.map((listing) => [
        listing.isActive ? '*' : '',
        listing.version,
        listing.createdAt,
        listing.labelSource,
        metric(listing.heldOutPrAuc),
      ]),
    ],
    (column) => column === 4,
  )
}

export function formatDrift(drift: ScoreDrift, version: string): string {
  const rows = drift.reference.counts.map((_, bin) => {
    const share = (counts: readonly number[]): string => {
      const total = counts.reduce((sum, value) => sum + value, 0)
      return percent(total === 0 ? null : (counts[bin] as number) / total)
    }
    const from = drift.reference.edges[bin] as number
    const to = drift.reference.edges[bin + 1] as number
    return [
      `${Math.round(from * 100)}-${Math.round(to * 100)}%`,
      share(drift.reference.counts),
      share(drift.live.counts),
    ]
  })
  return [
    `Score drift of ${version}: population stability index ${drift.populationStabilityIndex.toFixed(3)}, ${drift.level} (below 0.1 stable, below 0.25 moderate)`,
    `  mean probability ${percent(drift.reference.meanProbability, 2)} when trained (held out), ${percent(drift.live.meanProbability, 2)} now`,
    table([['probability', 'held out', 'now'], ...rows], (column) => column > 0),
  ].join('\n')
}
