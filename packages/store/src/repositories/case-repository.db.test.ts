import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import type { Subject } from './case-repository.js'

describe.each(storeTestTargets())('cases on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('opens one case per subject, also when asked concurrently', async () => {
    const subject: Subject = { kind: 'application', id: 'api:concurrent-case' }
    const cases = await Promise.all(Array.from({ length: 6 }, () => database.store.cases.open(subject, 'user:ana')))
    expect(new Set(cases.map((opened) => opened.id)).size).toBe(1)
  })

  it('opens a new case once the previous one is closed', async () => {
    const { store } = database
    const subject: Subject = { kind: 'cluster', id: 'cluster:reopened' }
    const first = await store.cases.open(subject, 'user:ana')
    const closed = await store.cases.close(first.id, 'user:ben')
    const second = await store.cases.open(subject, 'user:ana')
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'user:ben' })
    expect(closed.closedAt).toBeInstanceOf(Date)
    expect(second.id).not.toBe(first.id)
    await expect(store.cases.close(first.id, 'user:ben')).rejects.toMatchObject({ code: 'not-found' })
  })

  it('lists open cases oldest first, a page at a time', async () => {
    const { store } = database
    const opened = []
    for (const id of ['q-1', 'q-2', 'q-3', 'q-4', 'q-5'])
      opened.push(await store.cases.open({ kind: 'application', id }, 'system:queue'))
    // Oldest means by opening time, then case id: cases opened within one millisecond (a fast server) tie on time.
    opened.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const seen: string[] = []
    let after: string | undefined
    for (let pages = 0; pages < 10; pages++) {
      const page = await store.cases.list('open', { limit: 2, ...(after === undefined ? {} : { after }) })
      seen.push(...page.items.map((item) => item.subject.id))
      after = page.nextCursor
      if (after === undefined) break
    }
    expect(seen.filter((id) => id.startsWith('q-'))).toEqual(opened.map((item) => item.subject.id))
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('finds nothing for an id that is not a case id', async () => {
    expect(await database.store.cases.find('not-a-uuid')).toBeUndefined()
    await expect(database.store.cases.close('not-a-uuid', 'user:ana')).rejects.toMatchObject({ code: 'not-found' })
  })
})
