import { defaultScoringPolicy } from '@hirewall/core'
import { generateWorld } from '@hirewall/synth'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { createJobQueue } from '../jobs/create-job-queue.js'
import { rescreenJobStarter, workOnRescreens } from '../jobs/rescreen/rescreen-jobs.js'
import { serverJobQueues } from '../jobs/server-jobs.js'
import { describeInBrowser, useConsoleInBrowser } from './testing/console-browser-harness.js'

const poolSize = 60

describeInBrowser('the policy page in a real browser', () => {
  const harness = useConsoleInBrowser({
    name: 'policy',
    users: [
      { email: 'admin@example.com', role: 'admin' },
      { email: 'viewer@example.com', role: 'viewer' },
    ],
    // As `hirewall serve` starts: the start-up policy is version 1 and the service follows the published one.
    beforeScreening: async (store) => {
      await store.policyVersions.publishInitial({ policy: defaultScoringPolicy, author: 'system:serve' })
    },
    screening: () => ({ followPublishedPolicy: true }),
    prepare: async ({ store, screening }) => {
      const world = generateWorld({ count: poolSize, seed: 'policy-browser', fraudShare: 0.3 })
      await screening.submitMany(world.map((record) => ({ record, raw: record, actor: 'api-key:browser-test' })))
      const queue = createJobQueue(store, { queues: serverJobQueues(), pollIntervalMs: 50 })
      await queue.start()
      workOnRescreens(queue, { store, screening })
      return { service: { rescreenJobs: rescreenJobStarter(queue) }, close: () => queue.stop({ timeoutMs: 5000 }) }
    },
  })

  async function onThePolicyPage(email: string): Promise<Page> {
    const page = await harness.signedIn(email)
    await page.getByRole('link', { name: 'Policy' }).click()
    await page.getByRole('heading', { name: 'Scoring policy' }).waitFor()
    return page
  }

  it('shows a viewer the published rules and history without edit controls', async () => {
    const page = await onThePolicyPage('viewer@example.com')
    await page.getByRole('heading', { name: /Published: version 1/ }).waitFor()
    expect(await page.getByRole('table', { name: 'Severity weights' }).getByRole('row').count()).toBe(6)
    await page.getByRole('table', { name: 'Policy versions' }).getByRole('cell', { name: 'published' }).waitFor()
    expect(await page.getByRole('heading', { name: 'Edit a new version' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Run backtest' }).count()).toBe(0)
    expect(await page.getByLabel('Review threshold').count()).toBe(0)
    await page.context().close()
  })

  it('lets an admin edit a threshold, see the backtest, publish with a note, and see the new version', async () => {
    const page = await onThePolicyPage('admin@example.com')
    await page.getByLabel('Review threshold').fill('5')
    await page.getByLabel('Weight of low signals').fill('0.2')
    // No publishing before a backtest of these values.
    expect(await page.getByRole('button', { name: /^Publish default/ }).count()).toBe(0)
    await page.getByRole('button', { name: 'Run backtest' }).click()
    const matrix = page.getByRole('table', { name: 'Outcome changes' })
    await matrix.waitFor()
    await page.getByText(`stored applications would get another outcome`).waitFor()
    const summary = await page.locator('.backtest p').first().textContent()
    expect(summary).toMatch(new RegExp(`\\d+ of ${poolSize}`))
    const changed = Number(/^(\d+) of/.exec(summary ?? '')?.[1])
    expect(changed).toBeGreaterThan(0)
    // The sample links to the applications that would change.
    const sample = page.getByRole('table', { name: 'Applications that would change' })
    const firstLink = sample.getByRole('link').first()
    expect(await firstLink.getAttribute('href')).toMatch(/^\/applications\//)
    expect(await harness.checkAccessibility(page, 'policy backtest')).toEqual([])
    await harness.screenshot(page, 'policy', { fullPage: true })

    await page.getByLabel('Note for the history').fill('Review earlier while the ring is active')
    await page.getByRole('button', { name: 'Publish default-2026.11.1-v2' }).click()
    await page.getByRole('status').filter({ hasText: 'Version 2 (default-2026.11.1-v2) is published' }).waitFor()
    await page.getByRole('heading', { name: /Published: version 2/ }).waitFor()
    const history = page.getByRole('table', { name: 'Policy versions' })
    const newRow = history.getByRole('row').filter({ hasText: 'default-2026.11.1-v2' })
    await expect.poll(() => newRow.textContent()).toContain('Review earlier while the ring is active')
    expect(await newRow.textContent()).toContain('published')
    expect(await history.getByRole('row').filter({ hasText: 'retired' }).count()).toBe(1)

    const published = await harness.store.policyVersions.published()
    expect(published).toMatchObject({ version: 2, policy: { thresholds: { review: 5 } } })
    expect(published?.policy).toMatchObject({ severityWeights: { low: 0.2 } })
    expect(harness.screening.versions().policyVersion).toBe('default-2026.11.1-v2')
    expect(harness.pageErrors).toEqual([])
    await page.context().close()
  })
})
