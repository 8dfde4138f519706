import { describe, expect, it } from 'vitest'
import { listCountryCode } from './list-country.js'

describe('listCountryCode', () => {
  it.each([
    ['Korea, North', 'kp'],
    ["Democratic People's Republic of Korea", 'kp'],
    ['Russian Federation', 'ru'],
    ['Region: Gaza', 'ps'],
    ['possibly Palestinian', 'ps'],
    ['United Kingdom of Great Britain and Northern Ireland', 'gb'],
    ['Region: Crimea', undefined],
    ['former Soviet Union', undefined],
    ['', undefined],
  ])('%s -> %s', (name, code) => {
    expect(listCountryCode(name)).toBe(code)
  })
})
