import { mkdtemp, rm, writeFile } from 'node:fs/promises'
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
  generateDataKeyRing,
  generateIdentifierKey,
  identifierKeysOf,
  openStore,
  openTimeoutMs,
  storeTestTargets,
  type DataKeyRing,
  type StoreOptions,
} from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataKeyFileOf } from '../serve/data-keys-file.js'
import { runCli } from '../testing/run-cli.js'

const sharedPhone = '+1 415 555 0142'

function record(id: string): ApplicationRecord {
  return {
    schemaVersion: 1,
    id,
    submittedAt: '2026-03-02T15:04:05Z',
    source: { system: 'greenhouse', applicationId: id },
    cv: { basics: { name: `Rowan ${id}`, email: `${id}@mail.example`, phone: sharedPhone } },
  }
}

const targets = [
  { name: 'pglite', isServer: false },
  ...(process.env.DATABASE_URL?.trim() ? [{ name: 'postgres', isServer: true }] : []),
]

describe.each(targets)('hirewall admin rotate-keys with a new identifier key on $name', ({ isServer }) => {
  let directory: string
  let dataDir: string
  let dispose: () => Promise<void> = () => Promise.resolve()
  let storeOptions: StoreOptions
  const savedEnv = { ...process.env }

  /** The keys the CLI sees: the environment on the server, the key file beside the data directory on PGlite. */
  const useKeys = async (keys: Record<string, string>): Promise<void> => {
    if (isServer) Object.assign(process.env, keys)
    else await writeFile(dataKeyFileOf(dataDir), JSON.stringify(keys))
  }
  const cli = (...argv: string[]) => runCli([...argv, ...(isServer ? [] : ['--data-dir', dataDir])])
  const store = (ring: DataKeyRing) => openStore({ ...storeOptions, dataKeys: ring })
  const insert = async (ring: DataKeyRing, id: string, linkSeq: number): Promise<void> => {
    const opened = await store(ring)
    const item = record(id)
    const facts = normaliseApplication(item)
    await opened.screeningBatches.insertScreened(
      [
        {
          record: item,
          raw: item,
          facts,
          idempotencyKey: `greenhouse:${id}`,
          linkSeq,
          identitySignals: [],
          identifiers: extractIdentifiers(item, facts),
          result: {
            ...screenApplication(item, {
              policy: defaultScoringPolicy,
              reference: { isDisposableEmailDomain: () => false, isFreeEmailDomain: () => false, sources: [] },
            }),
            clusterId: null,
          },
        } as never,
      ],
      new Date(),
    )
    await opened.close()
  }

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hirewall-identifier-key-cli-'))
    dataDir = join(directory, 'data')
    delete process.env.HIREWALL_DATA_KEYS
    delete process.env.HIREWALL_IDENTIFIER_KEY
    if (isServer) {
      const database = await storeTestTargets()
        .find((target) => target.name === 'postgres')!
        .open()
      await database.store.close().catch(() => undefined)
      storeOptions = database.options
      process.env.DATABASE_URL = database.options.databaseUrl
      dispose = () => database.dispose()
    } else {
      delete process.env.DATABASE_URL
      storeOptions = { dataDir, env: {} }
    }
  }, openTimeoutMs)

  afterAll(async () => {
    process.env = savedEnv
    await dispose()
    await rm(directory, { recursive: true, force: true })
  })

  it('finds a person under both keys during the rotation, re-hashes in pages, and under the new key alone after', async () => {
    // Today's form: a bare identifier key, as a generated key file holds.
    const before = generateDataKeyRing()
    await useKeys(formatDataKeyRing(before))
    await insert(before, 'idk-cli-a', 1)
    await insert(before, 'idk-cli-b', 2)

    const next = generateIdentifierKey('i2')
    const during: DataKeyRing = {
      ...before,
      identifierKey: next.key,
      identifierKeys: [next, ...identifierKeysOf(before)],
    }
    const duringEnv = formatDataKeyRing(during)
    expect(duringEnv.HIREWALL_IDENTIFIER_KEY).toBe(
      `i2:${next.key.toString('base64')},${before.identifierKey.toString('base64')}`,
    )
    await useKeys(duringEnv)
    await insert(during, 'idk-cli-c', 3)
    const mixed = await cli('admin', 'subject', 'export', '--phone', sharedPhone)
    expect(mixed.exitCode, mixed.stderr).toBe(0)
    expect((JSON.parse(mixed.stdout) as { applicationIds: string[] }).applicationIds).toEqual([
      'idk-cli-a',
      'idk-cli-b',
      'idk-cli-c',
    ])

    const rotated = await cli('admin', 'rotate-keys', '--page-size', '1')
    expect(rotated.exitCode, rotated.stderr).toBe(0)
    // Two identifiers (email and phone) of each application written under the bare key.
    expect(rotated.stdout).toContain(`and identifier key i2: 3 applications read, 0 re-encrypted, 4 identifiers`)
    expect(rotated.stderr.split('\n').filter((line) => line.includes('applications read')).length).toBeGreaterThan(2)

    const after = { ...before, identifierKey: next.key, identifierKeys: [next] }
    await useKeys(formatDataKeyRing(after))
    const found = await cli('admin', 'subject', 'export', '--phone', sharedPhone)
    expect(found.exitCode, found.stderr).toBe(0)
    const document = JSON.parse(found.stdout) as { applicationIds: string[]; tables: Record<string, unknown[]> }
    expect(document.applicationIds).toEqual(['idk-cli-a', 'idk-cli-b', 'idk-cli-c'])
    expect(JSON.stringify(document.tables.application_identifiers)).toContain('4155550142')

    const opened = await store(after)
    const values = await opened.db.selectFrom('application_identifiers').select('value').execute()
    expect(values).toHaveLength(6)
    for (const row of values) expect(row.value).toMatch(/^h1:i2:/)
    await opened.close()

    const bareTwice = `${before.identifierKey.toString('base64')},${next.key.toString('base64')}`
    await useKeys({ ...formatDataKeyRing(after), HIREWALL_IDENTIFIER_KEY: bareTwice })
    const refused = await cli('admin', 'rotate-keys')
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toContain('HIREWALL_IDENTIFIER_KEY names a key id twice, or holds two keys without an id')
  }, 600_000)
})
