import { describe, expect, it } from 'vitest'
import { createInstitutionIndex, type InstitutionQuery, type ResolutionMethod } from './institution-index.js'
import { loadRealInstitutionLists } from './testing/real-institution-lists.js'

const lists = loadRealInstitutionLists()
const index = createInstitutionIndex(lists)

type Case = readonly [query: InstitutionQuery, id: string, method: ResolutionMethod, atLeast: number]

const resolved: readonly Case[] = [
  [{ name: 'Massachusetts Institute of Technology' }, 'ipeds:166683', 'exact', 1],
  [{ name: 'Massachusetts Inst. of Technology' }, 'ipeds:166683', 'exact', 1],
  [{ name: 'MIT' }, 'ipeds:166683', 'acronym', 0.95],
  [{ name: 'M.I.T.' }, 'ipeds:166683', 'acronym', 0.95],
  [{ name: 'UCLA' }, 'ipeds:110662', 'acronym', 0.95],
  [{ name: 'University of Illinois at Urbana-Champaign' }, 'ipeds:145637', 'exact', 1],
  [{ name: 'Univ of Illinois Urbana Champaign' }, 'ipeds:145637', 'exact', 1],
  [{ name: 'UIUC' }, 'ipeds:145637', 'acronym', 0.95],
  [{ name: 'KAIST' }, 'world-universities:kaist.ac.kr', 'acronym', 0.95],
  [{ name: 'Technische Universitaet Muenchen' }, 'world-universities:tum.de', 'alias', 0.97],
  [{ name: 'TU München' }, 'world-universities:tum.de', 'exact', 0.98],
  [{ name: 'St. Louis University', countryCode: 'US' }, 'ipeds:179159', 'exact', 1],
  [{ name: 'St. Louis University', countryCode: 'PH' }, 'world-universities:slu.edu.ph', 'exact', 1],
  [{ name: 'Universidad de Chile' }, 'world-universities:uchile.cl', 'exact', 1],
  [{ name: 'University of Chile' }, 'world-universities:uchile.cl', 'exact', 0.98],
  [{ name: 'University of Lagos' }, 'world-universities:unilag.edu.ng', 'exact', 1],
  [{ name: 'NTU', countryCode: 'SG' }, 'world-universities:ntu.edu.sg', 'acronym', 0.95],
  [{ name: 'NTU', countryCode: 'TW' }, 'world-universities:ntu.edu.tw', 'acronym', 0.95],
  [{ name: 'USC' }, 'ipeds:123961', 'acronym', 0.95],
  [{ name: 'IIT Bombay' }, 'world-universities:iitb.ac.in', 'exact', 1],
  [{ name: 'SUNY Buffalo' }, 'ipeds:196088', 'alias', 0.97],
  [{ name: 'Georgia Tech' }, 'ipeds:139755', 'alias', 0.97],
  [{ name: 'Penn State' }, 'ipeds:495767', 'alias', 0.97],
  [{ name: 'Washington University' }, 'ipeds:179867', 'alias', 0.9],
  [{ name: 'University of Miami' }, 'ipeds:135726', 'exact', 1],
  [{ name: 'Calif. Inst. of Tech.' }, 'ipeds:110404', 'fuzzy', 0.9],
  [{ name: 'Univeristy of Chicago' }, 'ipeds:144050', 'fuzzy', 0.85],
  [{ name: 'Harvard Business School' }, 'ipeds:166027', 'fuzzy', 0.7],
  [{ name: 'Stanford', url: 'https://www.cs.stanford.edu/people' }, 'ipeds:243744', 'domain', 0.97],
  [{ name: 'Some Other Name', url: 'stanford.edu' }, 'ipeds:243744', 'domain', 0.9],
  [{ url: 'https://www.ox.ac.uk/admissions' }, 'world-universities:oxford.ac.uk', 'domain', 0.97],
  [{ name: 'Texas AM University' }, 'ipeds:228723', 'alias', 0.97],
  [{ name: 'RWTH Aachen' }, 'world-universities:rwth-aachen.de', 'alias', 0.84],
  [{ name: 'INSA Lyon' }, 'world-universities:insa-lyon.fr', 'alias', 0.84],
  [{ name: 'Politechnika Gdańska' }, 'world-universities:pg.gda.pl', 'fuzzy', 0.7],
]

describe('createInstitutionIndex over the real lists', () => {
  it('merges the US schools both lists know and resolves every curated short name', () => {
    expect(index.size).toBeLessThan(10251 + 6256 - 1900)
    expect(index.countries.size).toBeGreaterThan(190)
    expect(index.unresolvedShortNames).toEqual([])
  })

  it.each(resolved)('resolves %j to %s by %s', (query, id, method, atLeast) => {
    const { best } = index.resolve(query)
    expect(best && [best.institution.id, best.method]).toEqual([id, method])
    expect(best?.confidence).toBeGreaterThanOrEqual(atLeast)
  })

  it('cites the list entry the answer comes from and the same school in the other list', () => {
    const { best } = index.resolve({ name: 'Stanford University' })
    expect(best?.source.name).toBe('ipeds')
    expect(best?.sameAs).toEqual(['world-universities:stanford.edu'])
  })

  it('says when a name fits several schools about as well', () => {
    const illinois = index.resolve({ name: 'University of Illinois' })
    expect(illinois.isAmbiguous).toBe(true)
    expect(
      illinois.candidates
        .slice(0, 3)
        .map((candidate) => candidate.institution.name)
        .sort(),
    ).toEqual([
      'University of Illinois Chicago',
      'University of Illinois Springfield',
      'University of Illinois Urbana-Champaign',
    ])
    expect(index.resolve({ name: 'NTU' }).isAmbiguous).toBe(true)
    expect(index.resolve({ name: 'Stanford University' }).isAmbiguous).toBe(false)
  })

  it.each([
    ['a diploma mill named like a real university', 'Columbia State University', 0.85],
    ['a school no list has', 'Kim Il Sung University', 0.5],
    ['a name that only shares the kind of school', 'Hogwarts School of Witchcraft', 0.5],
  ])('does not resolve %s confidently', (_case, name, below) => {
    expect(index.resolve({ name }).best?.confidence ?? 0).toBeLessThan(below)
  })

  it('keeps `Miami University` (Ohio, a campus of it) apart from the University of Miami (Florida)', () => {
    expect(index.resolve({ name: 'Miami University' }).best?.institution.name).toMatch(/^Miami University-/)
    expect(index.resolve({ name: 'University of Miami' }).best?.institution.id).toBe('ipeds:135726')
  })

  it('finds a name followed by its city, but is not sure of it: the part after the comma may name a campus', () => {
    const { best } = index.resolve({ name: 'Birla Institute of Technology and Science, Pilani' })
    expect(best?.institution.name).toBe('Birla Institute of Technology and Science')
    expect(best?.confidence).toBe(0.84)
  })

  it('finds the best school of the stated country even when a better one elsewhere ranks first', () => {
    const resolution = index.resolve({ name: 'Saint Louis University', countryCode: 'PH' })
    expect(resolution.bestInCountry?.institution.countryCode).toBe('PH')
  })

  it('answers an empty query with nothing', () => {
    expect(index.resolve({ name: '  ' })).toEqual({ candidates: [], isAmbiguous: false })
  })
})
