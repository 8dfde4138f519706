import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'hirewall-model-'))
const models = join(dir, 'models')
const slow = 240_000
const unlabelled = fileURLToPath(new URL('../fixtures/three-applications.jsonl', import.meta.url))

type ListJson = { active: { version: string } | null; models: { version: string; isActive: boolean }[] }

async function listed(): Promise<ListJson> {
  const run = await runCli(['model', 'list', '--json', '--models-dir', models])
  expect(run.exitCode).toBe(0)
  return JSON.parse(run.stdout) as ListJson
}

function versionIn(text: string): string {
  const version = /Model (risk-\d{8}-\d{6}-[0-9a-f]{8})/.exec(text)?.[1]
  if (!version) throw new Error(`no model version in:\n${text}`)
  return version
}

describe('hirewall model', () => {
  let first = ''
  let second = ''

  it(
    'trains on a generated world, saves the model and prints its card: rules, model and both, calibration, fairness',
    async () => {
      const run = await runCli(['model', 'train', '--world-count', '2500', '--seed', '3', '--models-dir', models])
      expect(run.exitCode).toBe(0)
      first = versionIn(run.stdout)
      expect(run.stdout).toMatch(
        /trained on a generated world \(seed 1, 2,500 applications\), labelled by its ground truth/,
      )
      expect(run.stdout).toMatch(/rules only +\d\.\d{3}/)
      expect(run.stdout).toMatch(/model only +\d\.\d{3}/)
      expect(run.stdout).toMatch(/both +\d\.\d{3}/)
      expect(run.stdout).toMatch(
        /Calibration: expected calibration error \d+\.\d\d% \(\d+\.\d\d% before Platt scaling\)/,
      )
      expect(run.stdout).toMatch(/Fairness, model alone, held out/)
      expect(run.stderr).toContain(`hirewall model promote ${first}`)
      expect(existsSync(join(models, `${first}.json`))).toBe(true)
      // Nothing is active until a promotion.
      expect(await listed()).toMatchObject({ active: null, models: [{ version: first, isActive: false }] })
    },
    slow,
  )

  it(
    'trains the same model for the same data and seed',
    async () => {
      const run = await runCli([
        'model',
        'train',
        '--world-count',
        '2500',
        '--seed',
        '3',
        '--models-dir',
        models,
        '--json',
      ])
      expect(run.exitCode).toBe(0)
      const { model } = JSON.parse(run.stdout) as { model: { version: string; trees: unknown } }
      expect(model.version.slice(-8)).toBe(first.slice(-8))
      const saved = JSON.parse(readFileSync(join(models, `${first}.json`), 'utf8')) as { trees: unknown }
      expect(model.trees).toEqual(saved.trees)
    },
    slow,
  )

  it(
    'evaluates on a world it was not trained on, with a backtest against the rules alone',
    async () => {
      const run = await runCli(['model', 'evaluate', '--model', first, '--world-count', '1500', '--models-dir', models])
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toContain(`Model ${first}`)
      expect(run.stdout).toMatch(/Evaluated on a generated world \(seed 2, 1,500 applications\)/)
      expect(run.stdout).toMatch(
        new RegExp(`Backtest: the rules with ${first} against the rules alone: \\d+ of 1,500 outcomes would change`),
      )
      expect(run.stdout).toMatch(/newly flagged: \d+ fraud, \d+ legitimate/)
    },
    slow,
  )

  it(
    'replays a policy change with the model: the rules under the old policy before, under the new one after',
    async () => {
      const policy = JSON.parse(
        readFileSync(new URL('../../../core/src/scoring/default-policy.json', import.meta.url), 'utf8'),
      ) as { version: string; thresholds: { review: number; hold: number } }
      const strict = join(dir, 'strict-policy.json')
      writeFileSync(strict, JSON.stringify({ ...policy, version: 'strict-1', thresholds: { review: 10, hold: 60 } }))
      const run = await runCli([
        'model',
        'evaluate',
        '--model',
        first,
        '--world-count',
        '800',
        '--baseline-policy',
        strict,
        '--models-dir',
        models,
        '--json',
      ])
      expect(run.exitCode).toBe(0)
      const report = JSON.parse(run.stdout) as {
        backtest: { baseline: string; changed: number; newlyCleared: { legitimate: number } }
      }
      expect(report.backtest.baseline).toBe('the rules of policy strict-1 alone')
      // Raising the review threshold back from 10 to 25 clears legitimate applicants the strict policy flagged.
      expect(report.backtest.changed).toBeGreaterThan(0)
      expect(report.backtest.newlyCleared.legitimate).toBeGreaterThan(0)
    },
    slow,
  )

  it(
    'blocks a promotion that exceeds the fairness bound, says why, and keeps the rules alone',
    async () => {
      const run = await runCli([
        'model',
        'promote',
        first,
        '--world-count',
        '1500',
        '--max-fpr-gap',
        '0',
        '--min-group-size',
        '20',
        '--models-dir',
        models,
      ])
      expect(run.exitCode).toBe(4)
      expect(run.stdout).toContain(`Promotion of ${first}: BLOCKED`)
      expect(run.stdout).toMatch(
        /fairness: failed\n.*legitimate applicants of \S+ are flagged .* above the bound of 0\.0 points/,
      )
      expect(run.stdout).toContain('The active model stays none (rules alone).')
      expect((await listed()).active).toBeNull()
    },
    slow,
  )

  it(
    'promotes a model at least as good as the rules, then a second one, and rolls back to the first',
    async () => {
      const promoted = await runCli(['model', 'promote', first, '--world-count', '1500', '--models-dir', models])
      expect(promoted.exitCode).toBe(0)
      expect(promoted.stdout).toContain(`Promotion of ${first}: allowed`)
      expect(promoted.stdout).toMatch(/quality: passed\n +PR-AUC \d\.\d{3} against \d\.\d{3} for the rules alone/)
      expect((await listed()).active?.version).toBe(first)

      const trained = await runCli([
        'model',
        'train',
        '--world-count',
        '2500',
        '--world-seed',
        '5',
        '--models-dir',
        models,
      ])
      second = versionIn(trained.stdout)
      const again = await runCli([
        'model',
        'promote',
        second,
        '--world-count',
        '1500',
        '--tolerance',
        '1',
        '--models-dir',
        models,
      ])
      expect(again.exitCode).toBe(0)
      expect(again.stdout).toMatch(/Evaluated on a generated world \(seed 6, 1,500 applications\)/)
      expect(again.stdout).toContain(`for the active model ${first}`)
      expect(again.stdout).toContain(`Active model: ${second} (was ${first}; "hirewall model rollback" returns to it).`)

      const rolledBack = await runCli(['model', 'rollback', '--models-dir', models])
      expect(rolledBack.exitCode).toBe(0)
      expect(rolledBack.stdout).toBe(`Active model: ${first} (was ${second}).\n`)
      const nothing = await runCli(['model', 'rollback', '--models-dir', models])
      expect(nothing.exitCode).toBe(4)
      expect(nothing.stderr).toContain(`nothing to roll back to: ${first} is the only model promoted`)
      const table = await runCli(['model', 'list', '--models-dir', models])
      expect(table.stdout).toMatch(new RegExp(`\\* +${first}`))
    },
    slow,
  )

  it(
    'explains each application feature by feature next to the rule signals, and reports score drift',
    async () => {
      const world = join(dir, 'world.jsonl')
      expect((await runCli(['generate', '--count', '400', '--seed', '8', '-o', world])).exitCode).toBe(0)
      const text = await runCli(['model', 'explain', world, '--limit', '3', '--models-dir', models])
      expect(text.exitCode).toBe(0)
      expect(text.stdout).toMatch(
        /^syn-0000001 {2}rules [\d.]+ (clear|review|hold) {2}· {2}model [\d.]+ (clear|review|hold) \(risk-/,
      )
      expect(text.stdout).toMatch(/The model puts the chance of fraud at/)
      expect(text.stdout).toMatch(/This (raises|lowers) the model's estimate \([+−]\d\.\d\d log-odds\)/)
      expect(text.stdout).toMatch(/rule signals: /)
      const json = await runCli(['model', 'explain', world, '--json', '--model', first, '--models-dir', models])
      const rows = json.stdout
        .trim()
        .split('\n')
        .map(
          (line) =>
            JSON.parse(line) as { applicationId: string; model: { modelVersion: string; contributions: unknown[] } },
        )
      expect(rows).toHaveLength(400)
      expect(rows[0]?.model.modelVersion).toBe(first)

      const drift = await runCli(['model', 'drift', world, '--models-dir', models])
      expect([0, 4]).toContain(drift.exitCode)
      expect(drift.stdout).toMatch(
        new RegExp(`Score drift of ${first}: population stability index \\d+\\.\\d{3}, (stable|moderate|significant)`),
      )
    },
    slow,
  )

  it(
    'learns from analyst decisions: confirmed fraud and cleared are labels, needs-verification and bad lines are left out',
    async () => {
      const world = join(dir, 'history.jsonl')
      expect((await runCli(['generate', '--count', '2500', '--seed', '12', '-o', world])).exitCode).toBe(0)
      const decisions = readFileSync(world, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; label: { isFraud: boolean } })
        .map((record, index) =>
          JSON.stringify({
            applicationId: record.id,
            verdict: index % 10 === 0 ? 'needs-verification' : record.label.isFraud ? 'confirmed-fraud' : 'cleared',
          }),
        )
      writeFileSync(join(dir, 'decisions.jsonl'), `${decisions.join('\n')}\n{"applicationId":"x","verdict":"maybe"}\n`)
      const run = await runCli([
        'model',
        'train',
        world,
        '--decisions',
        join(dir, 'decisions.jsonl'),
        '--no-intel',
        '--models-dir',
        models,
      ])
      expect(run.exitCode).toBe(3)
      expect(run.stderr).toMatch(/decisions\.jsonl:2501: .*verdict/)
      expect(run.stdout).toMatch(
        /trained on analyst decisions \([\d,]+ confirmed fraud, [\d,]+ cleared; 250 needing verification and 0 undecided left out\)/,
      )
    },
    slow,
  )

  it.each([
    [
      ['model', 'train', '--review-threshold', '0.7', '--hold-threshold', '0.5'],
      /--review-threshold \(0\.7\) must not be above/,
    ],
    [['model', 'train', '--review-threshold', 'high'], /--review-threshold must be a number between 0 and 1/],
    [['model', 'train', '--decisions', 'decisions.jsonl'], /--decisions labels applications read from files/],
    [['model', 'train', '--world-count', '0'], /--world-count must be a whole number ≥ 1/],
    [['model', 'train', unlabelled, '--no-intel'], /carry no labels/],
    [['model', 'evaluate', '--model', 'risk-nope'], /no model risk-nope in /],
    [['model', 'promote'], /missing required argument 'version'/],
    [['model', 'explain', 'missing.jsonl', '--model', 'risk-nope'], /no model risk-nope in /],
  ])('refuses bad usage with exit code 2: %j', async (argv, message) => {
    const run = await runCli([...argv, '--models-dir', models])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toMatch(message)
  })

  it('refuses to train on too few labelled applications, with exit code 4', async () => {
    const run = await runCli(['model', 'train', '--world-count', '30', '--models-dir', join(dir, 'empty')])
    expect(run.exitCode).toBe(4)
    expect(run.stderr).toMatch(/cannot train a model: the \w+ fold has \d+ fraudulent/)
    expect(existsSync(join(dir, 'empty'))).toBe(false)
  })
})
