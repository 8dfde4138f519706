import { describe, expect, it } from 'vitest'
import { classifySeniority, type SeniorityTier } from './seniority.js'

const cases: readonly (readonly [string | undefined, SeniorityTier | undefined])[] = [
  ['Senior Software Engineer', 'senior'],
  ['Sr. Data Scientist', 'senior'],
  ['Tech Lead', 'senior'],
  ['Staff Software Engineer', 'staff'],
  ['Principal Engineer', 'staff'],
  ['Solutions Architect', 'staff'],
  ['Head of Engineering', 'staff'],
  ['Senior Director, Platform', 'staff'],
  ['Director of Engineering', 'staff'],
  ['VP of Engineering', 'executive'],
  ['Senior Vice President', 'executive'],
  ['CTO', 'executive'],
  ['Chief Information Security Officer', 'executive'],
  ['Software Engineer', undefined],
  ['Staff Accountant', undefined],
  ['Assistant Vice President', undefined],
  ['Associate Solutions Architect', undefined],
  ['Junior Team Lead', undefined],
  ['Lead Generation Specialist', undefined],
  ['Leadership Development Intern', undefined],
  [undefined, undefined],
]

describe('classifySeniority', () => {
  it.each(cases)('reads %s as %s', (title, tier) => {
    expect(classifySeniority(title)?.tier).toBe(tier)
  })

  it('gives the usual and clearly short years of the tier', () => {
    expect(classifySeniority('Senior Engineer')).toEqual({
      tier: 'senior',
      keyword: 'senior',
      usualYears: 2.5,
      clearlyShortYears: 1,
    })
    expect(classifySeniority('Head of Data')).toMatchObject({ keyword: 'head of', usualYears: 5 })
  })
})
