import { stat } from 'node:fs/promises'
import { expect, it } from 'vitest'
import { recordIntelSources } from '../intel/record-intel-sources.js'
import { anApplicationRecord } from '../testing/application-fixtures.js'
import { partnerStixBundle } from '../testing/partner-stix-bundle.js'
import { waitUntil } from '../testing/wait-until.js'
import { storedWatchlists } from '../watchlists/stored-watchlists.js'
import { describeInBrowser, useConsoleInBrowser } from './testing/console-browser-harness.js'

const day = 86_400_000

describeInBrowser('the Intelligence page in a real browser', () => {
  const harness = useConsoleInBrowser({
    name: 'intel',
    users: [
      { email: 'admin@example.com', role: 'admin', displayName: 'Ada Min' },
      { email: 'viewer@example.com', role: 'viewer' },
    ],
    screening: (store) => ({ refreshConfig: storedWatchlists(store).refresh }),
    prepare: async ({ store, screening }) => {
      // An application the partner's bundle names: importing it re-screens this one.
      await screening.submit({
        record: anApplicationRecord('persona-1', {
          cv: { basics: { name: 'Rin Persona', email: 'ring.persona@outlook.com', phone: '(415) 555-0142' } },
        }),
        raw: {},
        actor: 'api-key:browser-test',
      })
      await recordIntelSources(store, [
        {
          kind: 'ofac-sdn',
          name: 'ofac-sdn',
          version: '2026-10-01',
          fetchedAt: new Date(Date.now() - 40 * day).toISOString(),
          sha256: 'a'.repeat(64),
          bytes: 4_100_000,
          entries: 18_201,
          skipped: 0,
          origin: 'download',
        },
        {
          kind: 'world-universities',
          name: 'world-universities',
          version: '2026-11-01',
          fetchedAt: new Date(Date.now() - 2 * day).toISOString(),
          sha256: 'b'.repeat(64),
          bytes: 2_900_000,
          entries: 9_862,
          skipped: 3,
          origin: 'download',
        },
      ])
    },
  })

  it('lets an admin import a STIX bundle into a new watchlist and see its entries', async () => {
    const page = await harness.signedIn('admin@example.com')
    await page.getByRole('link', { name: 'Intelligence' }).click()
    await page.getByRole('heading', { name: 'Intelligence' }).waitFor()

    const sources = page.getByRole('table', { name: 'Reference sources' })
    await sources.waitFor()
    const sanctions = sources.getByRole('row').filter({ hasText: 'ofac-sdn' })
    expect(await sanctions.getByText('stale').count()).toBe(1)
    expect(await sources.getByRole('row').filter({ hasText: 'world-universities' }).getByText('stale').count()).toBe(0)

    await page.getByLabel('List name').fill('partner-q3')
    await page.getByLabel('Description (optional)').fill('Shared by a partner, Q3')
    await page.getByRole('button', { name: 'Create list' }).click()
    await page.getByRole('heading', { name: 'Entries of partner-q3' }).waitFor()
    await page.getByText('This list has no entries yet.').waitFor()

    await page.getByLabel('CSV, STIX 2.1 bundle or MISP event').setInputFiles({
      name: 'partner-q3.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(partnerStixBundle())),
    })
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const result = page.getByRole('status', { name: 'Import result' })
    await result.waitFor()
    expect(await result.textContent()).toMatch(/3 added from the STIX file.*1 rejected/)
    const rejected = page.getByRole('table', { name: 'Rejected indicators' })
    expect(await rejected.getByRole('row').filter({ hasText: 'objects[4].pattern' }).count()).toBe(1)

    const entries = page.getByRole('table', { name: 'Entries of partner-q3' })
    await expect.poll(() => entries.getByRole('row').count()).toBe(4)
    const email = entries.getByRole('row').filter({ hasText: 'ring.persona@outlook.com' })
    expect(await email.getByText('Partner Security Team').count()).toBe(1)
    const domain = entries.getByRole('row').filter({ hasText: 'front-co.example' })
    expect(await domain.getByText('(internal only)').count()).toBe(1)
    // The bundle lists a domain, which also matches website hosts: every application is screened again.
    await page.getByText(/Every application is being re-screened/).waitFor()
    // From the top: a page scrolled by the import would draw the sticky table headers over the rows.
    await page.evaluate('window.scrollTo(0, 0)')
    const screenshot = await harness.screenshot(page, 'intelligence', { fullPage: true })
    expect((await stat(screenshot)).size).toBeGreaterThan(10_000)
    await harness.checkAccessibility(page, 'intelligence (admin, after an import)')

    // The import reached screening: the persona's application was screened again and matched.
    const rescreened = await waitUntil('the re-screening of persona-1', async () => {
      const latest = await harness.store.results.latest('persona-1')
      return latest?.version === 2 ? latest : undefined
    })
    expect(rescreened.signals.map((signal) => signal.code)).toContain('watchlist.match')

    await page.getByLabel('Value').fill('+1 415 555 0199')
    await page.getByLabel('Kind').selectOption('phone')
    await page.getByRole('button', { name: 'Add entry' }).click()
    await expect.poll(() => entries.getByRole('row').count()).toBe(5)
    await page.getByRole('button', { name: 'Remove phone +1 415 555 0199' }).click()
    await expect.poll(() => entries.getByRole('row').count()).toBe(4)
    await page.context().close()
  })

  it('shows a viewer the lists and entries without the forms', async () => {
    const page = await harness.signedIn('viewer@example.com')
    await page.goto(`${harness.base}/intelligence`)
    await page.getByRole('table', { name: 'Entries of partner-q3' }).waitFor()
    expect(await page.getByRole('button', { name: 'Create list' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0)
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0)
    await harness.checkAccessibility(page, 'intelligence (viewer)')
    await page.context().close()
    expect(harness.pageErrors).toEqual([])
    expect(harness.accessibilityProblems).toEqual([])
  })
})
