import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
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
import { createScreeningService } from '../screening/create-screening-service.js'
import type { ScreeningService } from '../screening/screening-service.js'
import { buildServiceApp } from '../service/build-service-app.js'
import { testReference } from '../testing/application-fixtures.js'
import { seedConfirmedFraud } from '../testing/seed-confirmed-fraud.js'
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
describe.skipIf(!hasChromium && process.env.CI === undefined)('the Sharing page in a real browser', () => {
  const target = storeTestTargets({})[0]
  let database: TestDatabase
  let screening: ScreeningService
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let buildDir: string
  const pageErrors: string[] = []

  beforeAll(async () => {
    if (target === undefined) throw new Error('no PGlite test target')
    buildDir = await mkdtemp(join(tmpdir(), 'hirewall-sharing-console-'))
    await build({
      root: consoleSource,
      configFile: join(consoleSource, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: join(buildDir, 'dist'), emptyOutDir: true },
    })
    database = await target.open()
    const { store } = database
    screening = await createScreeningService({ store, policy: defaultScoringPolicy, reference: testReference })
    const passwordHash = await hashPassword(password)
    await store.users.create({ email: 'admin@example.com', role: 'admin', passwordHash })
    await store.users.create({ email: 'analyst@example.com', role: 'analyst', passwordHash })
    await seedConfirmedFraud(store, 'user:analyst')

    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    app = await buildServiceApp({
      store,
      screening,
      publicOrigins: [base],
      console: false,
      env: {},
      sharing: { producer: 'Example Corp', reference: testReference },
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
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
    const page = await context.newPage()
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(`${base}/`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Review queue' }).waitFor()
    return page
  }

  it('lets an admin export at a TLP level (red is not offered), list the export and download it', async () => {
    const page = await signedIn('admin@example.com')
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
    const downloads = await database.store.audit.list({ action: 'sharing-export.downloaded' })
    expect(downloads.items).toHaveLength(1)
    await page.context().close()
  })

  it('shows an analyst no Sharing page', async () => {
    const page = await signedIn('analyst@example.com')
    expect(await page.getByRole('link', { name: 'Sharing' }).count()).toBe(0)
    await page.goto(`${base}/sharing`)
    await page.getByRole('heading', { name: 'Not available' }).waitFor()
    await page.context().close()
    expect(pageErrors).toEqual([])
  })
})
