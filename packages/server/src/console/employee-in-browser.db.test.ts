import { generateWorkforce } from '@hirewall/synth'
import { expect, it } from 'vitest'
import { describeInBrowser, useConsoleInBrowser } from './testing/console-browser-harness.js'
import { workforceInBrowser } from './testing/workforce-in-browser.js'

describeInBrowser('employees after the hire in a real browser', () => {
  const world = generateWorkforce({ employees: 24, seed: 'employee-browser', days: 10, farmShare: 0.2 })
  const workforce = workforceInBrowser(world)
  const harness = useConsoleInBrowser({
    name: 'employee',
    users: [{ email: 'analyst@example.com', role: 'analyst' }],
    prepare: workforce.prepare,
  })

  it('feeds a planted farm through the HTTP endpoints, shows its cases in the queue and opens an employee timeline', async () => {
    await workforce.sendFeeds(harness.base)
    const farms = (await workforce.service().farms()).flatMap((farm) => farm.employeeIds)
    expect(farms.length).toBeGreaterThan(1)
    const member = farms[0] ?? ''
    const legalName = (await harness.store.employees.find(member))?.legalName ?? ''
    expect(legalName).not.toBe('')

    const page = await harness.signedIn('analyst@example.com')
    const queue = page.getByRole('table', { name: /awaiting a decision/ })
    await queue.waitFor()
    const employeeRows = queue.getByRole('row').filter({ hasText: 'Employee (after the hire)' })
    await expect.poll(() => employeeRows.count()).toBeGreaterThanOrEqual(farms.length)
    await harness.screenshot(page, 'queue-employees')

    // The farm member's case opens the employee page with the timeline from the hire to today.
    await employeeRows.filter({ hasText: legalName }).getByRole('link').first().click()
    await page.getByRole('heading', { name: legalName, level: 1 }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/employees/${encodeURIComponent(member)}`)
    const timeline = page.getByRole('region', { name: 'Timeline' })
    for (const kind of ['Start', 'Shipment', 'Device', 'Sign-ins', 'Payroll', 'Assessment'])
      await expect.poll(() => timeline.getByText(kind, { exact: true }).count(), { message: kind }).toBeGreaterThan(0)
    await page.getByRole('heading', { name: 'Signals' }).waitFor()
    expect(await page.getByText(/In farm cluster/).count()).toBe(1)
    await harness.screenshot(page, 'employee', { fullPage: true })

    // The Employees page lists them riskiest first and leads back to the same employee.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Employees' }).click()
    await page.getByRole('heading', { name: 'Employees', level: 1 }).waitFor()
    await page.getByRole('link', { name: legalName }).waitFor()
    expect(harness.pageErrors).toEqual([])
    await page.context().close()
  })
})
