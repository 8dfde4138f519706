import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import { openStore } from '../database/open-store.js'
import { aRecord, aRiskyRecord, screen } from '../testing/store-fixtures.js'

const policy = (version: string, review = 25) => ({
  version,
  severityWeights: { info: 0, low: 0.1, medium: 0.25, high: 0.5, critical: 0.85 },
  signalWeights: {},
  categoryCaps: { default: 0.6 },
  thresholds: { review, hold: 60 },
  hold: { anySignalAtLeast: 'high', orAgreeing: { severityAtLeast: 'medium', count: 3, distinctCategories: 2 } },
})

describe.each(storeTestTargets())('policy versions on $name', ({ name, open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('starts the history with the start-up policy once, then keeps the published one', async () => {
    const { policyVersions } = database.store
    expect(await policyVersions.published()).toBeUndefined()
    const first = await policyVersions.publishInitial({ policy: policy('start'), author: 'system:serve' })
    expect(first.isNew).toBe(true)
    expect(first.stored).toMatchObject({
      version: 1,
      policyVersion: 'start',
      status: 'published',
      author: 'system:serve',
    })
    expect(first.stored.publishedAt).toBeInstanceOf(Date)
    const again = await policyVersions.publishInitial({ policy: policy('another start'), author: 'system:serve' })
    expect(again).toMatchObject({ isNew: false, stored: { version: 1, policyVersion: 'start' } })
    expect(await policyVersions.publishedNumber()).toBe(1)
  })

  it('saves drafts as the next versions and refuses a version string that is taken', async () => {
    const { policyVersions } = database.store
    const draft = await policyVersions.saveDraft({ policy: policy('stricter', 20), author: 'user:ana', note: 'lower' })
    expect(draft).toMatchObject({ version: 2, status: 'draft', note: 'lower', publishedAt: null })
    expect(draft.policy).toMatchObject({ thresholds: { review: 20 } })
    await expect(
      policyVersions.saveDraft({ policy: policy('stricter', 21), author: 'user:ana' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      target: 'policy_version',
    })
    expect((await policyVersions.list()).map((item) => [item.version, item.status])).toEqual([
      [2, 'draft'],
      [1, 'published'],
    ])
  })

  it('publishes one version at a time, retiring the last, and writes the audit log', async () => {
    const { policyVersions, audit } = database.store
    const outcome = await policyVersions.publish(2, { actor: 'user:ana', note: 'fewer misses' })
    expect(outcome.published).toMatchObject({ version: 2, status: 'published' })
    expect(outcome.retired).toMatchObject({ version: 1, status: 'retired' })
    expect(outcome.isChange).toBe(true)
    expect((await policyVersions.list()).map((item) => [item.version, item.status])).toEqual([
      [2, 'published'],
      [1, 'retired'],
    ])
    const [entry] = (await audit.list({ action: 'policy.published', actor: 'user:ana' })).items
    expect(entry).toMatchObject({
      target: 'policy-version:2',
      details: { version: 2, policyVersion: 'stricter', previousVersion: 1, note: 'fewer misses' },
    })
    // Publishing the published version again changes nothing; a retired one can come back (a rollback).
    expect(await policyVersions.publish(2, { actor: 'user:ana' })).toMatchObject({
      retired: undefined,
      isChange: false,
    })
    expect((await policyVersions.publish(1, { actor: 'user:ben' })).published).toMatchObject({ version: 1 })
    expect(await policyVersions.publishedNumber()).toBe(1)
    await expect(policyVersions.publish(99, { actor: 'user:ana' })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('refuses a second published row in the database itself', async () => {
    await expect(
      database.store.db
        .updateTable('policy_versions')
        .set({ status: 'published', published_at: new Date() })
        .where('version', '=', 2)
        .execute(),
    ).rejects.toThrow()
  })

  it('pages through the latest results with the codes and severities a backtest scores', async () => {
    const { store } = database
    for (const record of [aRecord('bt-1'), aRiskyRecord('bt-2'), aRecord('bt-3')]) {
      await store.applications.submit({ record, raw: record })
      await store.results.append(screen(record))
    }
    const risky = screen(aRiskyRecord('bt-2'))
    const first = await store.policyVersions.backtestPage({ limit: 2 })
    expect(first.map((entry) => entry.applicationId)).toEqual(['bt-1', 'bt-2'])
    expect(first[1]).toEqual({
      applicationId: 'bt-2',
      score: risky.score,
      outcome: risky.outcome,
      policyVersion: risky.policyVersion,
      signals: risky.signals.map((signal) => [signal.code, signal.severity]),
    })
    expect(risky.signals.length).toBeGreaterThan(1)
    expect(await store.policyVersions.screenedCount()).toBe(3)
    const rest = await store.policyVersions.backtestPage({ after: 'bt-2', limit: 2 })
    expect(rest.map((entry) => entry.applicationId)).toEqual(['bt-3'])
  })

  it.runIf(name === 'postgres')('keeps one published version when two processes publish at once', async () => {
    const other = await openStore(database.options)
    try {
      const drafts = await Promise.all(
        ['race a', 'race b'].map((label) =>
          database.store.policyVersions.saveDraft({ policy: policy(label), author: 'user:ana' }),
        ),
      )
      await Promise.all([
        database.store.policyVersions.publish(drafts[0]?.version ?? 0, { actor: 'user:ana' }),
        other.policyVersions.publish(drafts[1]?.version ?? 0, { actor: 'user:ben' }),
      ])
      const published = (await database.store.policyVersions.list()).filter((item) => item.status === 'published')
      expect(published).toHaveLength(1)
    } finally {
      await other.close()
    }
  })
})
