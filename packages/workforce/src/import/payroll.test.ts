import { describe, expect, it } from 'vitest'
import { hashAccount } from './account-hash.js'
import { importPayrollCsv } from './payroll.js'
import { fixture } from './testing-fixture.js'

describe('importPayrollCsv', () => {
  const rows = importPayrollCsv(fixture('payroll.csv'), { accountKey: 'org-secret' })

  it('hashes routing and account numbers and keeps neither', () => {
    const row = rows[0]
    expect(row).toMatchObject({
      line: 2,
      status: 'ok',
      record: {
        kind: 'payroll-change',
        employeeId: 'E1001',
        holderName: 'Jordan A. Miller',
        method: 'direct-deposit',
        institution: 'Bank of America',
      },
    })
    const record = row?.status === 'ok' ? row.record : undefined
    expect(record?.accountHash).toBe(hashAccount('111000025', '000123456789', 'org-secret'))
    expect(record?.accountHash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/)
    expect(JSON.stringify(record)).not.toContain('000123456789')
  })

  it('folds spaces and case out of an IBAN before hashing, and reads method aliases', () => {
    expect(hashAccount(undefined, 'gb33 bukb 2020 1555 5555 55', 'k')).toBe(
      hashAccount(undefined, 'GB33BUKB20201555555555', 'k'),
    )
    expect(rows[1]).toMatchObject({ status: 'ok', record: { method: 'payout-service', institution: 'Payoneer' } })
  })

  it('gives a different hash without the key (plain SHA-256) and with another key', () => {
    expect(hashAccount('1', '2')).toMatch(/^sha256:/)
    expect(hashAccount('1', '2', 'a')).not.toBe(hashAccount('1', '2', 'b'))
  })

  it('requires an account (or its hash) and names every bad cell', () => {
    expect(rows[2]).toEqual({
      line: 4,
      status: 'invalid',
      issues: [{ path: 'account_number', message: 'is required (or account_hash): the account the pay goes to' }],
    })
    expect(rows[3]).toMatchObject({
      line: 5,
      status: 'invalid',
      issues: [{ path: 'changed_at' }, { path: 'account_number' }, { path: 'holder_name' }, { path: 'method' }],
    })
  })

  it('refuses a method named after an Object property (constructor was read as a method)', () => {
    const rows = importPayrollCsv(
      `employee_id,changed_at,account_number,holder_name,method\nE1,2026-01-01T00:00:00Z,123,A B,constructor\nE2,2026-01-01T00:00:00Z,123,A B,__proto__\n`,
    )
    expect(rows.map((row) => row.status === 'invalid' && row.issues.map((issue) => issue.path))).toEqual([
      ['method'],
      ['method'],
    ])
  })

  it('takes an upstream hash instead of the numbers, and refuses an unknown method', () => {
    const hash = `sha256:${'ab'.repeat(32)}`
    const result = importPayrollCsv(
      `employee_id,changed_at,account_hash,holder_name,method\nE1,2026-01-01T00:00:00Z,${hash},A B,ach\nE2,2026-01-01T00:00:00Z,md5:1,A B,gold bars\n`,
    )
    expect(result[0]).toMatchObject({ status: 'ok', record: { accountHash: hash, method: 'direct-deposit' } })
    expect(result[1]).toMatchObject({
      status: 'invalid',
      issues: [
        { path: 'account_hash', message: 'must be "sha256:" or "hmac-sha256:" followed by 64 hexadecimal digits' },
        {
          path: 'method',
          message: 'must be one of direct-deposit, wire, check, paycard, payout-service, crypto, not "gold bars"',
        },
      ],
    })
  })
})
