import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultScoringPolicy, perRecordDetectors, type ScoringPolicy } from '@hirewall/core'
import { loadPackagedIpDatabase, loadShippedNetworkClassification } from '@hirewall/intel'
import { openTimeoutMs } from '@hirewall/store'
import { importHiresCsv, loadShippedLists } from '@hirewall/workforce'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packagedReferenceData } from '../reference/packaged-reference-data.js'
import { startService, type ServiceSettings } from './start-service.js'

/** Which policy `hirewall serve` screens with: the store's published version, else the one it was started with. */
describe('hirewall serve: the scoring policy', () => {
  let parentDir: string
  const banner: string[] = []

  const settings = (policy: ScoringPolicy): ServiceSettings => ({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(parentDir, 'data'),
    databaseUrl: undefined,
    publicOrigins: ['http://localhost'],
    adminEmail: 'admin@example.com',
    policy,
    intel: { detectors: perRecordDetectors, reference: packagedReferenceData() },
    seed: () => [],
    submissionsPerMinute: undefined,
    logLevel: 'silent',
    serveConsole: false,
    say: (line) => banner.push(line),
    exit: () => undefined,
    signals: [],
    workforce: {
      lists: loadShippedLists(),
      network: { ranges: [loadShippedNetworkClassification()], ipDatabase: loadPackagedIpDatabase() },
      organisation: {},
      policy,
    },
  })

  beforeAll(async () => {
    parentDir = await mkdtemp(join(tmpdir(), 'hirewall-serve-policy-'))
  })
  afterAll(() => rm(parentDir, { recursive: true, force: true }))

  it(
    'records the start-up policy as version 1, then screens with the published version across restarts',
    async () => {
      let service = await startService(settings(defaultScoringPolicy))
      expect(banner).toContain(`Policy: version 1 (${defaultScoringPolicy.version}), recorded as the first version`)
      expect(await service.store.policyVersions.published()).toMatchObject({
        version: 1,
        policyVersion: defaultScoringPolicy.version,
        author: 'system:serve',
      })
      const stricter = { ...defaultScoringPolicy, version: 'stricter-1', thresholds: { review: 10, hold: 40 } }
      const draft = await service.store.policyVersions.saveDraft({ policy: stricter, author: 'user:test' })
      await service.store.policyVersions.publish(draft.version, { actor: 'user:test' })
      expect((await service.server.shutdown('test')).status).toBe('clean')

      banner.length = 0
      service = await startService(settings({ ...defaultScoringPolicy, version: 'given-on-the-command-line' }))
      expect(service.screening.versions().policyVersion).toBe('stricter-1')
      expect(banner).toContain('Policy: version 2 (stricter-1), as published in the store')
      expect(
        banner.some((line) => line.includes('given-on-the-command-line') && line.includes('not the published')),
      ).toBe(true)
      // The after-hire assessments score with the published policy too, not the one given.
      const hire = importHiresCsv(
        'employee_id,application_id,legal_name,home_address,start_date\nE-POLICY-1,,Pat Policy,"1 Main St, Austin, TX 78701",2026-03-02\n',
      )
      expect((await service.workforce?.ingest('hires', hire, 'test'))?.accepted).toBe(1)
      expect((await service.store.employees.find('E-POLICY-1'))?.latest?.policyVersion).toBe('stricter-1')
      expect((await service.store.policyVersions.list()).map((item) => item.policyVersion)).toEqual([
        'stricter-1',
        defaultScoringPolicy.version,
      ])
      expect((await service.server.shutdown('test')).status).toBe('clean')
    },
    openTimeoutMs,
  )
})
