import { randomBytes } from 'node:crypto'
import { extractIdentifiers, normaliseApplication } from '@hirewall/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EmployeeFacts, NewEmployeeAssessment } from '../repositories/employee-repository.js'
import { createRepositories, type Repositories } from '../repositories/repositories.js'
import type { NewWorkforceRecord } from '../repositories/workforce-record-repository.js'
import { aRecord, screen } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import { generateDataKey } from './data-keys.js'
import { createPersonalDataCipher, unencrypted } from './personal-data-cipher.js'
import { rotateDataKeys } from './rotate-data-keys.js'
import { eraseSubject, exportSubject } from './subject-requests.js'

const identifierKey = randomBytes(32)
const keyA = generateDataKey('wf-key-a')
const keyB = generateDataKey('wf-key-b')
const day = Date.parse('2026-04-01T00:00:00Z')

/** An employee of their own: every test uses fresh names, addresses, accounts and addresses on the network. */
function hireOf(id: string, person: string, applicationRef?: string): EmployeeFacts {
  return {
    id,
    ...(applicationRef === undefined ? {} : { applicationRef }),
    legalName: `Robin ${person}`,
    homeAddress: `9 ${person} Lane, Austin, TX 78701`,
    homeAddressKey: `9 ${person.toLowerCase()} ln austin tx 78701`,
    homeCountry: 'US',
    startDate: '2026-03-02',
    manager: `Pat ${person}lead`,
    logins: [`${person.toLowerCase()}@corp.example`],
  }
}

/** The post-hire records of one employee: a hire, a shipment, a check-in, osquery rows, three sign-ins, a payout. */
function recordsOf(facts: EmployeeFacts, octet: number): NewWorkforceRecord[] {
  const login = facts.logins[0] ?? ''
  const base = { source: 'test', receivedBy: 'user:test' }
  const record = (
    kind: NewWorkforceRecord['kind'],
    subjectKey: string,
    atMs: number,
    fields: Record<string, unknown>,
  ): NewWorkforceRecord => ({
    ...base,
    kind,
    naturalKey: `${facts.id}:${kind}:${atMs}`,
    subjectKey,
    at: new Date(atMs),
    record: { kind, ...fields },
  })
  return [
    record('hire', facts.id, day, {
      employeeId: facts.id,
      legalName: facts.legalName,
      homeAddress: { text: facts.homeAddress, countryCode: 'US' },
      startDate: facts.startDate,
      manager: facts.manager,
      logins: facts.logins,
    }),
    record('shipment', facts.id, day + 1, {
      employeeId: facts.id,
      asset: `A-${facts.id}`,
      serial: `SN-${facts.id}`,
      shipTo: { text: `${facts.homeAddress}, c/o Forwarder`, countryCode: 'US' },
      trackingNumber: `1Z${facts.id}`,
    }),
    record('device-check-in', facts.id, day + 2, {
      device: `${facts.id}-laptop`,
      serial: `SN-${facts.id}`,
      employeeId: facts.id,
      firstCheckInAt: new Date(day + 2).toISOString(),
      firstCheckInAtMs: day + 2,
      publicIp: `198.51.100.${octet}`,
    }),
    record('endpoint-observation', `${facts.id}-laptop`, day + 3, {
      hostIdentifier: `${facts.id}-laptop`,
      hostAliases: [],
      queryName: 'pack_hirewall_interface_addresses',
      table: 'interface_addresses',
      action: 'snapshot',
      observedAt: new Date(day + 3).toISOString(),
      observedAtMs: day + 3,
      rows: [{ interface: 'en0', address: `192.0.2.${octet}` }],
    }),
    ...[0, 1, 2].map((index) =>
      record('sign-in', login, day + 3_600_000 * (index + 1), {
        provider: 'okta',
        eventId: `${facts.id}-${index}`,
        eventType: 'user.session.start',
        login,
        at: new Date(day + 3_600_000 * (index + 1)).toISOString(),
        atMs: day + 3_600_000 * (index + 1),
        // Two sign-ins from one address, one from another: the day counts two addresses.
        ip: `203.0.113.${octet + (index === 2 ? 1 : 0)}`,
        outcome: 'success',
        city: 'Austin',
        country: 'United States',
        userAgent: `Agent ${facts.id}`,
      }),
    ),
    record('payroll-change', facts.id, day + 5 * 3_600_000, {
      employeeId: facts.id,
      changedAt: new Date(day + 5 * 3_600_000).toISOString(),
      changedAtMs: day + 5 * 3_600_000,
      accountHash: `sha256:${facts.id}account`,
      holderName: `${facts.legalName} Holder`,
      method: 'direct-deposit',
      institution: 'First Test Bank',
    }),
  ]
}

function assessmentOf(facts: EmployeeFacts, fingerprint: string): NewEmployeeAssessment {
  return {
    employeeId: facts.id,
    score: 0.72,
    outcome: 'review',
    holdGate: 'none',
    signals: [
      {
        code: 'payroll.holder.mismatch',
        message: `Pay goes to ${facts.legalName} Holder`,
        evidence: { holderName: `${facts.legalName} Holder`, legalName: facts.legalName },
      } as { code: string },
    ],
    policyVersion: 'test',
    dataVersions: {},
    detectorFailures: [],
    fingerprint,
  }
}

const kinds = ['hire', 'shipment', 'device-check-in', 'endpoint-observation', 'sign-in', 'payroll-change'] as const

describe.each(storeTestTargets())('workforce personal data on $name', ({ open }) => {
  let database: TestDatabase
  let keyed: Repositories
  const text = async (query: ReturnType<typeof sql>): Promise<string> =>
    (
      await sql<{ text: string | null }>`select string_agg(t::text, ' ') as text from (${query}) t`.execute(
        database.store.db,
      )
    ).rows[0]?.text ?? ''
  /** Every stored row about the employee: theirs, their records (by id, login and laptop) and assessments. */
  const rowsAbout = (id: string, login: string) =>
    text(sql`select e::text from employees e where id = ${id}
      union all select r::text from workforce_records r where subject_key = any(${[id, login, `${id}-laptop`]}::text[])
      union all select a::text from employee_assessments a where employee_id = ${id}`)

  beforeAll(async () => {
    database = await open()
    keyed = createRepositories(database.store.db, createPersonalDataCipher({ dataKeys: [keyA], identifierKey }))
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  it('stores employees, post-hire records and assessment evidence encrypted, and reads them back whole', async () => {
    const facts = hireOf('WF-ENC-1', 'Keyholder')
    const records = recordsOf(facts, 10)
    await keyed.employees.recordHires([facts])
    await keyed.workforceRecords.append(records)
    await keyed.employees.appendAssessments([assessmentOf(facts, 'enc-1')])

    const stored = await rowsAbout('WF-ENC-1', 'keyholder@corp.example')
    expect(stored).toContain('hwenc1:wf-key-a:')
    for (const secret of [
      'Keyholder Lane',
      'Robin',
      'Keyholderlead',
      '198.51.100',
      '203.0.113',
      '192.0.2',
      'Holder',
      '1ZWF',
    ])
      expect(stored, secret).not.toContain(secret)
    // What queries and joins use stays readable.
    for (const readable of ['WF-ENC-1', 'keyholder@corp.example', 'SN-WF-ENC-1', 'First Test Bank', 'United States'])
      expect(stored, readable).toContain(readable)

    const employee = await keyed.employees.find('WF-ENC-1')
    expect(employee).toMatchObject({
      legalName: facts.legalName,
      homeAddress: facts.homeAddress,
      manager: facts.manager,
      logins: facts.logins,
    })
    expect(employee?.latest?.signals).toEqual(assessmentOf(facts, 'x').signals)
    const about = await keyed.workforceRecords.about(['WF-ENC-1', ...facts.logins, 'WF-ENC-1-laptop'], kinds, 100)
    expect(about.map((row) => row.record)).toEqual(records.map((record) => record.record))
    expect(await keyed.workforceRecords.after(0, 100)).toHaveLength(records.length)
    expect(await keyed.workforceRecords.checkInsBySerial(['sn-wf-enc-1'], 10)).toHaveLength(1)
    expect(await keyed.workforceRecords.signInDays(facts.logins)).toEqual([
      expect.objectContaining({ events: 3, successes: 3, addresses: 2, countries: ['United States'] }),
    ])

    // A store without keys refuses the ciphertext rather than showing it.
    const unkeyed = createRepositories(database.store.db, unencrypted)
    await expect(unkeyed.employees.find('WF-ENC-1')).rejects.toMatchObject({ code: 'invalid-configuration' })
    await expect(unkeyed.workforceRecords.after(0, 100)).rejects.toMatchObject({ code: 'invalid-configuration' })
  })

  it('rotates employees, records and assessments to the new key, sealing rows written without keys', async () => {
    const plainFacts = hireOf('WF-ROT-0', 'Plainrow')
    const plain = createRepositories(database.store.db, unencrypted)
    await plain.employees.recordHires([plainFacts])
    await plain.workforceRecords.append(recordsOf(plainFacts, 20))
    await plain.employees.appendAssessments([assessmentOf(plainFacts, 'rot-0')])
    expect(await rowsAbout('WF-ROT-0', 'plainrow@corp.example')).toContain('Plainrow Lane')

    const ringB = createPersonalDataCipher({ dataKeys: [keyB, keyA], identifierKey })
    const rotated = await rotateDataKeys({ db: database.store.db, cipher: ringB }, { actor: 'system:test' })
    expect(rotated).toMatchObject({ employeesRewritten: 2, workforceRecordsRewritten: 16, assessmentsRewritten: 2 })
    const all = await text(sql`select e::text from employees e union all select r::text from workforce_records r
      union all select a::text from employee_assessments a`)
    expect(all).not.toContain('hwenc1:wf-key-a:')
    for (const secret of ['Plainrow Lane', 'Robin', '198.51.100', '203.0.113', 'Holder'])
      expect(all).not.toContain(secret)
    const again = await rotateDataKeys({ db: database.store.db, cipher: ringB }, { actor: 'system:test' })
    expect(again).toMatchObject({ employeesRewritten: 0, workforceRecordsRewritten: 0, assessmentsRewritten: 0 })

    // Key A can go: key B alone reads every row, old and new.
    keyed = createRepositories(database.store.db, createPersonalDataCipher({ dataKeys: [keyB], identifierKey }))
    expect((await keyed.employees.find('WF-ROT-0'))?.legalName).toBe('Robin Plainrow')
    expect((await keyed.employees.find('WF-ENC-1'))?.latest?.signals[0]?.evidence).toEqual({
      holderName: 'Robin Keyholder Holder',
      legalName: 'Robin Keyholder',
    })
    const records = await keyed.workforceRecords.about(['WF-ROT-0', ...plainFacts.logins], kinds, 100)
    expect(records.map((row) => row.record)).toEqual(
      recordsOf(plainFacts, 20)
        .filter((record) => record.kind !== 'endpoint-observation')
        .map((record) => record.record),
    )
    expect(await keyed.workforceRecords.signInDays(plainFacts.logins)).toEqual([
      expect.objectContaining({ events: 3, addresses: 2 }),
    ])
  })

  it("exports a hired person's employment records decrypted, from the employee, the application or the email", async () => {
    const record = aRecord('wf-hired-1', {
      source: { system: 'greenhouse', applicationId: 'wf-hired-1' },
      cv: { basics: { name: 'Robin Subjectperson', email: 'robin.subject@gmail.com' } },
    })
    const facts = normaliseApplication(record)
    await keyed.screeningBatches.insertScreened(
      [
        {
          record,
          raw: record,
          facts,
          idempotencyKey: 'greenhouse:wf-hired-1',
          linkSeq: 90_001,
          identitySignals: [],
          identifiers: extractIdentifiers(record, facts),
          result: screen(record),
        },
      ],
      new Date(),
    )
    const hire = hireOf('WF-SUB-1', 'Subjectperson', 'wf-hired-1')
    const bystander = hireOf('WF-SUB-2', 'Bystander')
    await keyed.employees.recordHires([hire, bystander])
    await keyed.workforceRecords.append([...recordsOf(hire, 30), ...recordsOf(bystander, 40)])
    await keyed.employees.appendAssessments([assessmentOf(hire, 'sub-1'), assessmentOf(bystander, 'sub-2')])
    await keyed.decisions.record({
      subject: { kind: 'employee', id: 'WF-SUB-1' },
      verdict: 'cleared',
      reason: 'verified identity',
      note: 'Spoke with Robin Subjectperson at home',
      actor: 'user:analyst',
    })
    const context = { db: database.store.db, cipher: ringOf() }

    const exported = await exportSubject(context, { kind: 'employee', value: 'WF-SUB-1' }, 'user:admin')
    expect(exported).toMatchObject({ employeeIds: ['WF-SUB-1'], applicationIds: ['wf-hired-1'] })
    expect(exported.tables.employees).toEqual([
      expect.objectContaining({ id: 'WF-SUB-1', legal_name: hire.legalName, home_address: hire.homeAddress }),
    ])
    expect(exported.tables.workforce_records).toHaveLength(recordsOf(hire, 30).length)
    const exportedText = JSON.stringify(exported.tables)
    for (const value of [
      '203.0.113.30',
      '198.51.100.30',
      'Robin Subjectperson Holder',
      '192.0.2.30',
      'Robin Subjectperson',
    ])
      expect(exportedText, value).toContain(value)
    expect(exportedText).not.toContain('hwenc1:')
    expect(exportedText).not.toContain('Bystander')
    expect(exported.tables.decisions).toHaveLength(1)

    for (const query of [
      { kind: 'application', value: 'wf-hired-1' },
      { kind: 'email', value: 'Subjectperson@corp.example' },
    ] as const) {
      expect((await exportSubject(context, query, 'user:admin')).employeeIds, query.kind).toEqual(['WF-SUB-1'])
    }
  })

  it('erases an employee by anonymising: ids, kinds, times, scores and codes stay; a second erasure does nothing', async () => {
    const context = { db: database.store.db, cipher: ringOf() }
    const countsBefore = await counts()
    const erased = await eraseSubject(context, { kind: 'employee', value: 'WF-SUB-1' }, 'user:admin')
    expect(erased).toMatchObject({
      employeeIds: ['WF-SUB-1'],
      applicationIds: ['wf-hired-1'],
      anonymised: 1,
      employeesAnonymised: 1,
      workforceRecordsAnonymised: 8,
      assessmentsRedacted: 1,
    })
    expect(await counts()).toEqual(countsBefore)
    const stored = await rowsAbout('WF-SUB-1', 'subjectperson@corp.example')
    for (const secret of ['Subjectperson', '203.0.113.30', '198.51.100.30', '192.0.2.30', 'subjectperson@corp.example'])
      expect(stored, secret).not.toContain(secret)

    const employee = await keyed.employees.find('WF-SUB-1')
    expect(employee).toMatchObject({ legalName: null, homeAddress: null, manager: null, logins: [], homeCountry: 'US' })
    expect(employee?.latest).toMatchObject({ score: 0.72, outcome: 'review', signalCodes: ['payroll.holder.mismatch'] })
    expect(employee?.latest?.signals[0]?.evidence).toEqual({})
    const records = await keyed.workforceRecords.about(['WF-SUB-1', 'WF-SUB-1-laptop'], kinds, 100)
    expect(records.map((row) => row.kind).sort()).toEqual(
      recordsOf(hireOf('x', 'x'), 0)
        .map((r) => r.kind)
        .sort(),
    )
    const signIn = records.find((row) => row.kind === 'sign-in')?.record
    expect(signIn).toMatchObject({ login: 'WF-SUB-1', outcome: 'success', country: 'United States' })
    expect(signIn).not.toHaveProperty('ip')
    expect(records.find((row) => row.kind === 'payroll-change')?.record).toMatchObject({
      holderName: '',
      accountHash: expect.stringMatching(/^erased:/) as unknown,
      institution: 'First Test Bank',
    })
    const notes = await sql<{ note: string | null }>`select note from decisions where subject_id = 'WF-SUB-1'`.execute(
      database.store.db,
    )
    expect(notes.rows).toEqual([{ note: null }])

    // The bystander is untouched.
    expect((await keyed.employees.find('WF-SUB-2'))?.legalName).toBe('Robin Bystander')
    expect(await keyed.workforceRecords.signInDays(['bystander@corp.example'])).toEqual([
      expect.objectContaining({ addresses: 2 }),
    ])

    const second = await eraseSubject(context, { kind: 'employee', value: 'WF-SUB-1' }, 'user:admin')
    expect(second).toMatchObject({
      anonymised: 1,
      employeesAnonymised: 0,
      workforceRecordsAnonymised: 0,
      assessmentsRedacted: 0,
    })
    const audit = await text(sql`select a::text from audit_log a where action = 'subject.erased'`)
    expect(audit).toContain('WF-SUB-1')
    expect(audit).not.toContain('Subjectperson')
  })

  it('keeps assessments append-only outside an erasure, and lets an erasure change only the signals', async () => {
    const db = database.store.db
    await expect(sql`update employee_assessments set score = 0`.execute(db)).rejects.toThrow(/append-only/)
    await expect(sql`update employee_assessments set signals = '[]'`.execute(db)).rejects.toThrow(/append-only/)
    await expect(
      db.transaction().execute(async (transaction) => {
        await sql`select set_config('hirewall.redacting', 'on', true)`.execute(transaction)
        await sql`update employee_assessments set score = 0`.execute(transaction)
      }),
    ).rejects.toThrow(/append-only/)
  })

  function ringOf() {
    return createPersonalDataCipher({ dataKeys: [keyB], identifierKey })
  }

  /** What aggregates count: employees by country and outcome, records by kind, assessments by score and codes. */
  async function counts(): Promise<unknown> {
    const employees = await sql`select e.home_country, a.outcome, a.score, a.signal_codes, count(*)::int as n
      from employees e left join employee_assessments a on a.id = e.latest_assessment_id
      group by 1, 2, 3, 4 order by 1, 2, 3, 4::text`.execute(database.store.db)
    const records = await sql`select kind, count(*)::int as n from workforce_records group by 1 order by 1`.execute(
      database.store.db,
    )
    return { employees: employees.rows, records: records.rows }
  }
})
