import { describe, expect, it } from 'vitest'
import { buildResolutionCases, measureResolution, type ResolutionFigures } from './evaluate-resolution.js'
import { createInstitutionIndex } from './institution-index.js'
import { perturbInstitutionName, seededRandom } from './perturb-institution-name.js'
import { loadRealInstitutionLists } from './testing/real-institution-lists.js'

const lists = loadRealInstitutionLists()
const cases = buildResolutionCases(lists, { sampleSize: 800, heldOutSize: 400, seed: 7 })
const index = createInstitutionIndex(lists)
const share = (figures: ResolutionFigures | undefined, key: 'resolved' | 'wrong' | 'found'): number =>
  figures ? figures[key] / figures.cases : Number.NaN

describe('resolution quality on perturbed names of the real lists', () => {
  const measured = measureResolution(index, cases.listed)

  it.each([
    ['as-listed', 0.99],
    ['abbreviated', 0.98],
    ['upper-case', 0.98],
    ['typo', 0.93],
    ['word-order', 0.93],
  ])('resolves names written %s confidently to the right school (at least %d)', (perturbation, atLeast) => {
    expect(share(measured.byPerturbation[perturbation], 'resolved')).toBeGreaterThanOrEqual(atLeast)
  })

  it('finds (but does not claim to know) schools written as their initials', () => {
    expect(share(measured.byPerturbation.acronym, 'found')).toBeGreaterThanOrEqual(0.99)
    expect(share(measured.byPerturbation.acronym, 'wrong')).toBeLessThanOrEqual(0.03)
  })

  it('rarely resolves a written name confidently to the wrong school', () => {
    const named = Object.entries(measured.byPerturbation).filter(([perturbation]) => perturbation !== 'acronym')
    const wrong = named.reduce((sum, [, figures]) => sum + figures.wrong, 0)
    const total = named.reduce((sum, [, figures]) => sum + figures.cases, 0)
    expect(wrong / total).toBeLessThanOrEqual(0.01)
  })

  it('rarely resolves the name of a school missing from the lists confidently', () => {
    const heldOut = measureResolution(createInstitutionIndex(cases.heldOut.lists), cases.heldOut.cases)
    expect(heldOut.overall.cases).toBe(400)
    expect(share(heldOut.overall, 'wrong')).toBeLessThanOrEqual(0.05)
  })
})

describe('buildResolutionCases', () => {
  it('is the same for the same seed', () => {
    const again = buildResolutionCases(lists, { sampleSize: 800, heldOutSize: 400, seed: 7 })
    expect(again.listed.map((testCase) => testCase.query)).toEqual(cases.listed.map((testCase) => testCase.query))
  })

  it('removes held-out schools, and every entry sharing their name or domain, from the lists', () => {
    const heldOutNames = new Set(cases.heldOut.cases.map((testCase) => testCase.query.name))
    const remaining = cases.heldOut.lists.flatMap((list) => list.items)
    expect(remaining.some((institution) => heldOutNames.has(institution.name))).toBe(false)
    expect(remaining.length).toBeLessThan(lists.flatMap((list) => list.items).length - 400)
  })
})

describe('perturbInstitutionName', () => {
  it.each([
    ['University of Toronto', 'word-order', 'Toronto University'],
    ['Boston University', 'word-order', 'University of Boston'],
    ['Massachusetts Institute of Technology', 'acronym', 'MIT'],
    ['The Ohio State University', 'the-dropped', 'Ohio State University'],
    ['Texas A & M University', 'and-ampersand', 'Texas A and M University'],
    ['Stanford University', 'accents-dropped', undefined],
  ] as const)('writes %j %s as %j', (name, perturbation, expected) => {
    expect(perturbInstitutionName(name, perturbation, seededRandom(1))).toBe(expected)
  })

  it('drops accents or spells umlauts out', () => {
    const forms = new Set(
      Array.from({ length: 40 }, (_, seed) =>
        perturbInstitutionName('Technische Universität München', 'accents-dropped', seededRandom(seed)),
      ),
    )
    expect([...forms].sort()).toEqual(['Technische Universitaet Muenchen', 'Technische Universitat Munchen'])
  })

  it('makes one slip in a long word for a typo', () => {
    const written = perturbInstitutionName('Stanford University', 'typo', seededRandom(3)) ?? ''
    expect(written).not.toBe('Stanford University')
    expect(Math.abs(written.length - 'Stanford University'.length)).toBeLessThanOrEqual(1)
  })
})
