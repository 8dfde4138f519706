import { extractIdentifiers, normaliseApplication, type ApplicationRecord, type Signal } from '@hirewall/core'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRepositories } from '../repositories/repositories.js'
import type { NewScreenedApplication } from '../repositories/screening-batch-repository.js'
import { aRecord, screen } from '../testing/store-fixtures.js'
import { openTimeoutMs, storeTestTargets, type TestDatabase } from '../testing/store-test-targets.js'
import { generateDataKey, generateIdentifierKey, type DataKeyRing } from './data-keys.js'
import { createPersonalDataCipher, unencrypted } from './personal-data-cipher.js'
import { rotateDataKeys } from './rotate-data-keys.js'

const identifierKey = generateIdentifierKey('sig-i').key
const keyA = generateDataKey('sig-a')
const keyB = generateDataKey('sig-b')
const ringA: DataKeyRing = { dataKeys: [keyA], identifierKey }
const ringB: DataKeyRing = { dataKeys: [keyB, keyA], identifierKey }

const sharedPhoneSignal: Signal = {
  code: 'identity.shared.phone',
  severity: 'high',
  message: 'Phone +14155550188 is on 2 other applications',
  evidence: { phone: '+14155550188', otherApplications: ['sig-x', 'sig-y'] },
}

function screened(record: ApplicationRecord, linkSeq: number): NewScreenedApplication {
  const facts = normaliseApplication(record)
  const result = screen(record)
  return {
    record,
    raw: record,
    facts,
    idempotencyKey: `greenhouse:${record.id}`,
    linkSeq,
    identitySignals: [sharedPhoneSignal],
    identifiers: extractIdentifiers(record, facts),
    result: {
      ...result,
      signals: [...result.signals, { ...sharedPhoneSignal, weight: 20, contribution: 20 } as never],
      clusterId: `cluster:${record.id}`,
    },
  }
}

function personRecord(id: string): ApplicationRecord {
  return aRecord(id, {
    source: { system: 'greenhouse', applicationId: id },
    cv: { basics: { name: 'Quinn Harlow', email: `${id}@mailinator.com`, phone: '+1 415 555 0188' } },
  })
}

describe.each(storeTestTargets())('sealed screening signals on $name', ({ open }) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await open()
  }, openTimeoutMs)
  afterAll(() => database.dispose())

  const storedText = async (): Promise<{ results: string; identity: string }> => {
    const results = await sql<{ text: string }>`select signals::text as text from screening_results
      where application_id like 'sig-%' order by id`.execute(database.store.db)
    const identity = await sql<{ text: string }>`select identity_signals::text as text from applications
      where id like 'sig-%' order by id`.execute(database.store.db)
    return {
      results: results.rows.map((row) => row.text).join('\n'),
      identity: identity.rows.map((row) => row.text).join('\n'),
    }
  }

  it('seals results’ and identity signals’ messages and evidence, keeps codes readable, opens them on read and re-seals them on rotation', async () => {
    const plain = createRepositories(database.store.db, unencrypted)
    await plain.screeningBatches.insertScreened([screened(personRecord('sig-0'), 9_001)], new Date())
    const keyed = createRepositories(database.store.db, createPersonalDataCipher(ringA))
    await keyed.screeningBatches.insertScreened([screened(personRecord('sig-1'), 9_002)], new Date())

    const stored = await storedText()
    expect(stored.results).toContain('hwenc1:sig-a:')
    expect(stored.identity).toContain('hwenc1:sig-a:')
    // Only sig-0 (written without keys) still shows the phone.
    expect(stored.results.split('\n')[1]).not.toContain('4155550188')
    expect(stored.identity.split('\n')[1]).not.toContain('4155550188')
    expect(stored.results.split('\n')[1]).toContain('"code": "identity.shared.phone"')
    const codes = await sql<{ codes: string[] }>`select signal_codes as codes from screening_results
      where application_id = 'sig-1'`.execute(database.store.db)
    expect(codes.rows[0]?.codes).toContain('identity.shared.phone')

    const latest = await keyed.results.latest('sig-1')
    expect(latest?.signals.find((signal) => signal.code === 'identity.shared.phone')).toMatchObject({
      message: sharedPhoneSignal.message,
      evidence: sharedPhoneSignal.evidence,
    })
    const [candidate] = await keyed.screeningBatches.rescreenPage({ applicationIds: ['sig-1'], limit: 10 })
    expect(candidate?.identitySignals).toEqual([sharedPhoneSignal])

    const rotating = createPersonalDataCipher(ringB)
    const progress = await rotateDataKeys({ db: database.store.db, cipher: rotating }, { actor: 'system:test' })
    expect(progress.resultsRewritten).toBeGreaterThanOrEqual(2)
    const rotated = await storedText()
    expect(rotated.results).not.toContain('hwenc1:sig-a:')
    expect(rotated.results).not.toContain('4155550188')
    expect(rotated.identity).not.toContain('hwenc1:sig-a:')
    expect(rotated.identity).not.toContain('4155550188')
    const onlyB = createRepositories(database.store.db, createPersonalDataCipher({ ...ringB, dataKeys: [keyB] }))
    expect((await onlyB.results.history('sig-0'))[0]?.signals).toContainEqual(
      expect.objectContaining({ code: 'identity.shared.phone', evidence: sharedPhoneSignal.evidence }),
    )
    const again = await rotateDataKeys({ db: database.store.db, cipher: rotating }, { actor: 'system:test' })
    expect(again.resultsRewritten).toBe(0)
  })
})
