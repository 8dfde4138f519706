import { readFile } from 'node:fs/promises'
import { expect, it } from 'vitest'
import { testReference } from '../testing/application-fixtures.js'
import { seedConfirmedFraud } from '../testing/seed-confirmed-fraud.js'
import { describeInBrowser, useConsoleInBrowser } from './testing/console-browser-harness.js'

describeInBrowser('the Sharing page in a real browser', () => {
  const harness = useConsoleInBrowser({
    name: 'sharing',
    users: [
      { email: 'admin@example.com', role: 'admin' },
      { email: 'analyst@example.com', role: 'analyst' },
    ],
    prepare: async ({ store }) => {
      await seedConfirmedFraud(store, 'user:analyst')
      return { service: { sharing: { producer: 'Example Corp', reference: testReference } } }
    },
  })

  it('lets an admin export at a TLP level (red is not offered), list the export and download it', async () => {
    const page = await harness.signedIn('admin@example.com')
    await page.getByRole('link', { name: 'Sharing' }).click()
    await page.getByRole('heading', { name: 'Sharing' }).waitFor()
    await page.getByText('No exports yet.').waitFor()
    const levels = await page.getByLabel('TLP').locator('option').allTextContents()
    expect(levels).toEqual(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT'])

    await page.getByLabel('TLP').selectOption('green')
    await page.getByLabel('Attributed to (optional)').fill('Famous Chollima')
    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const notice = page.getByRole('status')
    await notice.filter({ hasText: /Exported \d+ indicators as STIX at TLP:GREEN/ }).waitFor()
    const exports = page.getByRole('table', { name: 'Exports' })
    await expect.poll(() => exports.getByRole('row').count()).toBe(2)
    expect(await exports.getByRole('row').nth(1).textContent()).toContain('attributed to Famous Chollima')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download the STIX export/ }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^hirewall-export-.+\.stix\.json$/)
    const path = await download.path()
    const bundle = JSON.parse(await readFile(path, 'utf8')) as { type: string; objects: unknown[] }
    expect(bundle.type).toBe('bundle')
    expect(JSON.stringify(bundle)).toContain('+14155550199')
    const downloads = await harness.store.audit.list({ action: 'sharing-export.downloaded' })
    expect(downloads.items).toHaveLength(1)
    await page.context().close()
  })

  it('shows an analyst no Sharing page', async () => {
    const page = await harness.signedIn('analyst@example.com')
    expect(await page.getByRole('link', { name: 'Sharing' }).count()).toBe(0)
    await page.goto(`${harness.base}/sharing`)
    await page.getByRole('heading', { name: 'Not available' }).waitFor()
    await page.context().close()
    expect(harness.pageErrors).toEqual([])
  })
})
