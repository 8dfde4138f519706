import { describe, expect, it } from 'vitest'
import { classifyDegree, type DegreeLevel } from './degree-level.js'

const cases: readonly (readonly [string | undefined, DegreeLevel])[] = [
  ['Bachelor', 'bachelor'],
  ['B.Sc.', 'bachelor'],
  ['Master of Science', 'master'],
  ['MBA', 'master'],
  ['PhD', 'doctorate'],
  ['Associate of Science', 'associate'],
  ['Postgraduate Diploma', 'certificate'],
  ['Post-secondary Diploma', 'certificate'],
  ['Bootcamp', 'certificate'],
  ['High School', 'secondary'],
  // Regression: these read as certificates while "diploma" and "certificate" were checked before secondary school.
  ['High School Diploma', 'secondary'],
  ['Secondary School Certificate', 'secondary'],
  ['International Baccalaureate Diploma', 'secondary'],
  ['Course', 'unknown'],
  [undefined, 'unknown'],
]

describe('classifyDegree', () => {
  it.each(cases)('classifies %s as %s', (studyType, level) => {
    expect(classifyDegree(studyType)).toBe(level)
  })
})
