import { describe, expect, it } from 'vitest'
import type { NormalisedWork } from './normalise-application.js'
import { parsePartialDate } from './partial-date.js'
import { isSoftwareRole, softwareExperienceYears } from './software-experience.js'

const role = (position: string, startDate: string, endDate?: string): NormalisedWork => {
  const start = parsePartialDate(startDate)
  const end = parsePartialDate(endDate)
  return {
    index: 0,
    entry: { position, startDate, ...(endDate ? { endDate } : {}) },
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    isCurrent: end === undefined,
  }
}

const now = Date.parse('2026-01-01T00:00:00Z')

describe('isSoftwareRole', () => {
  it.each<[string, boolean]>([
    ['Senior Software Engineer', true],
    ['Backend Developer', true],
    ['Full-Stack Developer', true],
    ['Site Reliability Engineer', true],
    ['iOS Engineer', true],
    ['Engineering Manager', true],
    ['Mechanical Engineer', false],
    ['Sales Engineer', false],
    ['Account Manager', false],
    ['', false],
  ])('%s → %s', (position, expected) => {
    expect(isSoftwareRole(position)).toBe(expected)
  })
})

describe('softwareExperienceYears', () => {
  it.each<[string, NormalisedWork[], number]>([
    ['one current role of six years', [role('Software Engineer', '2020-01')], 6],
    [
      'two consecutive roles',
      [role('Developer', '2016-01', '2018-12'), role('Software Engineer', '2019-01', '2020-12')],
      5,
    ],
    [
      'overlapping roles count once',
      [role('Developer', '2020-01', '2023-12'), role('Web Developer', '2022-01', '2023-12')],
      4,
    ],
    [
      'non-software roles are left out',
      [role('Civil Engineer', '2010-01'), role('Developer', '2024-01', '2024-12')],
      1,
    ],
    ['a role ending in the future stops at now', [role('Developer', '2025-01', '2030-12')], 1],
    ['no roles', [], 0],
  ])('%s', (_name, work, years) => {
    expect(softwareExperienceYears(work, now)).toBeCloseTo(years, 1)
  })
})
