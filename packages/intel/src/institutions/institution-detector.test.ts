import { normaliseApplication, type ApplicationRecord, type ResumeEducation } from '@hirewall/core'
import { describe, expect, it } from 'vitest'
import type { LoadedList } from '../source/intel-source.js'
import type { HighRiskInstitution, Institution } from './institution.js'
import { createInstitutionDetector } from './institution-detector.js'
import { loadRealInstitutionLists } from './testing/real-institution-lists.js'

const highRisk: readonly LoadedList<HighRiskInstitution>[] = [
  {
    source: { name: 'mills', version: '2026-03-01', entries: 2 },
    items: [
      {
        name: 'Almeda University',
        countryCode: 'US',
        domains: ['almeda.edu'],
        reason: 'unaccredited degree supplier',
        list: 'mills',
      },
      { name: 'Canterbury University', countryCode: 'GB', domains: [], reason: 'diploma mill', list: 'mills' },
    ],
  },
]
const realLists = loadRealInstitutionLists()
const detector = createInstitutionDetector({ institutions: realLists, highRisk })

function applicationWith(education: readonly ResumeEducation[]): ApplicationRecord {
  return {
    schemaVersion: 1,
    id: 'app-1',
    submittedAt: '2026-03-02T15:04:05Z',
    source: { system: 'json' },
    cv: { basics: { name: 'Jordan Avery Miller', location: { countryCode: 'US' } }, education },
  }
}

function detectWith(education: readonly ResumeEducation[], chosen = detector) {
  const record = applicationWith(education)
  const reference = { isDisposableEmailDomain: () => false, isFreeEmailDomain: () => false, sources: [] }
  return chosen.detect({ record, facts: normaliseApplication(record), reference })
}

type Case = {
  readonly name: string
  readonly education: ResumeEducation
  readonly expected: readonly (readonly [string, string])[]
}

const cases: readonly Case[] = [
  {
    name: 'a well-known school, written as listed',
    education: { institution: 'Stanford University', studyType: 'Bachelor of Science' },
    expected: [],
  },
  {
    name: 'a school written loosely, with its country',
    education: { institution: 'Univ. of Toronto', studyType: 'BSc', countryCode: 'CA' },
    expected: [],
  },
  {
    name: 'a foreign school with no stated country (studying abroad is not suspicious)',
    education: { institution: 'Universidad de Chile', studyType: 'Licenciatura' },
    expected: [],
  },
  {
    name: 'a school on the high-risk list, by name',
    education: { institution: 'Almeda University', studyType: 'Master of Business Administration' },
    expected: [['institution.high-risk', 'high']],
  },
  {
    name: 'a school on the high-risk list, by website, whatever the name',
    education: { institution: 'AU Online', url: 'https://www.almeda.edu/degrees', studyType: 'PhD' },
    expected: [['institution.high-risk', 'high']],
  },
  {
    name: 'a name one slip away from a high-risk entry (medium: the slip may be a real other school)',
    education: { institution: 'Almeda Universty', studyType: 'Bachelor' },
    expected: [['institution.high-risk', 'medium']],
  },
  {
    name: 'a real school whose name reorders a high-risk entry',
    education: { institution: 'University of Canterbury', studyType: 'Bachelor', countryCode: 'NZ' },
    expected: [],
  },
  {
    name: 'a tertiary school no list has',
    education: { institution: 'Kim Il Sung University', studyType: 'Bachelor of Engineering' },
    expected: [['institution.not-found', 'low']],
  },
  {
    name: 'a school with no degree given but a university-like name that no list has',
    education: { institution: 'Hogwarts University of Witchcraft' },
    expected: [['institution.not-found', 'low']],
  },
  {
    name: 'a secondary school, not looked for',
    education: { institution: 'Lincoln Park High School', studyType: 'High School Diploma' },
    expected: [],
  },
  {
    name: 'an online certificate, not looked for',
    education: { institution: 'Coursera', studyType: 'Certificate' },
    expected: [],
  },
  {
    name: 'a school the entry places in another country than the one it is in',
    education: { institution: 'University of Toronto', studyType: 'Bachelor', countryCode: 'US' },
    expected: [['institution.country.mismatch', 'medium']],
  },
  {
    name: 'a country written after the name',
    education: { institution: 'Seoul National University, India', studyType: 'Master' },
    expected: [['institution.country.mismatch', 'medium']],
  },
  {
    name: 'a name that exists in the stated country too',
    education: { institution: 'Saint Louis University', studyType: 'Bachelor', countryCode: 'PH' },
    expected: [],
  },
  {
    name: "a master's from a community college whose highest award is an associate degree",
    education: { institution: 'Columbia State Community College', studyType: 'Master of Science' },
    expected: [['institution.degree.not-offered', 'medium']],
  },
  {
    name: 'a doctorate from a college whose highest award is a bachelor',
    education: { institution: 'Foothill College', studyType: 'PhD', area: 'Physics' },
    expected: [['institution.degree.not-offered', 'medium']],
  },
  {
    name: 'an associate degree from a community college',
    education: { institution: 'Columbia State Community College', studyType: 'Associate of Science' },
    expected: [],
  },
  {
    name: 'a degree from a school of the world list, which gives no degree levels',
    education: { institution: 'Anna University', studyType: 'PhD' },
    expected: [],
  },
]

describe('createInstitutionDetector over the real lists', () => {
  it('raises the four institution signals, named as registered', () => {
    expect(detector.name).toBe('institutions')
    expect(detector.signals.map((signal) => signal.code)).toEqual([
      'institution.not-found',
      'institution.high-risk',
      'institution.country.mismatch',
      'institution.degree.not-offered',
    ])
  })

  it.each(cases)('$name', ({ education, expected }) => {
    const signals = detectWith([education])
    expect(signals.map((signal) => [signal.code, signal.severity])).toEqual(expected)
  })

  it('gives the high-risk entry, its reason and list as evidence', () => {
    const [signal] = detectWith([
      { institution: 'Bachelor stuff', studyType: 'Bachelor' },
      { institution: 'AU Online', url: 'almeda.edu', studyType: 'PhD' },
    ]).filter((found) => found.code === 'institution.high-risk')
    expect(signal?.evidence).toEqual({
      educationIndex: 1,
      institutionAsWritten: 'AU Online',
      url: 'almeda.edu',
      listEntry: { name: 'Almeda University', countryCode: 'US', domains: ['almeda.edu'] },
      reason: 'unaccredited degree supplier',
      list: 'mills',
      matchedBy: 'domain',
      matched: 'almeda.edu',
      source: { name: 'mills', version: '2026-03-01' },
    })
    expect(signal?.message).toBe(
      'The school "AU Online" (education 2) matches "Almeda University" on the high-risk list "mills" by its website: unaccredited degree supplier.',
    )
  })

  it('gives the resolved school, how sure and how it matched, and the list version as evidence', () => {
    const [signal] = detectWith([{ institution: 'University of Toronto', studyType: 'Bachelor', countryCode: 'US' }])
    expect(signal?.evidence).toEqual({
      educationIndex: 0,
      institutionAsWritten: 'University of Toronto',
      resolved: {
        id: 'world-universities:utoronto.ca',
        name: 'University of Toronto',
        countryCode: 'CA',
        list: 'world-universities',
      },
      confidence: 1,
      method: 'exact',
      source: { name: 'world-universities', version: 'shared test data' },
      statedCountry: 'US',
      statedIn: 'entry',
    })
  })

  it('gives the closest candidate and every list searched when a school is not found', () => {
    const [signal] = detectWith([{ institution: 'Kim Il Sung University', studyType: 'Bachelor' }])
    expect(signal?.evidence).toMatchObject({
      educationIndex: 0,
      institutionAsWritten: 'Kim Il Sung University',
      level: 'bachelor',
      sources: [
        { name: 'world-universities', version: 'shared test data' },
        { name: 'ipeds', version: 'HD2022' },
      ],
    })
  })

  it('gives the claimed and highest degree when a degree is not offered', () => {
    const [signal] = detectWith([{ institution: 'Columbia State Community College', studyType: 'Master of Science' }])
    expect(signal?.evidence).toMatchObject({
      resolved: { id: 'ipeds:219888', name: 'Columbia State Community College', countryCode: 'US', list: 'ipeds' },
      claimedDegree: 'master',
      studyType: 'Master of Science',
      highestDegree: 'associate',
      source: { name: 'ipeds', version: 'HD2022' },
    })
  })

  it('never puts the applicant in the evidence', () => {
    const signals = detectWith(cases.map((testCase) => testCase.education))
    expect(signals.length).toBeGreaterThan(5)
    const evidence = JSON.stringify(signals.map((signal) => signal.evidence))
    expect(evidence).not.toMatch(/Jordan|Miller|birth|nationality/i)
  })

  it('is deterministic', () => {
    const education = cases.map((testCase) => testCase.education)
    expect(detectWith(education)).toEqual(detectWith(education))
  })
})

describe('createInstitutionDetector with partial data', () => {
  const ipedsOnly: readonly LoadedList<Institution>[] = realLists.filter((list) => list.source.name === 'ipeds')

  it('checks only the high-risk lists when no institution list is loaded', () => {
    const onlyHighRisk = createInstitutionDetector({ institutions: [], highRisk })
    const found = (education: ResumeEducation) => detectWith([education], onlyHighRisk).map((signal) => signal.code)
    expect(found({ institution: 'Kim Il Sung University', studyType: 'Bachelor' })).toEqual([])
    expect(found({ institution: 'Almeda University', studyType: 'Bachelor' })).toEqual(['institution.high-risk'])
  })

  it('calls a school not found only where the loaded lists cover its country', () => {
    const usOnly = createInstitutionDetector({ institutions: ipedsOnly, highRisk: [] })
    const found = (education: ResumeEducation) => detectWith([education], usOnly).map((signal) => signal.code)
    expect(found({ institution: 'Kim Il Sung University', studyType: 'Bachelor' })).toEqual([])
    expect(found({ institution: 'Kim Il Sung University', studyType: 'Bachelor', countryCode: 'KP' })).toEqual([])
    expect(
      found({ institution: 'Springfield Polytechnic University', studyType: 'Bachelor', countryCode: 'US' }),
    ).toEqual(['institution.not-found'])
  })

  it('takes thresholds from the options', () => {
    const lenient = createInstitutionDetector({ institutions: realLists, highRisk: [], options: { foundAt: 0 } })
    expect(detectWith([{ institution: 'Kim Il Sung University', studyType: 'Bachelor' }], lenient)).toEqual([])
  })
})
