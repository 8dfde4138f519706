import { describe, expect, it } from 'vitest'
import { createEmailDomainReference, defaultScoringPolicy } from '@hirewall/core'
import { generateApplications } from '@hirewall/synth'
import { screenForModel } from '../dataset/screen-for-model.js'
import { syntheticLabel, toModelExample, type ModelExample } from '../dataset/model-example.js'
import { parseRiskModelFile } from './parse-risk-model-file.js'
import { compileRiskModel } from './risk-model.js'
import { trainRiskModel, type TrainingOptions } from './train-risk-model.js'

const reference = createEmailDomainReference({
  disposable: ['mailinator.com', 'guerrillamail.com', 'tempmail.dev', 'yopmail.com'],
  free: ['gmail.com', 'outlook.com', 'yahoo.com'],
  sources: [],
})
const screened = [
  ...screenForModel(generateApplications({ count: 3000, seed: 41 }), { policy: defaultScoringPolicy, reference }),
]
const examples = screened.map(({ record, result, link }) =>
  toModelExample(record, result, link, syntheticLabel(record)),
)

const options: TrainingOptions = {
  seed: 5,
  createdAt: '2026-11-23T10:00:00.000Z',
  labels: { source: 'generated-world', description: 'test', world: { seed: 41, count: 3000 }, files: [] },
  policyVersion: defaultScoringPolicy.version,
  thresholds: { review: 0.25, hold: 0.6 },
  parameters: { rounds: 80 },
}

function trained(
  seed: number | string = 5,
): Extract<ReturnType<typeof trainRiskModel>, { status: 'trained' }>['model'] {
  const outcome = trainRiskModel(examples, { ...options, seed })
  if (outcome.status !== 'trained') throw new Error(outcome.reason)
  return outcome.model
}

describe('trainRiskModel', () => {
  const model = trained()

  it('is deterministic for a seed: the same trees, calibration and version; another seed grows other trees', () => {
    const again = trained()
    expect(again.version).toBe(model.version)
    expect(JSON.stringify(again.trees)).toBe(JSON.stringify(model.trees))
    expect(again.calibration).toEqual(model.calibration)
    expect(again.evaluation).toEqual(model.evaluation)
    const other = trained(6)
    expect(JSON.stringify(other.trees)).not.toBe(JSON.stringify(model.trees))
    expect(other.version).not.toBe(model.version)
    expect(model.version).toMatch(/^risk-20261123-100000-[0-9a-f]{8}$/)
  })

  it('splits by submission time and says what it was trained on', () => {
    const { split } = model.training
    expect(split.train.applications + split.calibration.applications + split.test.applications).toBe(3000)
    expect(split.test.applications).toBe(600)
    expect((split.train.to ?? '') <= (split.calibration.from ?? '')).toBe(true)
    expect((split.calibration.to ?? '') <= (split.test.from ?? '')).toBe(true)
    expect(model.labels.source).toBe('generated-world')
    expect(model.seed).toBe('5')
    expect(model.evaluation.applications).toBe(600)
    expect(model.evaluation.model.prAuc).toBeGreaterThan(0.5)
  })

  it('writes a file that reads back and scores the same after the round trip', () => {
    const parsed = parseRiskModelFile(JSON.parse(JSON.stringify(model)))
    expect(parsed.status).toBe('valid')
    if (parsed.status !== 'valid') return
    const fromFile = compileRiskModel(parsed.file)
    const inMemory = compileRiskModel(model)
    for (const example of examples.slice(-200))
      expect(fromFile.probabilityOf(example.features)).toBe(inMemory.probabilityOf(example.features))
  })

  it('explains a score feature by feature: contributions add up to the log-odds, and name the rule signals', () => {
    const compiled = compileRiskModel(model)
    const logit = (probability: number): number => Math.log(probability / (1 - probability))
    for (const { result, link } of screened.slice(-300)) {
      const explanation = compiled.explain({ result, link })
      const total = explanation.contributions.reduce((sum, entry) => sum + entry.contribution, 0)
      expect(total).toBeCloseTo(logit(explanation.probability) - logit(explanation.baselineProbability), 9)
      expect(explanation).toMatchObject(compiled.predict({ result, link }))
    }
    const index = screened.findIndex(
      (_, position) =>
        (examples[position] as ModelExample).label === 1 &&
        (examples[position] as ModelExample).rules.outcome !== 'clear',
    )
    const { result, link } = screened[index] as (typeof screened)[number]
    const explanation = compiled.explain({ result, link }, { limit: 3 })
    expect(explanation.contributions).toHaveLength(3)
    expect(explanation.probability).toBeGreaterThan(explanation.baselineProbability)
    expect(explanation.summary).toMatch(
      /^The model puts the chance of fraud at \d+(\.\d)?% \((clear|review|hold); review from 25%, hold from 60%\)/,
    )
    const top = explanation.contributions[0]
    expect(top?.sentence).toMatch(/This (raises|lowers) the model's estimate \([+−]\d+\.\d\d log-odds\)\.$/)
    // A present rule signal that moved an estimate is named in the sentence, next to the signal the result carries.
    const named = screened.slice(-300).flatMap(({ result: other, link: otherLink }) =>
      compiled
        .explain({ result: other, link: otherLink })
        .contributions.filter((entry) => entry.kind === 'signal' && entry.value > 0)
        .map((entry) => ({ entry, codes: other.signals.map((signal) => signal.code) })),
    )
    expect(named.length).toBeGreaterThan(0)
    for (const { entry, codes } of named) {
      expect(codes).toContain(entry.signalCode)
      expect(entry.sentence).toContain(`The rules raised ${entry.signalCode ?? ''}`)
    }
  })

  it('refuses to train when a fold lacks fraud or legitimate applications', () => {
    const legitimate = examples.filter((example) => example.label === 0)
    const outcome = trainRiskModel(legitimate, options)
    expect(outcome.status).toBe('refused')
    if (outcome.status === 'refused') expect(outcome.reason).toMatch(/train fold has 0 fraudulent/)
  })
})
