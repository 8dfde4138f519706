import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { normaliseApplication } from '../normalise/normalise-application.js'
import type { ApplicationRecord, Resume, ResumeEducation, ResumeWork } from '../record/application-record.js'
import type { ReferenceData } from '../reference/reference-data.js'
import type { Severity } from '../signals/severity.js'
import { anApplication } from '../testing/an-application.js'
import { employmentDetector } from './employment-detector.js'

type Overrides = NonNullable<Parameters<typeof anApplication>[0]>

// Timelines need no outside lists.
const noReferenceData: ReferenceData = {
  isDisposableEmailDomain: () => false,
  isFreeEmailDomain: () => false,
  sources: [],
}

function detect(record: ApplicationRecord) {
  return employmentDetector.detect({ record, facts: normaliseApplication(record), reference: noReferenceData })
}

function withHistory(
  work: readonly ResumeWork[],
  education: readonly ResumeEducation[] = anApplication().cv.education ?? [],
  overrides: Overrides = {},
): ApplicationRecord {
  return anApplication({ cv: { ...anApplication().cv, work, education }, ...overrides })
}

const noBirthDate: Overrides = { person: {} }
// The default applicant: born 1997, bachelor's 2015-09 to 2019-06.
const bachelor: ResumeEducation = {
  institution: 'UC Davis',
  studyType: 'Bachelor',
  startDate: '2015-09',
  endDate: '2019-06',
}
const highSchool: ResumeEducation = {
  institution: 'Davis Senior High School',
  studyType: 'High School Diploma',
  startDate: '2011-09',
  endDate: '2015-06',
}

type Case = {
  readonly name: string
  readonly work: readonly ResumeWork[]
  readonly education?: readonly ResumeEducation[]
  readonly overrides?: Overrides
  readonly expected: readonly (readonly [string, Severity])[]
}

// The application is submitted on 2026-03-02.
const cases: readonly Case[] = [
  {
    name: 'a role that starts after the application',
    work: [
      { name: 'Acme', position: 'Software Engineer', startDate: '2019-07', endDate: '2025-12' },
      { name: 'Globex', position: 'Software Engineer', startDate: '2026-06' },
    ],
    expected: [['employment.date.future', 'medium']],
  },
  {
    name: 'a role that ends two years after the application',
    work: [{ name: 'Acme', position: 'Software Engineer', startDate: '2019-07', endDate: '2028-01' }],
    expected: [['employment.date.future', 'medium']],
  },
  {
    name: 'a role that ends before it starts',
    work: [{ name: 'Acme', position: 'Software Engineer', startDate: '2022-05', endDate: '2021-01' }],
    expected: [['employment.date.inverted', 'low']],
  },
  {
    name: 'two full-time jobs overlapping by fifteen months',
    work: [
      { name: 'Acme', position: 'Software Engineer', startDate: '2019-07', endDate: '2022-05' },
      { name: 'Globex', position: 'Backend Developer', startDate: '2021-01', endDate: '2022-12' },
    ],
    expected: [['employment.overlap.full-time', 'medium']],
  },
  {
    name: 'two current full-time jobs (the moonlighting pattern)',
    work: [
      { name: 'Acme', position: 'Software Engineer', startDate: '2021-03' },
      { name: 'Globex', position: 'Full Stack Developer', startDate: '2023-08' },
      { name: 'Initech', position: 'React Developer', startDate: '2024-02' },
    ],
    expected: [
      ['employment.overlap.full-time', 'medium'],
      ['employment.overlap.full-time', 'medium'],
      ['employment.overlap.full-time', 'medium'],
    ],
  },
  {
    name: 'a job at thirteen by the stated birth date',
    work: [{ name: 'Acme', position: 'Software Engineer', startDate: '2010-06', endDate: '2014-01' }],
    expected: [['employment.before-plausible-age', 'medium']],
  },
  {
    name: 'an internship at ten by the stated birth date',
    work: [{ name: 'Acme', position: 'Engineering Intern', startDate: '2007-06', endDate: '2007-08' }],
    expected: [['employment.before-plausible-age', 'medium']],
  },
  {
    name: 'without a birth date, a job six years before secondary school began (weak)',
    work: [{ name: 'Acme', position: 'Software Developer', startDate: '2005', endDate: '2009' }],
    education: [highSchool, bachelor],
    overrides: noBirthDate,
    expected: [['employment.before-plausible-age', 'low']],
  },
  {
    name: 'a senior title straight out of school',
    work: [{ name: 'Brightline Health', position: 'Senior Software Engineer', startDate: '2019-07' }],
    expected: [['employment.seniority-exceeds-experience', 'medium']],
  },
  {
    name: 'a staff title after three years',
    work: [
      { name: 'Acme', position: 'Software Engineer', startDate: '2019-07', endDate: '2022-06' },
      { name: 'Globex', position: 'Staff Software Engineer', startDate: '2022-07' },
    ],
    expected: [['employment.seniority-exceeds-experience', 'low']],
  },
  {
    name: 'a CTO after one year',
    work: [
      { name: 'Acme', position: 'Software Engineer', startDate: '2019-07', endDate: '2020-06' },
      { name: 'Globex', position: 'CTO', startDate: '2020-07' },
    ],
    expected: [['employment.seniority-exceeds-experience', 'medium']],
  },
  {
    name: 'a VP after five years counted as a union, not a sum, of overlapping part-time work',
    work: [
      { name: 'Acme', position: 'Software Engineer', startDate: '2019-07', endDate: '2024-06' },
      { name: 'Self', position: 'Freelance Developer', startDate: '2020-01', endDate: '2024-06' },
      { name: 'Globex', position: 'VP of Engineering', startDate: '2024-07' },
    ],
    expected: [['employment.seniority-exceeds-experience', 'low']],
  },
  // Hard negatives: each must stay silent.
  { name: 'the clean default applicant', work: anApplication().cv.work ?? [], expected: [] },
  {
    name: 'a career gap of three years',
    work: [
      { name: 'Acme', position: 'Software Engineer', startDate: '2015-01', endDate: '2019-12' },
      { name: 'Globex', position: 'Senior Software Engineer', startDate: '2023-01' },
    ],
    education: [{ ...bachelor, startDate: '2010-09', endDate: '2014-06' }],
    overrides: noBirthDate,
    expected: [],
  },
  {
    name: 'a part-time job during studies and freelance work beside a job',
    work: [
      { name: 'Starbucks', position: 'Barista (part-time)', startDate: '2016-01', endDate: '2019-05' },
      { name: 'Campus IT', position: 'Student Help Desk Technician', startDate: '2017-09', endDate: '2019-05' },
      { name: 'Acme', position: 'Software Engineer', startDate: '2019-07' },
      { name: 'Upwork', position: 'Freelance Web Developer', startDate: '2020-01', endDate: '2023-01' },
    ],
    expected: [],
  },
  {
    name: 'a promotion inside the same company, the titles overlapping on the CV',
    work: [
      { name: 'Google', position: 'Software Engineer', startDate: '2019-07', endDate: '2022-09' },
      { name: 'Google LLC', position: 'Senior Software Engineer', startDate: '2022-04' },
    ],
    expected: [],
  },
  {
    name: 'year-only dates that touch',
    work: [
      { name: 'Acme', position: 'Software Engineer', startDate: '2019', endDate: '2022' },
      { name: 'Globex', position: 'Software Engineer', startDate: '2022' },
    ],
    expected: [],
  },
  {
    name: 'a role ending and the next starting in the same month, and a two-month notice overlap',
    work: [
      { name: 'Acme', position: 'Software Engineer', startDate: '2019-07', endDate: '2021-05' },
      { name: 'Globex', position: 'Software Engineer', startDate: '2021-05', endDate: '2023-03' },
      { name: 'Initech', position: 'Software Engineer', startDate: '2023-01' },
    ],
    expected: [],
  },
  {
    name: 'an own start-up with a chief title, beside a job',
    work: [
      { name: 'Acme', position: 'Software Engineer', startDate: '2019-07' },
      { name: 'Tiny Labs', position: 'Co-founder & CEO', startDate: '2020-01' },
    ],
    expected: [],
  },
  {
    name: 'a senior title as the first role with no education to say when the career began (CV trimmed?)',
    work: [{ name: 'Acme', position: 'Senior Software Engineer', startDate: '2016-01' }],
    education: [],
    overrides: noBirthDate,
    expected: [],
  },
  {
    name: 'a senior title as the first listed role years after the degree',
    work: [{ name: 'Acme', position: 'Senior Software Engineer', startDate: '2016-01' }],
    education: [{ ...bachelor, startDate: '2005-09', endDate: '2009-06' }],
    overrides: noBirthDate,
    expected: [],
  },
  {
    name: 'a doctorate counting as experience for a senior research title',
    work: [{ name: 'DeepMind', position: 'Senior Research Scientist', startDate: '2019-09' }],
    education: [
      { ...bachelor, startDate: '2010-09', endDate: '2014-06' },
      { institution: 'MIT', studyType: 'PhD', startDate: '2014-09', endDate: '2019-08' },
    ],
    overrides: noBirthDate,
    expected: [],
  },
  {
    name: 'entry titles that only look senior',
    work: [
      { name: 'KPMG', position: 'Staff Accountant', startDate: '2019-07', endDate: '2020-06' },
      { name: 'Citi', position: 'Assistant Vice President', startDate: '2020-07', endDate: '2021-06' },
      { name: 'AWS', position: 'Associate Solutions Architect', startDate: '2021-07', endDate: '2022-06' },
      { name: 'HubSpot', position: 'Lead Generation Specialist', startDate: '2022-07' },
    ],
    expected: [],
  },
  {
    name: 'a summer job at fourteen and an internship at sixteen',
    work: [
      { name: 'City Pool', position: 'Lifeguard (summer job)', startDate: '2011-06', endDate: '2011-08' },
      { name: 'Acme', position: 'Software Engineering Intern', startDate: '2013-06', endDate: '2013-08' },
      { name: 'Acme', position: 'Software Engineer', startDate: '2019-07' },
    ],
    expected: [],
  },
  {
    name: 'without a birth date, years of work before a first degree (a mature student)',
    work: [
      { name: 'Walmart', position: 'Warehouse Associate', startDate: '2005', endDate: '2012' },
      { name: 'Acme', position: 'Software Engineer', startDate: '2016-07' },
    ],
    education: [{ ...bachelor, startDate: '2012-09', endDate: '2016-06' }],
    overrides: noBirthDate,
    expected: [],
  },
  {
    name: 'without a birth date, years of work before an adult GED',
    work: [
      { name: 'Bright Electric', position: 'Electrician', startDate: '2000', endDate: '2010' },
      { name: 'Acme', position: 'Software Engineer', startDate: '2016-07' },
    ],
    education: [
      { institution: 'Sacramento Adult School', studyType: 'GED', startDate: '2011-01', endDate: '2011-06' },
      { ...bachelor, startDate: '2012-09', endDate: '2016-06' },
    ],
    overrides: noBirthDate,
    expected: [],
  },
  {
    name: 'roles without dates or with dates no parser reads',
    work: [
      { name: 'Acme', position: 'Senior Engineer' },
      { name: 'Globex', position: 'CTO', startDate: 'soon' },
    ],
    expected: [],
  },
]

describe('employmentDetector', () => {
  it.each(cases)('$name', ({ work, education, overrides, expected }) => {
    const found = detect(withHistory(work, education, overrides)).map((signal) => [signal.code, signal.severity])
    expect(found).toEqual(expected)
  })

  it('names both roles and the overlap in months', () => {
    const [signal] = detect(
      withHistory([
        { name: 'Acme', position: 'Software Engineer', startDate: '2019-07', endDate: '2022-05' },
        { name: 'Globex', position: 'Backend Developer', startDate: '2021-01', endDate: '2022-12' },
      ]),
    )
    expect(signal?.message).toBe(
      '"Software Engineer" at Acme (2019-07 to 2022-05) and "Backend Developer" at Globex (2021-01 to 2022-12) ' +
        'overlap by at least 15 months, and neither reads as part-time.',
    )
    expect(signal?.evidence).toEqual({
      first: {
        path: 'cv.work[0]',
        employer: 'Acme',
        position: 'Software Engineer',
        startDate: '2019-07',
        endDate: '2022-05',
      },
      second: {
        path: 'cv.work[1]',
        employer: 'Globex',
        position: 'Backend Developer',
        startDate: '2021-01',
        endDate: '2022-12',
      },
      overlapMonths: 15,
    })
  })

  it('gives the title, its start and the years of prior experience found', () => {
    const [signal] = detect(
      withHistory([
        { name: 'Acme', position: 'Software Engineer', startDate: '2019-07', endDate: '2020-06' },
        { name: 'Globex', position: 'CTO', startDate: '2020-07' },
      ]),
    )
    expect(signal?.evidence).toMatchObject({
      path: 'cv.work[1]',
      position: 'CTO',
      startDate: '2020-07',
      tier: 'executive',
      keyword: 'cto',
      priorExperienceYears: 1.1,
      usualYears: 7,
    })
    expect(signal?.message).toBe(
      '"CTO" at Globex starts in 2020-07 after at most 1.1 years of experience, where a "cto" title usually follows about 7.',
    )
  })

  it('counts overlapping earlier work once', () => {
    const [signal] = detect(
      withHistory([
        { name: 'Acme', position: 'Software Engineer', startDate: '2019-07', endDate: '2024-06' },
        { name: 'Self', position: 'Freelance Developer', startDate: '2020-01', endDate: '2024-06' },
        { name: 'Globex', position: 'VP of Engineering', startDate: '2024-07' },
      ]),
    )
    expect(signal?.evidence).toMatchObject({ priorExperienceYears: 5.1, tier: 'executive' })
  })

  it('stays silent on the JSON Resume sample document (a student-founder CEO)', () => {
    const path = new URL('../../../../../shared/data/resumes/jsonresume_sample.resume.json', import.meta.url)
    const cv = JSON.parse(readFileSync(path, 'utf8')) as Resume
    expect(detect(anApplication({ cv, person: {} }))).toEqual([])
  })

  it('documents every code it raises', () => {
    const codes = employmentDetector.signals.map((definition) => definition.code)
    expect(new Set(codes).size).toBe(5)
    for (const code of codes) expect(code).toMatch(/^employment\.[a-z-]+(\.[a-z-]+)*$/)
  })
})
