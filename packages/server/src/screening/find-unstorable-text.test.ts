import { describe, expect, it } from 'vitest'
import { findUnstorableText } from './find-unstorable-text.js'

describe('findUnstorableText', () => {
  it.each([
    ['U+0000 in a value', { name: 'Kevin\u0000Lee' }, 'name'],
    ['U+0000 in a key', { ['a\u0000']: 1 }, 'a\u0000'],
    ['a lone high surrogate', { names: ['ok', '😀\ud83d'] }, 'names[1]'],
    ['a lone low surrogate', { note: 'lone \udfff low' }, 'note'],
    ['a reversed pair', { note: '\udc00\ud800' }, 'note'],
  ])('finds %s', (_name, value, path) => {
    expect(findUnstorableText(value)).toBe(path)
  })

  it.each([
    ['paired surrogates (an emoji, a math letter)', { name: '😀 𝕏 Jordan' }],
    ['bidi controls and other hostile but storable text', { name: 'Alex\u202eKim\u202c', note: "'; DROP TABLE x;--" }],
    ['U+FFFD itself', { name: '\ufffd' }],
  ])('passes %s', (_name, value) => {
    expect(findUnstorableText(value)).toBeUndefined()
  })
})
