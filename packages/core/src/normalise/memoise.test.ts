import { describe, expect, it } from 'vitest'
import { memoise } from './memoise.js'

describe('memoise', () => {
  it('computes each text once and returns the same result, undefined included', () => {
    const calls: string[] = []
    const length = memoise((text) => {
      calls.push(text)
      return text === '' ? undefined : text.length
    })
    expect([length('abc'), length('abc'), length(''), length('')]).toEqual([3, 3, undefined, undefined])
    expect(calls).toEqual(['abc', ''])
  })

  it('empties itself when full, so it never holds more than its limit', () => {
    const calls: string[] = []
    const upper = memoise((text) => {
      calls.push(text)
      return text.toUpperCase()
    }, 2)
    expect([upper('a'), upper('b'), upper('c'), upper('a')]).toEqual(['A', 'B', 'C', 'A'])
    expect(calls).toEqual(['a', 'b', 'c', 'a'])
  })
})
