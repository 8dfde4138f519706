// `npm run bench:model`: the risk model on generated worlds. Screens a training world of BENCH_COUNT applications
// (default 100,000, seed 1) as `hirewall model train` does, trains the model (seed 1), then screens an evaluation world
// generated with another seed (BENCH_EVAL_COUNT, default 20,000, seed 2) and measures the rules alone, the model
// alone and both on it: PR-AUC, recall at a 1% false-positive rate, precision and recall at the review and hold
// thresholds, calibration. Reports screening and training times, prediction and explanation cost per application,
// peak memory and the load average, and writes bench/out/model-bench.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { defaultScoringPolicy } from '../packages/core/dist/index.js'
import {
  compileRiskModel,
  defaultFairnessBounds,
  evaluateModel,
  screenForModel,
  syntheticLabel,
  toModelExample,
  trainRiskModel,
} from '../packages/model/dist/index.js'
import { generateApplications } from '../packages/synth/dist/index.js'
import { packagedReferenceData } from '../packages/cli/dist/reference/packaged-reference-data.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const count = Number(process.env.BENCH_COUNT ?? 100_000)
const evalCount = Number(process.env.BENCH_EVAL_COUNT ?? 20_000)
const screening = { policy: defaultScoringPolicy, reference: packagedReferenceData() }
const thresholds = {
  review: defaultScoringPolicy.thresholds.review / 100,
  hold: defaultScoringPolicy.thresholds.hold / 100,
}
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

function screenWorld(worldCount, seed, keepInputs) {
  const started = performance.now()
  const examples = []
  const inputs = []
  for (const { record, result, link } of screenForModel(generateApplications({ count: worldCount, seed }), screening)) {
    examples.push(toModelExample(record, result, link, syntheticLabel(record)))
    if (keepInputs) inputs.push({ result, link })
  }
  return { examples, inputs, seconds: (performance.now() - started) / 1000 }
}

console.log(`load average at start: ${load()}`)
console.log(`screening the training world: ${count} applications, seed 1`)
const training = screenWorld(count, 1, false)
console.log(`  ${training.seconds.toFixed(1)} s; training (seed 1)`)
const trainingStarted = performance.now()
const outcome = trainRiskModel(training.examples, {
  seed: 1,
  createdAt: new Date().toISOString(),
  labels: { source: 'generated-world', description: 'bench', world: { seed: 1, count }, files: [] },
  policyVersion: defaultScoringPolicy.version,
  thresholds,
})
const trainingSeconds = (performance.now() - trainingStarted) / 1000
if (outcome.status !== 'trained') throw new Error(outcome.reason)
const file = outcome.model
const model = compileRiskModel(file)
console.log(`  ${trainingSeconds.toFixed(1)} s, ${file.trees.length} trees; load average ${load()}`)

console.log(`screening the evaluation world: ${evalCount} applications, seed 2`)
const evaluationWorld = screenWorld(evalCount, 2, true)
const probabilities = evaluationWorld.examples.map((example) => model.probabilityOf(example.features))
const evaluation = evaluateModel(evaluationWorld.examples, probabilities, thresholds, defaultFairnessBounds)

// Cost per application: trees alone (features already extracted), predict (features + trees), explain (+ tree SHAP).
const perApplication = (label, run, items) => {
  run(items.slice(0, Math.min(500, items.length)))
  const started = performance.now()
  run(items)
  const microseconds = ((performance.now() - started) * 1000) / items.length
  console.log(`  ${label}: ${microseconds.toFixed(1)} µs per application`)
  return microseconds
}
console.log('prediction cost')
const costs = {
  treesMicroseconds: perApplication(
    'trees',
    (items) => items.forEach((example) => model.probabilityOf(example.features)),
    evaluationWorld.examples,
  ),
  predictMicroseconds: perApplication(
    'predict',
    (items) => items.forEach((input) => model.predict(input)),
    evaluationWorld.inputs,
  ),
  explainMicroseconds: perApplication(
    'explain',
    (items) => items.forEach((input) => model.explain(input, { limit: 6 })),
    evaluationWorld.inputs.slice(0, 5000),
  ),
}

const summary = (report) => ({
  prAuc: report.prAuc,
  rocAuc: report.rocAuc,
  recallAtOnePercentFpr: report.recallAtOnePercentFpr,
  review: report.review,
  hold: report.hold,
})
const report = {
  machine: `${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, node ${process.version}`,
  loadAverageAtEnd: load(),
  training: {
    applications: count,
    screeningSeconds: training.seconds,
    trainingSeconds,
    trees: file.trees.length,
    heldOut: {
      rules: summary(file.evaluation.rules),
      model: summary(file.evaluation.model),
      both: summary(file.evaluation.combined),
    },
    calibrationBeforeScaling: file.training.calibrationBeforeScaling.expectedCalibrationError,
    calibrationAfterScaling: file.evaluation.calibration.expectedCalibrationError,
  },
  evaluation: {
    applications: evalCount,
    seed: 2,
    fraud: evaluation.fraud,
    screeningSeconds: evaluationWorld.seconds,
    rules: summary(evaluation.rules),
    model: summary(evaluation.model),
    both: summary(evaluation.combined),
    expectedCalibrationError: evaluation.calibration.expectedCalibrationError,
    fairness: Object.fromEntries(
      evaluation.fairness.model.dimensions.map((dimension) => [
        dimension.dimension,
        {
          status: dimension.status,
          gap: dimension.falsePositiveGap,
          highest: dimension.highest,
          lowest: dimension.lowest,
        },
      ]),
    ),
  },
  costs,
  peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024),
}
mkdirSync(`${root}bench/out`, { recursive: true })
writeFileSync(`${root}bench/out/model-bench.json`, `${JSON.stringify(report, null, 2)}\n`)
const row = (name, scorer) =>
  `  ${name.padEnd(11)} PR-AUC ${scorer.prAuc.toFixed(3)}  recall@1%FPR ${scorer.recallAtOnePercentFpr.toFixed(3)}  review P/R ${scorer.review.precision.toFixed(3)}/${scorer.review.recall.toFixed(3)}  hold P/R ${scorer.hold.precision.toFixed(3)}/${scorer.hold.recall.toFixed(3)}`
console.log(`\nevaluation world (seed 2, ${evalCount} applications, ${evaluation.fraud} fraud)`)
console.log(row('rules only', evaluation.rules))
console.log(row('model only', evaluation.model))
console.log(row('both', evaluation.combined))
console.log(`  expected calibration error ${(evaluation.calibration.expectedCalibrationError * 100).toFixed(2)}%`)
console.log(`\n${JSON.stringify(report, null, 2)}`)
