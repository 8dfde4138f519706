import { describe, expect, it } from 'vitest'
import { StoreError, toStoreError } from './store-error.js'

/** An error shaped as both drivers report database errors: a SQLSTATE `code` and, for constraints, its name. */
function databaseError(code: string, constraint?: string): Error {
  return Object.assign(new Error(`database error ${code}`), { code, constraint })
}

describe('toStoreError', () => {
  it.each([
    ['23505', 'applications_pkey', 'conflict'],
    ['23503', 'decisions_case_id_fkey', 'invalid-reference'],
    ['23514', 'api_keys_scopes_check', 'invalid-value'],
    ['42501', undefined, 'permission-denied'],
    ['HW001', undefined, 'append-only'],
  ])('maps SQLSTATE %s (%s) to %s', (sqlState, constraint, code) => {
    const error = toStoreError(databaseError(sqlState, constraint))
    expect(error).toBeInstanceOf(StoreError)
    expect(error).toMatchObject({ code, target: constraint, message: `database error ${sqlState}` })
  })

  it('returns other errors unchanged', () => {
    const unknown = databaseError('57P01')
    const plain = new Error('socket hang up')
    expect(toStoreError(unknown)).toBe(unknown)
    expect(toStoreError(plain)).toBe(plain)
  })
})
