import { describe, expect, it } from 'vitest'
import type { LoadedList } from '../source/intel-source.js'
import { createHighRiskIndex } from './high-risk-index.js'
import type { HighRiskInstitution } from './institution.js'

const entry = (name: string, more: Partial<HighRiskInstitution> = {}): HighRiskInstitution => ({
  name,
  domains: [],
  reason: 'unaccredited degree supplier',
  list: 'mills',
  ...more,
})

const lists: readonly LoadedList<HighRiskInstitution>[] = [
  {
    source: { name: 'mills', version: '2026-03-01', entries: 4 },
    items: [
      entry('Almeda University', { countryCode: 'US', domains: ['almeda.edu'] }),
      entry('Canterbury University', { countryCode: 'GB' }),
      entry('Rochville University, Online', { domains: ['rochvilleuniversity.org'] }),
      entry('Saint Regis University'),
    ],
  },
  {
    source: { name: 'past-cases', version: '2026-02-10', entries: 1 },
    items: [entry('Belford University', { reason: 'seen in case 12', list: 'past-cases' })],
  },
]
const index = createHighRiskIndex(lists)

describe('createHighRiskIndex', () => {
  it.each([
    ['the listed name', { name: 'Almeda University' }, 'Almeda University', 'name', 'Almeda University'],
    ['the name abbreviated', { name: 'Almeda Univ.' }, 'Almeda University', 'name', 'Almeda University'],
    ['St. for Saint', { name: 'St. Regis University' }, 'Saint Regis University', 'name', 'Saint Regis University'],
    [
      'a part of a listed name',
      { name: 'Rochville University' },
      'Rochville University, Online',
      'name',
      'Rochville University',
    ],
    ['one slip in a long word', { name: 'Almeda Universty' }, 'Almeda University', 'similar-name', 'Almeda University'],
    [
      'one slip in the distinctive word',
      { name: 'Belfort University' },
      'Belford University',
      'similar-name',
      'Belford University',
    ],
    ['the website', { name: 'AU', url: 'https://www.almeda.edu/apply' }, 'Almeda University', 'domain', 'almeda.edu'],
    [
      'a subdomain of the website',
      { url: 'online.rochvilleuniversity.org' },
      'Rochville University, Online',
      'domain',
      'rochvilleuniversity.org',
    ],
    ['a bare domain written as the school', { name: 'almeda.edu' }, 'Almeda University', 'domain', 'almeda.edu'],
    [
      'a name listed without a country, in any country',
      { name: 'Belford University', countryCode: 'PK' },
      'Belford University',
      'name',
      'Belford University',
    ],
  ])('matches %s', (_case, query, name, matchedBy, matched) => {
    const found = index.match(query)
    expect(found && [found.entry.name, found.matchedBy, found.matched]).toEqual([name, matchedBy, matched])
  })

  it('cites the list the entry comes from', () => {
    expect(index.match({ name: 'Belford University' })?.source).toEqual({
      name: 'past-cases',
      version: '2026-02-10',
      entries: 1,
    })
  })

  it.each([
    ['the listed words in another order (another, real school)', { name: 'University of Canterbury' }],
    ['another kind of school of the same name', { name: 'Almeda College' }],
    ['two slips', { name: 'Almeeda Universty' }],
    ['a slip in a short word', { name: 'Almeda Univ Online' }],
    ['a name the entry places in another country', { name: 'Canterbury University', countryCode: 'NZ' }],
    ['a parent domain of a listed one', { url: 'https://edu/' }],
    ['another school', { name: 'Stanford University', url: 'https://stanford.edu' }],
  ])('does not match %s', (_case, query) => {
    expect(index.match(query)).toBeUndefined()
  })

  it('matches the same name in the stated country, or when no country is stated', () => {
    expect(index.match({ name: 'Canterbury University', countryCode: 'GB' })?.matchedBy).toBe('name')
    expect(index.match({ name: 'Canterbury University' })?.matchedBy).toBe('name')
  })

  it('is empty without lists', () => {
    const empty = createHighRiskIndex([])
    expect(empty.size).toBe(0)
    expect(empty.match({ name: 'Almeda University' })).toBeUndefined()
  })
})
