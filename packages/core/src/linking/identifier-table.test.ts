import { describe, expect, it } from 'vitest'
import { IdentifierTable } from './identifier-table.js'

describe('IdentifierTable', () => {
  it('keeps 50,000 identifiers through growth, apart by kind and value', () => {
    const table = new IdentifierTable()
    for (let number = 0; number < 50_000; number++) {
      table.set(0, `+1415555${number}`, number * 2)
      table.set(1, `+1415555${number}`, number * 2 + 1)
    }
    expect(table.size).toBe(100_000)
    expect(table.get(0, '+14155551234')).toBe(2468)
    expect(table.get(1, '+14155551234')).toBe(2469)
    expect(table.get(0, '+1415555-unknown')).toBeUndefined()
    expect(table.get(2, '+14155551234')).toBeUndefined()
  })

  it('overwrites the value of an identifier it holds, without counting it twice', () => {
    const table = new IdentifierTable()
    table.set(3, 'dev-1', 0)
    table.set(3, 'dev-1', 7)
    expect(table.get(3, 'dev-1')).toBe(7)
    expect(table.size).toBe(1)
  })
})
