import { describe, expect, it } from 'vitest'
import { splitCountrySuffix } from './split-country-suffix.js'

describe('splitCountrySuffix', () => {
  it.each([
    ['University of Tokyo, Japan', { name: 'University of Tokyo', countryCode: 'JP' }],
    ['Kim Il Sung University (DPRK)', { name: 'Kim Il Sung University', countryCode: 'KP' }],
    ['Stanford University, USA', { name: 'Stanford University', countryCode: 'US' }],
    ['Bethel College (KS)', { name: 'Bethel College (KS)' }],
    ["Saint Joseph's College (IN)", { name: "Saint Joseph's College (IN)" }],
    ['Emory University, Georgia', { name: 'Emory University, Georgia' }],
    ['University of Michigan - Ann Arbor', { name: 'University of Michigan - Ann Arbor' }],
    ['University of California, Berkeley', { name: 'University of California, Berkeley' }],
  ])('%j', (text, expected) => {
    expect(splitCountrySuffix(text)).toEqual(expected)
  })
})
