import { trainRiskModel, type RiskModelFile, type TrainingLabels } from '@hirewall/model'
import { checkPromotion, storeModelFile } from '@hirewall/server'
import { openStore, type Store } from '@hirewall/store'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { loadPolicy } from '../policy/load-policy.js'
import { packagedReferenceData } from '../reference/packaged-reference-data.js'
import { resolveDataDirectory } from '../serve/data-directory.js'
import { formatModelCard, formatPromotion } from './format-model-report.js'
import { loadExamples } from './model-examples.js'
import { parseFairnessBounds, parseShare, parseWhole, type FairnessOptions } from './model-options.js'
import { defaultTrainingWorldSeed } from './run-train.js'
import { storeExamples } from './store-examples.js'

/** Who the store's promotion log and audit log name for the command line. */
export const cliActor = 'system:cli'

/** Where the store is: `DATABASE_URL`, else the PGlite data directory (`--data-dir`, else the default). */
export type StoreFlags = { readonly dataDir?: string }

export async function withStore<Result>(flags: StoreFlags, work: (store: Store) => Promise<Result>): Promise<Result> {
  const store = await openStore({ dataDir: resolveDataDirectory(flags.dataDir) })
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

export type TrainFromStoreOptions = StoreFlags &
  FairnessOptions & {
    readonly seed: string
    readonly policy?: string
    readonly minDecisions: string
    readonly worldCount: string
    readonly json?: boolean
  }

/**
 * `hirewall model train --from-store`: learns from the analysts' stored decisions when there are at least
 * `--min-decisions` of each verdict (and each time fold has enough), else from a generated world, and says which;
 * the model is stored (not written to the models directory).
 */
export async function runTrainFromStore(options: TrainFromStoreOptions, io: CliIo): Promise<ExitCode> {
  const policy = await loadPolicy(options.policy)
  const fairness = parseFairnessBounds(options)
  const minimum = parseWhole(options.minDecisions, '--min-decisions', 5)
  const worldCount = parseWhole(options.worldCount, '--world-count', 1)
  const thresholds = { review: policy.thresholds.review / 100, hold: policy.thresholds.hold / 100 }
  return withStore(options, async (store) => {
    const started = performance.now()
    const stored = await storeExamples(store)
    const readingMs = performance.now() - started
    const { confirmedFraud, cleared } = stored.labels
    const train = (examples: typeof stored.examples, labels: TrainingLabels) =>
      trainRiskModel(examples, {
        seed: options.seed,
        createdAt: new Date().toISOString(),
        labels,
        policyVersion: policy.version,
        thresholds,
        fairness,
      })
    let outcome: ReturnType<typeof train> | undefined
    let fallbackReason = `${confirmedFraud} confirmed fraud and ${cleared} cleared, fewer than the ${minimum} of each needed`
    const trainingStarted = performance.now()
    if (confirmedFraud >= minimum && cleared >= minimum) {
      outcome = train(stored.examples, stored.labels)
      if (outcome.status === 'refused') fallbackReason = outcome.reason
    }
    let screeningMs = readingMs
    if (outcome?.status !== 'trained') {
      const world = { kind: 'world' as const, count: worldCount, seed: defaultTrainingWorldSeed }
      io.stderr.write(
        `Too few analyst decisions in the store to learn from (${fallbackReason}): training on a generated world (seed ${world.seed}, ${world.count.toLocaleString('en-US')} applications).\n`,
      )
      const loaded = await loadExamples(world, { policy, intel: { intel: false }, io })
      screeningMs += loaded.screeningMs
      const labels: TrainingLabels = {
        ...(loaded.labels as Extract<TrainingLabels, { source: 'generated-world' }>),
        description: `A new installation: the store holds too few analyst decisions (${confirmedFraud} confirmed fraud, ${cleared} cleared; at least ${minimum} of each needed), so this model learned from the generated world's ground truth (label.isFraud), not from analysts.`,
      }
      outcome = train(loaded.examples, labels)
    }
    const trainingMs = performance.now() - trainingStarted
    if (outcome.status === 'refused') {
      io.stderr.write(`hirewall: cannot train a model: ${outcome.reason}\n`)
      return exitCodes.refused
    }
    const model: RiskModelFile = {
      ...outcome.model,
      training: {
        ...outcome.model.training,
        timings: { screeningMs: Math.round(screeningMs), trainingMs: Math.round(trainingMs) },
      },
    }
    await storeModelFile(store, model, cliActor)
    io.stdout.write(
      options.json
        ? `${JSON.stringify({ savedTo: 'store', applicationsRead: stored.screened, model }, null, 2)}\n`
        : `${formatModelCard(model, 'the store')}\n`,
    )
    io.stderr.write(`Promote it with: hirewall model promote ${model.version} --store\n`)
    return exitCodes.ok
  })
}

export async function runStoreList(options: StoreFlags & { readonly json?: boolean }, io: CliIo): Promise<ExitCode> {
  return withStore(options, async (store) => {
    const [models, active] = await Promise.all([store.models.list(), store.models.active()])
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ store: true, active: active ?? null, models }, null, 2)}\n`)
      return exitCodes.ok
    }
    if (models.length === 0) {
      io.stdout.write('No models in the store yet: run "hirewall model train --from-store".\n')
      return exitCodes.ok
    }
    const lines = models.map((model) => {
      const prAuc = (model.evaluationSummary.prAuc as { model?: number | null } | undefined)?.model
      return `${model.version === active?.version ? '*' : ' '} ${model.version}  ${model.createdAt.toISOString()}  ${model.labelSource}  held-out PR-AUC ${typeof prAuc === 'number' ? prAuc.toFixed(3) : '-'}`
    })
    io.stdout.write(`${lines.join('\n')}\n`)
    return exitCodes.ok
  })
}

export type StorePromoteOptions = StoreFlags &
  FairnessOptions & {
    readonly tolerance: string
    readonly note?: string
    readonly policy?: string
    readonly worldCount: string
    readonly json?: boolean
  }

export async function runStorePromote(version: string, options: StorePromoteOptions, io: CliIo): Promise<ExitCode> {
  const policy = await loadPolicy(options.policy)
  const bounds = parseFairnessBounds(options)
  const tolerance = parseShare(options.tolerance, '--tolerance')
  const worldCount = parseWhole(options.worldCount, '--world-count', 1)
  return withStore(options, async (store) => {
    const check = await checkPromotion(store, version, {
      policy,
      reference: packagedReferenceData(),
      worldCount,
      tolerance,
      bounds,
    })
    switch (check.status) {
      case 'not-found':
        io.stderr.write(`hirewall: no model ${version} in the store (run "hirewall model list --store")\n`)
        return exitCodes.usage
      case 'invalid':
        io.stderr.write(`hirewall: ${check.message}\n`)
        return exitCodes.usage
      case 'already-active':
        io.stdout.write(`${version} is already the active model.\n`)
        return exitCodes.ok
      case 'checked':
        break
    }
    const on = `a generated world (seed ${check.evaluatedOn.seed}, ${check.evaluatedOn.count.toLocaleString('en-US')} applications)`
    const lines = [`Evaluated on ${on}.`, formatPromotion(check.decision, version)]
    const details = { version, checks: check.decision.checks, evaluatedOn: check.evaluatedOn }
    if (check.decision.status === 'allowed') {
      const state = await store.transaction(async (repositories) => {
        const promoted = await repositories.models.promote(version, cliActor, options.note ?? `evaluated on ${on}`)
        await repositories.audit.append({
          actor: cliActor,
          action: 'model.promoted',
          target: `model:${version}`,
          details: { ...details, previous: check.active?.version ?? null },
        })
        return promoted
      })
      lines.push(
        `Active model: ${state.version}${check.active ? ` (was ${check.active.version}; "hirewall model rollback --store" returns to it)` : ''}.`,
      )
    } else {
      await store.audit.append({
        actor: cliActor,
        action: 'model.promotion-blocked',
        target: `model:${version}`,
        details,
      })
      lines.push(`The active model stays ${check.active?.version ?? 'none (rules alone)'}.`)
    }
    io.stdout.write(
      options.json ? `${JSON.stringify({ version, decision: check.decision }, null, 2)}\n` : `${lines.join('\n')}\n`,
    )
    return check.decision.status === 'allowed' ? exitCodes.ok : exitCodes.refused
  })
}

export async function runStoreRollback(options: StoreFlags, io: CliIo): Promise<ExitCode> {
  return withStore(options, async (store) => {
    const before = await store.models.activeVersion()
    const state = await store.transaction(async (repositories) => {
      const rolledBack = await repositories.models.rollback(cliActor)
      if (rolledBack !== undefined) {
        await repositories.audit.append({
          actor: cliActor,
          action: 'model.rolled-back',
          target: `model:${rolledBack.version}`,
          details: { from: before ?? null, to: rolledBack.version },
        })
      }
      return rolledBack
    })
    if (state === undefined) {
      io.stderr.write(
        `hirewall: nothing to roll back to: ${before ? `${before} is the only model promoted` : 'no model is active'}\n`,
      )
      return exitCodes.refused
    }
    io.stdout.write(`Active model: ${state.version} (was ${before ?? 'none'}).\n`)
    return exitCodes.ok
  })
}
