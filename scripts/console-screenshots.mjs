// `npm run docs:console`: screenshots of the console for docs/console/, taken from a running service with the demo
// world (`hirewall serve --demo`), signed in as a person whose password is set (not a one-time one).
// HIREWALL_URL (default http://127.0.0.1:8080), HIREWALL_EMAIL, HIREWALL_PASSWORD; HIREWALL_CHROMIUM for the browser.
import { mkdirSync } from 'node:fs'
/* global fetch, window -- run in the page, which has them */
import { chromium } from 'playwright-core'

const base = process.env.HIREWALL_URL ?? 'http://127.0.0.1:8080'
const email = process.env.HIREWALL_EMAIL
const password = process.env.HIREWALL_PASSWORD
if (email === undefined || password === undefined) {
  console.error(
    'Set HIREWALL_EMAIL and HIREWALL_PASSWORD to a console account (sign in once to replace a one-time password).',
  )
  process.exit(2)
}
const out = new URL('../docs/console/', import.meta.url)
mkdirSync(out, { recursive: true })
const shot = (name) => ({ path: new URL(`${name}.png`, out).pathname, fullPage: true })

const browser = await chromium.launch({
  executablePath: process.env.HIREWALL_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(`${base}/`)
  await page.getByRole('heading', { name: 'HireWall' }).waitFor()
  await page.screenshot({ ...shot('sign-in'), fullPage: false })
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Review queue' }).waitFor()
  await page.getByRole('table').waitFor()
  await page.screenshot({ ...shot('queue'), fullPage: false })

  // The riskiest application that shares a phone: it has linked applications to compare and a ring to draw.
  const found = await page.evaluate(async () => {
    const response = await fetch('/v1/applications?order=riskiest&signal=identity.shared.phone&limit=1')
    return (await response.json()).items[0]
  })
  if (found !== undefined) {
    await page.goto(`${base}/applications/${encodeURIComponent(found.id)}`)
    await page.getByRole('heading', { name: 'Why this score' }).waitFor()
    await page.locator('table.comparison').waitFor()
    await page.screenshot(shot('application'))
    await page.goto(`${base}/clusters/${encodeURIComponent(found.latestResult.clusterId)}`)
    await page.locator('.graph-canvas canvas').first().waitFor()
    await page.getByRole('button', { name: 'Show all' }).click()
    // The layout runs once per drawing; give the canvas a moment to paint it.
    await page.waitForTimeout(1000)
    await page.screenshot(shot('cluster-graph'))
  }

  if ((await page.getByRole('link', { name: 'Users' }).count()) > 0) {
    await page.goto(`${base}/users`)
    await page.getByRole('table', { name: 'Users' }).waitFor()
    await page.screenshot({ ...shot('users'), fullPage: false })
  }

  await page.goto(`${base}/intelligence`)
  await page.getByRole('heading', { name: 'Reference sources' }).waitFor()
  if ((await page.getByRole('table', { name: 'Watchlists' }).count()) > 0) {
    await page.getByRole('table', { name: /^Entries of / }).waitFor()
  }
  await page.screenshot(shot('intelligence'))

  // A laptop farm, when the after-hire feeds have been sent (hirewall workforce generate, then POST /v1/workforce/*).
  const farms = await page.request.get(`${base}/v1/farms`)
  const farm = farms.ok() ? (await farms.json()).items[0] : undefined
  if (farm !== undefined) {
    await page.goto(`${base}/farms/${encodeURIComponent(farm.id)}`)
    await page.getByRole('heading', { name: `Farm ${farm.id}` }).waitFor()
    await page.locator('.graph-canvas canvas').first().waitFor()
    await page.screenshot(shot('farm'))
  }

  await page.goto(`${base}/trends`)
  await page.getByRole('tab', { name: 'Months' }).click()
  await page.getByRole('figure', { name: 'Applications by outcome' }).waitFor()
  await page.screenshot(shot('trends'))

  // The policy page as an admin sees it before publishing: a lower review threshold and its backtest (read-only).
  if ((await page.getByRole('link', { name: 'Users' }).count()) > 0) {
    await page.goto(`${base}/policy`)
    await page.getByLabel('Review threshold').fill('10')
    await page.getByRole('button', { name: 'Run backtest' }).click()
    await page.getByRole('table', { name: 'Outcome changes' }).waitFor()
    // Sticky table headers are drawn where the scroll left them: shoot from the top.
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot(shot('policy'))
  }
  console.log(`docs/console: screenshots of ${base}`)
} finally {
  await browser.close()
}
