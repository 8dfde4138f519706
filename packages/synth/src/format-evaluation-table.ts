import { outcomes } from '@hirewall/core'
import type { EvaluationMetrics } from './evaluate-screening.js'

const percent = (value: number | null): string => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`)
const decimal = (value: number | null): string => (value === null ? 'n/a' : value.toFixed(3))

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: readonly string[]): string =>
    `  ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')}`.trimEnd()
  return [line(header), ...rows.map(line)]
}

/** The metrics as a plain-text report for a terminal (ends with a newline). */
export function formatEvaluationTable(metrics: EvaluationMetrics): string {
  const { confusion } = metrics
  const lines: string[] = [
    `Evaluated ${metrics.evaluated} labelled applications (${metrics.fraud} fraud, ${metrics.legitimate} legitimate); ` +
      `excluded ${metrics.unlabelled} unlabelled and ${metrics.unscreened} without a screening result.`,
    '',
    ...table(
      ['truth', 'flagged', 'cleared', 'total'],
      [
        ['fraud', String(confusion.truePositives), String(confusion.falseNegatives), String(metrics.fraud)],
        ['legitimate', String(confusion.falsePositives), String(confusion.trueNegatives), String(metrics.legitimate)],
      ],
    ),
    '',
    `  precision ${decimal(metrics.precision)}   recall ${decimal(metrics.recall)}   F1 ${decimal(metrics.f1)}   ` +
      `false-positive rate ${percent(metrics.falsePositiveRate)}`,
    `  outcomes: ${outcomes.map((outcome) => `${outcome} ${metrics.outcomes[outcome]}`).join(', ')} (flagged = review + hold)`,
    '',
    'Recall by fraud pattern',
    ...table(
      ['pattern', 'total', 'flagged', 'recall'],
      Object.entries(metrics.recallByPattern).map(([pattern, entry]) => [
        pattern,
        String(entry.total),
        String(entry.flagged),
        percent(entry.recall),
      ]),
    ),
    '',
    'False-positive rate by hard negative',
    ...table(
      ['kind', 'total', 'flagged', 'FP rate'],
      [
        ...Object.entries(metrics.falsePositiveRateByHardNegative).map(([kind, entry]) => [
          kind,
          String(entry.total),
          String(entry.flagged),
          percent(entry.falsePositiveRate),
        ]),
        [
          'all legitimate',
          String(metrics.legitimate),
          String(confusion.falsePositives),
          percent(metrics.falsePositiveRate),
        ],
      ],
    ),
  ]
  return `${lines.join('\n')}\n`
}
