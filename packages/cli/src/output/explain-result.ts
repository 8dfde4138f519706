import type { ScreeningResult } from '@hirewall/core'

/** A result as an analyst reads it: score and outcome, then each signal's contribution and its plain-English reason. */
export function explainResult(result: ScreeningResult): string {
  const lines = [
    `${result.applicationId}: score ${result.score.toFixed(0)}, ${result.outcome} (policy ${result.policyVersion})`,
  ]
  for (const signal of result.signals) {
    const contribution = signal.contribution > 0 ? `+${signal.contribution.toFixed(1)}` : '  0.0'
    lines.push(`  ${contribution.padStart(6)}  ${signal.code.padEnd(40)} ${signal.message}`)
  }
  if (result.signals.length === 0) lines.push('  no signals')
  for (const failure of result.detectorFailures) lines.push(`  detector ${failure.detector} failed: ${failure.message}`)
  return `${lines.join('\n')}\n`
}
