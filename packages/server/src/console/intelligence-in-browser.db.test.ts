import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser, type Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../auth/password-hash.js'
import { recordIntelSources } from '../intel/record-intel-sources.js'
import { createScreeningService } from '../screening/create-screening-service.js'
import type { ScreeningService } from '../screening/screening-service.js'
import { buildServiceApp } from '../service/build-service-app.js'
import { anApplicationRecord, testReference } from '../testing/application-fixtures.js'
import { partnerStixBundle } from '../testing/partner-stix-bundle.js'
import { waitUntil } from '../testing/wait-until.js'
import { storedWatchlists } from '../watchlists/stored-watchlists.js'
import { registerConsole } from './register-console.js'

/** Debian's Chromium; CI installs it (.ci/run). Playwright downloads no browser here. */
const chromiumPath = process.env.HIREWALL_CHROMIUM ?? '/usr/bin/chromium'
const hasChromium = existsSync(chromiumPath)
const consoleSource = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'console')
const password = 'correct horse battery staple 42'

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
describe.skipIf(!hasChromium && process.env.CI === undefined)('the Intelligence page in a real browser', () => {
  const target = storeTestTargets({})[0]
  let database: TestDatabase
  let screening: ScreeningService
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let buildDir: string
  const pageErrors: string[] = []
  const accessibilityProblems: string[] = []
  let axeSource = ''

  beforeAll(async () => {
    if (target === undefined) throw new Error('no PGlite test target')
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
    buildDir = await mkdtemp(join(tmpdir(), 'hirewall-intel-console-'))
    await build({
      root: consoleSource,
      configFile: join(consoleSource, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: join(buildDir, 'dist'), emptyOutDir: true },
    })
    database = await target.open()
    const { store } = database
    screening = await createScreeningService({
      store,
      policy: defaultScoringPolicy,
      reference: testReference,
      refreshConfig: storedWatchlists(store).refresh,
    })
    // An application the partner's bundle names: importing it re-screens this one.
    await screening.submit({
      record: anApplicationRecord('persona-1', {
        cv: { basics: { name: 'Rin Persona', email: 'ring.persona@outlook.com', phone: '(415) 555-0142' } },
      }),
      raw: {},
      actor: 'api-key:browser-test',
    })
    const day = 86_400_000
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
    const passwordHash = await hashPassword(password)
    await store.users.create({ email: 'admin@example.com', role: 'admin', passwordHash, displayName: 'Ada Min' })
    await store.users.create({ email: 'viewer@example.com', role: 'viewer', passwordHash })

    const port = await freePort()
    base = `http://127.0.0.1:${port}`
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
  }, openTimeoutMs * 3)

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await screening?.close()
    await database?.dispose()
    await rm(buildDir, { recursive: true, force: true })
  })

  async function signedIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(`${base}/`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Review queue' }).waitFor()
    return page
  }

  /** axe-core's WCAG 2 A and AA rules on the page as it is; serious and critical findings are kept. */
  async function checkAccessibility(page: Page, name: string): Promise<void> {
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
    expect(passed, name).toBeGreaterThan(5)
    for (const violation of violations) {
      if (violation.impact === 'serious' || violation.impact === 'critical') {
        accessibilityProblems.push(`${name}: ${violation.id} at ${violation.targets.join(', ')}`)
      }
    }
  }

  it('lets an admin import a STIX bundle into a new watchlist and see its entries', async () => {
    const page = await signedIn('admin@example.com')
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
    await page.screenshot({ path: join(buildDir, 'intelligence.png'), fullPage: true })
    expect((await stat(join(buildDir, 'intelligence.png'))).size).toBeGreaterThan(10_000)
    await checkAccessibility(page, 'intelligence (admin, after an import)')

    // The import reached screening: the persona's application was screened again and matched.
    const rescreened = await waitUntil('the re-screening of persona-1', async () => {
      const latest = await database.store.results.latest('persona-1')
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
    const page = await signedIn('viewer@example.com')
    await page.goto(`${base}/intelligence`)
    await page.getByRole('table', { name: 'Entries of partner-q3' }).waitFor()
    expect(await page.getByRole('button', { name: 'Create list' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0)
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0)
    await checkAccessibility(page, 'intelligence (viewer)')
    await page.context().close()
    expect(pageErrors).toEqual([])
    expect(accessibilityProblems).toEqual([])
  })
})
