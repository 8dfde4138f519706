import {
  ModelDirectory,
  backtest,
  combinedOutcome,
  compileRiskModel,
  decidePromotion,
  evaluateModel,
  modelOutcome,
  resolveModelDirectory,
  type FairnessBounds,
  type ModelEvaluation,
  type ModelExample,
  type RiskModelFile,
} from '@hirewall/model'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import type { IntelFlags } from '../intel/screening-intel.js'
import { loadPolicy } from '../policy/load-policy.js'
import { UsageError } from '../usage-error.js'
import {
  describeLabels,
  formatBacktest,
  formatCalibration,
  formatFairness,
  formatPromotion,
  formatScorers,
} from './format-model-report.js'
import { loadExamples, requireLabels, type LoadedExamples } from './model-examples.js'
import {
  describeSource,
  exampleSource,
  parseFairnessBounds,
  parseShare,
  type DataOptions,
  type FairnessOptions,
} from './model-options.js'
import { defaultTrainingWorldSeed } from './run-train.js'

type CommonOptions = DataOptions &
  FairnessOptions &
  IntelFlags & { readonly policy?: string; readonly modelsDir?: string; readonly json?: boolean }

export type EvaluateOptions = CommonOptions & { readonly model?: string; readonly baselinePolicy?: string }
export type PromoteOptions = CommonOptions & { readonly tolerance: string; readonly note?: string }

/** Reads a model from the directory, or says clearly why it cannot. */
export async function loadModelFile(directory: ModelDirectory, version: string): Promise<RiskModelFile> {
  const loaded = await directory.load(version)
  switch (loaded.status) {
    case 'loaded':
      return loaded.file
    case 'missing':
      throw new UsageError(loaded.message)
    case 'invalid':
      throw new UsageError(
        `model ${version} cannot be used:\n${loaded.issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`,
      )
  }
}

/** The model to evaluate when none is named: the active one, else the newest. */
async function defaultVersion(directory: ModelDirectory): Promise<string> {
  const active = await directory.active()
  if (active) return active.version
  const newest = (await directory.list()).at(-1)
  if (!newest) throw new UsageError(`no models in ${directory.path} yet: run "hirewall model train"`)
  return newest.version
}

/** A generated world none of the given models was trained on (unless files are given). */
function evaluationWorldSeed(models: readonly RiskModelFile[]): number {
  const seeds = models.map((model) =>
    model.labels.source === 'generated-world' ? (model.labels.world?.seed ?? defaultTrainingWorldSeed) : 0,
  )
  return Math.max(defaultTrainingWorldSeed, ...seeds) + 1
}

function probabilities(model: RiskModelFile, examples: readonly ModelExample[]): Float64Array {
  const compiled = compileRiskModel(model)
  return Float64Array.from(examples, (example) => compiled.probabilityOf(example.features))
}

function evaluate(model: RiskModelFile, loaded: LoadedExamples, bounds: FairnessBounds): ModelEvaluation {
  return evaluateModel(loaded.examples, probabilities(model, loaded.examples), model.thresholds, bounds)
}

export async function runEvaluate(files: readonly string[], options: EvaluateOptions, io: CliIo): Promise<ExitCode> {
  const policy = await loadPolicy(options.policy)
  const bounds = parseFairnessBounds(options)
  const directory = new ModelDirectory(resolveModelDirectory({ flag: options.modelsDir }))
  const version = options.model ?? (await defaultVersion(directory))
  const candidate = await loadModelFile(directory, version)
  const activeVersion = (await directory.active())?.version
  const active =
    activeVersion && activeVersion !== candidate.version ? await loadModelFile(directory, activeVersion) : undefined
  const source = exampleSource(files, options, evaluationWorldSeed([candidate, ...(active ? [active] : [])]))
  const baselinePolicy = options.baselinePolicy === undefined ? undefined : await loadPolicy(options.baselinePolicy)
  const loaded = await loadExamples(source, {
    policy,
    intel: options,
    io,
    ...(baselinePolicy ? { baselinePolicy } : {}),
  })
  requireLabels(loaded)

  const evaluation = evaluate(candidate, loaded, bounds)
  const candidateProbabilities = probabilities(candidate, loaded.examples)
  const activeProbabilities = active ? probabilities(active, loaded.examples) : undefined
  const rulesName = baselinePolicy ? `the rules of policy ${baselinePolicy.version}` : 'the rules'
  const baseline = active ? `${rulesName} with the active model ${active.version}` : `${rulesName} alone`
  const replay = backtest(
    loaded.examples.map((example, index) => {
      const rules = example.rules.outcome
      // With --baseline-policy, "before" is the rules under that policy: a policy change replayed with the model.
      const rulesBefore = example.baselineRules?.outcome ?? rules
      const before = activeProbabilities
        ? combinedOutcome(
            rulesBefore,
            modelOutcome(activeProbabilities[index] as number, (active as RiskModelFile).thresholds),
          )
        : rulesBefore
      return {
        before,
        after: combinedOutcome(rules, modelOutcome(candidateProbabilities[index] as number, candidate.thresholds)),
        label: example.label,
      }
    }),
  )
  if (options.json) {
    io.stdout.write(
      `${JSON.stringify({ model: candidate.version, data: describeSource(source), labels: loaded.labels, evaluation, backtest: { baseline, ...replay } }, null, 2)}\n`,
    )
  } else {
    io.stdout.write(
      [
        `Model ${candidate.version} (trained on ${describeLabels(candidate.labels)})`,
        `Evaluated on ${describeSource(source)}: ${evaluation.applications.toLocaleString('en-US')} applications, ${evaluation.fraud.toLocaleString('en-US')} fraud, ${evaluation.legitimate.toLocaleString('en-US')} legitimate${evaluation.unlabelled > 0 ? `, ${evaluation.unlabelled.toLocaleString('en-US')} unlabelled` : ''}`,
        '',
        formatScorers(evaluation),
        '',
        formatCalibration(evaluation.calibration),
        '',
        formatFairness(evaluation.fairness.model, 'Fairness, model alone'),
        '',
        formatBacktest(
          replay,
          `Backtest: the rules${baselinePolicy ? ` of policy ${policy.version}` : ''} with ${candidate.version} against ${baseline}`,
        ),
        '',
      ].join('\n'),
    )
  }
  return loaded.invalidRows > 0 || loaded.invalidDecisions > 0 ? exitCodes.invalidRows : exitCodes.ok
}

export async function runPromote(
  version: string,
  files: readonly string[],
  options: PromoteOptions,
  io: CliIo,
): Promise<ExitCode> {
  const policy = await loadPolicy(options.policy)
  const bounds = parseFairnessBounds(options)
  const tolerance = parseShare(options.tolerance, '--tolerance')
  const directory = new ModelDirectory(resolveModelDirectory({ flag: options.modelsDir }))
  const candidate = await loadModelFile(directory, version)
  const current = await directory.active()
  if (current?.version === candidate.version) {
    io.stdout.write(`${candidate.version} is already the active model.\n`)
    return exitCodes.ok
  }
  const active = current ? await loadModelFile(directory, current.version) : undefined
  const source = exampleSource(files, options, evaluationWorldSeed([candidate, ...(active ? [active] : [])]))
  const loaded = await loadExamples(source, { policy, intel: options, io })
  requireLabels(loaded)

  const evaluation = evaluate(candidate, loaded, bounds)
  const decision = decidePromotion({
    candidate: evaluation,
    ...(active ? { active: { version: active.version, evaluation: evaluate(active, loaded, bounds) } } : {}),
    tolerance,
  })
  const lines = [`Evaluated on ${describeSource(source)}.`, formatPromotion(decision, candidate.version)]
  if (decision.status === 'allowed') {
    const note = options.note ?? `evaluated on ${describeSource(source)}`
    const record = await directory.promote(candidate.version, new Date().toISOString(), note)
    lines.push(
      `Active model: ${record.version}${active ? ` (was ${active.version}; "hirewall model rollback" returns to it)` : ''}.`,
    )
  } else {
    lines.push(`The active model stays ${active?.version ?? 'none (rules alone)'}.`)
  }
  io.stdout.write(
    options.json
      ? `${JSON.stringify({ version: candidate.version, decision, evaluation }, null, 2)}\n`
      : `${lines.join('\n')}\n`,
  )
  return decision.status === 'allowed' ? exitCodes.ok : exitCodes.refused
}
