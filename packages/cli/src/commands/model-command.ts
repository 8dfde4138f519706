import { Command } from 'commander'
import { ModelDirectory, resolveModelDirectory } from '@hirewall/model'
import type { CliIo } from '../cli-io.js'
import { exitCodes, type ExitCode } from '../exit-codes.js'
import { formatModelList } from '../model/format-model-report.js'
import { fairnessDefaults } from '../model/model-options.js'
import { runEvaluate, runPromote, type EvaluateOptions, type PromoteOptions } from '../model/run-evaluate.js'
import { runDrift, runExplain, type DriftOptions, type ExplainOptions } from '../model/run-explain.js'
import { runTrain, type TrainOptions } from '../model/run-train.js'
import { runStoreBacktest, type StoreBacktestOptions } from '../model/run-store-backtest.js'
import {
  runStoreList,
  runStorePromote,
  runStoreRollback,
  runTrainFromStore,
  type StorePromoteOptions,
  type TrainFromStoreOptions,
} from '../model/run-store-model.js'
import { UsageError } from '../usage-error.js'

const modelsDirHelp =
  'the models directory (default: $HIREWALL_MODELS_DIR, else $HIREWALL_HOME/models, else ~/.hirewall/models)'
const dataDirHelp =
  'with --store: the PGlite data directory when DATABASE_URL is not set (default: $HIREWALL_HOME/data, else ~/.hirewall/data)'
const storeHelp = "the service's store (DATABASE_URL, else --data-dir) instead of the models directory"
const intelDirHelp = 'the intel cache (default: $HIREWALL_INTEL_DIR, else $HIREWALL_HOME/intel, else ~/.hirewall/intel)'

/** Options of the commands that screen applications to learn from or measure on. */
function withDataOptions(command: Command, worldSeedHelp: string): Command {
  return command
    .argument('[file...]', 'applications (JSONL, JSON, CSV...; - reads stdin); none: a generated world')
    .option(
      '--decisions <file>',
      'analyst decisions (JSON Lines) as labels for the files, instead of generated-world labels',
    )
    .option('--world-count <count>', 'applications in the generated world used when no file is given', '20000')
    .option('--world-seed <seed>', worldSeedHelp)
    .option('--policy <file>', 'scoring policy JSON the rules screen with (default: the shipped policy)')
    .option(
      '--max-fpr-gap <share>',
      'fairness bound: largest gap between groups’ false-positive rates',
      fairnessDefaults.maxFprGap,
    )
    .option(
      '--min-group-size <count>',
      'fairness: smallest group (legitimate applicants) whose rate is compared',
      fairnessDefaults.minGroupSize,
    )
    .option('--models-dir <dir>', modelsDirHelp)
    .option('--intel-dir <dir>', `${intelDirHelp}; files only`)
    .option('--no-intel', 'screen files without the intel cache (a generated world never uses it)')
    .option('--json', 'print the report as JSON')
}

function withStreamOptions(command: Command): Command {
  return command
    .argument('<file...>', 'applications to score (JSONL, JSON, CSV...); - reads stdin')
    .option('--model <version>', 'the model: a version, or "active"', 'active')
    .option('--policy <file>', 'scoring policy JSON the rules screen with (default: the shipped policy)')
    .option('--models-dir <dir>', modelsDirHelp)
    .option('--intel-dir <dir>', intelDirHelp)
    .option('--no-intel', 'screen without the intel cache and the shipped network data')
    .option('--json', 'print JSON')
}

export function modelCommand(io: CliIo, setExitCode: (code: ExitCode) => void): Command {
  const model = new Command('model').description(
    'Train, evaluate, backtest, promote and roll back the risk model that scores next to the rules (docs/model.md).',
  )
  // Subcommands added with addCommand do not inherit these: each reports to the command's io and returns instead of exiting.
  const add = (command: Command): void => {
    model.addCommand(
      command.exitOverride().configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
      }),
    )
  }

  add(
    withDataOptions(
      new Command('train').description(
        'Train a risk model on labelled applications (a generated world when no file is given) and save it as a new version.',
      ),
      'seed of the generated world to train on (default 1)',
    )
      .option('--seed <seed>', 'seed of row and feature subsampling: the same data and seed give the same model', '1')
      .option(
        '--review-threshold <probability>',
        "the model's review threshold (default: the policy's review threshold / 100)",
      )
      .option(
        '--hold-threshold <probability>',
        "the model's hold threshold (default: the policy's hold threshold / 100)",
      )
      .option(
        '--from-store',
        "learn from the service's stored applications, link facts and analyst decisions, and store the model there",
      )
      .option('--data-dir <dir>', dataDirHelp.replace('with --store', 'with --from-store'))
      .option(
        '--min-decisions <count>',
        'with --from-store: confirmed-fraud and cleared decisions needed of each, else a generated world is used',
        '50',
      )
      .addHelpText(
        'after',
        `
Applications are screened as "hirewall screen" screens them, then split by submission time: the earliest 65% train
the trees, the next 15% stop the boosting and calibrate the probabilities, the latest 20% are held out and measured
(rules alone, model alone, both; calibration; false-positive rates by group). A new installation has no analyst
decisions yet: without files, training uses a generated world and its ground truth, and the model says so.

With --from-store, the service's stored applications are labelled by the analysts' decisions (confirmed fraud 1,
cleared 0, needs verification left out; an application's own latest decision before its cluster's) and scored from
the link facts stored with their results (the identity graph as it stood when each was linked). With fewer than
--min-decisions of each verdict it trains on a generated world instead, and the model's labels say so.

Exit codes: 0 trained; 2 usage error; 3 some rows or decisions invalid (left out); 4 too few labelled applications.

Examples:
  hirewall model train
  hirewall model train history.jsonl --decisions decisions.jsonl
  DATABASE_URL=postgres://hirewall@db/hirewall hirewall model train --from-store`,
      )
      .action(
        async (files: string[], options: TrainOptions & TrainFromStoreOptions & { readonly fromStore?: boolean }) => {
          if (options.fromStore !== true) {
            setExitCode(await runTrain(files, options, io))
            return
          }
          if (files.length > 0 || options.decisions !== undefined)
            throw new UsageError('--from-store reads applications and decisions from the store: give no files')
          setExitCode(await runTrainFromStore(options, io))
        },
      ),
  )

  add(
    withDataOptions(
      new Command('evaluate').description(
        'Measure a model against the rules on labelled applications, with calibration, fairness and a backtest.',
      ),
      'seed of the generated world to evaluate on (default: one after the seed the model trained on)',
    )
      .option('--model <version>', 'the model (default: the active one, else the newest)')
      .option(
        '--baseline-policy <file>',
        'replay a policy change: the backtest compares the rules under this policy (before) with --policy (after)',
      )
      .addHelpText(
        'after',
        `
Reports PR-AUC, ROC-AUC, recall at a 1% false-positive rate, and precision and recall at the review and hold
thresholds for the rules alone, the model alone and both (the stronger outcome of the two); the calibration of the
model's probabilities; false-positive rates of legitimate applicants by claimed country, claimed region and region
of origin; and a backtest: which outcomes would change against the rules with the active model (or alone),
under --baseline-policy when given (a policy change and a model change replayed together).

Examples:
  hirewall model evaluate
  hirewall model evaluate --model risk-20261123-140512-1a2b3c4d world-seed-7.jsonl`,
      )
      .action(async (files: string[], options: EvaluateOptions) => {
        setExitCode(await runEvaluate(files, options, io))
      }),
  )

  add(
    withDataOptions(
      new Command('promote')
        .description(
          'Make a model the active one if it is at least as good as the active model and within the fairness bound.',
        )
        .argument('<version>', 'the model version to promote'),
      'seed of the generated world to compare on (default: one after the seeds the models trained on)',
    )
      .option(
        '--tolerance <pr-auc>',
        'how much lower its PR-AUC may be than the active model’s and still count as as good',
        '0.005',
      )
      .option('--note <text>', 'why, kept in the promotion log')
      .option('--store', storeHelp)
      .option('--data-dir <dir>', dataDirHelp)
      .addHelpText(
        'after',
        `
The candidate and the active model are measured on the same applications. Promotion is blocked, and the active model
stays, when the candidate's false-positive rates of legitimate applicants differ between groups (claimed country,
claimed region, region of origin, and immigrants in generated worlds) by more than --max-fpr-gap, or when its
PR-AUC is below the active model's (the rules' when no model is active) by more than --tolerance.

Exit codes: 0 promoted (or already active); 2 usage error; 4 blocked (the reasons are printed).`,
      )
      .action(
        async (
          version: string,
          files: string[],
          options: PromoteOptions & StorePromoteOptions & { readonly store?: boolean },
        ) => {
          if (options.store !== true) {
            setExitCode(await runPromote(version, files, options, io))
            return
          }
          if (files.length > 0)
            throw new UsageError('--store measures on a generated world, as the service does: give no files')
          setExitCode(await runStorePromote(version, options, io))
        },
      ),
  )

  add(
    new Command('backtest')
      .description(
        "Replay a stored model (or none: the rules alone) over the service's stored applications: which outcomes would change.",
      )
      .argument('<version>', 'a model version in the store (see "hirewall model list --store"), or none')
      .option('--sample <count>', 'changed applications to list, largest score change first (at most 500)', '20')
      .option('--policy <file>', 'scoring policy JSON when the store has none published (default: the shipped policy)')
      .option('--data-dir <dir>', dataDirHelp.replace('with --store: ', ''))
      .option('--json', 'print the report as JSON')
      .addHelpText(
        'after',
        `
Reads the store (DATABASE_URL, else --data-dir) as "POST /v1/models/{version}/backtest" does. Each stored
application's latest signals are scored under the published policy; the model's features are rebuilt from those
signals and the link facts stored with the result (the identity graph as it stood when the application was linked),
and its outcome combined with the rules' as screening combines them. Detectors and linking are not run again. The
outcome is compared with the stored one (the rules with the model active when it was screened), and changes are
counted by the analysts' decisions: confirmed fraud, cleared, or unlabelled. Audit-logged as model.backtested.

Exit codes: 0 done; 2 usage error or no such model.

Examples:
  hirewall model backtest risk-20261123-140512-1a2b3c4d
  hirewall model backtest none --json`,
      )
      .action(async (version: string, options: StoreBacktestOptions) => {
        setExitCode(await runStoreBacktest(version, options, io))
      }),
  )

  add(
    new Command('rollback')
      .description('Return to the model that was active before the last promotion.')
      .option('--models-dir <dir>', modelsDirHelp)
      .option('--store', storeHelp)
      .option('--data-dir <dir>', dataDirHelp)
      .action(async (options: { readonly modelsDir?: string; readonly store?: boolean; readonly dataDir?: string }) => {
        if (options.store === true) {
          setExitCode(await runStoreRollback(options, io))
          return
        }
        const directory = new ModelDirectory(resolveModelDirectory({ flag: options.modelsDir }))
        const before = (await directory.active())?.version
        const record = await directory.rollback(new Date().toISOString())
        if (!record) {
          io.stderr.write(
            `hirewall: nothing to roll back to: ${before ? `${before} is the only model promoted` : 'no model is active'}\n`,
          )
          setExitCode(exitCodes.refused)
          return
        }
        io.stdout.write(`Active model: ${record.version} (was ${before ?? 'none'}).\n`)
      }),
  )

  add(
    new Command('list')
      .description('List the saved models; * marks the active one.')
      .option('--models-dir <dir>', modelsDirHelp)
      .option('--json', 'print JSON')
      .option('--store', storeHelp)
      .option('--data-dir <dir>', dataDirHelp)
      .action(
        async (options: {
          readonly modelsDir?: string
          readonly json?: boolean
          readonly store?: boolean
          readonly dataDir?: string
        }) => {
          if (options.store === true) {
            setExitCode(await runStoreList(options, io))
            return
          }
          const directory = new ModelDirectory(resolveModelDirectory({ flag: options.modelsDir }))
          const listings = await directory.list()
          io.stdout.write(
            options.json
              ? `${JSON.stringify({ directory: directory.path, active: (await directory.active()) ?? null, models: listings }, null, 2)}\n`
              : `${formatModelList(listings)}\n`,
          )
        },
      ),
  )

  add(
    withStreamOptions(
      new Command('explain').description(
        "Screen applications and explain the model's estimate for each, feature by feature, next to the rule signals.",
      ),
    )
      .option('--limit <count>', 'features shown per application, largest effect first', '6')
      .action(async (files: string[], options: ExplainOptions) => {
        setExitCode(await runExplain(files, options, io))
      }),
  )

  add(
    withStreamOptions(
      new Command('drift').description(
        "Compare the model's score distribution on these applications with the one it had on its held-out applications.",
      ),
    )
      .addHelpText(
        'after',
        '\nExit codes: 0 stable or moderate drift; 2 usage error; 3 invalid rows; 4 significant drift.',
      )
      .action(async (files: string[], options: DriftOptions) => {
        setExitCode(await runDrift(files, options, io))
      }),
  )
  return model
}
