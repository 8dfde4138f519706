import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NewWorkforceRecord } from '../repositories/workforce-record-repository.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import { unencrypted } from './personal-data-cipher.js'
import { runRetention, setRetentionPolicy } from './retention.js'

const now = new Date('2026-06-01T00:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)

function signIn(source: string, key: string, at: Date): NewWorkforceRecord {
  return {
    kind: 'sign-in',
    naturalKey: `${source}:${key}`,
    subjectKey: 'pat@acme.example',
    at,
    record: { kind: 'sign-in', provider: source, eventId: key, login: 'pat@acme.example', ip: '203.0.113.7' },
    source,
    receivedBy: 'api-key:test',
  }
}

describe.each(storeTestTargets())('workforce retention on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it("deletes one feed's old records on schedule and keeps the employees' assessments and cases", async () => {
    const { store } = database
    await store.workforceRecords.append([
      signIn('okta', 'old-1', daysAgo(400)),
      signIn('okta', 'old-2', daysAgo(181)),
      signIn('okta', 'recent', daysAgo(10)),
      signIn('entra', 'old', daysAgo(400)),
    ])
    await store.employees.ensure(['E-KEEP'])
    await store.employees.appendAssessments([
      {
        employeeId: 'E-KEEP',
        score: 80,
        outcome: 'hold',
        holdGate: 'score',
        signals: [{ code: 'farm.shared-egress' }],
        clusterId: 'farm:E-KEEP',
        policyVersion: 'test',
        dataVersions: [],
        detectorFailures: [],
        fingerprint: 'f1',
      },
    ])
    const [raised] = await store.employees.raiseCases(['E-KEEP'], 'system:workforce')
    await setRetentionPolicy(store.db, { sourceSystem: 'workforce:okta', maxAgeDays: 180, action: 'delete' }, 'u:1')
    await expect(
      setRetentionPolicy(store.db, { sourceSystem: 'workforce:entra', maxAgeDays: 30, action: 'anonymise' }, 'u:1'),
    ).rejects.toMatchObject({ code: 'invalid-value', target: 'action' })

    const context = { db: store.db, cipher: unencrypted }
    const dry = await runRetention(context, { actor: 'user:admin', isDryRun: true, now })
    expect(dry.policies).toEqual([expect.objectContaining({ sourceSystem: 'workforce:okta', due: 2, applied: 0 })])
    const run = await runRetention(context, { actor: 'system:retention', now, pageSize: 1 })
    expect(run.policies).toEqual([expect.objectContaining({ sourceSystem: 'workforce:okta', due: 2, applied: 2 })])

    const kept = await store.workforceRecords.after(0, 100)
    expect(kept.map((stored) => stored.naturalKey).sort()).toEqual(['entra:old', 'okta:recent'])
    const employee = await store.employees.find('E-KEEP')
    expect(employee?.latest).toMatchObject({ outcome: 'hold', clusterId: 'farm:E-KEEP' })
    expect((await store.cases.openCaseFor({ kind: 'employee', id: 'E-KEEP' }))?.id).toBe(raised?.caseId)
    const audit = await store.audit.list({ action: 'retention.deleted' })
    expect(audit.items.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ maxAgeDays: 180, workforceRecords: { 'sign-in': 1 } }),
      expect.objectContaining({ maxAgeDays: 180, workforceRecords: { 'sign-in': 1 } }),
    ])
    expect(audit.items[0]?.target).toBe('source:workforce:okta')
    expect((await runRetention(context, { actor: 'system:retention', now })).policies[0]?.applied).toBe(0)
  })
})
