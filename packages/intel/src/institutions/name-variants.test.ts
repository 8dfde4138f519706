import { describe, expect, it } from 'vitest'
import { isAcronym, nameVariants } from './name-variants.js'

describe('nameVariants', () => {
  it.each([
    ['Columbia College (SC)', [{ text: 'Columbia College', kind: 'name' }]],
    [
      'Mohamed bin Zayed University of Artificial Intelligence (MBZUAI)',
      [
        { text: 'Mohamed bin Zayed University of Artificial Intelligence', kind: 'name' },
        { text: 'MBZUAI', kind: 'acronym' },
      ],
    ],
    [
      'EPFL - EPF Lausanne',
      [
        { text: 'EPFL', kind: 'acronym' },
        { text: 'EPF Lausanne', kind: 'part' },
      ],
    ],
    ['University of Michigan - Dearborn', [{ text: 'University of Michigan', kind: 'part' }]],
    ['Washington University, Saint Louis', [{ text: 'Washington University', kind: 'part' }]],
    ['Concordia College - Ann Arbor', [{ text: 'Concordia College', kind: 'part' }]],
    ['Technische Universität München', [{ text: 'Technische Universitaet Muenchen', kind: 'name' }]],
    ['Stanford University', []],
  ])('%j', (name, variants) => {
    expect(nameVariants(name)).toEqual(variants)
  })
})

describe('isAcronym', () => {
  it.each([
    ['MIT', 3, true],
    ['M.I.T.', 3, true],
    ['UNICEUB', 3, true],
    ['SC', 3, false],
    ['GW', 2, true],
    ['Harvard', 3, false],
    ['A', 2, false],
  ])('%j (at least %i letters): %s', (text, shortest, expected) => {
    expect(isAcronym(text, shortest)).toBe(expected)
  })
})
