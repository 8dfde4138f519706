import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { calibrationReport } from '../evaluation/calibration-report.js'
import { evaluateModel } from '../evaluation/evaluate-model.js'
import { defaultBoostingParameters } from '../gbt/boost-trees.js'
import { modelFeatureNames } from '../features/model-features.js'
import { riskModelFormat, riskModelFormatVersion, type RiskModelFile } from '../risk-model/risk-model-file.js'
import { ModelDirectory, resolveModelDirectory } from './model-directory.js'

const fold = { applications: 2, fraud: 1, from: null, to: null }

/** A small hand-made model: one split on the first feature. */
function aModelFile(version: string, createdAt: string): RiskModelFile {
  const examples = [0, 1].map((label) => ({
    applicationId: `a${label}`,
    submittedAtMs: label,
    features: new Float64Array(modelFeatureNames.length),
    label: label as 0 | 1,
    rules: { score: label * 50, outcome: label === 1 ? ('review' as const) : ('clear' as const) },
    groups: {},
  }))
  return {
    format: riskModelFormat,
    formatVersion: riskModelFormatVersion,
    version,
    createdAt,
    seed: '1',
    features: modelFeatureNames,
    labels: { source: 'generated-world', description: 'test', world: { seed: 1, count: 2 }, files: [] },
    training: {
      policyVersion: 'test',
      split: { method: 'time-ordered', train: fold, calibration: fold, test: fold },
      parameters: defaultBoostingParameters,
      treeCount: 1,
      calibrationBeforeScaling: calibrationReport([0.1, 0.9], [0, 1]),
      featureImportance: [],
    },
    baseMargin: -2,
    trees: [
      {
        feature: [0, -1, -1],
        threshold: [0, 0, 0],
        left: [1, -1, -1],
        right: [2, -1, -1],
        value: [0, -0.5, 3],
        cover: [10, 8, 2],
      },
    ],
    calibration: { method: 'platt', slope: 1, intercept: 0 },
    thresholds: { review: 0.25, hold: 0.6 },
    evaluation: evaluateModel(
      examples,
      [0.1, 0.9],
      { review: 0.25, hold: 0.6 },
      { maxFalsePositiveGap: 0.02, minGroupSize: 1 },
    ),
  }
}

describe('resolveModelDirectory', () => {
  it('takes the flag, then HIREWALL_MODELS_DIR, then HIREWALL_HOME/models, then ~/.hirewall/models', () => {
    expect(resolveModelDirectory({ flag: '/a', env: { HIREWALL_MODELS_DIR: '/b' } })).toBe('/a')
    expect(resolveModelDirectory({ env: { HIREWALL_MODELS_DIR: '/b', HIREWALL_HOME: '/c' } })).toBe('/b')
    expect(resolveModelDirectory({ env: { HIREWALL_MODELS_DIR: ' ', HIREWALL_HOME: '/c' } })).toBe('/c/models')
    expect(resolveModelDirectory({ env: {}, homeDirectory: '/home/x' })).toBe('/home/x/.hirewall/models')
  })
})

describe('ModelDirectory', () => {
  it('saves versions without overwriting, promotes, lists and rolls back in order', async () => {
    const directory = new ModelDirectory(join(mkdtempSync(join(tmpdir(), 'hirewall-models-')), 'models'))
    expect(await directory.list()).toEqual([])
    expect(await directory.active()).toBeUndefined()
    const first = aModelFile('risk-a', '2026-01-01T00:00:00.000Z')
    const path = await directory.save(first)
    await directory.save({ ...first, createdAt: 'changed' })
    expect((JSON.parse(readFileSync(path, 'utf8')) as RiskModelFile).createdAt).toBe(first.createdAt)
    await directory.save(aModelFile('risk-b', '2026-02-01T00:00:00.000Z'))

    await directory.promote('risk-a', '2026-03-01T00:00:00.000Z')
    await directory.promote('risk-b', '2026-03-02T00:00:00.000Z', 'better')
    expect((await directory.list()).map((listing) => [listing.version, listing.isActive])).toEqual([
      ['risk-a', false],
      ['risk-b', true],
    ])
    const loaded = await directory.load('active')
    expect(loaded.status === 'loaded' && loaded.file.version).toBe('risk-b')

    const rolledBack = await directory.rollback('2026-03-03T00:00:00.000Z')
    expect(rolledBack?.version).toBe('risk-a')
    expect(rolledBack?.log.map((entry) => entry.action)).toEqual(['promote', 'promote', 'rollback'])
    expect(await directory.rollback('2026-03-04T00:00:00.000Z')).toBeUndefined()
    expect((await directory.active())?.version).toBe('risk-a')
  })

  it('refuses a file whose features include a protected attribute, or trees that point backwards', async () => {
    const directory = new ModelDirectory(mkdtempSync(join(tmpdir(), 'hirewall-models-')))
    const tampered = aModelFile('risk-tampered', '2026-01-01T00:00:00.000Z')
    writeFileSync(
      directory.fileOf('risk-tampered'),
      JSON.stringify({ ...tampered, features: ['applicant.nationality', ...tampered.features.slice(1)] }),
    )
    const loaded = await directory.load('risk-tampered')
    expect(loaded.status).toBe('invalid')
    if (loaded.status === 'invalid') {
      expect(loaded.issues).toContainEqual({
        path: 'features.0',
        message: '"applicant.nationality" is not a feature this version of HireWall computes',
      })
      expect(loaded.issues.map((issue) => issue.message).join(' ')).toMatch(/touches national origin \("nationality"\)/)
    }
    const looping = aModelFile('risk-looping', '2026-01-01T00:00:00.000Z')
    writeFileSync(
      directory.fileOf('risk-looping'),
      JSON.stringify({ ...looping, trees: [{ ...looping.trees[0], left: [0, -1, -1] }] }),
    )
    const loop = await directory.load('risk-looping')
    expect(loop.status === 'invalid' && loop.issues).toEqual([
      { path: 'trees.0.left.0', message: 'must be a node number between 1 and 2' },
    ])
    expect((await directory.load('risk-missing')).status).toBe('missing')
    expect(() => directory.fileOf('../etc/passwd')).toThrow(/not a model version/)
  })
})
