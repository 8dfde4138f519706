import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultScoringPolicy, perRecordDetectors, type ApplicationRecord } from '@hirewall/core'
import { openTimeoutMs } from '@hirewall/store'
import { generateWorld } from '@hirewall/synth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packagedReferenceData } from '../reference/packaged-reference-data.js'
import { startService, type RunningService, type ServiceSettings } from './start-service.js'

/** The service as `hirewall serve` starts it, on a PGlite data directory that outlives one start. */
describe('hirewall serve: the running service', () => {
  let parentDir: string
  let dataDir: string
  const banner: string[] = []
  const world = generateWorld({ count: 30, seed: 'serve-test', fraudShare: 0.3 })

  const settings = (seed: readonly ApplicationRecord[]): ServiceSettings => ({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: undefined,
    publicOrigins: ['http://localhost'],
    adminEmail: 'admin@example.com',
    policy: defaultScoringPolicy,
    intel: { detectors: perRecordDetectors, reference: packagedReferenceData() },
    seed: () => seed,
    submissionsPerMinute: undefined,
    logLevel: 'silent',
    serveConsole: false,
    say: (line) => banner.push(line),
    exit: () => undefined,
    signals: [],
  })

  beforeAll(async () => {
    // A data directory whose parent does not exist yet, as ~/.hirewall/data on a fresh machine.
    parentDir = await mkdtemp(join(tmpdir(), 'hirewall-serve-'))
    dataDir = join(parentDir, 'home', 'data')
  })
  afterAll(() => rm(parentDir, { recursive: true, force: true }))

  it(
    'creates the admin once, seeds an empty store once, and keeps everything across a restart',
    async () => {
      let service: RunningService = await startService(settings(world))
      expect(service.firstAdmin.status).toBe('created')
      expect(service.seeded).toBe(30)
      expect(banner).toContain(`Store: PGlite (${dataDir})`)
      const password = service.firstAdmin.status === 'created' ? service.firstAdmin.oneTimePassword : ''
      const signIn = await fetch(`${service.server.url}/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost' },
        body: JSON.stringify({ email: 'admin@example.com', password }),
      })
      expect(signIn.status).toBe(200)
      expect(((await signIn.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true)
      const health = await fetch(`${service.server.url}/readyz`)
      expect(health.status).toBe(200)
      const before = await service.store.applications.list({}, { limit: 100 })
      expect((await service.server.shutdown('test')).status).toBe('clean')

      service = await startService(settings(generateWorld({ count: 5, seed: 'another' })))
      expect(service.firstAdmin).toMatchObject({ status: 'existing', userCount: 1 })
      expect(service.seeded).toBe(0)
      const after = await service.store.applications.list({}, { limit: 100 })
      expect(after.items.map((item) => item.id).sort()).toEqual(before.items.map((item) => item.id).sort())
      expect((await service.server.shutdown('test')).status).toBe('clean')
    },
    openTimeoutMs,
  )
})
