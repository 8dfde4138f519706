import { describe, expect, it } from 'vitest'
import { countryCodeFromName } from './country-code.js'

describe('countryCodeFromName', () => {
  it.each([
    ['US', 'US'],
    ['us', 'US'],
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['U.S.A.', 'US'],
    ['United Kingdom', 'GB'],
    ['England', 'GB'],
    ['North Korea', 'KP'],
    ["Democratic People's Republic of Korea", 'KP'],
    ['Korea, Republic of', 'KR'],
    ['Viet Nam', 'VN'],
    ['Curacao', 'CW'],
    ['the Netherlands', 'NL'],
    ['  china ', 'CN'],
    ['Korea, North', 'KP'],
    ['Korea, South', 'KR'],
    ['Congo, Democratic Republic of the', 'CD'],
    ['Congo', 'CG'],
    ['Man, Isle of', 'IM'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
    ['China, Hong Kong Special Administrative Region', 'HK'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['Türkiye', 'TR'],
    ['Cote d Ivoire', 'CI'],
    ['Kosovo', 'XK'],
    ['XX', undefined],
    ['Atlantis', undefined],
  ])('%s -> %s', (name, code) => {
    expect(countryCodeFromName(name)).toBe(code)
  })
})
