import { randomBytes } from 'node:crypto'
import { extractIdentifiers, normaliseApplication, type ApplicationRecord } from '@hirewall/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRepositories, type Repositories } from '../repositories/repositories.js'
import type { NewScreenedApplication } from '../repositories/screening-batch-repository.js'
import { aRecord, screen } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import { generateDataKey, type DataKeyRing } from './data-keys.js'
import { createPersonalDataCipher, unencrypted, type PersonalDataCipher } from './personal-data-cipher.js'
import { personalDataTables, unclassifiedTableMessage } from './personal-data-tables.js'
import { runRetention, setRetentionPolicy } from './retention.js'
import { rotateDataKeys } from './rotate-data-keys.js'
import { eraseSubject, exportSubject, findSubjectApplications } from './subject-requests.js'

const identifierKey = randomBytes(32)
const keyA = generateDataKey('key-a')
const keyB = generateDataKey('key-b')
const ringA: DataKeyRing = { dataKeys: [keyA], identifierKey }
let nextSeq = 1_000

/** A record of its own person: every test uses fresh names, emails and phones. */
function personRecord(id: string, person: string, overrides: Partial<ApplicationRecord> = {}): ApplicationRecord {
  return aRecord(id, {
    source: { system: 'greenhouse', applicationId: id, candidateId: `cand-${id}` },
    cv: {
      basics: { name: `Morgan ${person}`, email: `${person}@gmail.com`, phone: `+1 415 555 ${person.slice(-4)}` },
      work: [{ name: 'Acme Logistics', position: 'Engineer', startDate: '2019-07' }],
    },
    contacts: { addresses: [{ type: 'home', value: `12 ${person} Street, Oakland CA` }] },
    document: { cvText: `Morgan ${person}, engineer at Acme` },
    staffingVendor: { name: 'Bright Staffing' },
    ...overrides,
  })
}

function screened(record: ApplicationRecord): NewScreenedApplication {
  const facts = normaliseApplication(record)
  return {
    record,
    raw: { received: record },
    facts,
    idempotencyKey: `${record.source.system}:${record.id}`,
    linkSeq: nextSeq++,
    identitySignals: [],
    identifiers: extractIdentifiers(record, facts),
    result: { ...screen(record), clusterId: `cluster:${record.id}` },
  }
}

describe.each(storeTestTargets())('personal data on $name', ({ open }) => {
  let database: TestDatabase
  let cipher: PersonalDataCipher
  let keyed: Repositories
  beforeAll(async () => {
    database = await open()
    cipher = createPersonalDataCipher(ringA)
    keyed = createRepositories(database.store.db, cipher)
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  const rowText = async (table: string, column: string, id: string): Promise<string> => {
    const result = await sql<{ text: string }>`select t::text as text from ${sql.table(table)} t
      where ${sql.ref(column)} = ${id}`.execute(database.store.db)
    return result.rows.map((row) => row.text).join('\n')
  }

  it('stores contact details, addresses and CV text encrypted, and reads them back whole', async () => {
    const record = personRecord('enc-1', 'rivera0101')
    const [written] = await keyed.screeningBatches.insertScreened([screened(record)], new Date())
    expect(written?.application.record).toEqual(record)
    const stored = await rowText('applications', 'id', 'enc-1')
    for (const secret of ['Morgan', 'rivera0101', '555', 'Street', 'Acme']) expect(stored).not.toContain(secret)
    expect(stored).toContain('Bright Staffing')
    const identifiers = await rowText('application_identifiers', 'application_id', 'enc-1')
    expect(identifiers).toContain('h1:')
    expect(identifiers).not.toContain('rivera0101')
    expect(identifiers).not.toContain('4155550101')

    const found = await keyed.applications.find('enc-1')
    expect(found?.record).toEqual(record)
    expect(found?.raw).toEqual({ received: record })
    expect(found?.facts).toEqual(normaliseApplication(record))
    const listed = await keyed.applications.list({ staffingVendor: 'bright staffing', applicationIds: ['enc-1'] })
    expect(listed.items.map((item) => item.candidateName)).toEqual(['Morgan rivera0101'])
    expect(await keyed.identity.applicationsWith({ kind: 'email', value: 'rivera0101@gmail.com' })).toEqual(['enc-1'])
    const identifiersOf = await keyed.identity.identifiersOf('enc-1')
    expect(identifiersOf).toContainEqual({
      kind: 'email',
      value: 'rivera0101@gmail.com',
      display: 'rivera0101@gmail.com',
    })
    // Model training reads the records decrypted too.
    const training = await keyed.models.trainingPage({ limit: 500 })
    expect(training.find((row) => row.record.id === 'enc-1')?.record).toEqual(record)
    // A store without keys refuses to read what it cannot decrypt rather than hand out ciphertext.
    await expect(database.store.applications.find('enc-1')).rejects.toThrow(/no HIREWALL_DATA_KEYS/)
  })

  it('matches shared identifiers by their hashes and shows their values', async () => {
    const first = personRecord('enc-2', 'shared0202')
    const second = personRecord('enc-3', 'other0303', {
      cv: { basics: { name: 'Someone Else', email: 'shared0202@gmail.com' } },
    })
    await keyed.screeningBatches.insertScreened([screened(first), screened(second)], new Date())
    const shared = await keyed.identity.sharedIdentifiers(['enc-2', 'enc-3'])
    expect(shared).toEqual([
      { applicationId: 'enc-2', kind: 'email', value: 'shared0202@gmail.com' },
      { applicationId: 'enc-3', kind: 'email', value: 'shared0202@gmail.com' },
    ])
  })

  it('rotates every row to the current key, encrypting rows written without keys, in resumable pages', async () => {
    const plain = createRepositories(database.store.db, unencrypted)
    await plain.screeningBatches.insertScreened([screened(personRecord('rot-0', 'plain0404'))], new Date())
    await keyed.screeningBatches.insertScreened(
      [screened(personRecord('rot-1', 'under0505')), screened(personRecord('rot-2', 'under0606'))],
      new Date(),
    )
    const ringB = createPersonalDataCipher({ dataKeys: [keyB, keyA], identifierKey })
    // Before rotation the new ring reads rows of the old key and of no key.
    const both = createRepositories(database.store.db, ringB)
    expect((await both.applications.find('rot-1'))?.record.cv.basics?.name).toBe('Morgan under0505')
    expect((await both.applications.find('rot-0'))?.record.cv.basics?.name).toBe('Morgan plain0404')

    const pages: number[] = []
    const first = await rotateDataKeys(
      { db: database.store.db, cipher: ringB },
      { actor: 'system:test', pageSize: 2, onPage: (progress) => pages.push(progress.applicationsRead) },
    )
    expect(first.applicationsRewritten).toBeGreaterThanOrEqual(3)
    expect(pages.length).toBeGreaterThan(1)
    const all = await sql<{ text: string }>`select t::text as text from applications t`.execute(database.store.db)
    const text = all.rows.map((row) => row.text).join('\n')
    expect(text).not.toContain('hwenc1:key-a:')
    expect(text).not.toContain('plain0404')
    const identifiers = await rowText('application_identifiers', 'application_id', 'rot-0')
    expect(identifiers).toContain('h1:')
    expect(identifiers).not.toContain('plain0404')

    // Run again (as after a stop): nothing is left to rewrite.
    const again = await rotateDataKeys({ db: database.store.db, cipher: ringB }, { actor: 'system:test' })
    expect(again.applicationsRewritten).toBe(0)
    expect(again.identifiersRewritten).toBe(0)

    // The old key can go: a ring of key B alone reads everything.
    const onlyB = createRepositories(database.store.db, createPersonalDataCipher({ dataKeys: [keyB], identifierKey }))
    expect((await onlyB.applications.find('rot-0'))?.record.cv.basics?.email).toBe('plain0404@gmail.com')
    expect((await onlyB.applications.find('enc-1'))?.record.cv.basics?.name).toBe('Morgan rivera0101')
    expect(await onlyB.identity.applicationsWith({ kind: 'email', value: 'plain0404@gmail.com' })).toEqual(['rot-0'])
    const audit = await database.store.audit.list({ action: 'data-keys.rotated' })
    expect(audit.items.length).toBeGreaterThanOrEqual(2)
    // From here on the test's keyed repositories use key B (key A is gone from the ring).
    cipher = createPersonalDataCipher({ dataKeys: [keyB], identifierKey })
    keyed = onlyB
  })

  it('exports every row about a person and erases them, keeping counts and an audit trail without personal data', async () => {
    const a = personRecord('sub-1', 'subject0707')
    const b = personRecord('sub-2', 'other0808', {
      cv: { basics: { name: 'Morgan subject0707', phone: '+1 415 555 0707', email: 'subject0707@gmail.com' } },
    })
    const bystander = personRecord('sub-3', 'bystander0909')
    await keyed.screeningBatches.insertScreened([screened(a), screened(b), screened(bystander)], new Date())
    await keyed.decisions.record({
      subject: { kind: 'application', id: 'sub-1' },
      verdict: 'cleared',
      reason: 'verified identity',
      note: 'Called Morgan subject0707 on +1 415 555 0707',
      actor: 'user:analyst',
    })
    const context = { db: database.store.db, cipher }
    expect(await findSubjectApplications(context, { kind: 'email', value: 'Subject0707@GMAIL.com' })).toEqual([
      'sub-1',
      'sub-2',
    ])
    expect(await findSubjectApplications(context, { kind: 'phone', value: '+1 (415) 555-0707' })).toEqual([
      'sub-1',
      'sub-2',
    ])
    const exported = await exportSubject(context, { kind: 'email', value: 'subject0707@gmail.com' }, 'user:admin')
    expect(exported.applicationIds).toEqual(['sub-1', 'sub-2'])
    expect(JSON.stringify(exported.tables.applications)).toContain('Morgan subject0707')
    expect(exported.tables.screening_results).toHaveLength(2)
    expect(exported.tables.decisions).toHaveLength(1)
    expect(JSON.stringify(exported.tables.application_identifiers)).toContain('subject0707@gmail.com')
    // Every table with a lookup has its key in the export, even when empty.
    const looked = Object.entries(personalDataTables)
      .filter(([, classification]) => classification.kind === 'subject' && classification.lookup !== 'none')
      .map(([table]) => table)
    expect(Object.keys(exported.tables).sort()).toEqual(looked.sort())

    const before = await counts()
    const erased = await eraseSubject(context, { kind: 'email', value: 'subject0707@gmail.com' }, 'user:admin')
    expect(erased).toMatchObject({ applicationIds: ['sub-1', 'sub-2'], anonymised: 2 })
    expect(await counts()).toEqual(before)
    const after = await sql<{ text: string }>`select string_agg(t::text, ' ') as text from (
        select a::text from applications a where id in ('sub-1', 'sub-2')
        union all select r::text from screening_results r where application_id in ('sub-1', 'sub-2')
        union all select d::text from decisions d where subject_id in ('sub-1', 'sub-2')
        union all select i::text from application_identifiers i where application_id in ('sub-1', 'sub-2')
      ) t`.execute(database.store.db)
    const plain = await keyed.applications.find('sub-1')
    expect(JSON.stringify(plain)).not.toContain('subject0707')
    expect(after.rows[0]?.text ?? '').not.toContain('subject0707')
    expect(plain?.record).toMatchObject({ id: 'sub-1', staffingVendor: { name: 'Bright Staffing' }, cv: {} })
    expect(await findSubjectApplications(context, { kind: 'email', value: 'subject0707@gmail.com' })).toEqual([])
    expect((await keyed.applications.find('sub-3'))?.record).toEqual(bystander)
    const audit = await sql<{ text: string }>`select string_agg(a::text, ' ') as text from audit_log a`.execute(
      database.store.db,
    )
    expect(audit.rows[0]?.text).toContain('subject.erased')
    expect(audit.rows[0]?.text).not.toContain('subject0707')
  })

  it('applies retention per source: anonymises old applications nothing keeps, and reports a dry run first', async () => {
    const old = new Date(Date.now() - 400 * 86_400_000)
    const records = ['ret-due', 'ret-fraud', 'ret-open', 'ret-new'].map((id, index) =>
      personRecord(id, `retain0${index}10`, { source: { system: 'lever', applicationId: id } }),
    )
    const [due, fraud, openCase, fresh] = records.map(screened)
    await keyed.screeningBatches.insertScreened([due!, fraud!, openCase!], old)
    await keyed.screeningBatches.insertScreened([fresh!], new Date())
    await keyed.decisions.record({
      subject: { kind: 'application', id: 'ret-fraud' },
      verdict: 'confirmed-fraud',
      reason: 'fake identity',
      actor: 'user:analyst',
    })
    await keyed.cases.open({ kind: 'application', id: 'ret-open' }, 'user:analyst')
    await setRetentionPolicy(
      database.store.db,
      { sourceSystem: 'lever', maxAgeDays: 365, action: 'anonymise' },
      'user:admin',
    )
    const context = { db: database.store.db, cipher }
    const before = await counts()
    const dry = await runRetention(context, { actor: 'user:admin', isDryRun: true })
    expect(dry.policies).toEqual([expect.objectContaining({ sourceSystem: 'lever', due: 1, applied: 0 })])
    expect(JSON.stringify(await keyed.applications.find('ret-due'))).toContain('retain0010')

    const run = await runRetention(context, { actor: 'system:retention' })
    expect(run.policies).toEqual([expect.objectContaining({ sourceSystem: 'lever', applied: 1 })])
    expect(await counts()).toEqual(before)
    expect(JSON.stringify(await keyed.applications.find('ret-due'))).not.toContain('retain0010')
    for (const kept of ['ret-fraud', 'ret-open', 'ret-new'])
      expect(JSON.stringify(await keyed.applications.find(kept))).toContain('Morgan')
    expect((await runRetention(context, { actor: 'system:retention' })).policies[0]?.applied).toBe(0)
  })

  it('deletes under a delete policy, with every row about the application', async () => {
    await keyed.screeningBatches.insertScreened(
      [screened(personRecord('del-1', 'delete1111', { source: { system: 'ashby', applicationId: 'del-1' } }))],
      new Date(Date.now() - 40 * 86_400_000),
    )
    await setRetentionPolicy(
      database.store.db,
      { sourceSystem: 'ashby', maxAgeDays: 30, action: 'delete' },
      'user:admin',
    )
    const run = await runRetention({ db: database.store.db, cipher }, { actor: 'system:retention' })
    expect(run.policies.find((policy) => policy.sourceSystem === 'ashby')?.applied).toBe(1)
    expect(await keyed.applications.find('del-1')).toBeUndefined()
    for (const table of ['screening_results', 'application_identifiers'])
      expect(await rowText(table, 'application_id', 'del-1')).toBe('')
  })

  it('keeps results append-only outside an erasure, and lets an erasure change only the signals', async () => {
    const db = database.store.db
    await expect(sql`update screening_results set score = 0`.execute(db)).rejects.toThrow(/append-only/)
    await expect(
      db.transaction().execute(async (transaction) => {
        await sql`select set_config('hirewall.redacting', 'on', true)`.execute(transaction)
        await sql`update screening_results set score = 0`.execute(transaction)
      }),
    ).rejects.toThrow(/append-only/)
  })

  it('classifies every table of the schema for personal data', async () => {
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
      database.store.db,
    )
    const unclassified = tables.rows.map((row) => row.name).filter((name) => personalDataTables[name] === undefined)
    expect(unclassified.map(unclassifiedTableMessage)).toEqual([])
  })

  /** What the trends and aggregates count: applications by source, vendor and current outcome; results; decisions. */
  async function counts(): Promise<unknown> {
    const result = await sql`select a.source_system, a.record -> 'staffingVendor' ->> 'name' as vendor,
        r.outcome, r.score, r.signal_codes, count(*)::int as n
      from applications a left join screening_results r on r.id = a.latest_result_id
      group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5::text`.execute(database.store.db)
    const decisions = await sql`select verdict, count(*)::int as n from decisions group by 1 order by 1`.execute(
      database.store.db,
    )
    return { applications: result.rows, decisions: decisions.rows }
  }
})
