import { describe, expect, it } from 'vitest'
import { findUnstorableText, storableText } from './find-unstorable-text.js'

describe('storableText', () => {
  it('replaces U+0000 and lone surrogates, and keeps pairs', () => {
    expect(storableText('a\u0000b\ud800c\udc00d\ud83d\ude00')).toBe('a\ufffdb\ufffdc\ufffdd\ud83d\ude00')
  })
})

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

  it('walks a value nested 100,000 deep without overflowing the stack (a deep webhook body was a 500)', () => {
    let deep: unknown = 'bottom\u0000'
    for (let level = 0; level < 100_000; level += 1) deep = level % 2 === 0 ? [deep] : { a: deep }
    expect(findUnstorableText(deep)?.startsWith('a[0].a[0]')).toBe(true)
  })

  it.each([
    ['paired surrogates (an emoji, a math letter)', { name: '😀 𝕏 Jordan' }],
    ['bidi controls and other hostile but storable text', { name: 'Alex\u202eKim\u202c', note: "'; DROP TABLE x;--" }],
    ['U+FFFD itself', { name: '\ufffd' }],
    // Not walked at all (a 50 MB upload was once walked byte by byte): not even a property set on the bytes is read.
    ['a Buffer body (an upload: bytes, not text)', Object.assign(Buffer.from([0x61, 0x00]), { note: 'x\u0000' })],
    ['a typed array inside a value', { bytes: Object.assign(new Uint16Array([0xd800]), { note: 'x\u0000' }) }],
  ])('passes %s', (_name, value) => {
    expect(findUnstorableText(value)).toBeUndefined()
  })
})
