import { describe, expect, it } from 'vitest'
import { acceptsTaxii } from './taxii-media-types.js'

describe('acceptsTaxii', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['application/taxii+json;version=2.1', true],
    ['application/taxii+json; version="2.1"', true],
    ['Application/TAXII+json', true],
    ['*/*', true],
    ['application/*;q=0.2', true],
    ['application/json, application/taxii+json;version=2.1;q=0.9', true],
    ['application/json', false],
    ['application/taxii+json;version=2.0', false],
    ['application/stix+json;version=2.1', false],
    ['text/html', false],
    ['application/taxii+json;q=0', false],
    ['*/*;q=0', false],
  ])('%s: %s', (accept, expected) => {
    expect(acceptsTaxii(accept)).toBe(expected)
  })
})
