import { defaultScoringPolicy } from '@hirewall/core'
import { openTimeoutMs, setRetentionPolicy, storeTestTargets, type TestDatabase } from '@hirewall/store'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScreeningService } from '../../screening/create-screening-service.js'
import { anApplicationRecord, testReference } from '../../testing/application-fixtures.js'
import { waitUntil } from '../../testing/wait-until.js'
import { createJobQueue } from '../create-job-queue.js'
import { serverJobQueues } from '../server-jobs.js'
import { retentionActor, retentionQueue, scheduleRetention, workOnRetention } from './retention-jobs.js'

describe.each(storeTestTargets())('retention as a scheduled job on $name', (target) => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await target.open()
    const screening = await createScreeningService({
      store: database.store,
      policy: defaultScoringPolicy,
      reference: testReference,
    })
    const record = anApplicationRecord('keep-me-not', {
      source: { system: 'lever', applicationId: 'keep-me-not' },
      cv: { basics: { name: 'Robin Vale', email: 'robin.vale@example.com' } },
    })
    await screening.submitMany([{ record, raw: record, actor: 'api-key:test' }])
    await screening.close()
    // Received long ago: due under a 30-day policy.
    await database.store.db
      .updateTable('applications')
      .set({ received_at: new Date(Date.now() - 90 * 86_400_000) } as never)
      .where('id', '=', 'keep-me-not')
      .execute()
    await setRetentionPolicy(
      database.store.db,
      { sourceSystem: 'lever', maxAgeDays: 30, action: 'anonymise' },
      'user:admin',
    )
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('queues one run per period however many processes schedule it, and the worker applies the policies', async () => {
    const queue = createJobQueue(database.store, { queues: serverJobQueues(), pollIntervalMs: 50 })
    await queue.start()
    try {
      const now = () => new Date('2026-11-23T12:00:00Z')
      // Two server processes schedule the same day's run: the derived job id queues it once.
      const first = scheduleRetention(queue, { now })
      const second = scheduleRetention(queue, { now })
      first.stop()
      second.stop()
      const queued = await waitUntil('the retention run to be queued', async () => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job
          where name = ${retentionQueue}`.execute(database.store.db)
        const count = rows[0]?.n ?? 0
        return count > 0 ? count : undefined
      })
      expect(queued).toBe(1)
      workOnRetention(queue, { store: database.store })
      const application = await waitUntil('retention to anonymise the application', async () => {
        const found = await database.store.applications.find('keep-me-not')
        return found?.record.cv.basics === undefined ? found : undefined
      })
      expect(JSON.stringify(application)).not.toContain('Robin')
      const audit = await database.store.audit.list({ actor: retentionActor })
      expect(audit.items.map((entry) => entry.action)).toContain('retention.anonymised')
    } finally {
      await queue.stop({ timeoutMs: 5000 })
    }
  }, 120_000)
})
