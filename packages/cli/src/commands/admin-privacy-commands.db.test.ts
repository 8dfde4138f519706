import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  defaultScoringPolicy,
  extractIdentifiers,
  normaliseApplication,
  screenApplication,
  type ApplicationRecord,
} from '@hirewall/core'
import {
  formatDataKeyRing,
  generateDataKey,
  generateDataKeyRing,
  openStore,
  openTimeoutMs,
  storeTestTargets,
  type DataKeyRing,
  type StoreOptions,
} from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataKeyFileOf } from '../serve/data-keys-file.js'
import { runCli } from '../testing/run-cli.js'

function record(id: string, email: string): ApplicationRecord {
  return {
    schemaVersion: 1,
    id,
    submittedAt: '2026-03-02T15:04:05Z',
    source: { system: 'greenhouse', applicationId: id },
    cv: { basics: { name: 'Casey Quinn', email, phone: '+1 415 555 0199' } },
    contacts: { addresses: [{ type: 'home', value: '9 Harbour Road, Oakland CA' }] },
  }
}

/** PGlite in a data directory with its key file beside it, and the server with keys in the environment. */
const targets = [
  { name: 'pglite', isServer: false },
  ...(process.env.DATABASE_URL?.trim() ? [{ name: 'postgres', isServer: true }] : []),
]

describe.each(targets)('hirewall admin personal-data commands on $name', ({ isServer }) => {
  let directory: string
  let dataDir: string
  let ring: DataKeyRing
  let dispose: () => Promise<void> = () => Promise.resolve()
  let storeOptions: StoreOptions
  const savedEnv = { ...process.env }

  /** Points the CLI at the target: the server's test database and keys in the environment, or the data directory. */
  const useKeys = async (keys: DataKeyRing): Promise<void> => {
    ring = keys
    if (isServer) Object.assign(process.env, formatDataKeyRing(keys))
    else await writeFile(dataKeyFileOf(dataDir), JSON.stringify(formatDataKeyRing(keys)))
  }
  const cli = (...argv: string[]) => runCli([...argv, ...(isServer ? [] : ['--data-dir', dataDir])])

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hirewall-privacy-cli-'))
    dataDir = join(directory, 'data')
    delete process.env.HIREWALL_DATA_KEYS
    delete process.env.HIREWALL_IDENTIFIER_KEY
    if (isServer) {
      const server = storeTestTargets().find((target) => target.name === 'postgres')
      const database = await server!.open()
      await database.store.close().catch(() => undefined)
      storeOptions = database.options
      process.env.DATABASE_URL = database.options.databaseUrl
      dispose = () => database.dispose()
    } else {
      delete process.env.DATABASE_URL
      storeOptions = { dataDir, env: {} }
    }
    await useKeys(generateDataKeyRing())
    const store = await openStore({ ...storeOptions, dataKeys: ring })
    const records = [record('cli-1', 'casey.quinn@example.com'), record('cli-2', 'casey.quinn@example.com')]
    await store.screeningBatches.insertScreened(
      records.map((item, index) => {
        const facts = normaliseApplication(item)
        return {
          record: item,
          raw: item,
          facts,
          idempotencyKey: `greenhouse:${item.id}`,
          linkSeq: index + 1,
          identitySignals: [],
          identifiers: extractIdentifiers(item, facts),
          result: {
            ...screenApplication(item, {
              policy: defaultScoringPolicy,
              reference: { isDisposableEmailDomain: () => false, isFreeEmailDomain: () => false, sources: [] },
            }),
            clusterId: null,
          },
        } as never
      }),
      new Date(Date.now() - 60 * 86_400_000),
    )
    await store.close()
  }, openTimeoutMs)

  afterAll(async () => {
    process.env = savedEnv
    await dispose()
    await rm(directory, { recursive: true, force: true })
  })

  it('sets, lists and dry-runs a retention policy, then exports, erases and rotates keys', async () => {
    expect((await cli('admin', 'retention', 'set', 'greenhouse', '--days', '30')).exitCode).toBe(0)
    const listed = await cli('admin', 'retention', 'list')
    expect(listed.stdout).toContain('greenhouse\t30 days\tanonymise')
    const badDays = await cli('admin', 'retention', 'set', 'greenhouse', '--days', 'zero')
    expect(badDays.exitCode).toBe(2)
    expect(badDays.stderr).toContain('--days must be a whole number')
    const feed = await cli('admin', 'retention', 'set', 'workforce:okta', '--days', '180')
    expect(feed.stdout).toBe('Records of the okta feed are deleted 180 days after their event.\n')
    const anonymiseFeed = await cli(
      'admin',
      'retention',
      'set',
      'workforce:okta',
      '--days',
      '9',
      '--action',
      'anonymise',
    )
    expect(anonymiseFeed.exitCode).not.toBe(0)
    expect(anonymiseFeed.stderr).toContain('deleted, not anonymised')
    expect((await cli('admin', 'retention', 'list')).stdout).toContain('workforce:okta\t180 days\tdelete')
    const dry = await cli('admin', 'retention', 'run', '--dry-run')
    expect(dry.stdout).toMatch(/greenhouse: 2 applications received before .* would be anonymised/)
    expect(dry.stdout).toMatch(/workforce:okta: 0 records from before .* would be deleted/)
    expect((await cli('admin', 'retention', 'remove', 'workforce:okta')).exitCode).toBe(0)

    const exported = await cli('admin', 'subject', 'export', '--email', 'Casey.Quinn@example.com')
    expect(exported.exitCode).toBe(0)
    const document = JSON.parse(exported.stdout) as { applicationIds: string[]; tables: Record<string, unknown[]> }
    expect(document.applicationIds).toEqual(['cli-1', 'cli-2'])
    expect(JSON.stringify(document.tables.applications)).toContain('9 Harbour Road')

    const badPhone = await cli('admin', 'subject', 'export', '--phone', '555')
    expect(badPhone.exitCode).toBe(2)
    expect(badPhone.stderr).toContain('phone: phone must be a full international number')
    expect(
      (await cli('admin', 'subject', 'export', '--email', 'a@b.example', '--phone', '+14155550199')).exitCode,
    ).toBe(2)

    // A new current key: rotation moves every row to it, then the old key can go.
    const previous = ring
    await useKeys({ ...previous, dataKeys: [generateDataKey('next'), ...previous.dataKeys] })
    const rotated = await cli('admin', 'rotate-keys', '--page-size', '1')
    expect(rotated.exitCode).toBe(0)
    expect(rotated.stdout).toContain('Rotated to key next: 2 applications read, 2 re-encrypted')
    await useKeys({ ...ring, dataKeys: ring.dataKeys.slice(0, 1) })
    const afterRotation = await cli('admin', 'subject', 'export', '--application', 'cli-2')
    expect(afterRotation.exitCode).toBe(0)
    expect(afterRotation.stdout).toContain('casey.quinn@example.com')

    expect((await cli('admin', 'subject', 'erase', '--email', 'casey.quinn@example.com')).exitCode).toBe(2)
    const erased = await cli('admin', 'subject', 'erase', '--email', 'casey.quinn@example.com', '--yes')
    expect(erased.exitCode).toBe(0)
    expect(erased.stdout).toContain('Erased 2 applications (cli-1, cli-2)')
    const out = join(directory, 'after.json')
    expect((await cli('admin', 'subject', 'export', '--application', 'cli-1', '--out', out)).exitCode).toBe(0)
    const afterErase = await readFile(out, 'utf8')
    expect(afterErase).not.toContain('Casey')
    expect(afterErase).not.toContain('Harbour')
    expect(afterErase).toContain('"cv": {}')
  }, 600_000)

  it('exports, re-encrypts and erases an employee named by --employee', async () => {
    const store = await openStore({ ...storeOptions, dataKeys: ring })
    await store.employees.recordHires([
      {
        id: 'E-CLI-1',
        legalName: 'Jordan Vale',
        homeAddress: '3 Quay Street, Austin, TX 78701',
        startDate: '2026-03-02',
        logins: ['jordan.vale@corp.example'],
      },
    ])
    const changedAtMs = Date.parse('2026-03-05T10:00:00Z')
    await store.workforceRecords.append([
      {
        kind: 'payroll-change',
        naturalKey: 'cli-payroll-1',
        subjectKey: 'E-CLI-1',
        at: new Date(changedAtMs),
        record: {
          kind: 'payroll-change',
          employeeId: 'E-CLI-1',
          changedAt: '2026-03-05T10:00:00Z',
          changedAtMs,
          accountHash: 'sha256:cli-account',
          holderName: 'Jordan Vale',
          method: 'direct-deposit',
        },
        source: 'payroll',
        receivedBy: 'user:test',
      },
    ])
    await store.close()

    const exported = await cli('admin', 'subject', 'export', '--employee', 'E-CLI-1')
    expect(exported.exitCode, exported.stderr).toBe(0)
    const document = JSON.parse(exported.stdout) as { employeeIds: string[]; tables: Record<string, unknown[]> }
    expect(document.employeeIds).toEqual(['E-CLI-1'])
    expect(JSON.stringify(document.tables.employees)).toContain('3 Quay Street')
    expect(JSON.stringify(document.tables.workforce_records)).toContain('sha256:cli-account')
    const two = await cli('admin', 'subject', 'export', '--employee', 'E-CLI-1', '--application', 'cli-1')
    expect(two.exitCode).toBe(2)
    expect(two.stderr).toContain('give exactly one of --email, --phone, --application or --employee')

    const previous = ring
    await useKeys({ ...previous, dataKeys: [generateDataKey('employees-next'), ...previous.dataKeys] })
    const rotated = await cli('admin', 'rotate-keys')
    expect(rotated.exitCode, rotated.stderr).toBe(0)
    expect(rotated.stdout).toContain('1 employees, 1 post-hire records, 0 employee assessments')
    await useKeys({ ...ring, dataKeys: ring.dataKeys.slice(0, 1) })
    expect((await cli('admin', 'subject', 'export', '--employee', 'E-CLI-1')).stdout).toContain('Jordan Vale')

    expect((await cli('admin', 'subject', 'erase', '--employee', 'E-CLI-1')).exitCode).toBe(2)
    const erased = await cli('admin', 'subject', 'erase', '--employee', 'E-CLI-1', '--yes')
    expect(erased.exitCode, erased.stderr).toBe(0)
    expect(erased.stdout).toContain(
      'Erased 0 applications (none found) and 1 employees (E-CLI-1): 1 post-hire records and 0 assessments anonymised.',
    )
    const after = (await cli('admin', 'subject', 'export', '--employee', 'E-CLI-1')).stdout
    expect(after).toContain('E-CLI-1')
    for (const secret of ['Jordan', 'Quay', 'cli-account']) expect(after).not.toContain(secret)
  }, 600_000)
})
