import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
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
import { storeModelFile } from '../models/model-records.js'
import { createScreeningService } from '../screening/create-screening-service.js'
import type { ScreeningService } from '../screening/screening-service.js'
import { buildServiceApp } from '../service/build-service-app.js'
import { aRingMember, testReference } from '../testing/application-fixtures.js'
import { aTrainedModel, anInvertedModel } from '../testing/trained-test-model.js'
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
describe.skipIf(!hasChromium && process.env.CI === undefined)('the risk model page in a real browser', () => {
  const target = storeTestTargets({})[0]
  const model = aTrainedModel()
  const retrained = aTrainedModel({ seed: 6, createdAt: '2026-11-23T12:00:00.000Z' })
  const inverted = anInvertedModel(retrained)
  let database: TestDatabase
  let screening: ScreeningService
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let buildDir: string
  let axeSource = ''
  const pageErrors: string[] = []

  beforeAll(async () => {
    if (target === undefined) throw new Error('no PGlite test target')
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
    buildDir = await mkdtemp(join(tmpdir(), 'hirewall-model-build-'))
    await build({
      root: consoleSource,
      configFile: join(consoleSource, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: join(buildDir, 'dist'), emptyOutDir: true },
    })
    database = await target.open()
    const { store } = database
    for (const file of [model, retrained, inverted]) await storeModelFile(store, file, 'user:test')
    await store.models.promote(model.version, 'user:test')
    screening = await createScreeningService({ store, policy: defaultScoringPolicy, reference: testReference })
    await screening.submitMany(
      [aRingMember('mb-1', 'Lee Morgan', '(415) 555-0177'), aRingMember('mb-2', 'Sam Ortiz', '(415) 555-0177')].map(
        (record) => ({ record, raw: record, actor: 'api-key:browser-test' }),
      ),
    )
    const passwordHash = await hashPassword(password)
    await store.users.create({ email: 'admin@example.com', role: 'admin', passwordHash })
    await store.users.create({ email: 'viewer@example.com', role: 'viewer', passwordHash })

    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    app = await buildServiceApp({
      store,
      screening,
      publicOrigins: [base],
      console: false,
      env: {},
      promotionWorldCount: 1500,
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

  async function signIn(email: string): Promise<Page> {
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

  /** axe-core's WCAG 2 A and AA rules: the serious and critical findings on the page as it is. */
  async function accessibilityProblems(page: Page): Promise<string[]> {
    await page.evaluate(axeSource)
    return page.evaluate(async () => {
      type Result = { id: string; impact: string | null; nodes: { target: unknown[] }[] }
      type Axe = { run: (options: object) => Promise<{ violations: Result[] }> }
      const results = await (globalThis as unknown as { axe: Axe }).axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      })
      return results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id} at ${JSON.stringify(violation.nodes[0]?.target)}`)
    })
  }

  it('shows a viewer the model card with its plots, without promote controls, and the model next to the rules', async () => {
    const page = await signIn('viewer@example.com')
    await page.getByRole('link', { name: 'Risk model' }).click()
    await page.getByRole('heading', { name: `Model card: ${model.version}` }).waitFor()
    await page.getByRole('img', { name: /^Precision-recall/ }).waitFor()
    await page.getByRole('img', { name: /^Calibration/ }).waitFor()
    await page.getByText('A generated world:').waitFor()
    expect(await page.getByRole('button', { name: 'Promote' }).count()).toBe(0)
    expect(await accessibilityProblems(page)).toEqual([])

    await page.goto(`${base}/applications/mb-2`)
    await page.getByRole('heading', { name: 'What the risk model adds' }).waitFor()
    expect(await page.locator('.model-contributions li').count()).toBeGreaterThan(0)
    expect(pageErrors).toEqual([])
    await page.context().close()
  })

  it('lets an admin see a blocked promotion with its failed check, promote another, and roll back', async () => {
    const page = await signIn('admin@example.com')
    await page.getByRole('link', { name: 'Risk model' }).click()
    await page.getByRole('heading', { name: 'Stored models' }).waitFor()
    // The version cell is a button named exactly the version (one version may prefix another).
    const row = (version: string) =>
      page.getByRole('row').filter({ has: page.getByRole('button', { name: version, exact: true }) })
    await row(inverted.version).getByRole('button', { name: 'Promote' }).click()
    await page.getByRole('alert').filter({ hasText: 'quality' }).waitFor({ timeout: 240_000 })
    expect(await database.store.models.activeVersion()).toBe(model.version)

    await row(retrained.version).getByRole('button', { name: 'Promote' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: `Promoted: ${retrained.version}` })
      .waitFor({ timeout: 240_000 })
    expect(await database.store.models.activeVersion()).toBe(retrained.version)

    await page.getByRole('button', { name: 'Roll back to the previous model' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: `${model.version} is active again` })
      .waitFor()
    expect(await database.store.models.activeVersion()).toBe(model.version)
    expect(pageErrors).toEqual([])
    await page.context().close()
  }, 600_000)
})
