import { generateWorkforce } from '@hirewall/synth'
import { expect, it } from 'vitest'
import { describeInBrowser, useConsoleInBrowser } from './testing/console-browser-harness.js'
import { workforceInBrowser } from './testing/workforce-in-browser.js'

describeInBrowser('a laptop farm in the identity graph in a real browser', () => {
  const world = generateWorkforce({ employees: 24, seed: 'farm-browser', days: 10, farmShare: 0.25 })
  const workforce = workforceInBrowser(world)
  const harness = useConsoleInBrowser({
    name: 'farm',
    users: [{ email: 'viewer@example.com', role: 'viewer' }],
    prepare: workforce.prepare,
  })

  it('opens a farm from the employees, draws its members and what joins them, and leads to each employee', async () => {
    await workforce.sendFeeds(harness.base)
    const farm = (await workforce.service().farms())[0]
    if (farm === undefined) throw new Error('the seeded world plants no farm the evaluator finds')
    const member = farm.employeeIds[0] ?? ''
    const legalName = (await harness.store.employees.find(member))?.legalName ?? ''

    // Employees → Laptop farms → the largest farm.
    const page = await harness.signedIn('viewer@example.com')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Employees' }).click()
    await page.getByRole('heading', { name: 'Employees', level: 1 }).waitFor()
    await page.getByRole('link', { name: 'Laptop farms' }).click()
    await page.getByRole('heading', { name: 'Laptop farms', level: 1 }).waitFor()
    await harness.checkAccessibility(page, 'farms')
    await page.getByRole('link', { name: farm.id, exact: true }).click()
    await page.getByRole('heading', { name: `Farm ${farm.id}`, level: 1 }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/farms/${encodeURIComponent(farm.id)}`)

    // The whole farm is drawn at once: every member, every shared IP or ship-to address, the devices between.
    const detail = (await (
      await page.request.get(`${harness.base}/v1/farms/${encodeURIComponent(farm.id)}`)
    ).json()) as { graph: { nodes: unknown[]; edges: unknown[] } }
    const canvas = page.getByRole('img', { name: /^Identity graph around employee:/ })
    await expect
      .poll(() => canvas.getAttribute('aria-label'))
      .toContain(`${detail.graph.nodes.length} nodes, ${detail.graph.edges.length} links`)
    await page.locator('.graph-canvas canvas').first().waitFor()
    const members = page.getByRole('table').filter({ hasText: 'Remote-access tools' })
    await expect.poll(() => members.getByRole('row').count()).toBe(farm.employeeIds.length + 1)
    await page.getByText('The graph as a list').click()
    const list = page.locator('.graph-list')
    for (const link of farm.links)
      await expect
        .poll(() => list.getByText(link.value, { exact: false }).count(), { message: link.value })
        .toBeGreaterThan(0)
    await harness.checkAccessibility(page, 'farm')
    await harness.screenshot(page, 'farm', { fullPage: true })

    // A member's row opens their employee page, whose farm cluster leads back to the farm.
    await members.getByRole('link', { name: legalName }).click()
    await page.getByRole('heading', { name: legalName, level: 1 }).waitFor()
    await page.getByRole('link', { name: farm.id }).click()
    await page.getByRole('heading', { name: `Farm ${farm.id}`, level: 1 }).waitFor()

    await page.goto(`${harness.base}/farms/farm:nobody`)
    await page.getByText('No farm farm:nobody.').waitFor()
    expect(harness.pageErrors).toEqual([])
    expect(harness.accessibilityProblems).toEqual([])
    await page.context().close()
  }, 240_000)
})
