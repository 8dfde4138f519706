import { describe, expect, it } from 'vitest'
import { domainAndParents, hostOfUrl, normaliseDomain } from './domain-name.js'

describe('normaliseDomain', () => {
  it.each([
    ['front-co.com', 'front-co.com'],
    ['Front-Co.COM', 'front-co.com'],
    ['front-co.com.', 'front-co.com'],
    ['www.front-co.com', 'front-co.com'],
    ['https://www.front-co.com/careers?x=1', 'front-co.com'],
    ['http://mail.front-co.com:8080/', 'mail.front-co.com'],
    ['front-co.com/about', 'front-co.com'],
    ['@front-co.com', 'front-co.com'],
    ['*.front-co.com', 'front-co.com'],
    ['.front-co.com', 'front-co.com'],
    ['jdoe@front-co.com', 'front-co.com'],
    ['mailto:jdoe@front-co.com', 'front-co.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
  ])('%s → %s', (text, host) => {
    expect(normaliseDomain(text)).toBe(host)
  })

  it.each([
    '',
    'localhost',
    'front co.com',
    '203.0.113.7',
    'https://203.0.113.7/',
    'front-co.123',
    '-bad.com',
    'a..b.com',
  ])('refuses %j', (text) => {
    expect(normaliseDomain(text)).toBeUndefined()
  })
})

describe('domainAndParents', () => {
  it.each([
    ['front-co.com', ['front-co.com']],
    ['mail.front-co.com', ['mail.front-co.com', 'front-co.com']],
    ['a.b.front-co.co.uk', ['a.b.front-co.co.uk', 'b.front-co.co.uk', 'front-co.co.uk', 'co.uk']],
  ])('%s → %j', (host, expected) => {
    expect(domainAndParents(host)).toEqual(expected)
  })
})

describe('hostOfUrl', () => {
  it.each([
    ['https://www.Front-Co.com/jobs?x=1#top', 'front-co.com'],
    ['http://user:secret@mail.front-co.com:8080/', 'mail.front-co.com'],
    ['front-co.com/about', 'front-co.com'],
    ['  WWW.FRONT-CO.COM.  ', 'front-co.com'],
    ['https://bücher.de/', 'xn--bcher-kva.de'],
    ['https://203.0.113.7/admin', '203.0.113.7'],
    ['', undefined],
    ['https:///nothing', undefined],
  ])('%j → %s', (url, host) => {
    expect(hostOfUrl(url)).toBe(host)
  })

  it.each(['https://www.front-co.com/', 'front-co.com', 'http://Front-Co.com:443/x'])(
    'gives the key normaliseDomain gives for %s',
    (url) => {
      expect(hostOfUrl(url)).toBe(normaliseDomain(url))
    },
  )
})
