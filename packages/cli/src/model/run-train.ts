import { ModelDirectory, resolveModelDirectory, trainRiskModel, type RiskModelFile } from '@hirewall/model'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import type { IntelFlags } from '../intel/screening-intel.js'
import { loadPolicy } from '../policy/load-policy.js'
import { UsageError } from '../usage-error.js'
import { formatModelCard } from './format-model-report.js'
import { loadExamples, requireLabels } from './model-examples.js'
import {
  exampleSource,
  parseFairnessBounds,
  parseShare,
  type DataOptions,
  type FairnessOptions,
} from './model-options.js'

export type TrainOptions = DataOptions &
  FairnessOptions &
  IntelFlags & {
    readonly seed: string
    readonly policy?: string
    readonly reviewThreshold?: string
    readonly holdThreshold?: string
    readonly modelsDir?: string
    readonly json?: boolean
  }

/** The default training world: the seed evaluation and promotion avoid by default. */
export const defaultTrainingWorldSeed = 1

export async function runTrain(files: readonly string[], options: TrainOptions, io: CliIo): Promise<ExitCode> {
  const policy = await loadPolicy(options.policy)
  const thresholds = {
    review:
      options.reviewThreshold === undefined
        ? policy.thresholds.review / 100
        : parseShare(options.reviewThreshold, '--review-threshold'),
    hold:
      options.holdThreshold === undefined
        ? policy.thresholds.hold / 100
        : parseShare(options.holdThreshold, '--hold-threshold'),
  }
  if (thresholds.review > thresholds.hold)
    throw new UsageError(
      `--review-threshold (${thresholds.review}) must not be above --hold-threshold (${thresholds.hold})`,
    )
  if (options.seed.trim() === '') throw new UsageError('--seed must not be empty')
  const fairness = parseFairnessBounds(options)
  const source = exampleSource(files, options, defaultTrainingWorldSeed)
  const directory = new ModelDirectory(resolveModelDirectory({ flag: options.modelsDir }))

  const loaded = await loadExamples(source, { policy, intel: options, io })
  requireLabels(loaded)
  const started = performance.now()
  const outcome = trainRiskModel(loaded.examples, {
    seed: options.seed,
    createdAt: new Date().toISOString(),
    labels: loaded.labels,
    policyVersion: policy.version,
    thresholds,
    fairness,
  })
  const trainingMs = performance.now() - started
  if (outcome.status === 'refused') {
    io.stderr.write(`hirewall: cannot train a model: ${outcome.reason}\n`)
    return exitCodes.refused
  }
  const model: RiskModelFile = {
    ...outcome.model,
    training: {
      ...outcome.model.training,
      timings: { screeningMs: Math.round(loaded.screeningMs), trainingMs: Math.round(trainingMs) },
    },
  }
  const savedTo = await directory.save(model)
  io.stdout.write(
    options.json ? `${JSON.stringify({ savedTo, model }, null, 2)}\n` : `${formatModelCard(model, savedTo)}\n`,
  )
  io.stderr.write(`Promote it with: hirewall model promote ${model.version}\n`)
  if (loaded.invalidRows > 0)
    io.stderr.write(`${loaded.invalidRows} invalid row(s) were left out (run "hirewall screen" to see them)\n`)
  return loaded.invalidRows > 0 || loaded.invalidDecisions > 0 ? exitCodes.invalidRows : exitCodes.ok
}
