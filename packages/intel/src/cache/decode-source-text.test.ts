import { describe, expect, it } from 'vitest'
import { decodeSourceText } from './decode-source-text.js'

describe('decodeSourceText', () => {
  it.each([
    ['UTF-8', Buffer.from('Universität Zürich', 'utf8'), 'Universität Zürich'],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b')]), 'a,b'],
    [
      'Windows-1252 (IPEDS)',
      Buffer.from([0x43, 0x6f, 0x6c, 0x65, 0x67, 0x69, 0x6f, 0x20, 0x43, 0xe9, 0x73, 0x61, 0x72]),
      'Colegio César',
    ],
    ['Windows-1252 punctuation', Buffer.from([0x93, 0x61, 0x94]), '\u201ca\u201d'],
  ])('%s', (_case, bytes, expected) => {
    expect(decodeSourceText(bytes)).toBe(expected)
  })
})
