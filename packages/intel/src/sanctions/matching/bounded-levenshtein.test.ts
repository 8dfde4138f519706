import { describe, expect, it } from 'vitest'
import { boundedLevenshtein } from './bounded-levenshtein.js'

describe('boundedLevenshtein', () => {
  it.each([
    ['kim', 'kim', 2, 0],
    ['prigozhin', 'prigozin', 2, 1],
    ['prigozhin', 'prigohzin', 2, 1],
    ['abdullah', 'abudllah', 2, 1],
    ['hussein', 'husain', 2, 2],
    ['hussein', 'husain', 1, 2],
    ['kathryn', 'prigozhin', 2, 3],
    ['', 'abc', 5, 3],
    ['', 'abcdef', 2, 3],
  ])('%s / %s within %i: %i', (left, right, limit, expected) => {
    expect(boundedLevenshtein(left, right, limit)).toBe(expected)
  })
})
