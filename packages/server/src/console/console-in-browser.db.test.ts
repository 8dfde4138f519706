import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultScoringPolicy, type ApplicationRecord } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '@hirewall/store'
import { generateWorld } from '@hirewall/synth'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser, type Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../auth/password-hash.js'
import { createScreeningService } from '../screening/create-screening-service.js'
import type { ScreeningService } from '../screening/screening-service.js'
import { buildServiceApp } from '../service/build-service-app.js'
import { aRingMember, aRiskyApplicationRecord, testReference } from '../testing/application-fixtures.js'
import { registerConsole } from './register-console.js'

/** Debian's Chromium; CI installs it (.ci/run). Playwright downloads no browser here. */
const chromiumPath = process.env.HIREWALL_CHROMIUM ?? '/usr/bin/chromium'
const hasChromium = existsSync(chromiumPath)
const consoleSource = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'console')

const password = 'correct horse battery staple 42'
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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

// CI installs Chromium, so there a missing browser fails the run; elsewhere the test says why it did not run.
describe.skipIf(!hasChromium && process.env.CI === undefined)('the console in a real browser', () => {
  const target = storeTestTargets({})[0]
  let database: TestDatabase
  let screening: ScreeningService
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let buildDir: string
  let shotsDir: string
  const cspViolations: string[] = []
  const pageErrors: string[] = []
  const requestedUrls: string[] = []
  const accessibilityProblems: string[] = []
  let axeSource = ''

  beforeAll(async () => {
    if (target === undefined) throw new Error('no PGlite test target')
    // The console as its sources are now, built like `npm run build` does.
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
    buildDir = await mkdtemp(join(tmpdir(), 'hirewall-console-build-'))
    shotsDir = join(buildDir, 'screenshots')
    await mkdir(shotsDir, { recursive: true })
    await build({
      root: consoleSource,
      configFile: join(consoleSource, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: join(buildDir, 'dist'), emptyOutDir: true },
    })

    database = await target.open()
    const { store } = database
    screening = await createScreeningService({ store, policy: defaultScoringPolicy, reference: testReference })
    await screening.submitMany(
      seedRecords().map((record) => ({ record, raw: { received: record.id }, actor: 'api-key:browser-test' })),
    )
    const passwordHash = await hashPassword(password)
    await store.users.create({ email: 'analyst@example.com', role: 'analyst', passwordHash, displayName: 'Ana Lyst' })
    await store.users.create({ email: 'viewer@example.com', role: 'viewer', passwordHash })
    await store.users.create({ email: 'admin@example.com', role: 'admin', passwordHash })

    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    // The service as `hirewall serve` builds it, with the console built above instead of the workspace's.
    app = await buildServiceApp({
      store,
      screening,
      publicOrigins: [base],
      console: false,
      env: {},
      app: { logLevel: 'silent', processMetrics: false },
    })
    await registerConsole(app, { root: join(buildDir, 'dist') })
    await app.listen({ host: '127.0.0.1', port })

    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    })
  }, openTimeoutMs)

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await screening?.close()
    await database?.dispose()
    await rm(buildDir, { recursive: true, force: true })
  })

  async function openPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text())
    })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('request', (request) => requestedUrls.push(request.url()))
    return page
  }

  /** Runs axe-core's WCAG 2 A and AA rules on the page as it is and keeps every serious or critical finding. */
  async function checkAccessibility(page: Page, name: string): Promise<void> {
    // Evaluated through the browser's debugging protocol, which the page's CSP does not govern.
    await page.evaluate(axeSource)
    const { passed, violations } = await page.evaluate(async () => {
      type Result = { id: string; impact: string | null; nodes: { target: unknown[] }[] }
      type Axe = { run: (options: object) => Promise<{ violations: Result[]; passes: Result[] }> }
      const results = await (globalThis as unknown as { axe: Axe }).axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      })
      return {
        passed: results.passes.length,
        violations: results.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
          targets: violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)),
        })),
      }
    })
    // axe ran and checked something: a page it could not read would pass every rule by checking none.
    expect(passed, name).toBeGreaterThan(5)
    for (const violation of violations) {
      if (violation.impact === 'serious' || violation.impact === 'critical') {
        accessibilityProblems.push(`${name}: ${violation.id} at ${violation.targets.join(', ')}`)
      }
    }
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${base}/`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Review queue' }).waitFor()
  }

  it('signs in, opens a held application from the queue, decides it, and sees it leave the queue', async () => {
    const page = await openPage()
    await page.goto(`${base}/`)
    await page.getByRole('heading', { name: 'HireWall' }).waitFor()
    await page.screenshot({ path: join(shotsDir, 'sign-in.png') })
    await checkAccessibility(page, 'sign-in')
    await page.getByLabel('Email').fill('analyst@example.com')
    await page.getByLabel('Password').fill('not the password at all')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not right')

    await signIn(page, 'analyst@example.com')
    const queue = page.getByRole('table', { name: /awaiting a decision/ })
    await queue.waitFor()
    const heldRow = queue.getByRole('row').filter({ hasText: heldName })
    await expect.poll(() => heldRow.count()).toBe(1)
    expect(await heldRow.getByText('Hold').count()).toBe(1)
    await page.screenshot({ path: join(shotsDir, 'queue.png') })
    await checkAccessibility(page, 'queue')

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
    await page.screenshot({ path: join(shotsDir, 'application.png'), fullPage: true })
    await checkAccessibility(page, 'application')

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
    await page.screenshot({ path: join(shotsDir, 'trends.png'), fullPage: true })
    await checkAccessibility(page, 'trends')
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
    const page = await openPage()
    await signIn(page, 'viewer@example.com')
    await page.goto(`${base}/applications/ring-1`)
    await page.getByRole('heading', { name: 'Ines Albright', level: 1 }).waitFor()
    expect(await page.getByText('Viewers cannot decide.').count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Record decision' }).count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0)
    await page.context().close()
  })

  it('lets an admin add a person, create and revoke an API key and add a webhook, each secret shown once', async () => {
    const page = await openPage()
    await signIn(page, 'admin@example.com')
    await page.getByRole('link', { name: 'Users' }).click()
    await page.getByRole('table', { name: 'Users' }).waitFor()
    await page.getByLabel('Email').fill('new.analyst@example.com')
    await page.getByLabel('Role', { exact: true }).selectOption('analyst')
    await page.getByRole('button', { name: 'Add user' }).click()
    const oneTimePassword = page.getByLabel('One-time password for new.analyst@example.com.')
    await oneTimePassword.waitFor()
    expect((await oneTimePassword.textContent())?.length).toBeGreaterThanOrEqual(15)
    await expect.poll(() => page.getByRole('cell', { name: 'new.analyst@example.com', exact: true }).count()).toBe(1)
    await page.screenshot({ path: join(shotsDir, 'users.png') })
    await checkAccessibility(page, 'users')

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
    await checkAccessibility(page, 'webhooks')
    await page.context().close()
  })

  it('compares linked applications and draws the ring as a graph', async () => {
    const page = await openPage()
    await signIn(page, 'analyst@example.com')
    await page.goto(`${base}/applications/ring-2`)
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
    await page.screenshot({ path: join(shotsDir, 'cluster-graph.png'), fullPage: true })
    await checkAccessibility(page, 'cluster')
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export PNG' }).click()
    expect((await download).suggestedFilename()).toMatch(/\.png$/)
    await page.context().close()
  })

  it('ran without CSP violations, script errors, serious accessibility problems or personal data in any URL', async () => {
    expect(cspViolations).toEqual([])
    expect(accessibilityProblems).toEqual([])
    expect(pageErrors).toEqual([])
    const personal = [heldName, 'Ines', 'mailinator', 'analyst@example.com', 'new.analyst', '555']
    expect(requestedUrls.filter((url) => personal.some((text) => decodeURIComponent(url).includes(text)))).toEqual([])
    for (const name of ['sign-in', 'queue', 'application', 'cluster-graph', 'users', 'trends']) {
      expect((await stat(join(shotsDir, `${name}.png`))).size).toBeGreaterThan(10_000)
    }
  })
})
