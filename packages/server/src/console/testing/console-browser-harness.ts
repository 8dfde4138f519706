import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, storeTestTargets, type NewUser, type Store, type TestDatabase } from '@hirewall/store'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser, type Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import { hashPassword } from '../../auth/password-hash.js'
import { createScreeningService, type ScreeningServiceOptions } from '../../screening/create-screening-service.js'
import type { ScreeningService } from '../../screening/screening-service.js'
import { buildServiceApp, type ServiceAppOptions } from '../../service/build-service-app.js'
import { testReference } from '../../testing/application-fixtures.js'
import { registerConsole } from '../register-console.js'

/** Debian's Chromium; CI installs it (.ci/run). Playwright downloads no browser here. */
const chromiumPath = process.env.HIREWALL_CHROMIUM ?? '/usr/bin/chromium'
const consoleSource = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'console')

/** The password of every account a browser test creates through {@link ConsoleBrowserSetup.users}. */
export const testPassword = 'correct horse battery staple 42'

/**
 * `describe` for a browser test. CI installs Chromium, so there a missing browser fails the run; elsewhere the test
 * says why it did not run.
 */
export function describeInBrowser(name: string, tests: () => void): void {
  describe.skipIf(!existsSync(chromiumPath) && process.env.CI === undefined)(name, tests)
}

/** A person who signs in with {@link testPassword}. */
export type TestAccount = Omit<NewUser, 'passwordHash'>

/** What the service needs beyond the store and screening, and what to close when the test ends. */
export type PreparedServices = {
  readonly service?: Partial<Omit<ServiceAppOptions, 'store' | 'screening' | 'publicOrigins'>>
  readonly close?: () => Promise<void>
}

/** How one browser test's service is set up; every step is optional but the name. */
export type ConsoleBrowserSetup = {
  /** Names the temporary directory of the console's build and the screenshots. */
  readonly name: string
  /** The console's host (default 127.0.0.1); `localhost` is another site than a provider on 127.0.0.1. */
  readonly host?: 'localhost' | '127.0.0.1'
  /** Created before the service starts, each with {@link testPassword}. */
  readonly users?: readonly TestAccount[]
  /** Runs on the migrated store before screening opens: data screening reads when it starts. */
  readonly beforeScreening?: (store: Store) => Promise<void>
  /** Screening options beyond the store, the default policy and the test reference data. */
  readonly screening?: (store: Store) => Partial<Omit<ScreeningServiceOptions, 'store'>>
  /** Seeds the store and starts what the service needs, once screening is open and the console's address known. */
  readonly prepare?: (context: {
    readonly store: Store
    readonly screening: ScreeningService
    readonly base: string
  }) => Promise<PreparedServices | void>
}

/** The running console, for the tests of one `describeInBrowser` block (read it inside tests, not before). */
export type ConsoleInBrowser = {
  /** `http://host:port` of the console and the API. */
  readonly base: string
  readonly store: Store
  readonly screening: ScreeningService
  /** Script errors of every page opened by {@link ConsoleInBrowser.newPage}. */
  readonly pageErrors: readonly string[]
  /** Console messages about Content Security Policy violations, from every page. */
  readonly cspViolations: readonly string[]
  /** Every URL any page requested. */
  readonly requestedUrls: readonly string[]
  /** The serious and critical findings of every {@link ConsoleInBrowser.checkAccessibility}, named by page. */
  readonly accessibilityProblems: readonly string[]
  /** A page in a new browser context (1280 × 800), watched for errors, CSP violations and requests. */
  newPage(): Promise<Page>
  /** Signs in through the sign-in form and waits for the review queue. */
  signIn(page: Page, email: string): Promise<void>
  /** A new page, signed in as `email`. */
  signedIn(email: string): Promise<Page>
  /**
   * Runs axe-core's WCAG 2 A and AA rules on the page as it is, expects it to have checked something, and returns
   * (and keeps in `accessibilityProblems`) the serious and critical findings.
   */
  checkAccessibility(page: Page, name: string): Promise<readonly string[]>
  /** Saves a screenshot named `name` and returns its path (removed with the rest when the tests end). */
  screenshot(page: Page, name: string, options?: { readonly fullPage?: boolean }): Promise<string>
}

type Running = {
  readonly database: TestDatabase
  readonly screening: ScreeningService
  readonly base: string
  readonly browser: Browser
  readonly screenshotsDir: string
}

/**
 * Starts, for the `describeInBrowser` block it is called in, what every console browser test needs: the console
 * built from its sources as `npm run build` does, a migrated PGlite store with the accounts, the screening service,
 * the service as `hirewall serve` builds it listening on a free port, and Chromium. Everything is closed after the
 * block's tests.
 */
export function useConsoleInBrowser(setup: ConsoleBrowserSetup): ConsoleInBrowser {
  const target = storeTestTargets({})[0]
  const pageErrors: string[] = []
  const cspViolations: string[] = []
  const requestedUrls: string[] = []
  const accessibilityProblems: string[] = []
  let workDir: string | undefined
  let database: TestDatabase | undefined
  let screening: ScreeningService | undefined
  let prepared: PreparedServices | undefined
  let app: FastifyInstance | undefined
  let browser: Browser | undefined
  let running: Running | undefined
  let axeSource: string | undefined

  const started = (): Running => {
    if (running === undefined) throw new Error('the console is not running: read the harness inside a test')
    return running
  }

  beforeAll(async () => {
    if (target === undefined) throw new Error('no PGlite test target')
    workDir = await mkdtemp(join(tmpdir(), `hirewall-${setup.name}-console-`))
    const screenshotsDir = join(workDir, 'screenshots')
    await mkdir(screenshotsDir)
    await build({
      root: consoleSource,
      configFile: join(consoleSource, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir: join(workDir, 'dist'), emptyOutDir: true },
    })

    const port = await freePort()
    const base = `http://${setup.host ?? '127.0.0.1'}:${port}`
    database = await target.open()
    const { store } = database
    await setup.beforeScreening?.(store)
    screening = await createScreeningService({
      store,
      policy: defaultScoringPolicy,
      reference: testReference,
      ...setup.screening?.(store),
    })
    if (setup.users !== undefined && setup.users.length > 0) {
      const passwordHash = await hashPassword(testPassword)
      for (const user of setup.users) await store.users.create({ ...user, passwordHash })
    }
    prepared = (await setup.prepare?.({ store, screening, base })) ?? undefined

    // The service as `hirewall serve` builds it, with the console built above instead of the workspace's.
    app = await buildServiceApp({
      env: {},
      ...prepared?.service,
      store,
      screening,
      publicOrigins: [base],
      console: false,
      app: { logLevel: 'silent', processMetrics: false, ...prepared?.service?.app },
    })
    await registerConsole(app, { root: join(workDir, 'dist') })
    await app.listen({ host: '127.0.0.1', port })
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    })
    running = { database, screening, base, browser, screenshotsDir }
  }, openTimeoutMs * 3)

  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await prepared?.close?.()
    await screening?.close()
    await database?.dispose()
    if (workDir !== undefined) await rm(workDir, { recursive: true, force: true })
  })

  const newPage = async (): Promise<Page> => {
    const context = await started().browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text())
    })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('request', (request) => requestedUrls.push(request.url()))
    return page
  }

  const signIn = async (page: Page, email: string): Promise<void> => {
    await page.goto(`${started().base}/`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(testPassword)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Review queue' }).waitFor()
  }

  return {
    get base() {
      return started().base
    },
    get store() {
      return started().database.store
    },
    get screening() {
      return started().screening
    },
    pageErrors,
    cspViolations,
    requestedUrls,
    accessibilityProblems,
    newPage,
    signIn,
    signedIn: async (email) => {
      const page = await newPage()
      await signIn(page, email)
      return page
    },
    checkAccessibility: async (page, name) => {
      axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
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
      const problems = violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${name}: ${violation.id} at ${violation.targets.join(', ')}`)
      accessibilityProblems.push(...problems)
      return problems
    },
    screenshot: async (page, name, options = {}) => {
      const path = join(started().screenshotsDir, `${name}.png`)
      await page.screenshot({ path, fullPage: options.fullPage ?? false })
      return path
    },
  }
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
