import { InMemoryIdentityIndex } from '@hirewall/core'
import {
  LinkFactsRecorder,
  ModelDirectory,
  compileRiskModel,
  resolveModelDirectory,
  scoreDistribution,
  scoreDrift,
  unlinkedFacts,
} from '@hirewall/model'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { loadScreeningIntel, type IntelFlags } from '../intel/screening-intel.js'
import { BufferedWriter } from '../output/buffered-writer.js'
import { loadPolicy } from '../policy/load-policy.js'
import { screenFiles } from '../screening/screen-files.js'
import { formatDrift } from './format-model-report.js'
import { parseWhole } from './model-options.js'
import { loadModelFile } from './run-evaluate.js'

type StreamOptions = IntelFlags & {
  readonly model: string
  readonly policy?: string
  readonly modelsDir?: string
  readonly json?: boolean
}

export type ExplainOptions = StreamOptions & { readonly limit: string }
export type DriftOptions = StreamOptions

export async function runExplain(files: readonly string[], options: ExplainOptions, io: CliIo): Promise<ExitCode> {
  const limit = parseWhole(options.limit, '--limit', 1)
  const policy = await loadPolicy(options.policy)
  const directory = new ModelDirectory(resolveModelDirectory({ flag: options.modelsDir }))
  const model = compileRiskModel(await loadModelFile(directory, options.model))
  const intel = await loadScreeningIntel(options, io)
  const recorder = new LinkFactsRecorder(new InMemoryIdentityIndex())
  const writer = new BufferedWriter(io.stdout)
  let invalid = 0
  for await (const row of screenFiles(files, {
    policy,
    reference: intel.reference,
    detectors: intel.detectors,
    stdin: io.stdin,
    identityIndex: recorder,
  })) {
    if (row.status === 'invalid') {
      invalid++
      continue
    }
    const { result } = row
    const explanation = model.explain({ result, link: recorder.take(result.applicationId) ?? unlinkedFacts }, { limit })
    if (options.json) {
      await writer.write(
        `${JSON.stringify({
          applicationId: result.applicationId,
          rules: { score: result.score, outcome: result.outcome, signals: result.signals.map((signal) => signal.code) },
          model: explanation,
        })}\n`,
      )
      continue
    }
    const lines = [
      `${result.applicationId}  rules ${result.score} ${result.outcome}  ·  model ${explanation.score} ${explanation.outcome} (${model.version})`,
      `  ${explanation.summary}`,
      ...explanation.contributions.map(
        (contribution) => `  ${contribution.contribution >= 0 ? '+' : '−'} ${contribution.sentence}`,
      ),
      `  rule signals: ${result.signals.length === 0 ? 'none' : result.signals.map((signal) => `${signal.code} (${signal.severity}, +${signal.contribution})`).join(', ')}`,
      '',
    ]
    await writer.write(`${lines.join('\n')}\n`)
  }
  await writer.flush()
  if (invalid > 0) io.stderr.write(`${invalid} invalid row(s) were not explained (run "hirewall screen" to see them)\n`)
  return invalid > 0 ? exitCodes.invalidRows : exitCodes.ok
}

export async function runDrift(files: readonly string[], options: DriftOptions, io: CliIo): Promise<ExitCode> {
  const policy = await loadPolicy(options.policy)
  const directory = new ModelDirectory(resolveModelDirectory({ flag: options.modelsDir }))
  const file = await loadModelFile(directory, options.model)
  const model = compileRiskModel(file)
  const intel = await loadScreeningIntel(options, io)
  const recorder = new LinkFactsRecorder(new InMemoryIdentityIndex())
  const probabilities: number[] = []
  let invalid = 0
  for await (const row of screenFiles(files, {
    policy,
    reference: intel.reference,
    detectors: intel.detectors,
    stdin: io.stdin,
    identityIndex: recorder,
  })) {
    if (row.status === 'invalid') {
      invalid++
      continue
    }
    const link = recorder.take(row.result.applicationId) ?? unlinkedFacts
    probabilities.push(model.predict({ result: row.result, link }).probability)
  }
  const drift = scoreDrift(file.evaluation.scoreDistribution, scoreDistribution(probabilities))
  io.stdout.write(
    options.json
      ? `${JSON.stringify({ model: file.version, drift }, null, 2)}\n`
      : `${formatDrift(drift, file.version)}\n`,
  )
  if (invalid > 0) io.stderr.write(`${invalid} invalid row(s) were left out (run "hirewall screen" to see them)\n`)
  if (drift.level === 'significant') return exitCodes.refused
  return invalid > 0 ? exitCodes.invalidRows : exitCodes.ok
}
