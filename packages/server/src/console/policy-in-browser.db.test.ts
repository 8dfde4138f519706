import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '@hirewall/store'
import { generateWorld } from '@hirewall/synth'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser, type Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../auth/password-hash.js'
import { createJobQueue } from '../jobs/create-job-queue.js'
import type { JobQueue } from '../jobs/job-queue.js'
import { rescreenJobStarter, workOnRescreens } from '../jobs/rescreen/rescreen-jobs.js'
import { serverJobQueues } from '../jobs/server-jobs.js'
import { createScreeningService } from '../screening/create-screening-service.js'
import type { ScreeningService } from '../screening/screening-service.js'
import { buildServiceApp } from '../service/build-service-app.js'
import { testReference } from '../testing/application-fixtures.js'
import { registerConsole } from './register-console.js'

/** Debian's Chromium; CI installs it (.ci/run). Playwright downloads no browser here. */
const chromiumPath = process.env.HIREWALL_CHROMIUM ?? '/usr/bin/chromium'
const hasChromium = existsSync(chromiumPath)
const consoleSource = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'console')
const password = 'correct horse battery staple 42'
const poolSize = 60

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
describe.skipIf(!hasChromium && process.env.CI === undefined)('the policy page in a real browser', () => {
  const target = storeTestTargets({})[0]
  let database: TestDatabase
  let screening: ScreeningService
  let queue: JobQueue
  let app: FastifyInstance
  let browser: Browser
  let base: string
  let buildDir: string
  let axeSource = ''
  const pageErrors: string[] = []

  beforeAll(async () => {
    if (target === undefined) throw new Error('no PGlite test target')
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
    buildDir = await mkdtemp(join(tmpdir(), 'hirewall-policy-build-'))
    await build({
      root: consoleSource,
      configFile: join(consoleSource, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: join(buildDir, 'dist'), emptyOutDir: true },
    })
    database = await target.open()
    const { store } = database
    // As `hirewall serve` starts: the start-up policy is version 1 and the service follows the published one.
    await store.policyVersions.publishInitial({ policy: defaultScoringPolicy, author: 'system:serve' })
    screening = await createScreeningService({
      store,
      policy: defaultScoringPolicy,
      reference: testReference,
      followPublishedPolicy: true,
    })
    const world = generateWorld({ count: poolSize, seed: 'policy-browser', fraudShare: 0.3 })
    await screening.submitMany(world.map((record) => ({ record, raw: record, actor: 'api-key:browser-test' })))
    const passwordHash = await hashPassword(password)
    await store.users.create({ email: 'admin@example.com', role: 'admin', passwordHash })
    await store.users.create({ email: 'viewer@example.com', role: 'viewer', passwordHash })
    queue = createJobQueue(store, { queues: serverJobQueues(), pollIntervalMs: 50 })
    await queue.start()
    workOnRescreens(queue, { store, screening })

    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    app = await buildServiceApp({
      store,
      screening,
      publicOrigins: [base],
      console: false,
      env: {},
      rescreenJobs: rescreenJobStarter(queue),
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
    await queue?.stop({ timeoutMs: 5000 })
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
    await page.getByRole('link', { name: 'Policy' }).click()
    await page.getByRole('heading', { name: 'Scoring policy' }).waitFor()
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

  it('shows a viewer the published rules and history without edit controls', async () => {
    const page = await signIn('viewer@example.com')
    await page.getByRole('heading', { name: /Published: version 1/ }).waitFor()
    expect(await page.getByRole('table', { name: 'Severity weights' }).getByRole('row').count()).toBe(6)
    await page.getByRole('table', { name: 'Policy versions' }).getByRole('cell', { name: 'published' }).waitFor()
    expect(await page.getByRole('heading', { name: 'Edit a new version' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Run backtest' }).count()).toBe(0)
    expect(await page.getByLabel('Review threshold').count()).toBe(0)
    await page.context().close()
  })

  it('lets an admin edit a threshold, see the backtest, publish with a note, and see the new version', async () => {
    const page = await signIn('admin@example.com')
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
    expect(await accessibilityProblems(page)).toEqual([])
    await page.screenshot({ path: join(buildDir, 'policy.png'), fullPage: true })

    await page.getByLabel('Note for the history').fill('Review earlier while the ring is active')
    await page.getByRole('button', { name: 'Publish default-2026.11.1-v2' }).click()
    await page.getByRole('status').filter({ hasText: 'Version 2 (default-2026.11.1-v2) is published' }).waitFor()
    await page.getByRole('heading', { name: /Published: version 2/ }).waitFor()
    const history = page.getByRole('table', { name: 'Policy versions' })
    const newRow = history.getByRole('row').filter({ hasText: 'default-2026.11.1-v2' })
    await expect.poll(() => newRow.textContent()).toContain('Review earlier while the ring is active')
    expect(await newRow.textContent()).toContain('published')
    expect(await history.getByRole('row').filter({ hasText: 'retired' }).count()).toBe(1)

    const published = await database.store.policyVersions.published()
    expect(published).toMatchObject({ version: 2, policy: { thresholds: { review: 5 } } })
    expect(published?.policy).toMatchObject({ severityWeights: { low: 0.2 } })
    expect(screening.versions().policyVersion).toBe('default-2026.11.1-v2')
    expect(pageErrors).toEqual([])
    await page.context().close()
  })
})
