import { describe, expect, it } from 'vitest'
import { createTokenVocabulary, isOneEditApart } from './token-vocabulary.js'

const vocabulary = createTokenVocabulary(
  new Map([
    ['university', 900],
    ['univeristy', 2],
    ['michigan', 12],
    ['technology', 300],
    ['technical', 80],
    ['california', 40],
    ['calvin', 3],
    ['jung', 2],
  ]),
  new Map([['universidad', 'university']]),
)

const expanded = (token: string, isAbbreviated = false) =>
  vocabulary.expand(token, isAbbreviated).map((expansion) => [expansion.token, expansion.kind, expansion.similarity])

describe('createTokenVocabulary', () => {
  it.each([
    ['a known word', 'technology', false, [['technology', 'exact', 1]]],
    ['a dropped letter', 'michgan', false, [['michigan', 'typo', 0.85]]],
    ['swapped neighbours', 'unievrsity', false, [['university', 'typo', 0.9]]],
    [
      'a rare listed typo, also read as the common word',
      'univeristy',
      false,
      [
        ['univeristy', 'exact', 1],
        ['university', 'typo', 0.9],
      ],
    ],
    ['a slip in another spelling of a word', 'universidd', false, [['university', 'typo', 0.9]]],
    ['a slip in a short word, believed less', 'jang', false, [['jung', 'typo', 0.6]]],
    ['a cut word', 'calif', true, [['california', 'prefix', 0.95]]],
    [
      'an unknown word that begins known ones',
      'cal',
      false,
      [
        ['california', 'prefix', 0.8],
        ['calvin', 'prefix', 0.8],
      ],
    ],
    ['a word nothing is near', 'zzyzx', false, []],
  ])('reads %s', (_case, token, isAbbreviated, expected) => {
    expect(expanded(token, isAbbreviated)).toEqual(expected)
  })

  it('counts how many names carry a word', () => {
    expect(vocabulary.frequency('michigan')).toBe(12)
    expect(vocabulary.frequency('unknown')).toBe(0)
  })
})

describe('isOneEditApart', () => {
  it.each([
    ['michigan', 'michgan', true],
    ['michigan', 'micihgan', true],
    ['michigan', 'michigun', true],
    ['michigan', 'michigann', true],
    ['michigan', 'michigan', false],
    ['michigan', 'mihcgian', false],
    ['abcd', 'acxd', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(isOneEditApart(a, b)).toBe(expected)
  })
})
