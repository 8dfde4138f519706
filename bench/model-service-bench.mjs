// `npm run bench:model-service`: the risk model in the service. Trains a model on a generated world (BENCH_TRAIN_WORLD,
// default 20,000, seed 1), then screens the same BENCH_SCREEN_COUNT applications (default 4,000, seed 3) through the
// screening service twice, on two fresh stores: with the rules alone and with the model active (link facts, the
// prediction and its explanation stored with every result), and reports the throughput ratio. Then stores
// BENCH_STORE_COUNT screened applications (default 20,000, seed 5) with a decision for each (their ground truth,
// written in bulk) and times `hirewall model train --from-store`'s work: reading them back and training. Embedded PGlite
// in memory; writes bench/out/model-service-bench.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { defaultScoringPolicy } from '../packages/core/dist/index.js'
import { generatedWorldExamples, trainRiskModel } from '../packages/model/dist/index.js'
import { createScreeningService, storeModelFile } from '../packages/server/dist/index.js'
import { openStore } from '../packages/store/dist/index.js'
import { generateApplications } from '../packages/synth/dist/index.js'
import { packagedReferenceData } from '../packages/cli/dist/reference/packaged-reference-data.js'
import { storeExamples } from '../packages/cli/dist/model/store-examples.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const trainWorld = Number(process.env.BENCH_TRAIN_WORLD ?? 20_000)
const screenCount = Number(process.env.BENCH_SCREEN_COUNT ?? 4_000)
const storeCount = Number(process.env.BENCH_STORE_COUNT ?? 20_000)
const chunk = 200
const reference = packagedReferenceData()
const policy = defaultScoringPolicy
const thresholds = { review: policy.thresholds.review / 100, hold: policy.thresholds.hold / 100 }
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
const log = (line) => console.log(`${line}  (load ${load()})`)

function train(examples, labels) {
  const outcome = trainRiskModel(examples, {
    seed: 1,
    createdAt: new Date().toISOString(),
    labels,
    policyVersion: policy.version,
    thresholds,
  })
  if (outcome.status !== 'trained') throw new Error(outcome.reason)
  return outcome.model
}

async function screenAll(store, records) {
  const service = await createScreeningService({ store, policy, reference })
  const started = performance.now()
  for (let start = 0; start < records.length; start += chunk) {
    const results = await service.submitMany(
      records.slice(start, start + chunk).map((record) => ({ record, raw: record, actor: 'bench' })),
    )
    const failed = results.find((result) => result.status === 'failed')
    if (failed) throw new Error(`a submission failed: ${failed.message}`)
  }
  const ms = performance.now() - started
  await service.close()
  return ms
}

log(`training a model on a generated world of ${trainWorld.toLocaleString('en-US')} (seed 1)`)
const model = train(generatedWorldExamples({ count: trainWorld, seed: 1 }, { policy, reference }), {
  source: 'generated-world',
  description: 'bench',
  world: { seed: 1, count: trainWorld },
  files: [],
})
log(`model ${model.version}: ${model.training.treeCount} trees`)

const records = [...generateApplications({ count: screenCount, seed: 3 })]
const rulesStore = await openStore({ env: {} })
const rulesMs = await screenAll(rulesStore, records)
await rulesStore.close()
log(`rules alone: ${screenCount} applications in ${(rulesMs / 1000).toFixed(1)} s`)

const modelStore = await openStore({ env: {} })
await storeModelFile(modelStore, model, 'bench')
await modelStore.models.promote(model.version, 'bench')
const modelMs = await screenAll(modelStore, records)
const withModel = await modelStore.results.latest(records[0].id)
if (withModel?.modelVersion !== model.version) throw new Error('the model did not score')
await modelStore.close()
log(`with the model: ${screenCount} applications in ${(modelMs / 1000).toFixed(1)} s`)

const trainingStore = await openStore({ env: {} })
const stored = [...generateApplications({ count: storeCount, seed: 5 })]
const seedMs = await screenAll(trainingStore, stored)
log(`stored ${storeCount} screened applications in ${(seedMs / 1000).toFixed(1)} s`)
for (let start = 0; start < stored.length; start += 2000) {
  await trainingStore.db
    .insertInto('decisions')
    .values(
      stored.slice(start, start + 2000).map((record) => ({
        subject_kind: 'application',
        subject_id: record.id,
        verdict: record.label?.isFraud ? 'confirmed-fraud' : 'cleared',
        reason: 'bench: ground truth',
        actor: 'bench',
      })),
    )
    .execute()
}
const readStarted = performance.now()
const fromStore = await storeExamples(trainingStore)
const readMs = performance.now() - readStarted
const trainStarted = performance.now()
const storeModel = train(fromStore.examples, fromStore.labels)
const trainMs = performance.now() - trainStarted
await trainingStore.close()
log(
  `from the store: read ${fromStore.examples.length} labelled applications in ${(readMs / 1000).toFixed(1)} s, trained in ${(trainMs / 1000).toFixed(1)} s (${storeModel.training.treeCount} trees, held-out PR-AUC ${storeModel.evaluation.model.prAuc?.toFixed(3)})`,
)

const report = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverageAtEnd: load() },
  model: { version: model.version, trees: model.training.treeCount, trainWorld },
  screening: {
    applications: screenCount,
    rulesAloneMs: Math.round(rulesMs),
    withModelMs: Math.round(modelMs),
    rulesAlonePerSecond: Math.round(screenCount / (rulesMs / 1000)),
    withModelPerSecond: Math.round(screenCount / (modelMs / 1000)),
    throughputRatio: Number((rulesMs / modelMs).toFixed(3)),
  },
  fromStore: {
    applications: storeCount,
    labelled: fromStore.examples.length,
    storeScreeningMs: Math.round(seedMs),
    readMs: Math.round(readMs),
    trainMs: Math.round(trainMs),
    trees: storeModel.training.treeCount,
    heldOutPrAuc: storeModel.evaluation.model.prAuc,
  },
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}
mkdirSync(`${root}bench/out`, { recursive: true })
writeFileSync(`${root}bench/out/model-service-bench.json`, `${JSON.stringify(report, null, 2)}\n`)
console.log(JSON.stringify(report, null, 2))
