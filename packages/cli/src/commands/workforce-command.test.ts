import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../testing/run-cli.js'

const fixtures = fileURLToPath(new URL('../fixtures/workforce', import.meta.url))

type Row = Record<string, unknown> & { status: string }

describe('hirewall workforce screen', () => {
  let rows: Row[] = []
  let run: Awaited<ReturnType<typeof runCli>>

  beforeAll(async () => {
    run = await runCli([
      'workforce',
      'screen',
      fixtures,
      '--organisation',
      join(fixtures, 'organisation.json'),
      '--no-intel',
    ])
    rows = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Row)
  })

  it('reports every invalid row with its file, line and field, assesses the rest and exits 3', () => {
    expect(run.exitCode).toBe(3)
    expect(rows.filter((row) => row.status === 'invalid')).toEqual([
      {
        status: 'invalid',
        file: join(fixtures, 'hires.csv'),
        line: 5,
        issues: [{ path: 'start_date', message: 'is not a real date' }],
      },
      {
        status: 'invalid',
        file: join(fixtures, 'okta-system-log.jsonl'),
        line: 3,
        issues: [{ path: 'actor.alternateId', message: "is required: the person's sign-in name" }],
      },
    ])
    expect(run.stderr).toContain(`${join(fixtures, 'hires.csv')}: 4 rows, 3 read, 1 invalid`)
  })

  it('holds the two hires whose laptops sit at one address with remote control, and clears the honest one', () => {
    const assessed = rows.filter((row) => row.status === 'assessed')
    expect(assessed.map((row) => [row['employeeId'], row['outcome'], row['clusterId']])).toEqual([
      ['E1', 'hold', 'farm:E1'],
      ['E2', 'hold', 'farm:E1'],
      ['E3', 'clear', undefined],
    ])
    const codes = (employeeId: string): string[] =>
      (assessed.find((row) => row['employeeId'] === employeeId)?.['signals'] as { code: string }[])
        .map((signal) => signal.code)
        .sort()
    expect(codes('E1')).toEqual([
      'device.remote-access',
      'farm.shared-egress',
      'payroll.account.shared',
      'payroll.holder.mismatch',
      'shipment.address.not-home',
      'shipment.address.shared',
    ])
    expect(codes('E2')).toContain('device.ip-kvm')
    expect(run.stderr).toContain('Assessed 3 employees: 2 hold, 0 review, 1 clear')
    expect(run.stderr).toContain('farm:E1: E1, E2 (ip 98.160.10.4; ship-to 9 Farm Road, Dover, DE 19901)')
  })

  it('never writes an account number out', () => {
    expect(run.stdout).not.toContain('000987654321')
  })

  it('prints a table of the riskiest employees first, and writes the clusters with their graph', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'hirewall-workforce-'))
    try {
      const clusters = join(directory, 'clusters.json')
      const table = await runCli(['workforce', 'screen', fixtures, '-O', 'table', '--no-intel', '--clusters', clusters])
      const lines = table.stdout.trim().split('\n')
      expect(lines[0]).toMatch(/^EMPLOYEE\s+SCORE\s+OUTCOME\s+FARM CLUSTER\s+SIGNALS$/)
      expect(lines.filter((line) => /^E\d/.test(line)).map((line) => line.split(/\s+/).slice(0, 3).join(' '))).toEqual([
        expect.stringMatching(/^E[12] \d+\.\d hold$/),
        expect.stringMatching(/^E[12] \d+\.\d hold$/),
        'E3 0.0 clear',
      ])
      expect(lines.slice(-2)).toEqual([
        `${join(fixtures, 'hires.csv')}:5  invalid  start_date: is not a real date`,
        `${join(fixtures, 'okta-system-log.jsonl')}:3  invalid  actor.alternateId: is required: the person's sign-in name`,
      ])
      const written = JSON.parse(await readFile(clusters, 'utf8')) as {
        clusters: unknown[]
        graph: { nodes: { id: string }[] }
      }
      expect(written.clusters).toHaveLength(1)
      expect(written.graph.nodes.map((node) => node.id)).toEqual(
        expect.arrayContaining(['app-101', 'app-102', 'ip:98.160.10.4', 'address:9 Farm Road, Dover, DE 19901']),
      )
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })

  it('refuses a directory without feeds and a broken organisation file, exit 2', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'hirewall-workforce-'))
    try {
      const none = await runCli(['workforce', 'screen', empty, '--no-intel'])
      expect(none.exitCode).toBe(2)
      expect(none.stderr).toContain(`no feed file in ${empty}`)
      const broken = await runCli([
        'workforce',
        'screen',
        fixtures,
        '--organisation',
        join(fixtures, 'hires.csv'),
        '--no-intel',
      ])
      expect(broken.exitCode).toBe(2)
      expect(broken.stderr).toContain('--organisation')
    } finally {
      await rm(empty, { recursive: true, force: true })
    }
  })
})

describe('hirewall workforce generate and eval', () => {
  let directory = ''

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hirewall-world-'))
  })
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('writes every feed of a world and evaluates it: farm recall and false alerts per 1,000', async () => {
    const world = join(directory, 'world')
    const generate = await runCli([
      'workforce',
      'generate',
      '--employees',
      '150',
      '--seed',
      '5',
      '--days',
      '21',
      '--farm-share',
      '0.05',
      '-o',
      world,
    ])
    expect(generate.exitCode).toBe(0)
    expect((await readdir(world)).sort()).toEqual([
      'entra-sign-ins.jsonl',
      'hires.csv',
      'labels.jsonl',
      'mdm.csv',
      'okta-system-log.jsonl',
      'organisation.json',
      'osquery.log',
      'payroll.csv',
      'shipments.csv',
    ])
    const evaluated = await runCli(['workforce', 'eval', world, '--no-intel', '--json'])
    expect(evaluated.exitCode).toBe(0)
    const metrics = JSON.parse(evaluated.stdout) as Record<string, number>
    expect(metrics).toMatchObject({ employees: 150, farmMembers: 8 })
    expect(metrics['farms']).toBeGreaterThanOrEqual(2)
    expect(metrics['farmRecall']).toBeGreaterThan(0.5)
    expect(metrics['memberRecall']).toBeGreaterThan(0.7)
    expect(metrics['falseAlertsPer1000']).toBeLessThan(100)
    // The same world evaluated in memory gives the same figures as read back from its files.
    const inMemory = await runCli([
      'workforce',
      'eval',
      '--employees',
      '150',
      '--seed',
      '5',
      '--days',
      '21',
      '--farm-share',
      '0.05',
      '--no-intel',
      '--json',
    ])
    expect(JSON.parse(inMemory.stdout)).toEqual(metrics)
  })

  it('prints the report as a table', async () => {
    const run = await runCli(['workforce', 'eval', '--employees', '60', '--seed', '2', '--days', '14', '--no-intel'])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/^Employees 60: \d+ legitimate, \d+ in \d+ planted farms/)
    expect(run.stdout).toContain('Farm recall')
    expect(run.stdout).toContain('False alerts')
    expect(run.stdout).toContain('per 1,000 legitimate employees')
  })

  it('needs a directory or --employees', async () => {
    const run = await runCli(['workforce', 'eval', '--no-intel'])
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('give a world directory or --employees N')
  })
})
