import { randomBytes } from 'node:crypto'
import { extractIdentifiers, normaliseAddressText, normaliseApplication, type ApplicationRecord } from '@hirewall/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRepositories, type Repositories } from '../repositories/repositories.js'
import type { NewScreenedApplication } from '../repositories/screening-batch-repository.js'
import { aRecord, screen } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import { generateDataKey, generateIdentifierKey, type DataKeyRing, type IdentifierKey } from './data-keys.js'
import { createPersonalDataCipher, type PersonalDataCipher } from './personal-data-cipher.js'
import { rotateDataKeys, type RotationProgress } from './rotate-data-keys.js'
import { exportSubject, findSubjectApplications } from './subject-requests.js'

const dataKey = generateDataKey('rot-data')
/** The key of a bare `HIREWALL_IDENTIFIER_KEY`, as every store had before identifier keys had ids. */
const bareKey = randomBytes(32)
const nextKey = generateIdentifierKey('idk2')
const before: DataKeyRing = { dataKeys: [dataKey], identifierKey: bareKey }
const during: DataKeyRing = {
  dataKeys: [dataKey],
  identifierKey: nextKey.key,
  identifierKeys: [nextKey, { id: undefined, key: bareKey } satisfies IdentifierKey],
}
const after: DataKeyRing = { dataKeys: [dataKey], identifierKey: nextKey.key, identifierKeys: [nextKey] }
let nextSeq = 5_000

function personRecord(id: string, name: string, phone: string): ApplicationRecord {
  return aRecord(id, {
    source: { system: 'greenhouse', applicationId: id, candidateId: `cand-${id}` },
    cv: { basics: { name, email: `${id}@mail.example`, phone } },
  })
}

function screened(record: ApplicationRecord): NewScreenedApplication {
  const facts = normaliseApplication(record)
  return {
    record,
    raw: record,
    facts,
    idempotencyKey: `${record.source.system}:${record.id}`,
    linkSeq: nextSeq++,
    identitySignals: [],
    identifiers: extractIdentifiers(record, facts),
    result: { ...screen(record), clusterId: `cluster:${record.id}` },
  }
}

describe.each(storeTestTargets())('identifier key rotation on $name', ({ open }) => {
  let database: TestDatabase
  const repositories = (ring: DataKeyRing): { cipher: PersonalDataCipher; repos: Repositories } => {
    const cipher = createPersonalDataCipher(ring)
    return { cipher, repos: createRepositories(database.store.db, cipher) }
  }
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  const storedValues = async (kind: string): Promise<Map<string, string[]>> => {
    const rows = await sql<{ application_id: string; value: string }>`select application_id, value
      from application_identifiers where kind = ${kind} order by application_id`.execute(database.store.db)
    const values = new Map<string, string[]>()
    for (const row of rows.rows) values.set(row.application_id, [...(values.get(row.application_id) ?? []), row.value])
    return values
  }

  it('re-hashes identifiers page by page under the new key while lookups find both keys, then the old key goes', async () => {
    const sharedPhone = '+1 415 555 0177'
    const old = repositories(before)
    // Stored under the bare key: A (the person B and C share a phone with) and fillers that sort before it.
    await old.repos.screeningBatches.insertScreened(
      [
        screened(personRecord('idk-0a', 'Filler One', '+1 415 555 0101')),
        screened(personRecord('idk-0b', 'Filler Two', '+1 415 555 0102')),
        screened(personRecord('idk-a', 'Avery Shared', sharedPhone)),
      ],
      new Date(),
    )
    const bareHashes = (await storedValues('phone')).get('idk-a') ?? []
    expect(bareHashes).toHaveLength(1)
    expect(bareHashes[0]).toMatch(/^h1:[A-Za-z0-9_-]+$/)

    // Every process now runs with the new key first and the bare key second; the rotation stops after one page.
    const rotating = repositories(during)
    const stop = new Error('stopped')
    let stoppedAt: RotationProgress | undefined
    await expect(
      rotateDataKeys(
        { db: database.store.db, cipher: rotating.cipher },
        {
          actor: 'system:test',
          pageSize: 2,
          onPage: (progress) => {
            stoppedAt = progress
            throw stop
          },
        },
      ),
    ).rejects.toBe(stop)
    expect(stoppedAt).toMatchObject({ applicationsRead: 2, lastApplicationId: 'idk-0b' })
    const halfway = await storedValues('phone')
    expect(halfway.get('idk-0a')?.[0]).toMatch(/^h1:idk2:/)
    expect(halfway.get('idk-a')).toEqual(bareHashes)

    // B, written during the rotation under the new key, is found with A by A's phone, and shown sharing it.
    await rotating.repos.screeningBatches.insertScreened(
      [screened(personRecord('idk-b', 'Blake Shared', sharedPhone))],
      new Date(),
    )
    expect((await storedValues('phone')).get('idk-b')?.[0]).toMatch(/^h1:idk2:/)
    expect(await rotating.repos.identity.applicationsWith({ kind: 'phone', value: '+14155550177' })).toEqual([
      'idk-a',
      'idk-b',
    ])
    expect(await rotating.repos.identity.sharedIdentifiers(['idk-a', 'idk-b', 'idk-0a'])).toEqual([
      { applicationId: 'idk-a', kind: 'phone', value: '+14155550177' },
      { applicationId: 'idk-b', kind: 'phone', value: '+14155550177' },
    ])
    const context = { db: database.store.db, cipher: rotating.cipher }
    expect(await findSubjectApplications(context, { kind: 'phone', value: sharedPhone })).toEqual(['idk-a', 'idk-b'])

    // Resumed where it stopped: A moves to the new key, B (already there) is left alone.
    const resumed = await rotateDataKeys(context, { actor: 'system:test', pageSize: 2, after: 'idk-0b' })
    expect(resumed.applicationsRead).toBe(2)
    // A's email and phone; B's are under the new key already.
    expect(resumed.identifiersRewritten).toBe(2)
    const rotated = await storedValues('phone')
    expect(rotated.get('idk-a')).toEqual(rotated.get('idk-b'))
    const all = await sql<{ value: string }>`select value from application_identifiers`.execute(database.store.db)
    expect(all.rows.length).toBeGreaterThan(0)
    for (const row of all.rows) expect(row.value).toMatch(/^h1:idk2:/)
    const again = await rotateDataKeys(context, { actor: 'system:test' })
    expect(again.identifiersRewritten).toBe(0)
    const audit = await database.store.audit.list({ action: 'data-keys.rotated' })
    expect(audit.items[0]?.details).toMatchObject({ identifierKeyId: 'idk2' })

    // The bare key removed: C links to A and B by the phone; exports still name the person.
    const done = repositories(after)
    await done.repos.screeningBatches.insertScreened(
      [screened(personRecord('idk-c', 'Casey Shared', sharedPhone))],
      new Date(),
    )
    expect(await done.repos.identity.applicationsWith({ kind: 'phone', value: '+14155550177' })).toEqual([
      'idk-a',
      'idk-b',
      'idk-c',
    ])
    expect((await done.repos.identity.sharedIdentifiers(['idk-a', 'idk-c'])).map((row) => row.applicationId)).toEqual([
      'idk-a',
      'idk-c',
    ])
    expect(await done.repos.identity.identifiersOf('idk-a')).toContainEqual({
      kind: 'phone',
      value: '+14155550177',
      display: sharedPhone,
    })
    const exported = await exportSubject(
      { db: database.store.db, cipher: done.cipher },
      { kind: 'phone', value: sharedPhone },
      'user:test',
    )
    expect(exported.applicationIds).toEqual(['idk-a', 'idk-b', 'idk-c'])
  })

  it('re-hashes employees’ address keys and sign-ins’ address hashes, so distinct addresses still count once', async () => {
    const old = repositories(before)
    const homeAddress = '44 Harbour Road, Austin, TX 78701'
    await old.repos.employees.recordHires([
      {
        id: 'IDK-E1',
        legalName: 'Sage Harbour',
        homeAddress,
        homeAddressKey: normaliseAddressText(homeAddress),
        startDate: '2026-03-02',
        logins: ['sage@corp.example'],
      },
    ])
    const signIn = (index: number, ip: string) => ({
      kind: 'sign-in' as const,
      naturalKey: `idk-sign-in-${index}`,
      subjectKey: 'sage@corp.example',
      at: new Date(Date.parse('2026-04-01T08:00:00Z') + index * 60_000),
      record: { kind: 'sign-in', login: 'sage@corp.example', ip, outcome: 'success', country: 'United States' },
      source: 'okta',
      receivedBy: 'user:test',
    })
    await old.repos.workforceRecords.append([signIn(1, '198.51.100.7')])
    const rotating = repositories(during)
    // Written during the rotation, from the same address: until the rotation, it is hashed under the other key.
    await rotating.repos.workforceRecords.append([signIn(2, '198.51.100.7'), signIn(3, '198.51.100.8')])
    await rotateDataKeys({ db: database.store.db, cipher: rotating.cipher }, { actor: 'system:test' })

    const done = repositories(after)
    const employee = await sql<{ key: string }>`select home_address_key as key from employees
      where id = 'IDK-E1'`.execute(database.store.db)
    expect(employee.rows[0]?.key).toBe(done.cipher.hashIdentifier('address', normaliseAddressText(homeAddress) ?? ''))
    const hashes = await sql<{ key: string }>`select record ->> 'ipKey' as key from workforce_records
      where subject_key = 'sage@corp.example' order by seq`.execute(database.store.db)
    for (const row of hashes.rows) expect(row.key).toMatch(/^h1:idk2:/)
    const days = await done.repos.workforceRecords.signInDays(['sage@corp.example'])
    expect(days.map((day) => [day.events, day.addresses])).toEqual([[3, 2]])
  })
})
