import { describe, expect, it } from 'vitest'
import { acronymOf, acronymWithPlace, joinShortRuns, normaliseInstitutionName } from './institution-name.js'

describe('normaliseInstitutionName', () => {
  it.each([
    ['Univ. of Illinois at Urbana-Champaign', 'University of Illinois Urbana Champaign'],
    ['U of Michigan', 'University of Michigan'],
    ["St. John's University", 'Saint Johns University'],
    ['Texas A&M University', 'Texas A and M University'],
    ['The Ohio State University', 'Ohio State University'],
    ['Ohio St. University', 'Ohio State University'],
    ['Universität Wien', 'Universitaet Wien'],
    ['Universitat Wien', 'Universidad de Wien'],
    ['Mt. Holyoke College', 'Mount Holyoke College'],
    ['Massachusetts Inst. of Tech.', 'Massachusetts Institute of Technology'],
    ['Université Paris IV Sorbonne', 'Universite Paris 4 Sorbonne'],
    ['SUNY Maritime College', 'State University of New York Maritime College'],
    ['IIT Bombay', 'Indian Institute of Technology Bombay'],
    ['ŁÓDŹ UNIVERSITY OF TECHNOLOGY', 'Lodz University of Technology'],
  ])('%j and %j are the same name', (first, second) => {
    expect(normaliseInstitutionName(first).key).toBe(normaliseInstitutionName(second).key)
  })

  it.each([
    ['Boston College', 'Boston University'],
    ['University of Georgia', 'Georgia State University'],
    ['St. Louis University', 'Louis State University'],
  ])('%j and %j are different names', (first, second) => {
    expect(normaliseInstitutionName(first).key).not.toBe(normaliseInstitutionName(second).key)
  })

  it('reads words that are also JavaScript object properties as words (Constructor University)', () => {
    expect(normaliseInstitutionName('Constructor University').tokens).toEqual(['constructor', 'university'])
    expect(normaliseInstitutionName('toString College of Hasownproperty').key).toBe('tostring college hasownproperty')
  })

  it('gives the same bag but another key to the same words in another order', () => {
    const miami = normaliseInstitutionName('Miami University')
    const ofMiami = normaliseInstitutionName('University of Miami')
    expect(miami.key).not.toBe(ofMiami.key)
    expect(miami.bagKey).toBe(ofMiami.bagKey)
  })

  it('keeps the words of the list apart from their translation in the literal key', () => {
    const spanish = normaliseInstitutionName('Universidad de Los Lagos')
    const english = normaliseInstitutionName('University of Lagos')
    expect(spanish.key).toBe(english.key)
    expect(spanish.literalKey).not.toBe(english.literalKey)
  })
})

describe('acronyms', () => {
  it.each([
    ['Massachusetts Institute of Technology', ['mit']],
    ['University of California-Los Angeles', ['uca', 'ucla']],
    ['Universidad Nacional Autónoma de México', ['unam', 'unadm']],
    ['Korea Advanced Institute of Science & Technology', ['kaist']],
    ['University of Illinois Urbana-Champaign', ['uiuc']],
    ['Harvard University', []],
  ])('%j gives %j', (name, acronyms) => {
    expect(normaliseInstitutionName(name).acronyms).toEqual(acronyms)
  })

  it('needs three letters', () => {
    expect(acronymOf(['boston', 'college'])).toBeUndefined()
  })
})

describe('joinShortRuns', () => {
  it.each([
    [
      ['sung', 'kyun', 'kwan', 'university'],
      ['sungkyunkwan', 'university'],
    ],
    [
      ['texas', 'a', 'm', 'university'],
      ['texas', 'am', 'university'],
    ],
    [['stanford', 'university'], undefined],
    [
      ['uni', 'x', 'university'],
      ['unix', 'university'],
    ],
  ])('%j → %j', (tokens, joined) => {
    expect(joinShortRuns(tokens)).toEqual(joined)
  })
})

describe('acronymWithPlace', () => {
  it.each([
    ['Rheinisch Westfälische Technische Hochschule Aachen', ['rwth', 'aachen']],
    ['Institut National des Sciences Appliquées de Lyon', ['insa', 'lyon']],
    ['University of Lyon', undefined],
    ['Korea Advanced Institute of Science & Technology', undefined],
  ])('%j → %j', (name, short) => {
    expect(acronymWithPlace(normaliseInstitutionName(name).tokens)).toEqual(short)
  })
})
