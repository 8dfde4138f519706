import { describe, expect, it } from 'vitest'
import { normaliseAddress, normaliseAddressText } from './normalise-address.js'

describe('normaliseAddressText', () => {
  it.each([
    ['123 Main Street, Apt 4B', '123 main st #4b'],
    ['123 MAIN ST. #4B', '123 main st #4b'],
    ['123 main st unit 4b', '123 main st #4b'],
    ['123 Main St., Apt. #4B', '123 main st #4b'],
    ['123  Main   St   Suite 4B', '123 main st #4b'],
    ['500 North Avenue', '500 n ave'],
    ['500 N. Ave.', '500 n ave'],
    ['77 Sunset Boulevard, Los Angeles, CA 90028-1234', '77 sunset blvd los angeles ca 90028'],
    ['77 Sunset Blvd\nLos Angeles, CA 90028, USA', '77 sunset blvd los angeles ca 90028'],
    ['12 Southwest Road', '12 sw rd'],
    ['Calle Mayor 5, Bogotá', 'calle mayor 5 bogota'],
    ['No Name Road 3', 'no name rd 3'],
  ])('%j becomes %j', (typed, key) => {
    expect(normaliseAddressText(typed)).toBe(key)
  })

  it('returns undefined when nothing is left', () => {
    expect(normaliseAddressText(' , . ')).toBeUndefined()
  })

  it('gives typed text and structured parts of one address the same key', () => {
    const typed = normaliseAddress({ type: 'home', value: '42 Elm Street, Apt 7, Springfield, IL 62704' })
    const parts = normaliseAddress({
      type: 'home',
      line1: '42 Elm St.',
      line2: '#7',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62704',
      countryCode: 'US',
    })
    expect(typed).toBe('42 elm st #7 springfield il 62704')
    expect(parts).toBe(typed)
  })

  it('keeps different units of one building apart', () => {
    expect(normaliseAddressText('42 Elm St Apt 7')).not.toBe(normaliseAddressText('42 Elm St Apt 8'))
  })
})
