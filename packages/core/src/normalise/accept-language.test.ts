import { describe, expect, it } from 'vitest'
import { parseAcceptLanguage } from './accept-language.js'

describe('parseAcceptLanguage', () => {
  it.each<[string, { tag: string; language: string; region?: string; quality: number }[]]>([
    [
      'en-US,en;q=0.9,ko;q=0.8',
      [
        { tag: 'en-US', language: 'en', region: 'US', quality: 1 },
        { tag: 'en', language: 'en', quality: 0.9 },
        { tag: 'ko', language: 'ko', quality: 0.8 },
      ],
    ],
    [
      'ko;q=0.5, en-GB',
      [
        { tag: 'en-GB', language: 'en', region: 'GB', quality: 1 },
        { tag: 'ko', language: 'ko', quality: 0.5 },
      ],
    ],
    ['zh-Hant-TW', [{ tag: 'zh-Hant-TW', language: 'zh', region: 'TW', quality: 1 }]],
    ['es-419', [{ tag: 'es-419', language: 'es', region: '419', quality: 1 }]],
    ['pt_br', [{ tag: 'pt_br', language: 'pt', region: 'BR', quality: 1 }]],
    ['iw-IL', [{ tag: 'iw-IL', language: 'he', region: 'IL', quality: 1 }]],
    [
      'fr-CH, fr;q=0.9, *;q=0.5',
      [
        { tag: 'fr-CH', language: 'fr', region: 'CH', quality: 1 },
        { tag: 'fr', language: 'fr', quality: 0.9 },
      ],
    ],
    ['de;q=0, en;q=0.7', [{ tag: 'en', language: 'en', quality: 0.7 }]],
    ['de;q=high, en', [{ tag: 'en', language: 'en', quality: 1 }]],
    ['', []],
    ['*', []],
    ['1234, x-klingon', []],
  ])('parses %j', (header, expected) => {
    expect(parseAcceptLanguage(header)).toEqual(expected)
  })

  it('keeps the header order among equal qualities', () => {
    expect(parseAcceptLanguage('ko, en, ja').map((preference) => preference.language)).toEqual(['ko', 'en', 'ja'])
  })
})
