import { describe, expect, it } from 'vitest'
import { parsePhone } from './phone-number.js'

describe('parsePhone', () => {
  it.each([
    ['(415) 555-0132', 'US', '+14155550132', 'US'],
    ['+44 7400 123456', undefined, '+447400123456', 'GB'],
    ['00 44 7400 123456', 'FR', '+447400123456', 'GB'],
    ['011 44 7400 123456', 'US', '+447400123456', 'GB'],
    ['0044-7400-123456', 'DE', '+447400123456', 'GB'],
    ['010-1234-5678', 'KR', '+821012345678', 'KR'],
    ['0114 496 0000', 'GB', '+441144960000', 'GB'],
  ])('reads %s (home %s) as %s', (raw, home, e164, country) => {
    expect(parsePhone(raw, home)).toMatchObject({ e164, country, isValid: true })
  })

  it('keeps the raw string and says how it was written', () => {
    expect(parsePhone(' +1 415 555 0132', 'US')).toMatchObject({
      raw: ' +1 415 555 0132',
      isWrittenInternationally: true,
    })
    expect(parsePhone('415 555 0132', 'US')).toMatchObject({ isWrittenInternationally: false })
  })

  it('reports why an impossible number is wrong', () => {
    expect(parsePhone('+1 415 555', 'US')).toMatchObject({ isValid: false, lengthProblem: 'TOO_SHORT' })
    expect(parsePhone('not a phone', 'US')).toMatchObject({ isValid: false, isPossible: false })
  })

  it('types lines from the numbering plan', () => {
    expect(parsePhone('+44 56 1234 5678')).toMatchObject({ metadataLineType: 'voip' })
    expect(parsePhone('+1 800 555 0199')).toMatchObject({ metadataLineType: 'toll-free' })
  })
})
