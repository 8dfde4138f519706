import { stat } from 'node:fs/promises'
import type { ApplicationRecord } from '@hirewall/core'
import { generateWorld } from '@hirewall/synth'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { aRingMember, aRiskyApplicationRecord } from '../testing/application-fixtures.js'
import { describeInBrowser, useConsoleInBrowser } from './testing/console-browser-harness.js'

const heldId = 'held-1'
const heldName = 'Alex Kim'

/** A generated pool, a ring of three sharing a phone, and one application that screening holds. */
function seedRecords(): ApplicationRecord[] {
  const world = generateWorld({ count: 40, seed: 'console-browser', fraudShare: 0.3 })
  const phone = '+1 415 555 0177'
  return [
    ...world,
    aRingMember('ring-1', 'Ines Albright', phone),
    aRingMember('ring-2', 'Omar Velasquez', phone),
    aRingMember('ring-3', 'Kwame Mensah', phone),
    aRiskyApplicationRecord(heldId),
  ]
}

describeInBrowser('the console in a real browser', () => {
  const harness = useConsoleInBrowser({
    name: 'queue',
    users: [
      { email: 'analyst@example.com', role: 'analyst', displayName: 'Ana Lyst' },
      { email: 'viewer@example.com', role: 'viewer' },
      { email: 'admin@example.com', role: 'admin' },
    ],
    prepare: async ({ screening }) => {
      await screening.submitMany(
        seedRecords().map((record) => ({ record, raw: { received: record.id }, actor: 'api-key:browser-test' })),
      )
    },
  })
  const screenshots = new Map<string, string>()
  const screenshot = async (page: Page, name: string, options: { fullPage?: boolean } = {}) => {
    screenshots.set(name, await harness.screenshot(page, name, options))
  }

  it('signs in, opens a held application from the queue, decides it, and sees it leave the queue', async () => {
    const page = await harness.newPage()
    await page.goto(`${harness.base}/`)
    await page.getByRole('heading', { name: 'HireWall' }).waitFor()
    await screenshot(page, 'sign-in')
    await harness.checkAccessibility(page, 'sign-in')
    await page.getByLabel('Email').fill('analyst@example.com')
    await page.getByLabel('Password').fill('not the password at all')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not right')

    await harness.signIn(page, 'analyst@example.com')
    const queue = page.getByRole('table', { name: /awaiting a decision/ })
    await queue.waitFor()
    const heldRow = queue.getByRole('row').filter({ hasText: heldName })
    await expect.poll(() => heldRow.count()).toBe(1)
    expect(await heldRow.getByText('Hold').count()).toBe(1)
    await screenshot(page, 'queue')
    await harness.checkAccessibility(page, 'queue')

    // The dashboard before any decision: no precision yet.
    await page.getByRole('link', { name: 'Trends' }).click()
    await page.getByRole('heading', { name: 'Trends' }).waitFor()
    await page.getByText(/No verdicts yet/).waitFor()
    await page.getByRole('link', { name: 'Review queue' }).click()
    await queue.waitFor()

    // The keyboard reaches the rows: j selects the first (the riskiest), Enter opens it.
    await page.keyboard.press('j')
    await expect.poll(() => queue.locator('tbody tr[aria-selected="true"]').count()).toBe(1)

    await heldRow.getByRole('link', { name: heldName }).click()
    await page.getByRole('heading', { name: heldName, level: 1 }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/applications/${heldId}`)
    await page.getByRole('heading', { name: 'Why this score' }).waitFor()
    expect(await page.getByText(/Held at \d+/).count()).toBe(1)
    expect(await page.getByText(/mailinator\.com/).count()).toBeGreaterThan(0)
    expect(await page.getByText(/Added [\d.]+ of the \d+ points/).count()).toBeGreaterThan(0)
    await screenshot(page, 'application', { fullPage: true })
    await harness.checkAccessibility(page, 'application')

    // A decision without a reason is refused beside the field, before anything is sent.
    await page.getByRole('radio', { name: /Confirmed fraud/ }).check()
    await page.getByRole('button', { name: 'Record decision' }).click()
    await expect.poll(() => page.getByText('Give the reason for this decision.').count()).toBe(1)
    await page.getByLabel('Reason').fill('Throwaway mailbox and a voice changer in the interview')
    await page.getByLabel('Note (optional)').fill('Checked with the recruiter')
    await page.getByRole('button', { name: 'Record decision' }).click()
    await page.getByText('Decision recorded.').waitFor()
    await page.getByText(/Decided: Confirmed fraud\. Reason: Throwaway mailbox/).waitFor()

    await page.getByRole('link', { name: 'Back to the queue' }).first().click()
    await queue.waitFor()
    await expect.poll(() => queue.getByRole('row').count()).toBeGreaterThan(1)
    expect(await queue.getByRole('row').filter({ hasText: heldName }).count()).toBe(0)

    // The dashboard changed: the verdict counts toward the precision of the signals the application carried.
    await page.getByRole('link', { name: 'Trends' }).click()
    await page.getByRole('tab', { name: 'Quarters' }).click()
    const precision = page.getByRole('figure', { name: /Precision per signal/ })
    await precision.getByText('email.disposable').waitFor()
    expect(await precision.getByText('100 %: 1 confirmed, 0 cleared').count()).toBeGreaterThan(0)
    await screenshot(page, 'trends', { fullPage: true })
    await harness.checkAccessibility(page, 'trends')
    await page.getByRole('link', { name: 'Review queue' }).click()
    await queue.waitFor()

    // Enter opens the selected row.
    await page.keyboard.press('j')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Why this score' }).waitFor()
    expect(new URL(page.url()).pathname).toMatch(/^\/applications\/[^/]+$/)
    await page.context().close()
  })

  it('lets a viewer read but not decide', async () => {
    const page = await harness.newPage()
    await harness.signIn(page, 'viewer@example.com')
    await page.goto(`${harness.base}/applications/ring-1`)
    await page.getByRole('heading', { name: 'Ines Albright', level: 1 }).waitFor()
    expect(await page.getByText('Viewers cannot decide.').count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Record decision' }).count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0)
    await page.context().close()
  })

  it('lets an admin add a person, create and revoke an API key and add a webhook, each secret shown once', async () => {
    const page = await harness.newPage()
    await harness.signIn(page, 'admin@example.com')
    await page.getByRole('link', { name: 'Users' }).click()
    await page.getByRole('table', { name: 'Users' }).waitFor()
    await page.getByLabel('Email').fill('new.analyst@example.com')
    await page.getByLabel('Role', { exact: true }).selectOption('analyst')
    await page.getByRole('button', { name: 'Add user' }).click()
    const oneTimePassword = page.getByLabel('One-time password for new.analyst@example.com.')
    await oneTimePassword.waitFor()
    expect((await oneTimePassword.textContent())?.length).toBeGreaterThanOrEqual(15)
    await expect.poll(() => page.getByRole('cell', { name: 'new.analyst@example.com', exact: true }).count()).toBe(1)
    await screenshot(page, 'users')
    await harness.checkAccessibility(page, 'users')

    await page.getByRole('link', { name: 'API keys' }).click()
    await page.getByLabel('Name').fill('greenhouse sync')
    await page.getByRole('button', { name: 'Create key' }).click()
    const token = page.getByLabel('The token of greenhouse sync.')
    await token.waitFor()
    expect(await token.textContent()).toMatch(/^hw_\w+_\w+$/)
    await page.getByRole('button', { name: 'Done, hide it' }).click()
    expect(await token.count()).toBe(0)
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: 'Revoke greenhouse sync' }).click()
    await expect.poll(() => page.getByRole('cell', { name: 'revoked', exact: true }).count()).toBe(1)

    await page.getByRole('link', { name: 'Webhooks' }).click()
    await page.getByLabel('URL').fill('https://siem.example.com/hirewall')
    await page.getByRole('button', { name: 'Add subscription' }).click()
    const secret = page.getByLabel('The signing secret for https://siem.example.com/hirewall.')
    await secret.waitFor()
    expect(await secret.textContent()).toMatch(/^whsec_/)
    await page.getByRole('button', { name: 'Disable deliveries to https://siem.example.com/hirewall' }).click()
    await expect.poll(() => page.getByRole('cell', { name: 'disabled', exact: true }).count()).toBe(1)
    await harness.checkAccessibility(page, 'webhooks')
    await page.context().close()
  })

  it('compares linked applications and draws the ring as a graph', async () => {
    const page = await harness.newPage()
    await harness.signIn(page, 'analyst@example.com')
    await page.goto(`${harness.base}/applications/ring-2`)
    const comparison = page.getByRole('table', { name: /beside the applications linked/ })
    await comparison.waitFor()
    // The shared phone is highlighted in every column; the different names are not.
    const phones = comparison.getByRole('row').filter({ hasText: 'Phones' })
    expect(await phones.locator('.fact.shared').count()).toBe(3)
    const names = comparison.getByRole('row').filter({ hasText: 'Name' })
    expect(await names.locator('.fact.shared').count()).toBe(0)

    await page.getByRole('link', { name: 'Open the link graph' }).click()
    await page.getByRole('heading', { name: /^Cluster / }).waitFor()
    const graph = page.getByRole('img', { name: /Identity graph around/ })
    await graph.waitFor()
    await expect.poll(() => page.locator('.graph-canvas canvas').count()).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Show all' }).click()
    await expect.poll(() => graph.getAttribute('aria-label')).toMatch(/: 4 nodes, 3 links/)
    await screenshot(page, 'cluster-graph', { fullPage: true })
    await harness.checkAccessibility(page, 'cluster')
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export PNG' }).click()
    expect((await download).suggestedFilename()).toMatch(/\.png$/)
    await page.context().close()
  })

  it('ran without CSP violations, script errors, serious accessibility problems or personal data in any URL', async () => {
    expect(harness.cspViolations).toEqual([])
    expect(harness.accessibilityProblems).toEqual([])
    expect(harness.pageErrors).toEqual([])
    const personal = [heldName, 'Ines', 'mailinator', 'analyst@example.com', 'new.analyst', '555']
    expect(
      harness.requestedUrls.filter((url) => personal.some((text) => decodeURIComponent(url).includes(text))),
    ).toEqual([])
    for (const name of ['sign-in', 'queue', 'application', 'cluster-graph', 'users', 'trends']) {
      expect((await stat(screenshots.get(name) ?? `no ${name} screenshot`)).size, name).toBeGreaterThan(10_000)
    }
  })
})
