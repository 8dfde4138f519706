import { backtestStoredModel, modelBacktestAuditDetails, type ModelBacktestReport } from '@hirewall/server'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { loadPolicy } from '../policy/load-policy.js'
import { formatBacktest } from './format-model-report.js'
import { parseWhole } from './model-options.js'
import { cliActor, withStore, type StoreFlags } from './run-store-model.js'

export type StoreBacktestOptions = StoreFlags & {
  readonly sample: string
  readonly policy?: string
  readonly json?: boolean
}

const count = (value: number): string => value.toLocaleString('en-US')
const score = (value: number | null): string => (value === null ? '–' : value.toFixed(1))

/**
 * `hirewall model backtest <version>`: replays a stored model (or `none`, the rules alone) over the store's
 * applications with the published policy and prints which outcomes would change, as `POST /v1/models/:version/backtest`
 * reports it. Audit-logged as the route is.
 */
export async function runStoreBacktest(version: string, options: StoreBacktestOptions, io: CliIo): Promise<ExitCode> {
  const fallbackPolicy = await loadPolicy(options.policy)
  const sampleSize = parseWhole(options.sample, '--sample', 0)
  return withStore(options, async (store) => {
    const outcome = await backtestStoredModel(store, version, { fallbackPolicy, sampleSize })
    switch (outcome.status) {
      case 'not-found':
        io.stderr.write(`hirewall: no model ${version} in the store (run "hirewall model list --store")\n`)
        return exitCodes.usage
      case 'invalid':
        io.stderr.write(`hirewall: ${outcome.message}\n`)
        return exitCodes.usage
      case 'completed':
        break
    }
    const { report } = outcome
    await store.audit.append({
      actor: cliActor,
      action: 'model.backtested',
      target: `model:${version}`,
      details: modelBacktestAuditDetails(report),
    })
    io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatStoreBacktest(report)}\n`)
    return exitCodes.ok
  })
}

/** The report as the terminal shows it: the counts, what the replay could not see, and the changed applications. */
export function formatStoreBacktest(report: ModelBacktestReport): string {
  const candidate = report.modelVersion === null ? 'the rules alone (no model)' : `model ${report.modelVersion}`
  const against = report.activeModelVersion === null ? 'the rules alone' : `active model ${report.activeModelVersion}`
  const lines = [
    formatBacktest(
      { ...report, transitions: report.matrix },
      `Backtest of ${candidate} with policy ${report.policyVersion}, against the stored outcomes (${against})`,
    ),
    `  labelled by analyst decisions: ${count(report.labelled)} of ${count(report.applications)}`,
  ]
  if (report.withoutLinkFacts > 0)
    lines.push(`  ${count(report.withoutLinkFacts)} stored without link facts: the rules alone decide them`)
  if (report.scoredWithOtherPolicy > 0)
    lines.push(`  ${count(report.scoredWithOtherPolicy)} stored results were scored with another policy`)
  if (report.scoredWithOtherModel > 0)
    lines.push(`  ${count(report.scoredWithOtherModel)} stored results were scored by another model than ${against}`)
  if (report.sample.length > 0) {
    lines.push('', `Changed applications (largest score change first, ${count(report.sample.length)} listed):`)
    for (const change of report.sample) {
      lines.push(
        `  ${change.applicationId}  ${change.from.outcome} → ${change.to.outcome}  model ${score(change.from.modelScore)} → ${score(change.to.modelScore)}  rules ${score(change.from.score)} → ${score(change.to.score)}  ${change.label}`,
      )
    }
  }
  return lines.join('\n')
}
