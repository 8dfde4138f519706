import { defaultScoringPolicy } from '@hirewall/core'
import { expect, it } from 'vitest'
import { backtestStoredModel } from '../models/backtest-stored-model.js'
import { storeModelFile } from '../models/model-records.js'
import { aRingMember } from '../testing/application-fixtures.js'
import { aTrainedModel, anInvertedModel } from '../testing/trained-test-model.js'
import { describeInBrowser, useConsoleInBrowser } from './testing/console-browser-harness.js'

describeInBrowser('the risk model page in a real browser', () => {
  const model = aTrainedModel()
  const retrained = aTrainedModel({ seed: 6, createdAt: '2026-11-23T12:00:00.000Z' })
  const inverted = anInvertedModel(retrained)
  const harness = useConsoleInBrowser({
    name: 'model',
    users: [
      { email: 'admin@example.com', role: 'admin' },
      { email: 'viewer@example.com', role: 'viewer' },
    ],
    beforeScreening: async (store) => {
      for (const file of [model, retrained, inverted]) await storeModelFile(store, file, 'user:test')
      await store.models.promote(model.version, 'user:test')
    },
    prepare: async ({ screening }) => {
      await screening.submitMany(
        [aRingMember('mb-1', 'Lee Morgan', '(415) 555-0177'), aRingMember('mb-2', 'Sam Ortiz', '(415) 555-0177')].map(
          (record) => ({ record, raw: record, actor: 'api-key:browser-test' }),
        ),
      )
      return { service: { promotionWorldCount: 1500 } }
    },
  })

  it('shows a viewer the model card with its plots, without promote controls, and the model next to the rules', async () => {
    const page = await harness.signedIn('viewer@example.com')
    await page.getByRole('link', { name: 'Risk model' }).click()
    await page.getByRole('heading', { name: `Model card: ${model.version}` }).waitFor()
    await page.getByRole('img', { name: /^Precision-recall/ }).waitFor()
    await page.getByRole('img', { name: /^Calibration/ }).waitFor()
    await page.getByText('A generated world:').waitFor()
    expect(await page.getByRole('button', { name: 'Promote' }).count()).toBe(0)
    expect(await harness.checkAccessibility(page, 'model card (viewer)')).toEqual([])

    await page.goto(`${harness.base}/applications/mb-2`)
    await page.getByRole('heading', { name: 'What the risk model adds' }).waitFor()
    expect(await page.locator('.model-contributions li').count()).toBeGreaterThan(0)
    expect(harness.pageErrors).toEqual([])
    await page.context().close()
  })

  it('lets an admin backtest a model and the rules alone on the stored applications before promoting', async () => {
    const page = await harness.signedIn('admin@example.com')
    await page.getByRole('link', { name: 'Risk model' }).click()
    await page.getByRole('heading', { name: 'Stored models' }).waitFor()
    const row = (version: string) =>
      page.getByRole('row').filter({ has: page.getByRole('button', { name: version, exact: true }) })
    // The expectation, worked out by the same replay straight from the store.
    const expected = await backtestStoredModel(harness.store, retrained.version, {
      fallbackPolicy: defaultScoringPolicy,
    })
    if (expected.status !== 'completed') throw new Error(expected.status)
    const { applications, changed } = expected.report
    expect(applications).toBe(2)

    await row(retrained.version).getByRole('button', { name: 'Backtest' }).click()
    const report = page.getByRole('region', { name: `Backtest of ${retrained.version} on stored applications` })
    await report.waitFor()
    await report.getByText(`${changed} of ${applications}`, { exact: true }).waitFor()
    await report.getByRole('table', { name: 'Outcome changes' }).waitFor()
    expect(await report.getByRole('table', { name: 'Applications that would change' }).count()).toBe(
      changed > 0 ? 1 : 0,
    )
    expect(await harness.checkAccessibility(page, 'model backtest (admin)')).toEqual([])

    await page.getByRole('button', { name: 'Backtest the rules alone' }).click()
    const rules = page.getByRole('region', { name: 'Backtest of the rules alone on stored applications' })
    await rules.waitFor()
    const entry = (await harness.store.audit.list({ action: 'model.backtested' })).items
    expect(entry.map((item) => item.target)).toEqual(
      expect.arrayContaining([`model:${retrained.version}`, 'model:none']),
    )
    // Nothing changed: the active model stays.
    expect(await harness.store.models.activeVersion()).toBe(model.version)
    expect(harness.pageErrors).toEqual([])
    await page.context().close()
  }, 600_000)

  it('lets an admin see a blocked promotion with its failed check, promote another, and roll back', async () => {
    const page = await harness.signedIn('admin@example.com')
    await page.getByRole('link', { name: 'Risk model' }).click()
    await page.getByRole('heading', { name: 'Stored models' }).waitFor()
    // The version cell is a button named exactly the version (one version may prefix another).
    const row = (version: string) =>
      page.getByRole('row').filter({ has: page.getByRole('button', { name: version, exact: true }) })
    await row(inverted.version).getByRole('button', { name: 'Promote' }).click()
    await page.getByRole('alert').filter({ hasText: 'quality' }).waitFor({ timeout: 240_000 })
    expect(await harness.store.models.activeVersion()).toBe(model.version)

    await row(retrained.version).getByRole('button', { name: 'Promote' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: `Promoted: ${retrained.version}` })
      .waitFor({ timeout: 240_000 })
    expect(await harness.store.models.activeVersion()).toBe(retrained.version)

    await page.getByRole('button', { name: 'Roll back to the previous model' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: `${model.version} is active again` })
      .waitFor()
    expect(await harness.store.models.activeVersion()).toBe(model.version)
    expect(harness.pageErrors).toEqual([])
    await page.context().close()
  }, 600_000)
})
