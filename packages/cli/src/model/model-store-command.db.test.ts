import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultScoringPolicy, createEmailDomainReference } from '@hirewall/core'
import { createScreeningService } from '@hirewall/server'
import { openStore, storeTestTargets, type Store } from '@hirewall/store'
import { generateApplications } from '@hirewall/synth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli.js'

const slow = 600_000
const reference = createEmailDomainReference({ disposable: ['mailinator.com'], free: ['gmail.com'], sources: [] })

/** Screens a small generated world through the service and decides every fraud and a quarter of the legitimate. */
async function seed(store: Store): Promise<{ fraud: number; cleared: number }> {
  const screening = await createScreeningService({ store, policy: defaultScoringPolicy, reference })
  const records = [...generateApplications({ count: 1500, seed: 11 })]
  for (let start = 0; start < records.length; start += 250) {
    const chunk = records.slice(start, start + 250)
    await screening.submitMany(chunk.map((record) => ({ record, raw: record, actor: 'test' })))
  }
  await screening.close()
  let fraud = 0
  let cleared = 0
  let legitimate = 0
  for (const record of records) {
    const isFraud = record.label?.isFraud === true
    // Every fourth legitimate applicant, spread over the whole period as real reviews are.
    if (!isFraud && legitimate++ % 4 !== 0) continue
    await store.decisions.record({
      subject: { kind: 'application', id: record.id },
      verdict: isFraud ? 'confirmed-fraud' : 'cleared',
      reason: 'test label',
      actor: 'user:analyst',
    })
    if (isFraud) fraud++
    else cleared++
  }
  return { fraud, cleared }
}

type TrainJson = {
  model: { version: string; labels: { source: string; description: string; confirmedFraud?: number; cleared?: number } }
}

describe.each(storeTestTargets())('hirewall model against the store on $name', ({ name, open }) => {
  let store: Store
  let close: () => Promise<void>
  let flags: string[] = []
  const savedUrl = process.env.DATABASE_URL
  let decided = { fraud: 0, cleared: 0 }

  beforeAll(async () => {
    if (name === 'pglite') {
      // The command opens the data directory itself: seed it, then let go of PGlite's single session.
      const dataDir = mkdtempSync(join(tmpdir(), 'hirewall-model-store-'))
      delete process.env.DATABASE_URL
      const seeding = await openStore({ dataDir, env: {} })
      decided = await seed(seeding)
      await seeding.close()
      store = await openStore({ dataDir, env: {} })
      await store.close()
      flags = ['--data-dir', dataDir]
      close = async () => {}
    } else {
      const database = await open()
      decided = await seed(database.store)
      process.env.DATABASE_URL = database.options.databaseUrl
      store = database.store
      close = database.dispose
    }
  }, slow)
  afterAll(async () => {
    if (savedUrl === undefined) delete process.env.DATABASE_URL
    else process.env.DATABASE_URL = savedUrl
    await close()
  })

  let fromDecisions = ''
  let fromWorld = ''

  it(
    'trains from stored decisions and link facts, and says the labels are analyst decisions',
    async () => {
      const run = await runCli(['model', 'train', '--from-store', ...flags, '--min-decisions', '20', '--json'])
      expect(run.stderr).not.toContain('Too few')
      expect(run.exitCode).toBe(0)
      const { model } = JSON.parse(run.stdout) as TrainJson
      expect(model.labels).toMatchObject({
        source: 'analyst-decisions',
        confirmedFraud: decided.fraud,
        cleared: decided.cleared,
      })
      fromDecisions = model.version
    },
    slow,
  )

  it(
    'trains on a generated world when the store holds too few decisions, and says so',
    async () => {
      const run = await runCli([
        'model',
        'train',
        '--from-store',
        ...flags,
        '--min-decisions',
        '100000',
        '--world-count',
        '1500',
        '--seed',
        '2',
        '--json',
      ])
      expect(run.exitCode).toBe(0)
      expect(run.stderr).toContain('Too few analyst decisions in the store')
      const { model } = JSON.parse(run.stdout) as TrainJson
      expect(model.labels.source).toBe('generated-world')
      expect(model.labels.description).toMatch(/too few analyst decisions/)
      fromWorld = model.version
    },
    slow,
  )

  it(
    'lists, promotes through the gate and rolls back in the store',
    async () => {
      const list = await runCli(['model', 'list', '--store', ...flags])
      expect(list.exitCode).toBe(0)
      expect(list.stdout).toContain(fromDecisions)
      expect(list.stdout).toContain(fromWorld)
      // Loose bounds: this checks the store mode's mechanics; the gate's checks are tested where they are decided.
      const gate = ['--store', ...flags, '--world-count', '1500', '--tolerance', '1', '--max-fpr-gap', '1']
      const first = await runCli(['model', 'promote', fromDecisions, ...gate])
      expect(first.stdout).toContain(`Promotion of ${fromDecisions}: allowed`)
      expect(first.exitCode).toBe(0)
      const second = await runCli(['model', 'promote', fromWorld, ...gate])
      expect(second.exitCode).toBe(0)
      expect((await runCli(['model', 'list', '--store', ...flags])).stdout).toMatch(new RegExp(`\\* ${fromWorld}`))
      const back = await runCli(['model', 'rollback', '--store', ...flags])
      expect(back.exitCode).toBe(0)
      expect(back.stdout).toBe(`Active model: ${fromDecisions} (was ${fromWorld}).\n`)
      const missing = await runCli(['model', 'promote', 'risk-none', '--store', ...flags])
      expect(missing.exitCode).toBe(2)
    },
    slow,
  )

  it(
    'backtests a stored model and the rules alone over the stored applications',
    async () => {
      type Report = {
        modelVersion: string | null
        applications: number
        changed: number
        labelled: number
        matrix: Record<string, Record<string, number>>
        newlyFlagged: Record<string, number>
        newlyCleared: Record<string, number>
        scoredWithOtherModel: number
      }
      // Every stored result was scored by the rules alone with the shipped policy: replaying them changes nothing.
      const rules = await runCli(['model', 'backtest', 'none', ...flags, '--json'])
      expect(rules.exitCode).toBe(0)
      expect(JSON.parse(rules.stdout) as Report).toMatchObject({
        modelVersion: null,
        applications: 1500,
        changed: 0,
        labelled: decided.fraud + decided.cleared,
        scoredWithOtherModel: 1500,
      })
      // A model may only raise clear to review: every change is one, newly flagged, and none is cleared.
      const model = await runCli(['model', 'backtest', fromWorld, ...flags, '--json', '--sample', '3'])
      expect(model.exitCode).toBe(0)
      const report = JSON.parse(model.stdout) as Report & { sample: unknown[] }
      expect(report).toMatchObject({ modelVersion: fromWorld, applications: 1500 })
      expect(report.changed).toBe(report.matrix.clear?.review)
      const flagged = report.newlyFlagged
      expect((flagged.fraud ?? 0) + (flagged.legitimate ?? 0) + (flagged.unlabelled ?? 0)).toBe(report.changed)
      expect(report.newlyCleared).toEqual({ fraud: 0, legitimate: 0, unlabelled: 0 })
      expect(report.sample).toHaveLength(Math.min(3, report.changed))

      const text = await runCli(['model', 'backtest', fromWorld, ...flags])
      expect(text.stdout).toContain(`Backtest of model ${fromWorld} with policy`)
      expect(text.stdout).toContain(`outcomes would change`)
      expect((await runCli(['model', 'backtest', 'risk-none', ...flags])).exitCode).toBe(2)
    },
    slow,
  )
})
