import { describe, expect, it } from 'vitest'
import { generateOneTimePassword } from './one-time-password.js'
import { checkNewPassword } from './password-hash.js'

describe('generateOneTimePassword', () => {
  it('makes five groups of five characters without look-alikes, acceptable as a new password', () => {
    const password = generateOneTimePassword()
    expect(password).toMatch(/^[2-9A-HJ-NP-Za-km-z]{5}(-[2-9A-HJ-NP-Za-km-z]{5}){4}$/)
    expect(checkNewPassword(password)).toEqual([])
  })

  it('never repeats in a thousand', () => {
    expect(new Set(Array.from({ length: 1000 }, generateOneTimePassword)).size).toBe(1000)
  })
})
