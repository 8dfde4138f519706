import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { formatDataKeyRing, generateDataKeyRing } from '@hirewall/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UsageError } from '../usage-error.js'
import { dataKeyFileOf, resolveDataKeys } from './data-keys-file.js'

describe('the keys hirewall serve and admin use for personal data', () => {
  let directory: string
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'hirewall-keys-'))
  })
  afterAll(() => rm(directory, { recursive: true, force: true }))

  it('takes the environment first', async () => {
    const ring = generateDataKeyRing()
    const resolved = await resolveDataKeys({
      env: formatDataKeyRing(ring),
      databaseUrl: 'postgres://db/hirewall',
      dataDir: join(directory, 'unused'),
      create: true,
    })
    expect(resolved.source).toBe('environment')
    expect(resolved.ring?.dataKeys[0]?.key.equals(ring.dataKeys[0]!.key)).toBe(true)
  })

  it('refuses a PostgreSQL server without keys unless told to store unencrypted', async () => {
    const server = { env: {}, databaseUrl: 'postgres://db/hirewall', dataDir: join(directory, 'unused'), create: true }
    await expect(resolveDataKeys(server)).rejects.toThrow(UsageError)
    await expect(resolveDataKeys(server)).rejects.toThrow(/--allow-unencrypted/)
    expect(await resolveDataKeys({ ...server, allowUnencrypted: true })).toMatchObject({ ring: null })
    expect(await resolveDataKeys({ ...server, env: { HIREWALL_ALLOW_UNENCRYPTED: 'true' } })).toMatchObject({
      ring: null,
      source: 'unencrypted',
    })
  })

  it('makes a key file beside a PGlite data directory once, readable by its owner only, and reads it after', async () => {
    const dataDir = join(directory, 'home', 'data')
    const created = await resolveDataKeys({ env: {}, databaseUrl: undefined, dataDir, create: true })
    expect(created.source).toBe('new key file')
    expect(created.warning).toContain(dataKeyFileOf(dataDir))
    expect((await stat(dataKeyFileOf(dataDir))).mode & 0o777).toBe(0o600)
    const again = await resolveDataKeys({ env: {}, databaseUrl: undefined, dataDir, create: false })
    expect(again.source).toBe('key file')
    expect(again.ring?.identifierKey.equals(created.ring!.identifierKey)).toBe(true)
    expect(JSON.parse(await readFile(dataKeyFileOf(dataDir), 'utf8'))).toHaveProperty('HIREWALL_DATA_KEYS')
  })

  it('names a broken key file', async () => {
    const dataDir = join(directory, 'broken')
    await writeFile(dataKeyFileOf(dataDir), '{"HIREWALL_DATA_KEYS": "k:short"}')
    await expect(resolveDataKeys({ env: {}, databaseUrl: undefined, dataDir, create: true })).rejects.toThrow(
      /key file .*broken\.keys\.json is not valid/,
    )
  })

  it('keeps throwaway keys for an in-memory store', async () => {
    const resolved = await resolveDataKeys({ env: {}, databaseUrl: undefined, dataDir: 'memory://', create: true })
    expect(resolved).toMatchObject({ source: 'in memory' })
    expect(resolved.ring).not.toBeNull()
  })
})
