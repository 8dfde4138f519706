import { describe, expect, it } from 'vitest'
import { domainLadder, hostOf, registrableDomain } from './institution-domain.js'

describe('hostOf', () => {
  it.each([
    ['https://www.cs.stanford.edu/people?x=1', 'cs.stanford.edu'],
    ['Stanford.EDU', 'stanford.edu'],
    ['www2.ox.ac.uk/', 'ox.ac.uk'],
    ['http://user@almeda.edu:8080/apply', 'almeda.edu'],
    ['Stanford University', undefined],
    ['localhost', undefined],
    ['10.0.0.1', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (text, host) => {
    expect(hostOf(text)).toBe(host)
  })
})

describe('domainLadder', () => {
  it.each([
    ['cs.stanford.edu', ['cs.stanford.edu', 'stanford.edu']],
    ['ox.ac.uk', ['ox.ac.uk']],
    ['www.cs.ox.ac.uk', ['www.cs.ox.ac.uk', 'cs.ox.ac.uk', 'ox.ac.uk']],
    ['tum.de', ['tum.de']],
  ])('%s → %j', (host, ladder) => {
    expect(domainLadder(host)).toEqual(ladder)
    expect(registrableDomain(host)).toBe(ladder.at(-1))
  })
})
