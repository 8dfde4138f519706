import { describe, expect, it } from 'vitest'
import type { LoadedList } from '../source/intel-source.js'
import type { Institution } from './institution.js'
import { countryGroupOf, mergeInstitutionLists } from './merge-institution-lists.js'

const school = (id: string, name: string, more: Partial<Institution> = {}): Institution => ({
  id,
  name,
  alternateNames: [],
  countryCode: 'US',
  domains: [],
  list: id.split(':')[0] ?? '',
  ...more,
})

const world: LoadedList<Institution> = {
  source: { name: 'world-universities', version: 'x', entries: 6 },
  items: [
    school('world-universities:mit.edu', 'Massachusetts Institute of Technology', { domains: ['mit.edu'] }),
    school('world-universities:umich.edu', 'University of Michigan - Ann Arbor', { domains: ['umich.edu'] }),
    school('world-universities:devry.edu', 'DeVry University', { domains: ['devry.edu'] }),
    school('world-universities:cornell-a', 'Cornell College', { domains: ['cornellcollege.edu'] }),
    school('world-universities:cornell-b', 'Cornell College', { domains: ['cornell-iowa.edu'] }),
    school('world-universities:ut.ac.ir', 'University of Tehran', { countryCode: 'IR', domains: ['ut.ac.ir'] }),
  ],
}
const ipeds: LoadedList<Institution> = {
  source: { name: 'ipeds', version: 'HD2022', entries: 4 },
  items: [
    school('ipeds:166683', 'Massachusetts Institute of Technology', {
      domains: ['web.mit.edu'],
      highestDegree: 'doctorate',
    }),
    school('ipeds:170976', 'University of Michigan-Ann Arbor', { domains: ['umich.edu'], highestDegree: 'doctorate' }),
    school('ipeds:1', 'DeVry University-Illinois', { domains: ['devry.edu'], highestDegree: 'master' }),
    school('ipeds:2', 'DeVry University-Texas', { domains: ['devry.edu'], highestDegree: 'master' }),
  ],
}

describe('mergeInstitutionLists', () => {
  const merged = mergeInstitutionLists([world, ipeds])
  const membersOf = (id: string) =>
    merged.find((entry) => entry.institution.id === id)?.members.map((member) => member.institution.id)

  it('puts the list that knows degree levels first, whatever the order given', () => {
    expect(merged[0]?.institution.id).toBe('ipeds:166683')
    expect(merged[0]?.source.name).toBe('ipeds')
  })

  it.each([
    ['the same name and domain', 'ipeds:166683', ['ipeds:166683', 'world-universities:mit.edu']],
    ['a shared domain, names written differently', 'ipeds:170976', ['ipeds:170976', 'world-universities:umich.edu']],
    [
      'the same name twice in the world list',
      'world-universities:cornell-a',
      ['world-universities:cornell-a', 'world-universities:cornell-b'],
    ],
  ])('merges %s', (_case, id, members) => {
    expect(membersOf(id)).toEqual(members)
  })

  it('keeps a chain apart from campuses that share its domain', () => {
    expect(membersOf('world-universities:devry.edu')).toEqual(['world-universities:devry.edu'])
    expect(membersOf('ipeds:1')).toEqual(['ipeds:1'])
  })

  it('keeps every school once', () => {
    const all = merged.flatMap((entry) => entry.members.map((member) => member.institution.id))
    expect(all.sort()).toEqual([...world.items, ...ipeds.items].map((item) => item.id).sort())
  })
})

describe('countryGroupOf', () => {
  it.each([
    ['PR', 'US'],
    ['gu', 'US'],
    ['US', 'US'],
    ['CA', 'CA'],
  ])('%s counts as %s', (code, group) => {
    expect(countryGroupOf(code)).toBe(group)
  })
})
